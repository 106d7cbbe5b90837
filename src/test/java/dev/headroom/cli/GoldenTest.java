package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files for every output format: each directory under {@code src/test/resources/golden/}
 * holds {@code args} (one argument per line), the expected {@code stdout} and {@code exit}, and
 * {@code stderr} when something is expected there. A case without its expected files fails.
 *
 * <p>After a deliberate output change: {@code mvn test -Dtest=GoldenTest -Dgolden.update=true},
 * then review the diff.
 */
class GoldenTest {

  static final Path ROOT = Path.of("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TestFactory
  Stream<DynamicTest> goldenCases() throws IOException {
    List<Path> cases = new ArrayList<>();
    try (Stream<Path> s = Files.list(ROOT)) {
      s.filter(p -> Files.isRegularFile(p.resolve("args"))).sorted().forEach(cases::add);
    }
    return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  @Test
  void everyDirectoryIsACase() throws IOException {
    try (Stream<Path> s = Files.list(ROOT)) {
      List<String> orphans =
          s.filter(Files::isDirectory)
              .filter(d -> !d.getFileName().toString().equals("catalog"))
              .filter(d -> !Files.isRegularFile(d.resolve("args")))
              .map(Path::toString)
              .toList();
      assertThat(orphans).as("golden directories without an args file").isEmpty();
    }
  }

  private static void check(Path dir) throws IOException {
    List<String> args =
        Files.readAllLines(dir.resolve("args"), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    Cli.Result r = Cli.runWith(Map.of(), args.toArray(new String[0]));
    if (UPDATE) {
      Files.writeString(dir.resolve("stdout"), r.out(), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("exit"), r.exit() + "\n", StandardCharsets.UTF_8);
      if (r.err().isEmpty()) {
        Files.deleteIfExists(dir.resolve("stderr"));
      } else {
        Files.writeString(dir.resolve("stderr"), r.err(), StandardCharsets.UTF_8);
      }
      return;
    }
    assertThat(dir.resolve("stdout")).as("expected stdout of " + dir).exists();
    assertThat(dir.resolve("exit")).as("expected exit code of " + dir).exists();
    assertThat(r.out()).as("stdout of " + dir).isEqualTo(Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8));
    assertThat(r.exit()).as("exit code of " + dir)
        .isEqualTo(Integer.parseInt(Files.readString(dir.resolve("exit"), StandardCharsets.UTF_8).strip()));
    Path err = dir.resolve("stderr");
    String expectedErr = Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "";
    assertThat(r.err()).as("stderr of " + dir).isEqualTo(expectedErr);
  }
}
