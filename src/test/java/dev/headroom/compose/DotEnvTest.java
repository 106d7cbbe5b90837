package dev.headroom.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.headroom.load.InputException;
import dev.headroom.load.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code .env} files as compose-go's dotenv parser reads them: the cases of its godotenv_test.go,
 * parser_test.go, godotenv_var_expansion_test.go and fixtures, then the corners docs/compose.md
 * describes. Every expectation was checked against compose-go's code.
 */
class DotEnvTest {

  private static Map<String, String> parse(String text) {
    return DotEnv.parse("test.env", text, Lookup.none());
  }

  private static Map<String, String> parse(String text, Map<String, String> environment) {
    return DotEnv.parse("test.env", text, Lookup.of(environment));
  }

  private static String value(String line, String key) {
    Map<String, String> env = parse(line);
    assertThat(env).as(line).containsKey(key);
    return env.get(key);
  }

  private static Problem problem(String text) {
    try {
      parse(text);
    } catch (InputException e) {
      assertThat(e.problems()).hasSize(1);
      return e.problems().get(0);
    }
    throw new AssertionError("no error for " + text);
  }

  // ===================================================================== godotenv_test.go: TestParsing

  @Nested
  class ComposeGoParsing {

    @Test
    void unquotedAndAroundTheEqualsSign() {
      assertThat(value("FOO=bar", "FOO")).isEqualTo("bar");
      assertThat(value("FOO =bar", "FOO")).isEqualTo("bar");
      assertThat(value("FOO= bar", "FOO")).isEqualTo("bar");
      assertThat(value("FOO.BAR=foobar", "FOO.BAR")).isEqualTo("foobar");
      assertThat(value("FOO=foobar=", "FOO")).isEqualTo("foobar=");
      assertThat(value("FOO=bar ", "FOO")).isEqualTo("bar");
    }

    @Test
    void quoted() {
      assertThat(value("FOO=\"bar\"", "FOO")).isEqualTo("bar");
      assertThat(value("FOO='bar'", "FOO")).isEqualTo("bar");
      assertThat(value("FOO=\"escaped\\\"bar\"", "FOO")).isEqualTo("escaped\"bar");
      assertThat(value("FOO=\"\\\"quoted\\\"\"", "FOO")).isEqualTo("\"quoted\"");
      assertThat(value("FOO=\"'d'\"", "FOO")).isEqualTo("'d'");
    }

    @Test
    void yamlStyle() {
      assertThat(value("OPTION_A: 1", "OPTION_A")).isEqualTo("1");
      assertThat(value("OPTION_A: Foo=bar", "OPTION_A")).isEqualTo("Foo=bar");
      assertThat(value("OPTION_A=1:B", "OPTION_A")).isEqualTo("1:B");
    }

    @Test
    void export() {
      assertThat(value("export OPTION_A=2", "OPTION_A")).isEqualTo("2");
      assertThat(value("export OPTION_B='\\n'", "OPTION_B")).isEqualTo("\\n");
      assertThat(value("export exportFoo=2", "exportFoo")).isEqualTo("2");
      assertThat(value("exportFOO=2", "exportFOO")).isEqualTo("2");
      assertThat(value("export_FOO =2", "export_FOO")).isEqualTo("2");
      assertThat(value("export.FOO= 2", "export.FOO")).isEqualTo("2");
      assertThat(value("export\tOPTION_A=2", "OPTION_A")).isEqualTo("2");
      assertThat(value("  export OPTION_A=2", "OPTION_A")).isEqualTo("2");
      assertThat(value("\texport OPTION_A=2", "OPTION_A")).isEqualTo("2");
      assertThat(value("export OPTION_A=\"export A\"", "OPTION_A")).isEqualTo("export A");
    }

