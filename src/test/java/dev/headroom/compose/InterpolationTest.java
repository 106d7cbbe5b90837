package dev.headroom.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Docker compose's interpolation, case by case as compose-go's template/template_test.go has them
 * (its variables: FOO = "first", BAR = "" and everything else unset), plus the corners of compose-go's
 * implementation that docs/compose.md describes. Every expectation was checked against compose-go's
 * code.
 */
class InterpolationTest {

  private static final Map<String, String> VARIABLES = Map.of("FOO", "first", "BAR", "", "foo", "lower", "B", "b}");
  private static final Lookup LOOKUP = Lookup.of(VARIABLES);

  private static String sub(String template) {
    return Interpolation.substitute(template, LOOKUP, new ArrayList<>());
  }

  private static List<String> warningsOf(String template) {
    List<String> warnings = new ArrayList<>();
    Interpolation.substitute(template, LOOKUP, warnings);
    return warnings;
  }

  private static String unset(String name) {
    return "The \"" + name + "\" variable is not set. Defaulting to a blank string.";
  }

  // ===================================================================== every form

  /** Each form with a set variable (FOO), an empty one (BAR) and an unset one (UNSET). */
  static Stream<Arguments> forms() {
    return Stream.of(
        arguments("$V", "first", "", ""),
        arguments("${V}", "first", "", ""),
        arguments("${V:-d}", "first", "d", "d"),
        arguments("${V-d}", "first", "", "d"),
        arguments("${V:+r}", "r", "", ""),
        arguments("${V+r}", "r", "r", ""),
        arguments("${V:?m}", "first", null, null),
        arguments("${V?m}", "first", "", null));
  }

  @ParameterizedTest(name = "{0}: set {1}, empty {2}, unset {3}")
  @MethodSource("forms")
  void everyFormWithSetEmptyAndUnset(String form, String set, String empty, String unset) {
    expect(form.replace("V", "FOO"), "FOO", set);
    expect(form.replace("V", "BAR"), "BAR", empty);
    expect(form.replace("V", "UNSET"), "UNSET", unset);
  }

  private static void expect(String template, String name, String expected) {
    if (expected == null) {
      assertThatThrownBy(() -> sub(template))
          .isInstanceOf(InterpolationException.class)
          .hasMessage("required variable " + name + " is missing a value: m");
    } else {
      assertThat(sub(template)).as(template).isEqualTo(expected);
    }
  }

  @Test
  void onlyAnUnsetVariableWithoutOperatorWarns() {
    assertThat(warningsOf("$UNSET")).containsExactly(unset("UNSET"));
    assertThat(warningsOf("${UNSET}")).containsExactly(unset("UNSET"));
    assertThat(warningsOf("$BAR ${BAR} $FOO")).isEmpty();
    assertThat(warningsOf("${UNSET:-d}${UNSET-d}${UNSET:+r}${UNSET+r}")).isEmpty();
    // one warning per use, in order
    assertThat(warningsOf("$X ${Y} $X")).containsExactly(unset("X"), unset("Y"), unset("X"));
  }

  // ===================================================================== compose-go's template_test.go

  @Nested
  class ComposeGoCases {

    @Test
    void escaped() {
      assertThat(sub("$${foo}")).isEqualTo("${foo}");
      assertThat(sub("$$FOO $$$FOO $$$$")).isEqualTo("$FOO $first $$");
    }

    @Test
    void noMatch() {
      assertThat(sub("foo")).isEqualTo("foo");
    }

    /** compose-go v2: a {@code $} that starts nothing is kept (TestUnescaped). */
    @ParameterizedTest
    @ValueSource(strings = {"a $ string", "^REGEX$", "$}", "$", "$1", "$-", "$ {FOO}", "$:"})
    void aDollarThatStartsNothingIsKept(String template) {
      assertThat(sub(template)).isEqualTo(template);
    }

    @ParameterizedTest
    @ValueSource(strings = {"${", "${}", "${ }", "${ foo}", "${foo }", "${foo!}", "${foo:x}", "${1}", "${FOO", "${FOO:-x", "${-x}"})
    void invalid(String template) {
      assertThatThrownBy(() -> sub(template))
          .isInstanceOf(InterpolationException.class)
          .hasMessage("Invalid template: \"" + template + "\"");
    }

