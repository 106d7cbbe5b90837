package dev.headroom.cli;

import static dev.headroom.cli.Cli.assertThat;
import static dev.headroom.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code headroom report}: where the chart goes, what -o writes, what a hostile catalog cannot do. */
class ReportCliTest {

  @TempDir Path tmp;

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  @Test
  void toStandardOutputTheChartIsAMermaidBlock() {
    assertThat(run("report", "--hosts", "pi-zero-2w", "--max-agents", "2"))
        .exitedWith(0)
        .outContains("# Capacity report: Booking multi-agent stack", "```mermaid\nxychart-beta", "## Claims checked")
        .errIsEmpty();
  }

  @Test
  void withOTheChartIsAnSvgBesideTheReportAndLinked() throws IOException {
    Path md = tmp.resolve("capacity.md");
    assertThat(run("report", "--hosts", "pi-zero-2w,pi-4b-4gb", "--max-agents", "3", "-o", md.toString()))
        .exitedWith(0)
        .errIsEmpty();
    String report = read(md);
    assertThat(report).contains("![Memory demand against available memory](capacity.svg)").doesNotContain("```mermaid");
    assertThat(read(tmp.resolve("capacity.svg"))).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n");
    // both exist now: a second run needs --force, and writes neither without it
    assertThat(run("report", "--hosts", "pi-zero-2w", "--max-agents", "1", "-o", md.toString()))
        .exitedWith(2)
        .errContains("capacity.svg")
        .errContains("--force");
    assertThat(read(md)).isEqualTo(report);
    assertThat(run("report", "--hosts", "pi-zero-2w", "--max-agents", "1", "-o", md.toString(), "--force")).exitedWith(0);
    assertThat(read(md)).isNotEqualTo(report).contains("agents 1..1");
  }

  @Test
  void aReportNamedLikeItsChartIsRefused() {
    assertThat(run("report", "-o", tmp.resolve("capacity.svg").toString()))
        .exitedWith(2)
        .errContains("the chart would be written over the report");
    assertThat(tmp.resolve("capacity.svg")).doesNotExist();
  }

  @Test
  void htmlIsOnePageWithTheChartInsideAndNothingFromACatalogBecomesMarkup() throws IOException {
    Files.writeString(tmp.resolve("evil.yaml"), """
        kind: host
        id: evil
        name: "<script>alert(1)</script> | **bold** ![x](http://example.com/x.png)"
        memory: {total: 1GiB, reserved: 0}
        source: "<img src=x onerror=alert(1)>"
        """, StandardCharsets.UTF_8);
    Cli.Result r = run("report", "--catalog", tmp.toString(), "--hosts", "evil,pi-zero-2w", "--max-agents", "2", "--format", "html");
    assertThat(r).exitedWith(0).errIsEmpty();
    assertThat(r.out()).startsWith("<!DOCTYPE html>").contains("<svg xmlns=").contains("</html>")
        .doesNotContain("<script>", "<img", "<strong>bold</strong>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void theOverflowRiskIsReproducibleAndItsOptionsAreChecked() {
    String[] args = {"report", "--hosts", "pi-4b-4gb", "--scenario", "current", "--max-agents", "2", "--samples", "5000"};
    Cli.Result a = run(args);
    // 6 agents on the Pi 4B: 3688..4296 MiB against 4016 MiB available, so an overflow is possible, not certain
    assertThat(a).exitedWith(0).outContains("## Overflow risk", "| `current` | `pi-4b-4gb` | 5 | 6 agents: 3688..4296 MiB | 100% | ");
    assertThat(run(args).out()).isEqualTo(a.out());
    assertThat(run("report", "--hosts", "pi-4b-4gb", "--max-agents", "2", "--samples", "5000", "--seed", "7").out())
        .isNotEqualTo(a.out());
    assertThat(run("report", "--samples", "5")).exitedWith(2).errContains("--samples must be between 100 and");
  }

  @Test
  void anUnknownFormatOrHostIsAUsageOrInputError() {
    assertThat(run("report", "--format", "pdf")).exitedWith(2).errContains("pdf");
    assertThat(run("report", "--hosts", "pi-zero-2x")).exitedWith(2).errContains("did you mean 'pi-zero-2w'");
  }
}