    @Test
    void escapesInDoubleQuotesOnly() {
      assertThat(value("FOO=\"bar\\nbaz\"", "FOO")).isEqualTo("bar\nbaz");
      assertThat(value("FOO=a\\tb", "FOO")).isEqualTo("a\\tb");
      assertThat(value("FOO=\"a\\tb\"", "FOO")).isEqualTo("a\tb");
      assertThat(value("KEY=\"Z\\aZ\\bZ\\fZ\\nZ\\rZ\\tZ\\vZ\\\\Z\\0123Z\"", "KEY"))
          .isEqualTo("Z\u0007Z\bZ\fZ\nZ\rZ\tZ\u000bZ\\ZSZ");
      assertThat(value("FOO=\"bar\\n\\ b\\az\"", "FOO")).isEqualTo("bar\n\\ b\u0007z");
      assertThat(value("FOO=\"bar\\\\\\n\\ b\\az\"", "FOO")).isEqualTo("bar\\\n\\ b\u0007z");
      assertThat(value("FOO=\"bar\\\\r\\ b\\az\"", "FOO")).isEqualTo("bar\\r\\ b\u0007z");
      assertThat(value("FOO=\"bar\\nbaz\\\\\"", "FOO")).isEqualTo("bar\nbaz\\");
      // XSI echo octal escapes; not the x, u and U escapes of Go
      assertThat(value("KEY=\"\\0123\"", "KEY")).isEqualTo("S");
      assertThat(value("KEY=\"\\x07\"", "KEY")).isEqualTo("\\x07");
      assertThat(value("KEY=\"\\u12e4\"", "KEY")).isEqualTo("\\u12e4");
      assertThat(value("KEY=\"\\U00101234\"", "KEY")).isEqualTo("\\U00101234");
    }

    @Test
    void inlineComments() {
      assertThat(value("FOO=bar # this is foo", "FOO")).isEqualTo("bar");
      assertThat(value("FOO=bar #this is foo", "FOO")).isEqualTo("bar");
      assertThat(value("FOO=bar #", "FOO")).isEqualTo("bar");
      assertThat(value("FOO=123#not-an-inline-comment", "FOO")).isEqualTo("123#not-an-inline-comment");
      assertThat(value("FOO=\"bar#baz\"", "FOO")).isEqualTo("bar#baz");
      assertThat(value("FOO=\"bar#baz\"#", "FOO")).isEqualTo("bar#baz");
      assertThat(value("FOO=\"bar#baz\" # comment", "FOO")).isEqualTo("bar#baz");
      assertThat(value("FOO='bar#baz' # comment", "FOO")).isEqualTo("bar#baz");
      assertThat(value("FOO=\"bar#baz#bang\" # comment", "FOO")).isEqualTo("bar#baz#bang");
      assertThat(value("FOO=\"ba#r\"", "FOO")).isEqualTo("ba#r");
      assertThat(value("FOO='ba#r'", "FOO")).isEqualTo("ba#r");
    }

    @Test
    void emptyKeyAndLeadingWhiteSpace() {
      assertThat(value("=\"value\"", "")).isEqualTo("value");
      assertThat(value(" KEY =value", "KEY")).isEqualTo("value");
      assertThat(value("   KEY=value", "KEY")).isEqualTo("value");
      assertThat(value("\tKEY=value", "KEY")).isEqualTo("value");
    }

    @Test
    void badlyFormattedLine() {
      assertThat(problem("lol$wut"))
          .isEqualTo(new Problem("test.env", 1, 4, "", "unexpected character \"$\" in variable name \"lol$wut\""));
    }

