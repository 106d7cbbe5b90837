package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** What every run of the CLI on hostile input must be (DESIGN.md section 5, C1). */
final class FuzzContract {
  private FuzzContract() {}

  static void holds(Cli.Result r) {
    assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isBetween(0, 2);
    assertThat(r.err()).doesNotContain("internal error").doesNotContain("\tat dev.headroom.").doesNotContain("Exception");
    if (r.exit() == 2) {
      assertThat(r.err()).startsWith("error: ");
    }
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
