package dev.headroom.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzzes the catalog loader (docs/fuzzing.md): any bytes as a catalog file, read, validated and
 * resolved as a layer of its own. The contract (DESIGN.md section 5): a catalog, or headroom's own
 * {@link InputException} whose problems each name the file; never another exception; the file
 * unchanged.
 */
class CatalogFuzzTest {

  private static final CatalogLoader LOADER = new CatalogLoader(new YamlReader());

  @FuzzTest(maxDuration = "10m")
  void catalogFile(byte[] data) throws IOException {
    Path dir = Files.createTempDirectory("headroom-fuzz");
    Path file = dir.resolve("fuzz.yaml");
    try {
      Files.write(file, data);
      try {
        LOADER.load(false, List.of(file));
      } catch (InputException e) {
        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.format()).startsWith(file.toString()));
      }
      assertThat(Files.readAllBytes(file)).isEqualTo(data);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }
}
