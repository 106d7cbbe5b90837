package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Fuzzes the catalog loader through the CLI (docs/fuzzing.md): any bytes as a catalog file, then
 * {@code validate} it and {@code plan} with it as a layer. The contract (DESIGN.md section 5): exit
 * 0, 1 or 2, never an internal error or a stack trace, and the input left as it was.
 */
class CatalogFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void catalogFile(byte[] data) throws IOException {
    Path dir = Files.createTempDirectory("headroom-fuzz");
    try {
      Path file = dir.resolve("fuzz.yaml");
      Files.write(file, data);
      FuzzContract.holds(Cli.runWith(Map.of(), "validate", file.toString()));
      FuzzContract.holds(Cli.runWith(Map.of(), "plan", "--catalog", dir.toString(), "--host", "pi-zero-2w"));
      assertThat(Files.readAllBytes(file)).isEqualTo(data);
    } finally {
      FuzzContract.delete(dir);
    }
  }
}
