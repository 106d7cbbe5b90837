package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code headroom completion}: the script, and bash completing with it. */
class CompletionTest {

  @TempDir Path dir;

  @Test
  void bashScriptNamesCommandsOptionsAndCatalogIds() {
    Cli.Result r = Cli.run("completion", "bash");
    Cli.assertThat(r).exitedWith(0).errIsEmpty();
    assertThat(r.out()).contains("_complete_headroom", "complete -F _complete_headroom")
        .contains("plan", "matrix", "check", "tune", "completion")
        .contains("pi-zero-2w", "dev-15gb", "g4dn-xlarge")
        .contains("booking-agent", "agent-hive")
        .contains("--fail-on", "--format");
  }

  @Test
  void zshLoadsBashCompletionFirst() {
    Cli.Result r = Cli.run("completion", "zsh");
    Cli.assertThat(r).exitedWith(0);
    assertThat(r.out().lines().limit(2).toList())
        .containsExactly("autoload -U +X compinit && compinit", "autoload -U +X bashcompinit && bashcompinit");
    assertThat(r.out()).contains("_complete_headroom");
  }

  @Test
  void anotherShellIsAUsageError() {
    Cli.Result r = Cli.run("completion", "fish");
    Cli.assertThat(r).exitedWith(2).outIsEmpty().errContains("Invalid value for positional parameter at index 0 (SHELL): expected one of [bash, zsh]");
  }

  /** Sources the script in bash and completes {@code words}, the last being the word under the cursor. */
  private List<String> complete(String... words) throws IOException, InterruptedException {
    Path script = dir.resolve("headroom.bash");
    Files.writeString(script, Cli.run("completion", "bash").out());
    StringBuilder sh = new StringBuilder("source '" + script + "' 2>/dev/null\nCOMP_WORDS=(");
    for (String w : words) {
      sh.append('\'').append(w).append("' ");
    }
    String line = String.join(" ", words);
    sh.append(")\nCOMP_CWORD=").append(words.length - 1).append("\nCOMP_LINE='").append(line).append("'\nCOMP_POINT=").append(line.length())
        .append("\n_complete_headroom headroom '").append(words[words.length - 1]).append("' '").append(words[words.length - 2])
        .append("' 2>/dev/null\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n");
    Process p = new ProcessBuilder("bash", "-c", sh.toString()).redirectErrorStream(false).start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isEmpty()).sorted().toList();
  }

  private static boolean hasBash() {
    try {
      return new ProcessBuilder("bash", "-c", "true").start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  @Test
  void bashCompletesCommandsAndHostIds() throws Exception {
    assumeTrue(hasBash(), "bash is not installed");
    assertThat(complete("headroom", "pl")).containsExactly("plan");
    assertThat(complete("headroom", "plan", "--host", "pi")).containsExactly("pi-4b-4gb", "pi-5-8gb", "pi-zero-2w");
    assertThat(complete("headroom", "check", "--host", "")).contains("dev-15gb", "g4dn-xlarge", "pi-zero-2w");
    assertThat(complete("headroom", "matrix", "--hosts", "a")).containsExactly("all");
    assertThat(complete("headroom", "plan", "--stack", "bo")).containsExactly("booking-agent");
    assertThat(complete("headroom", "plan", "--format", "j")).containsExactly("json");
  }
}