    @Test
    void invalidNamesTheWholeTemplateInGoQuotes() {
      assertThatThrownBy(() -> sub("ok $FOO\nthen ${\"x\"}\t\\"))
          .hasMessage("Invalid template: \"ok $FOO\\nthen ${\\\"x\\\"}\\t\\\\\"");
      assertThatThrownBy(() -> sub("\u0001${\u00a0}\u202e"))
          .hasMessage("Invalid template: \"\\x01${\\u00a0}\\u202e\"");
    }

    /** docker/compose#8601. */
    @Test
    void nonBraced() {
      assertThat(sub("$FOO-bar")).isEqualTo("first-bar");
    }

    @Test
    void noValueNoDefault() {
      assertThat(sub("This ${missing} var")).isEqualTo("This  var");
      assertThat(sub("This ${BAR} var")).isEqualTo("This  var");
    }

    @Test
    void valueNoDefault() {
      assertThat(sub("This $FOO var")).isEqualTo("This first var");
      assertThat(sub("This ${FOO} var")).isEqualTo("This first var");
    }

    @Test
    void defaults() {
      assertThat(sub("ok ${missing:-def}")).isEqualTo("ok def");
      assertThat(sub("ok ${missing-def}")).isEqualTo("ok def");
      assertThat(sub("ok ${BAR:-def}")).isEqualTo("ok def");
      assertThat(sub("ok ${FOO:-def}")).isEqualTo("ok first");
      assertThat(sub("ok ${BAR-def}")).isEqualTo("ok ");
      assertThat(sub("ok ${BAR:-/non:-alphanumeric}")).isEqualTo("ok /non:-alphanumeric");
    }

    @Test
    void presenceValues() {
      assertThat(sub("ok ${UNSET_VAR:+presence_value}")).isEqualTo("ok ");
      assertThat(sub("ok ${UNSET_VAR+presence_value}")).isEqualTo("ok ");
      assertThat(sub("ok ${FOO:+presence_value}")).isEqualTo("ok presence_value");
      assertThat(sub("ok ${FOO+presence_value}")).isEqualTo("ok presence_value");
      assertThat(sub("ok ${BAR+presence_value}")).isEqualTo("ok presence_value");
      assertThat(sub("ok ${BAR:+presence_value}")).isEqualTo("ok ");
    }

    @Test
    void textAroundTheTemplateDoesNotChooseTheOperator() {
      assertThat(sub("-ok ${BAR:-defaultValue}")).isEqualTo("-ok defaultValue");
      assertThat(sub("+ok ${UNSET:-${BAR-defaultValue}}")).isEqualTo("+ok ");
      assertThat(sub("-ok ${FOO:-defaultValue}")).isEqualTo("-ok first");
      assertThat(sub(":-ok ${UNSET-defaultValue}")).isEqualTo(":-ok defaultValue");
      assertThat(sub(":-ok ${BAR-defaultValue}")).isEqualTo(":-ok ");
      assertThat(sub(":?ok ${BAR-defaultValue}")).isEqualTo(":?ok ");
      assertThat(sub(":?ok ${BAR:-defaultValue}")).isEqualTo(":?ok defaultValue");
      assertThat(sub(":+ok ${BAR:-defaultValue}")).isEqualTo(":+ok defaultValue");
      assertThat(sub("+ok ${BAR-defaultValue}")).isEqualTo("+ok ");
      assertThat(sub("?ok ${BAR:-defaultValue}")).isEqualTo("?ok defaultValue");
    }

    @Test
    void defaultsWithNestedTemplates() {
      assertThat(sub("ok ${UNSET_VAR-$FOO}")).isEqualTo("ok first");
      assertThat(sub("ok ${UNSET_VAR-${FOO}}")).isEqualTo("ok first");
      assertThat(sub("ok ${UNSET_VAR-${FOO} ${FOO}}")).isEqualTo("ok first first");
      assertThat(sub("ok ${BAR:-$FOO}")).isEqualTo("ok first");
      assertThat(sub("ok ${BAR:-${FOO}}")).isEqualTo("ok first");
      assertThat(sub("ok ${BAR:-${FOO} ${FOO}}")).isEqualTo("ok first first");
      assertThat(sub("ok ${BAR+$FOO}")).isEqualTo("ok first");
      assertThat(sub("ok ${BAR+$FOO ${FOO:+second}}")).isEqualTo("ok first second");
      assertThat(sub("${A:-${B:-x}}")).isEqualTo("b}");
      assertThat(sub("${A:-${C:-x}}")).isEqualTo("x");
      assertThat(sub("${A:-${C:-${D:-${FOO}}}}")).isEqualTo("first");
    }

