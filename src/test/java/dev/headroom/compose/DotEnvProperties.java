package dev.headroom.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.load.InputException;
import dev.headroom.load.Problem;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Any .env text is read or refused with one problem naming the file and line (DESIGN.md C1, C2). */
class DotEnvProperties {

  private static final Lookup LOOKUP = Lookup.of(Map.of("A", "a", "EMPTY", ""));

  private static final String[] TOKENS = {
    "A", "B", "=", "=", ":", "\n", "\n", "\r\n", " ", "\t", "#", " #", "\"", "\"", "'", "'", "\\", "\\", "export ",
    "export", "$", "${", "}", ":-", "?", "x", "-", ".", "[", "]", "%", "\\0123", "\\n", "\\$", "\u00e9", "\u00a0",
    "\u0085", "\u000b", "1", "\uFEFF", "\u0000", "\uD83D\uDE00"
  };

  @Provide
  Arbitrary<String> envish() {
    return Arbitraries.of(TOKENS).list().ofMaxSize(40).map(l -> String.join("", l));
  }

  private static void readOrRefuse(String text) {
    try {
      assertThat(DotEnv.parse("x.env", text, LOOKUP)).isNotNull();
    } catch (InputException refused) {
      assertThat(refused.problems()).hasSize(1);
      Problem p = refused.problems().get(0);
      assertThat(p.file()).isEqualTo("x.env");
      assertThat(p.line()).isBetween(1, (int) text.chars().filter(c -> c == '\n').count() + 1);
      assertThat(p.column()).isPositive();
      assertThat(p.format()).doesNotContain("\n", "\r");
    }
  }

  @Property(tries = 1000)
  void tokenSoupIsReadOrRefused(@ForAll("envish") String text) {
    readOrRefuse(text);
  }

  @Property(tries = 1000)
  void arbitraryTextIsReadOrRefused(@ForAll @StringLength(max = 200) String text) {
    readOrRefuse(text);
  }
}
