package dev.headroom.cli;

import static dev.headroom.cli.Cli.assertThat;
import static dev.headroom.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code headroom advise}: exit codes, errors and what it says. */
class AdviseCliTest {

  @TempDir Path tmp;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void adviceIsExitZeroWhetherOrNotAnythingFits() {
    // 1 agent: 766 MiB on 432 MiB available; nine optimizations (10 hours) bring it to 385 MiB
    assertThat(run("advise", "--host", "pi-zero-2w"))
        .exitedWith(0)
        .outContains("advice      9 optimizations, 10 hours of effort: --apply code-splitting,",
            "after       267..385 MiB, 89.1% of available: WARN", "recommended  pi-4b-4gb")
        .errIsEmpty();
    // 2 agents: the most they save (762 MiB) leaves 710 MiB, 321.2 MiB above 0.9 × 432 = 388.8
    assertThat(run("advise", "--host", "pi-zero-2w", "--agents", "2"))
        .exitedWith(0)
        .outContains("no set of optimizations is enough", "short by  321.2 MiB");
    // the tuned scenario applies everything: 321 MiB fits as it is
    assertThat(run("advise", "--host", "pi-zero-2w", "--scenario", "tuned"))
        .exitedWith(0)
        .outContains("it fits as it is: nothing to apply (0 hours)", "16 optimizations already applied by the scenario: code-splitting, disable-build-cache, ef-no-tracking");
  }

  @Test
  void unknownIdsAreInputErrorsWithASuggestion() {
    assertThat(run("advise", "--host", "pi-zero-2x"))
        .exitedWith(2).outIsEmpty().errContains("unknown host 'pi-zero-2x'; did you mean 'pi-zero-2w'?").hasNoStackTrace();
    assertThat(run("advise", "--host", "pi-zero-2w", "--stack", "booking-agnt"))
        .exitedWith(2).errContains("unknown stack 'booking-agnt'; did you mean 'booking-agent'?");
    assertThat(run("advise", "--host", "pi-zero-2w", "--candidates", "pi-4b-4gb,pi-5-8g"))
        .exitedWith(2).errContains("unknown host 'pi-5-8g'; did you mean 'pi-5-8gb'?");
    assertThat(run("advise", "--host", "pi-zero-2w", "--scenario", "tunned"))
        .exitedWith(2).errContains("unknown scenario 'tunned'", "did you mean 'tuned'?");
    assertThat(run("advise", "--host", "pi-zero-2w", "--apply", "pg-work-men"))
        .exitedWith(2).errContains("unknown optimization 'pg-work-men'", "did you mean 'pg-work-mem'?");
  }

  @Test
  void usageErrors() {
    assertThat(run("advise", "--agents", "2"))
        .exitedWith(2).errContains("Missing required option: '--host=HOST'", "Run 'headroom advise --help' for usage.");
    assertThat(run("advise", "--host", "pi-zero-2w", "--agents", "-1")).exitedWith(2).errContains("--agents must be 0 or more");
    assertThat(run("advise", "--host", "pi-zero-2w", "--format", "yaml")).exitedWith(2).errContains("--format");
    assertThat(run("advise", "--host", "pi-zero-2w", "--candidates", "")).exitedWith(2).errContains("no host given");
    assertThat(run("advise", "--host", "pi-zero-2w", "--agents", "9223372036854775807"))
        .exitedWith(2).errContains("too large").hasNoStackTrace();
    assertThat(run("advise", "--help")).exitedWith(0).outContains("--candidates", "Exit codes: 0 advice given, whether or not anything fits");
  }

  @Test
  void jsonSaysWhetherAndWhatToApply() throws IOException {
    Cli.Result r = run("advise", "--host", "pi-zero-2w", "--scenario", "aot", "--format", "json");
    assertThat(r).exitedWith(0);
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.path("schema").asText()).isEqualTo("headroom.advise/v1");
    assertThat(j.path("feasible_now").asBoolean()).isFalse();
    // 3 hours either way: pg-wal-buffers (12 MiB) or pg-work-mem (40 MiB) beside the two large
    // ones; the larger saving wins
    assertThat(j.path("optimizations").path("apply").toString())
        .isEqualTo("[\"pg-max-connections\",\"pg-shared-buffers\",\"pg-work-mem\"]");
    assertThat(j.path("optimizations").path("effort_hours").decimalValue()).isEqualByComparingTo("3");
    // 180 + 112 + 40 = 332 MiB
    assertThat(j.path("optimizations").path("saves").path("high_bytes").asLong()).isEqualTo(332L << 20);
    assertThat(j.path("recommended_host").asText()).isEqualTo("pi-4b-4gb");
    assertThat(j.path("smallest_fitting_host").asText()).isEqualTo("pi-4b-4gb");