    @Test
    void requiredVariables() {
      assertThatThrownBy(() -> sub("not ok ${UNSET_VAR:?Mandatory Variable Unset}"))
          .isInstanceOf(InterpolationException.class)
          .hasMessage("required variable UNSET_VAR is missing a value: Mandatory Variable Unset");
      assertThatThrownBy(() -> sub("not ok ${BAR:?Mandatory Variable Empty}"))
          .hasMessage("required variable BAR is missing a value: Mandatory Variable Empty");
      assertThatThrownBy(() -> sub("not ok ${UNSET_VAR?Mandatory Variable Unset}"))
          .hasMessage("required variable UNSET_VAR is missing a value: Mandatory Variable Unset");
      // without a message, the sentence ends at "value"
      assertThatThrownBy(() -> sub("not ok ${UNSET_VAR:?}")).hasMessage("required variable UNSET_VAR is missing a value");
      assertThatThrownBy(() -> sub("not ok ${UNSET_VAR?}")).hasMessage("required variable UNSET_VAR is missing a value");
      assertThatThrownBy(() -> sub("${BAR:?}")).hasMessage("required variable BAR is missing a value");
    }

    @Test
    void requiredMessagesAreSubstitutedToo() {
      assertThatThrownBy(() -> sub("not ok ${UNSET_VAR:?Mandatory Variable ${FOO}}"))
          .hasMessage("required variable UNSET_VAR is missing a value: Mandatory Variable first");
      assertThatThrownBy(() -> sub("not ok ${UNSET_VAR?Mandatory Variable ${FOO}}"))
          .hasMessage("required variable UNSET_VAR is missing a value: Mandatory Variable first");
    }

    @Test
    void requiredVariablesThatAreThere() {
      assertThat(sub("ok ${FOO:?err}")).isEqualTo("ok first");
      assertThat(sub("ok ${FOO?err}")).isEqualTo("ok first");
      assertThat(sub("ok ${BAR?err}")).isEqualTo("ok ");
    }

    @Test
    void precedence() {
      assertThatThrownBy(() -> sub("${UNSET_VAR?bar-baz}"))
          .hasMessage("required variable UNSET_VAR is missing a value: bar-baz");
      assertThat(sub("${UNSET_VAR-myerror?msg}")).isEqualTo("myerror?msg");
      assertThat(sub("${FOO?bar-baz}")).isEqualTo("first");
      assertThat(sub("${BAR:-default_value_for_empty_var}")).isEqualTo("default_value_for_empty_var");
      assertThat(sub("${UNSET_VAR-default_value_for_unset_var}")).isEqualTo("default_value_for_unset_var");
    }

    /** TestSubstitutionFunctionChoice: the operator that comes first is the one used. */
    @Test
    void theFirstOperatorIsTheOneUsed() {
      assertThatThrownBy(() -> sub("${VARNAME:?val?ue}")).hasMessage("required variable VARNAME is missing a value: val?ue");
      assertThatThrownBy(() -> sub("${VARNAME?val:?ue}")).hasMessage("required variable VARNAME is missing a value: val:?ue");
      assertThatThrownBy(() -> sub("${VARNAME?va-lu+e:?e}")).hasMessage("required variable VARNAME is missing a value: va-lu+e:?e");
      assertThatThrownBy(() -> sub("${VARNAME?va+lu-e:?e}")).hasMessage("required variable VARNAME is missing a value: va+lu-e:?e");
      assertThat(sub("${VARNAME:-value}")).isEqualTo("value");
      assertThat(sub("${VARNAME-va:-lu:?e}")).isEqualTo("va:-lu:?e");
      assertThat(sub("${VARNAME-va+lu?e}")).isEqualTo("va+lu?e");
      assertThat(sub("${VARNAME-va?lu+e}")).isEqualTo("va?lu+e");
      assertThat(sub("${FOO:+va:?lu:-e}")).isEqualTo("va:?lu:-e");
      assertThat(sub("${FOO+va:+lue}")).isEqualTo("va:+lue");
      assertThat(sub("${FOO+va?lu-e}")).isEqualTo("va?lu-e");
      assertThat(sub("${FOO+va-lu?e}")).isEqualTo("va-lu?e");
    }
  }

