package dev.headroom.cli;

import static dev.headroom.cli.Cli.assertThat;
import static dev.headroom.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports in {@code docs/capacity/} are what the current code and catalog write: each is
 * regenerated into a temporary directory with the command {@code docs/report.md} documents and
 * compared, report and chart. After a deliberate change: {@code mvn test -Dtest=ReportDocsTest
 * -Ddocs.update=true}, then review the diff.
 */
class ReportDocsTest {

  private static final Path DIR = Path.of("docs", "capacity");
  private static final List<String> STACKS = List.of("booking-agent", "g4dn-ml", "agent-hive");
  private static final boolean UPDATE = Boolean.getBoolean("docs.update");

  @TempDir Path tmp;

  @Test
  void theDocumentedCommandIsTheOneTested() throws IOException {
    assertThat(Files.readString(Path.of("docs", "report.md"), StandardCharsets.UTF_8))
        .contains("for s in " + String.join(" ", STACKS) + "; do\n"
            + "  bin/headroom report --stack $s --hosts all --max-agents 8 -o docs/capacity/$s.md --force\n");
  }

  @Test
  void theCommittedReportsAreCurrent() throws IOException {
    for (String s : STACKS) {
      Path md = tmp.resolve(s + ".md");
      assertThat(run("report", "--stack", s, "--hosts", "all", "--max-agents", "8", "-o", md.toString(), "--force"))
          .exitedWith(0);
      for (String name : List.of(s + ".md", s + ".svg")) {
        if (UPDATE) {
          Files.createDirectories(DIR);
          Files.copy(tmp.resolve(name), DIR.resolve(name), StandardCopyOption.REPLACE_EXISTING);
          continue;
        }
        assertThat(Files.readString(tmp.resolve(name), StandardCharsets.UTF_8))
            .as("docs/capacity/" + name + " (regenerate: mvn test -Dtest=ReportDocsTest -Ddocs.update=true)")
            .isEqualTo(Files.readString(DIR.resolve(name), StandardCharsets.UTF_8));
      }
    }
  }
}