    /** parser_test.go: TestParseVariable. */
    @Test
    void unexpectedCharacterQuotesTheRestOfTheLine() {
      assertThat(problem("%!(EXTRA string)=foo\nB=2").reason())
          .isEqualTo("unexpected character \"%\" in variable name \"%!(EXTRA string)=foo\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"KEY=\"", "KEY=\"value", "KEY=\"value\\\"", "KEY=\"value'", "KEY='", "KEY='value", "KEY='value\\'", "KEY='value\""})
    void unterminatedQuotes(String text) {
      assertThat(problem(text))
          .isEqualTo(new Problem("test.env", 1, 5, "", "unterminated quoted value " + text.substring(4)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\t\t ", "# Comment", "\t # comment", "", " \n# a\n\n  # b\n"})
    void linesToIgnore(String text) {
      assertThat(parse(text)).isEmpty();
    }

    /** parser_test.go: TestParseBytes; keys may be any letters and numbers, and . _ - [ ]. */
    @Test
    void keys() {
      assertThat(parse("a=b\na[1]=c\na.propertyKey=d\n\u00e1rv\u00edzt\u0171r\u0151-T\u00dcK\u00d6RF\u00daR\u00d3G\u00c9P=\u00c1RV\u00cdZT\u0170R\u0150-t\u00fck\u00f6rf\u00far\u00f3g\u00e9p\n"))
          .containsExactly(entry("a", "b"), entry("a[1]", "c"), entry("a.propertyKey", "d"),
              entry("\u00e1rv\u00edzt\u0171r\u0151-T\u00dcK\u00d6RF\u00daR\u00d3G\u00c9P", "\u00c1RV\u00cdZT\u0170R\u0150-t\u00fck\u00f6rf\u00far\u00f3g\u00e9p"));
      assertThat(parse("VAR-WITH-DASHES=dashes\nVAR.WITH.DOTS=dots\nVAR_WITH_UNDERSCORES=underscores\n1ST=one\n"))
          .containsExactly(entry("VAR-WITH-DASHES", "dashes"), entry("VAR.WITH.DOTS", "dots"),
              entry("VAR_WITH_UNDERSCORES", "underscores"), entry("1ST", "one"));
    }

    @Test
    void aThousandLines() {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 1000; i++) {
        sb.append("KEY").append(i).append("=VALUE").append(i).append('\n');
      }
      Map<String, String> env = parse(sb.toString());
      assertThat(env).hasSize(1000).containsEntry("KEY999", "VALUE999");
    }
  }

  // ===================================================================== fixtures

  @Nested
  class ComposeGoFixtures {

    @Test
    void plain() {
      assertThat(parse("OPTION_A=1\nOPTION_B=2\nOPTION_C= 3\nOPTION_D =4\nOPTION_E = 5\nOPTION_F = \nOPTION_G=\nOPTION_H = my string # Inline comment\n"))
          .containsExactly(entry("OPTION_A", "1"), entry("OPTION_B", "2"), entry("OPTION_C", "3"), entry("OPTION_D", "4"),
              entry("OPTION_E", "5"), entry("OPTION_F", ""), entry("OPTION_G", ""), entry("OPTION_H", "my string"));
    }

    @Test
    void quoted() {
      String text = "OPTION_A='1'\nOPTION_B='2'\nOPTION_C=''\nOPTION_D='\\n'\nOPTION_E=\"1\"\nOPTION_F=\"2\"\nOPTION_G=\"\"\n"
          + "OPTION_H=\"\\n\"\nOPTION_I = \"echo 'asd'\"\nOPTION_J = 'first line\nsecond line\nthird line\nand so on'\n"
          + "OPTION_Z = \"last value\"\n";
      assertThat(parse(text)).containsExactly(entry("OPTION_A", "1"), entry("OPTION_B", "2"), entry("OPTION_C", ""),
          entry("OPTION_D", "\\n"), entry("OPTION_E", "1"), entry("OPTION_F", "2"), entry("OPTION_G", ""),
          entry("OPTION_H", "\n"), entry("OPTION_I", "echo 'asd'"),
          entry("OPTION_J", "first line\nsecond line\nthird line\nand so on"), entry("OPTION_Z", "last value"));
    }

    @Test
    void substitutions() {
      String text = "OPTION_A=1\nOPTION_B=${OPTION_A}\nOPTION_C=$OPTION_B\nOPTION_D=${OPTION_A}_${OPTION_B}\nOPTION_E=${OPTION_NOT_DEFINED}\n";
      assertThat(parse(text)).containsExactly(entry("OPTION_A", "1"), entry("OPTION_B", "1"), entry("OPTION_C", "1"),
          entry("OPTION_D", "1_1"), entry("OPTION_E", ""));
      // the environment wins over the file's own keys when values are expanded, not for the key itself
      assertThat(parse(text, Map.of("OPTION_A", "5"))).containsExactly(entry("OPTION_A", "1"), entry("OPTION_B", "5"),
          entry("OPTION_C", "5"), entry("OPTION_D", "5_5"), entry("OPTION_E", ""));
    }

    @Test
    void substitutionsWithDefaults() {
      String text = "OPTION_A=${OPTION_A:-1}\nOPTION_B=${OPTION_A}\nOPTION_C=$OPTION_B\nOPTION_D=${OPTION_A}_${OPTION_B}\nOPTION_E=${OPTION_NOT_DEFINED}\n";
      assertThat(parse(text, Map.of("OPTION_A", "5"))).containsExactly(entry("OPTION_A", "5"), entry("OPTION_B", "5"),
          entry("OPTION_C", "5"), entry("OPTION_D", "5_5"), entry("OPTION_E", ""));
      assertThat(parse(text)).containsExactly(entry("OPTION_A", "1"), entry("OPTION_B", "1"), entry("OPTION_C", "1"),
          entry("OPTION_D", "1_1"), entry("OPTION_E", ""));
    }

    @Test
    void inherited() {
      String text = "FOO=bar\nVAR_TO_BE_LOADED_FROM_OS_ENV\nBAR=baz\n";
      assertThat(parse(text, Map.of("VAR_TO_BE_LOADED_FROM_OS_ENV", "SOME_RANDOM_VALUE"))).containsExactly(
          entry("FOO", "bar"), entry("VAR_TO_BE_LOADED_FROM_OS_ENV", "SOME_RANDOM_VALUE"), entry("BAR", "baz"));
      assertThat(parse("FOO=bar\nVARIABLE_NOT_FOUND\nBAR=baz\n")).containsExactly(entry("FOO", "bar"), entry("BAR", "baz"));
    }

    @Test
    void expanding() {
      assertThat(parse("FOO=test\nBAR=$FOO")).containsEntry("BAR", "test");
      assertThat(parse("FOO=test\nBAR=${FOO}bar")).containsEntry("BAR", "testbar");
      assertThat(parse("BAR=$FOO")).containsEntry("BAR", "");
      assertThat(parse("FOO=test\nBAR=\"quote $FOO\"")).containsEntry("BAR", "quote test");
      assertThat(parse("BAR='quote $FOO'")).containsEntry("BAR", "quote $FOO");
      assertThat(parse("FOO=\"foo\\$BAR\"")).containsEntry("FOO", "foo$BAR");
      assertThat(parse("FOO=\"foo\\${BAR}\"")).containsEntry("FOO", "foo${BAR}");
      assertThat(parse("FOO=test\nBAR=\"foo\\${FOO} ${FOO}\"")).containsEntry("BAR", "foo${FOO} test");
      assertThat(parse("TEST=$ME", Map.of("ME", "YES"))).containsEntry("TEST", "YES");
    }

    @Test
    void aDoubleQuotedValueMaySpanLines() {
      assertThat(parse("TEST_URLS=\"stratum+tcp://stratum.antpool.com:3333\nstratum+tcp://stratum.antpool.com:443\""))
          .containsExactly(entry("TEST_URLS", "stratum+tcp://stratum.antpool.com:3333\nstratum+tcp://stratum.antpool.com:443"));
    }

    /** godotenv_var_expansion_test.go, written as files. */
    @Test
    void expansionOperators() {
      String vars = "EMPTY_VAR=\nTEST_VAR=Test Value\n";
      assertThat(parse(vars + "RESULT=${UNSET_VAR:-Default Value}")).containsEntry("RESULT", "Default Value");
      assertThat(parse(vars + "RESULT=${EMPTY_VAR:-Default Value}")).containsEntry("RESULT", "Default Value");
      assertThat(parse(vars + "RESULT=${TEST_VAR:-Default Value}")).containsEntry("RESULT", "Test Value");
      assertThat(parse(vars + "RESULT=${UNSET_VAR-Default Value}")).containsEntry("RESULT", "Default Value");
      assertThat(parse(vars + "RESULT=${EMPTY_VAR-Default Value}")).containsEntry("RESULT", "");
      assertThat(parse(vars + "RESULT=${TEST_VAR-Default Value}")).containsEntry("RESULT", "Test Value");
      assertThat(parse(vars + "RESULT=${TEST_VAR:?Default Value}")).containsEntry("RESULT", "Test Value");
      assertThat(parse(vars + "RESULT=${EMPTY_VAR?Test error}")).containsEntry("RESULT", "");
      assertThat(problem(vars + "RESULT=${UNSET_VAR:?Test error}"))
          .isEqualTo(new Problem("test.env", 3, 8, "", "required variable UNSET_VAR is missing a value: Test error"));
      assertThat(problem(vars + "RESULT=${EMPTY_VAR:?Test error}").reason())
          .isEqualTo("required variable EMPTY_VAR is missing a value: Test error");
      assertThat(problem(vars + "RESULT=${UNSET_VAR?Test error}").reason())
          .isEqualTo("required variable UNSET_VAR is missing a value: Test error");
    }

    /** TestErrorParsing: compose-go's fixture fails at line 7. */
    @Test
    void aKeyWithASpace() {
      String text = "# a comment\n\nA=1\nexport B=2\nC: 3\n\nBAD KEY=7\nD=4\n";
      Problem p = problem(text);
      assertThat(p).isEqualTo(new Problem("test.env", 7, 4, "", "key cannot contain a space"));
      assertThat(p.format()).isEqualTo("test.env:7:4: key cannot contain a space");
    }
  }

  // ===================================================================== the rest of the contract

  @Nested
  class FileShapes {

    @Test
    void crlfLineEndings() {
      String text = "# c\r\nA=1\r\nB = 'two'\r\nC=\"x\r\ny\"\r\nD=4 # c\r\nexport E: 5\r\nF\r\n";
      // a quoted value keeps what is between the quotes, a carriage return too, as compose does
      assertThat(parse(text, Map.of("F", "six"))).containsExactly(entry("A", "1"), entry("B", "two"), entry("C", "x\r\ny"),
          entry("D", "4"), entry("E", "5"), entry("F", "six"));
    }

    @Test
    void crlfErrorsNameTheLine() {
      assertThatThrownBy(() -> DotEnv.parse("crlf.env", "A=1\r\nB C=2\r\n", Lookup.none()))
          .isInstanceOf(InputException.class)
          .hasMessage("crlf.env:2:2: key cannot contain a space");
    }

    @Test
    void aByteOrderMarkAtTheStartIsIgnored() {
      assertThat(parse("\uFEFFOPTION_A=1\nOPTION_B=2")).containsExactly(entry("OPTION_A", "1"), entry("OPTION_B", "2"));
      // anywhere else it is a character like any other, and not one a key may have
      assertThat(problem("A=1\n\uFEFFB=2"))
          .isEqualTo(new Problem("test.env", 2, 1, "", "unexpected character \"\\ufeff\" in variable name \"\\ufeffB=2\""));
    }

    @Test
    void keysKeepTheirFirstPlaceAndTheirLastValue() {
      assertThat(parse("A=1\nB=2\nA=3")).containsExactly(entry("A", "3"), entry("B", "2"));
    }
  }

  @Nested
  class Expansion {

    @Test
    void theEnvironmentFirstThenKeysAboveInTheFile() {
      assertThat(parse("A=file\nB=$A", Map.of("A", "env"))).containsExactly(entry("A", "file"), entry("B", "env"));
      assertThat(parse("A=file\nB=$A")).containsEntry("B", "file");
      // a key below is not seen yet
      List<String> warnings = new ArrayList<>();
      assertThat(DotEnv.parse("test.env", "B=$C\nC=1", Lookup.none(), warnings)).containsEntry("B", "");
      assertThat(warnings).containsExactly("The \"C\" variable is not set. Defaulting to a blank string.");
    }

    @Test
    void singleQuotesAreLiteralDoubleQuotesAndBareValuesExpand() {
      Map<String, String> environment = Map.of("X", "x");
      assertThat(parse("A='$X ${X} \\n'\nB=\"$X ${X} \\n\"\nC=$X ${X} \\n", environment))
          .containsExactly(entry("A", "$X ${X} \\n"), entry("B", "x x \n"), entry("C", "x x \\n"));
      // $$ is a literal $ where values expand; \$ too, in double quotes
      assertThat(parse("A=$$X\nB=\"\\$X $$X\"\nC='$$X'", environment))
          .containsExactly(entry("A", "$X"), entry("B", "$X $X"), entry("C", "$$X"));
    }

    @Test
    void aBackslashBeforeTheQuoteIsDroppedInSingleQuotesToo() {
      assertThat(value("C='a\\'b'", "C")).isEqualTo("a'b");
      assertThat(value("C='a\\b'", "C")).isEqualTo("a\\b");
    }

    @Test
    void octalEscapes() {
      // \0 and up to three digits: three octal digits up to 377 make a character, else the 0 goes
      assertThat(value("A=\"\\0123|\\0|\\01|\\012|\\0400|\\0377|\\089|\\c\"", "A"))
          .isEqualTo("S|\\|\\1|\\12|\\400|\u00ff|\\89|\\c");
    }

    @Test
    void aBareKeyComesFromTheEnvironmentOnly() {
      assertThat(parse("A=1\nA\nB\n", Map.of("A", "env"))).containsExactly(entry("A", "env"));
      assertThat(parse("A=1\nA\nB\n")).containsExactly(entry("A", "1"));
    }

    @Test
    void expansionErrorsNameTheLineAndColumnOfTheValue() {
      assertThat(problem("A=1\nB = \"${X:?set X}\""))
          .isEqualTo(new Problem("test.env", 2, 5, "", "required variable X is missing a value: set X"));
      assertThat(problem("A=1\n\nB=x ${ y"))
          .isEqualTo(new Problem("test.env", 3, 3, "", "Invalid template: \"x ${ y\""));
    }
  }

  // ===================================================================== compose-go's corners

  @Nested
  class Corners {

    /** With no `=`, `:` or line feed after it, a last line is the value of the key "". */
    @Test
    void aLastLineWithoutEqualsSignOrLineFeed() {
      assertThat(parse("A=1\nFOO", Map.of("FOO", "env"))).containsExactly(entry("A", "1"), entry("", "FOO"));
      assertThat(parse("export")).containsExactly(entry("", "export"));
      assertThat(parse(":x")).containsExactly(entry("", "x"));
    }

    @Test
    void afterAClosingQuoteTheLineGoesOn() {
      assertThat(parse("A=\"x\" B=2")).containsExactly(entry("A", "x"), entry("B", "2"));
    }

    @Test
    void onlyTheAsciiSpaceIsRefusedInAKey() {
      assertThat(parse("A\tB=1")).containsExactly(entry("A\tB", "1"));
      assertThat(problem("A B=1")).isEqualTo(new Problem("test.env", 1, 2, "", "key cannot contain a space"));
    }

    @Test
    void exportAndNothingElse() {
      assertThat(problem("A=1\nexport ")).isEqualTo(new Problem("test.env", 2, 8, "", "zero length string"));
      assertThat(parse("A=x\nexport\nB=1")).containsExactly(entry("A", "x"), entry("B", "1"));
    }

    @Test
    void onlyASpaceBeforeTheHashStartsAComment() {
      assertThat(parse("A=a\u00a0#x\nB=b\t#x\nC=c #x")).containsExactly(entry("A", "a\u00a0#x"), entry("B", "b\t#x"), entry("C", "c"));
    }

    /** compose-go counts lines off by one after a bare key; headroom names the real line. */
    @Test
    void theLineIsTheRealOne() {
      assertThat(problem("A\nB\nC D=1").line()).isEqualTo(3);
      assertThat(problem("A=\"abc\nB=1\nC=2\n")).isEqualTo(new Problem("test.env", 1, 3, "", "unterminated quoted value \"abc"));
    }
  }

  /** The example in docs/compose.md, read as the page says. */
  @Test
  void theDocumentedExample() {
    String text = "# a comment: the line starts with #, after any white space\n"
        + "export COMPOSE_PROJECT_NAME=shop\n"
        + "REGISTRY = registry.example.com        # white space around = is dropped; \" #\" starts a comment\n"
        + "TAG: 1.4                               # KEY: VALUE works too\n"
        + "IMAGE=${REGISTRY}/shop:${TAG:-latest}  # variables: the environment first, then keys above\n"
        + "GREETING='Hello, $USER'                # single quotes: literal\n"
        + "MOTD=\"first line\\nsecond line\"         # double quotes: escapes, then variables\n"
        + "# a bare key takes its value from the environment (no comment may follow it on its line)\n"
        + "PGPASSWORD\n";
    assertThat(parse(text, Map.of("PGPASSWORD", "secret"))).containsExactly(entry("COMPOSE_PROJECT_NAME", "shop"),
        entry("REGISTRY", "registry.example.com"), entry("TAG", "1.4"), entry("IMAGE", "registry.example.com/shop:1.4"),
        entry("GREETING", "Hello, $USER"), entry("MOTD", "first line\nsecond line"), entry("PGPASSWORD", "secret"));
    assertThat(problem("PGPASSWORD # comment\n").reason())
        .isEqualTo("unexpected character \"#\" in variable name \"PGPASSWORD # comment\"");
  }
}