  // ===================================================================== names

  @Test
  void namesIgnoreCaseInTheirPatternButNotInTheLookup() {
    assertThat(sub("$foo ${foo} ${Foo:-other}")).isEqualTo("lower lower other");
    assertThat(sub("$_x1-${_X1:-d}")).isEqualTo("-d");
    // a name ends at the first character that cannot be in one
    assertThat(sub("$FOO.bar $FOO/x $FOOé")).isEqualTo("first.bar first/x first\u00e9");
  }

  /** Go folds case: in its [a-z], U+017F (long s) is an s and U+212A (Kelvin sign) a k. */
  @Test
  void goCaseFoldingAddsTwoNonAsciiLetters() {
    Lookup lookup = Lookup.of(Map.of("\u212a", "kelvin", "a\u017f", "long s"));
    assertThat(Interpolation.substitute("$\u212a ${a\u017f}", lookup, new ArrayList<>())).isEqualTo("kelvin long s");
    assertThat(sub("$\u00e9")).isEqualTo("$\u00e9");
  }

  // ===================================================================== compose-go's corners

  @Nested
  class Corners {

    /** A default, message or replacement is substituted even when it is not used. */
    @Test
    void anUnusedDefaultIsStillSubstituted() {
      assertThat(warningsOf("${FOO:-${NOPE}}")).containsExactly(unset("NOPE"));
      assertThatThrownBy(() -> sub("${FOO:-${NOPE:?needed}}"))
          .hasMessage("required variable NOPE is missing a value: needed");
      // the error quotes the default, not the whole template
      assertThatThrownBy(() -> sub("${FOO:-${}}")).hasMessage("Invalid template: \"${}\"");
    }

    /**
     * The braced text runs to the last <code>}}</code> on its line, else to the first
     * <code>}</code>: a nested template must end right before the outer brace.
     */
    @Test
    void theBracedTextEndsAtTheLastDoubleBraceOrTheFirstBrace() {
      assertThat(sub("x${U:-a}}")).isEqualTo("xa}");
      assertThat(sub("${U:-a}}b}}")).isEqualTo("a}b}}");
      assertThat(sub("${U:-}x}")).isEqualTo("x}");
      // here the default is "${BAR", which is not a template
      assertThatThrownBy(() -> sub("ok ${U-${BAR}x}")).hasMessage("Invalid template: \"${BAR\"");
      // a line feed stops the search for }}: the default is "\n${B"
      assertThatThrownBy(() -> sub("${U:-\n${B}}")).hasMessage("Invalid template: \"\\n${B\"");
      assertThat(sub("${U:-a\nb}")).isEqualTo("a\nb");
    }

    /** Past the template's own brace, the rest of the braced text is substituted on its own. */
    @Test
    void theRestAfterTheClosingBraceIsSubstitutedOnItsOwn() {
      assertThat(sub("${FOO:-x} and ${U:-${FOO}} and ${U-y}}")).isEqualTo("first and first and y}");
      assertThat(sub("${U:-a} ${U:-b}}")).isEqualTo("a b}");
      assertThat(sub("${U:-a}${U:-a}${U:-a}}}")).isEqualTo("aaa}}");
    }

    /** ... and an error there is dropped, and takes the template's value with it. */
    @Test
    void anErrorInTheRestIsDroppedWithTheValue() {
      assertThatThrownBy(() -> sub("${ }}")).hasMessage("Invalid template: \"${ }}\"");
      assertThat(sub("${U:-a} ${ }}")).isEqualTo("");
      assertThat(sub("<${U:-a} ${U:?} }}>")).isEqualTo("<>");
    }

