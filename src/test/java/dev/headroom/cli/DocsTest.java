package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The README and docs show real output: every {@code ```console} block that starts with {@code $
 * bin/headroom ...} is run, and what follows the command line must be exactly its output (standard
 * output, then standard error). After a deliberate change: {@code mvn test -Dtest=DocsTest
 * -Ddocs.update=true}, then review the diff.
 */
class DocsTest {

  private static final Pattern BLOCK = Pattern.compile("```console\n\\$ bin/headroom ([^\n]*)\n(.*?)```", Pattern.DOTALL);
  private static final boolean UPDATE = Boolean.getBoolean("docs.update");

  @TestFactory
  Stream<DynamicTest> documentedOutputIsReal() throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(Path.of("README.md"));
    try (Stream<Path> s = Files.list(Path.of("docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      Matcher m = BLOCK.matcher(text);
      StringBuilder updated = new StringBuilder();
      int n = 0;
      while (m.find()) {
        String command = m.group(1);
        String shown = m.group(2);
        Cli.Result r = Cli.runWith(Map.of(), split(command));
        String actual = r.out() + r.err();
        if (UPDATE) {
          m.appendReplacement(updated, Matcher.quoteReplacement("```console\n$ bin/headroom " + command + "\n" + actual + "```"));
        } else {
          tests.add(DynamicTest.dynamicTest(f + " #" + ++n + ": " + command,
              () -> assertThat(shown).as("output shown for 'headroom " + command + "'").isEqualTo(actual)));
        }
      }
      if (UPDATE) {
        m.appendTail(updated);
        Files.writeString(f, updated.toString(), StandardCharsets.UTF_8);
      }
    }
    return tests.stream();
  }

  /** Splits on spaces; single or double quotes group words. Enough for documented commands. */
  static String[] split(String command) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    boolean any = false;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          cur.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        any = true;
      } else if (c == ' ') {
        if (any || cur.length() > 0) {
          out.add(cur.toString());
        }
        cur.setLength(0);
        any = false;
      } else {
        cur.append(c);
      }
    }
    if (any || cur.length() > 0) {
      out.add(cur.toString());
    }
    return out.toArray(new String[0]);
  }
}
