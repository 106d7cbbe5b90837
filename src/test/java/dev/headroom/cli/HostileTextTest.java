package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hostile file can smuggle into free text (names, environment keys and values) never reaches
 * a terminal or a page as it is: no escape sequence, carriage return or bidi override in any text
 * output, and no raw HTML in markdown or HTML. JSON carries the text as data, escaped by JSON's rules.
 */
class HostileTextTest {

  @TempDir Path dir;

  private static final String NASTY = "\\e[31mred\\e[2J\\e]0;title\\a\\r\\u202e|<script>alert(1)</script>|<b>x</b>";

  private static void clean(Cli.Result r, boolean html) {
    String all = r.out() + r.err();
    assertThat(all).as("escape").doesNotContain("\u001b");
    assertThat(all).as("carriage return").doesNotContain("\r");
    assertThat(all).as("bidi override").doesNotContain("\u202e");
    assertThat(all).as("BEL").doesNotContain("\u0007");
    if (html) {
      assertThat(all).as("raw HTML").doesNotContain("<script>").doesNotContain("<b>x");
    }
  }

  @Test
  void catalogNamesAreInertInEveryTextFormat() throws IOException {
    Path cat = Files.createDirectory(dir.resolve("catalog"));
    Files.writeString(cat.resolve("host.yaml"), "kind: host\nid: evil\nname: \"" + NASTY + "\"\nmemory: {total: 1GiB}\n");
    Files.writeString(cat.resolve("svc.yaml"), "kind: service\nid: evil-svc\nname: \"" + NASTY + "\"\nmemory: 64MiB\n"
        + "source: \"" + NASTY + "\"\n");
    Files.writeString(cat.resolve("stack.yaml"), "kind: stack\nid: evil-stack\nname: \"" + NASTY + "\"\n"
        + "per_agent: [evil-svc]\nshared: []\nscenarios: {lean: {description: \"" + NASTY + "\", apply: []}}\n");
    String c = cat.toString();
    // the names do arrive, made visible
    assertThat(Cli.runWith(Map.of(), "hosts", "--catalog", c).out()).contains("\\u001b[31mred");
    for (String format : List.of("text", "markdown")) {
      boolean html = format.equals("markdown");
      clean(Cli.runWith(Map.of(), "hosts", "--catalog", c, "--format", format), html);
      clean(Cli.runWith(Map.of(), "services", "--catalog", c, "--format", format), html);
      clean(Cli.runWith(Map.of(), "stacks", "--catalog", c, "--format", format), html);
      clean(Cli.runWith(Map.of(), "plan", "--catalog", c, "--host", "evil", "--stack", "evil-stack", "--format", format), html);
      clean(Cli.runWith(Map.of(), "matrix", "--catalog", c, "--hosts", "evil", "--stack", "evil-stack", "--format", format),
          html);
      clean(Cli.runWith(Map.of(), "advise", "--catalog", c, "--host", "evil", "--stack", "evil-stack", "--format", format),
          html);
    }
    for (String format : List.of("markdown", "html")) {
      Cli.Result r = Cli.runWith(Map.of(), "report", "--catalog", c, "--hosts", "evil", "--stack", "evil-stack", "--format",
          format);
      assertThat(r.exit()).isZero();
      clean(r, true);
    }
  }

  @Test
  void composeKeysAndValuesAreInertInEveryFindingFormat() throws IOException {
    Path compose = dir.resolve("compose.yaml");
    Files.writeString(compose, "services:\n  db:\n    image: postgres:16\n    mem_limit: 80m\n    environment:\n"
        + "      \"POSTGRES_" + NASTY + "\": \"" + NASTY + "\"\n      MEMORY_THRESHOLD_MB: \"" + NASTY + "\"\n");
    for (String format : List.of("text", "markdown", "github", "junit")) {
      Cli.Result r = Cli.runWith(Map.of(), "check", "-f", compose.toString(), "--format", format);
      assertThat(r.out()).as(format).contains("HR104");
      clean(r, !format.equals("text") && !format.equals("github"));
    }
  }
}
