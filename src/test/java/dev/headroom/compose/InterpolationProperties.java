package dev.headroom.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Any template is substituted or refused with an InterpolationException (DESIGN.md C1). */
class InterpolationProperties {

  private static final Lookup LOOKUP = Lookup.of(Map.of("A", "a", "EMPTY", "", "B", "}${"));

  private static final String[] TOKENS = {
    "$", "$", "$", "{", "}", "}", "${", "$$", "}}", ":-", "-", ":?", "?", ":+", "+", ":", "A", "B", "EMPTY", "U", "x",
    " ", "\n", "\r\n", "\t", "_", "1", "#", "\"", "\\", "\u00e9", "\u017f", "\u212a", "\uD83D\uDE00", "\u0000", "\u202e"
  };

  @Provide
  Arbitrary<String> templates() {
    return Arbitraries.of(TOKENS).list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> withoutDollar() {
    return Arbitraries.strings().all().excludeChars('$').ofMaxLength(200);
  }

  private static void substitutesOrRefuses(String template) {
    List<String> warnings = new ArrayList<>();
    try {
      assertThat(Interpolation.substitute(template, LOOKUP, warnings)).isNotNull();
    } catch (InterpolationException refused) {
      assertThat(refused.getMessage()).isNotEmpty().doesNotContain("\n", "\r");
    }
    assertThat(warnings).allSatisfy(w -> assertThat(w).endsWith(" variable is not set. Defaulting to a blank string."));
  }

  @Property(tries = 1000)
  void tokenSoupIsSubstitutedOrRefused(@ForAll("templates") String template) {
    substitutesOrRefuses(template);
  }

  @Property(tries = 1000)
  void arbitraryTextIsSubstitutedOrRefused(@ForAll @StringLength(max = 200) String template) {
    substitutesOrRefuses(template);
  }

  @Property(tries = 1000)
  void textWithoutDollarComesBackUnchanged(@ForAll("withoutDollar") String text) {
    List<String> warnings = new ArrayList<>();
    assertThat(Interpolation.substitute(text, LOOKUP, warnings)).isEqualTo(text);
    assertThat(warnings).isEmpty();
  }

  @Property(tries = 1000)
  void doublingEveryDollarGivesTheTextBack(@ForAll("templates") String text) {
    assertThat(Interpolation.substitute(text.replace("$", "$$"), LOOKUP, new ArrayList<>())).isEqualTo(text);
  }
}
