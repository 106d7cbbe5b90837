package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Fuzzes the compose loader with interpolation through the CLI (docs/fuzzing.md): a compose file
 * and its {@code .env} from the input, then {@code check} against a host as JSON. The contract:
 * exit 0, 1 or 2, never an internal error or a stack trace, valid JSON whenever the exit is 0 or 1,
 * and the inputs left as they were.
 */
class ComposeFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void composeWithEnv(FuzzedDataProvider in) throws IOException {
    byte[] env = in.consumeBytes(in.consumeInt(0, 512));
    byte[] compose = in.consumeRemainingAsBytes();
    Path dir = Files.createTempDirectory("headroom-fuzz");
    try {
      Path file = dir.resolve("compose.yaml");
      Files.write(file, compose);
      Files.write(dir.resolve(".env"), env);
      Cli.Result r = Cli.runWith(Map.of("HOME", dir.toString()), "check", "-f", file.toString(), "--host", "pi-zero-2w",
          "--agents", "3", "--format", "json");
      FuzzContract.holds(r);
      if (r.exit() != 2) {
        assertThat(r.out()).startsWith("{");
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
      }
      assertThat(Files.readAllBytes(file)).isEqualTo(compose);
      assertThat(new String(Files.readAllBytes(dir.resolve(".env")), StandardCharsets.ISO_8859_1))
          .isEqualTo(new String(env, StandardCharsets.ISO_8859_1));
    } finally {
      FuzzContract.delete(dir);
    }
  }
}