    JsonNode none = JSON.readTree(run("advise", "--host", "pi-zero-2w", "--agents", "2", "--format", "json").out());
    assertThat(none.path("optimizations").path("feasible").asBoolean()).isFalse();
    assertThat(none.path("optimizations").path("apply").isNull()).isTrue();
    assertThat(none.path("optimizations").path("limited_by").toString()).isEqualTo("[\"memory\"]");
    // 710 MiB − ⌊0.9 × 432 MiB⌋ = 744488960 − 407686348 = 336802612 bytes
    assertThat(none.path("optimizations").path("shortfall").path("memory_bytes").asLong()).isEqualTo(336_802_612L);
    assertThat(none.path("optimizations").path("best_possible").path("apply")).hasSize(9);
  }

  @Test
  void theGreedyTrapFromAUserCatalog() throws IOException {
    // 1000 MiB on 1000 MiB, limit 900: quick (90 MiB, 1 h) then deep (100 MiB, 1.5 h) is what
    // greedy by MiB per hour takes, 2.5 hours; deep alone is enough for 1.5
    Files.writeString(tmp.resolve("box.yaml"), "kind: host\nid: box\nmemory: {total: 1000MiB}\ncost_per_hour: 0.05\n");
    Files.writeString(tmp.resolve("app.yaml"), """
        kind: service
        id: app
        memory:
          components:
            - {name: base, size: 700MiB}
            - name: a
              size: 100MiB
              optimizations: [{id: quick, saves: 90MiB, effort_hours: 1}]
            - name: b
              size: 100MiB
              optimizations: [{id: deep, saves: 100MiB, effort_hours: 1.5}]
            - name: c
              size: 100MiB
              optimizations: [{id: tiny, saves: 10MiB, effort_hours: 1}, {id: someday, saves: 100MiB}]
        """);
    Files.writeString(tmp.resolve("one.yaml"), "kind: stack\nid: one\nshared: [app]\n");
    assertThat(run("advise", "--catalog", tmp.toString(), "--host", "box", "--stack", "one", "--candidates", "box"))
        .exitedWith(0)
        .outContains("advice      1 optimization, 1.5 hours of effort: --apply deep",
            "after       900 MiB, 90.0% of available: WARN",
            "someday           ?  100 MiB  app       effort unknown",
            "note: 1 optimization has no effort_hours and is not offered: someday");
  }

  @Test
  void outputFileIsWrittenAtomicallyAndNotOverwrittenWithoutForce() throws IOException {
    Path out = tmp.resolve("advice.md");
    assertThat(run("advise", "--host", "pi-zero-2w", "--format", "markdown", "-o", out.toString())).exitedWith(0).outIsEmpty();
    String first = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(first).startsWith("## booking-agent on pi-zero-2w: fits with 9 optimizations (10 hours)");
    assertThat(run("advise", "--host", "pi-zero-2w", "--agents", "2", "-o", out.toString()))
        .exitedWith(2).errContains("already exists; pass --force to overwrite it");
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(first);
    assertThat(run("advise", "--host", "pi-zero-2w", "--agents", "2", "--format", "markdown", "-o", out.toString(),
        "--force")).exitedWith(0);
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("no set of optimizations is enough");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("advice.md");
    }
  }

  @Test
  void colourOnlyOnATerminal() {
    assertThat(Cli.runWith(java.util.Map.of(), true, "advise", "--host", "pi-zero-2w")).exitedWith(0).outContains("\u001b[");
    assertThat(Cli.runWith(java.util.Map.of("NO_COLOR", "1"), true, "advise", "--host", "pi-zero-2w"))
        .exitedWith(0).outDoesNotContain("\u001b[");
  }
}
