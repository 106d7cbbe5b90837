package dev.headroom.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.headroom.load.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the compose loader with interpolation (docs/fuzzing.md): a compose file and its {@code
 * .env} from the input, read as docker compose reads them (interpolation, merge keys, {@code
 * extends}, profiles, replicas, the agent template for up to 3 agents). The contract: a project,
 * or headroom's own input error; never another exception; both files unchanged.
 */
class ComposeFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void composeWithEnv(FuzzedDataProvider in) throws IOException {
    byte[] env = in.consumeBytes(in.consumeInt(0, 512));
    byte[] compose = in.consumeRemainingAsBytes();
    Path dir = Files.createTempDirectory("headroom-fuzz");
    Path file = dir.resolve("compose.yaml");
    Path dotEnv = dir.resolve(".env");
    try {
      Files.write(file, compose);
      Files.write(dotEnv, env);
      try {
        ComposeLoader loader = new ComposeLoader(ComposeLoader.Options.of(List.of(file), Map.of()));
        loader.load();
        if (loader.isAgentTemplate()) {
          loader.load(Math.min(3, loader.maxTemplateAgents()));
        }
      } catch (InputException | InterpolationException e) {
        // headroom's own input errors: fine
      }
      assertThat(Files.readAllBytes(file)).isEqualTo(compose);
      assertThat(Files.readAllBytes(dotEnv)).isEqualTo(env);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dotEnv);
      Files.deleteIfExists(dir);
    }
  }
}