    @Test
    void substitutionGoesOnAfterAnErrorButTheFirstErrorIsReported() {
      List<String> warnings = new ArrayList<>();
      assertThatThrownBy(() -> Interpolation.substitute("${U:?first} ${ ${V:?second} $W", LOOKUP, warnings))
          .hasMessage("required variable U is missing a value: first");
      assertThat(warnings).containsExactly(unset("W"));
    }
  }

  // ===================================================================== bounds

  @Nested
  class Bounds {

    @Test
    void oneHundredLevelsOfNestingAreFine() {
      String template = "${A:-".repeat(100) + "x" + "}".repeat(100);
      assertThat(sub(template)).isEqualTo("x");
    }

    @Test
    void oneHundredAndOneAreNot() {
      String template = "${A:-".repeat(101) + "x" + "}".repeat(101);
      assertThatThrownBy(() -> sub(template))
          .isInstanceOf(InterpolationException.class)
          .hasMessage("template nested too deeply: more than 100 levels of ${...} inside ${...}");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void tenThousandLevelsEndInAnErrorNotAStackOverflow() {
      String template = "${A:-".repeat(10_000) + "x" + "}".repeat(10_000);
      assertThatThrownBy(() -> sub(template)).isInstanceOf(InterpolationException.class)
          .hasMessageStartingWith("template nested too deeply");
      String unclosed = "${A:-".repeat(10_000);
      assertThatThrownBy(() -> sub(unclosed)).isInstanceOf(InterpolationException.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void twoMebibytesAreRefusedBeforeAnyWork() {
      String template = "${A:-x}".repeat(2 * 1024 * 1024 / 7 + 1);
      assertThatThrownBy(() -> sub(template))
          .isInstanceOf(InterpolationException.class)
          .hasMessage("template too long: 2097158 bytes of UTF-8, the limit is 1048576 (1 MiB)");
      // the limit counts bytes of UTF-8: 524,289 two-byte characters are 1,048,578 bytes
      assertThatThrownBy(() -> sub("\u00e9".repeat(524_289))).hasMessageStartingWith("template too long: 1048578 bytes");
      assertThat(sub("\u00e9".repeat(524_288))).hasSize(524_288);
    }

    /** One mebibyte of the worst shapes: each must take well under the timeout. */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aMebibyteOfTheWorstShapesIsQuick() {
      // every template cut short, each rest inside the one before: 149,796 rests deep
      int n = (1024 * 1024 - 2) / 7;
      assertThat(sub("${U:-a}".repeat(n) + "}}")).isEqualTo("a".repeat(n) + "}}");
      // every template's braced text runs to the end of the line
      String line = "${U:-${FOO}}".repeat(80_000);
      assertThat(sub(line)).isEqualTo("first".repeat(80_000));
      // 100 levels deep, 1,000 times over
      String deep = ("${A:-".repeat(100) + "x" + "}".repeat(100)).repeat(1_000);
      assertThat(sub(deep)).isEqualTo("x".repeat(1_000));
      // no closing brace anywhere
      assertThatThrownBy(() -> sub("${A:-x ".repeat(100_000))).isInstanceOf(InterpolationException.class);
      // dollars that start nothing
      assertThat(sub("$ ".repeat(500_000))).hasSize(1_000_000);
    }
  }

  /** The examples in docs/compose.md. */
  @Test
  void theDocumentedExamples() {
    Lookup lookup = Lookup.of(Map.of("DEFAULT_REGISTRY", "docker.io", "EXAMPLE_URL", "postgres://db/x"));
    assertThat(Interpolation.substitute("${REGISTRY:-${DEFAULT_REGISTRY}}/app", lookup, new ArrayList<>())).isEqualTo("docker.io/app");
    assertThatThrownBy(() -> Interpolation.substitute("${TAG-${BASE}-slim}", lookup, new ArrayList<>()))
        .hasMessage("Invalid template: \"${BASE\"");
    assertThat(Interpolation.substitute("echo ${GREETING:-hi}}", lookup, new ArrayList<>())).isEqualTo("echo hi}");
    assertThatThrownBy(() -> Interpolation.substitute("${DB_URL:?set DB_URL, for example ${EXAMPLE_URL}}", lookup, new ArrayList<>()))
        .hasMessage("required variable DB_URL is missing a value: set DB_URL, for example postgres://db/x");
    assertThat(sub("$FOO.txt")).isEqualTo("first.txt");
  }
}
