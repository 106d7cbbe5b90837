package dev.headroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout of CONTRIBUTING.md, one direction with the CLI on top: every import of a headroom
 * package from another is one the table allows, so a reader finds the solver without the CLI and
 * the CLI without the solver.
 */
class LayeringTest {

  private static final Map<String, Set<String>> MAY_USE = Map.of(
      "model", Set.of(),
      "runtime", Set.of("model"),
      "load", Set.of("model", "runtime"),
      "compose", Set.of("model", "load"),
      "solve", Set.of("model", "runtime"),
      "render", Set.of("model", "runtime", "solve"),
      "cli", Set.of("model", "runtime", "load", "compose", "solve", "render"));

  private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?dev\\.headroom\\.(\\w+)\\.");
  private static final Pattern QUALIFIED = Pattern.compile("\\bdev\\.headroom\\.(\\w+)\\.[A-Z]");

  @Test
  void everyImportGoesDownTheLayers() throws IOException {
    Path root = Path.of("src", "main", "java", "dev", "headroom");
    List<String> wrong = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = root.relativize(f).getName(0).toString();
        assertThat(MAY_USE).as("the layer of %s", f).containsKey(pkg);
        String text = Files.readString(f, StandardCharsets.UTF_8);
        for (Pattern p : List.of(IMPORT, QUALIFIED)) {
          Matcher m = p.matcher(text);
          while (m.find()) {
            String used = m.group(1);
            if (!used.equals(pkg) && !MAY_USE.get(pkg).contains(used)) {
              wrong.add(f + " uses " + used);
            }
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }
}
