package dev.headroom.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.headroom.load.YamlNode.Scalar;
import dev.headroom.load.YamlReader.Limits;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Safe YAML reading (DESIGN.md section 5). */
class YamlReaderTest {

  private static final YamlReader READER = new YamlReader();

  private static YamlNode read(String text) {
    return READER.readSingle(Source.of("f.yaml", text));
  }

  private static YamlNode.Map readMap(String text) {
    return (YamlNode.Map) read(text);
  }

  private static Scalar scalar(YamlNode.Map map, String key) {
    return (Scalar) map.get(key);
  }

  /** The one problem of a refused read. */
  private static Problem refused(Source source) {
    return refused(READER, source);
  }

  private static Problem refused(YamlReader reader, Source source) {
    InputException e = catchThrowableOfType(InputException.class, () -> reader.readSingle(source));
    assertThat(e).as("expected an InputException").isNotNull();
    assertThat(e.problems()).hasSize(1);
    return e.problems().get(0);
  }

  private static Problem refused(String text) {
    return refused(Source.of("f.yaml", text));
  }

  // ------------------------------------------------------------------ positions

  @Test
  void scalarsKeepOneBasedLineAndColumn() {
    YamlNode.Map root =
        readMap(
            """
            kind: host
            id: x
            memory:
              total: 512MiB
            list:
              - a
              -   b
            """);
    assertThat(root.line()).isEqualTo(1);
    assertThat(root.column()).isEqualTo(1);
    Scalar kind = scalar(root, "kind");
    assertThat(kind.line()).isEqualTo(1);
    assertThat(kind.column()).isEqualTo(7); // "kind: " is 6 characters
    YamlNode.Map memory = (YamlNode.Map) root.get("memory");
    Scalar total = scalar(memory, "total");
    assertThat(total.value()).isEqualTo("512MiB");
    assertThat(total.line()).isEqualTo(4);
    assertThat(total.column()).isEqualTo(10); // "  total: " is 9 characters
    YamlNode.Entry totalEntry = memory.entry("total");
    assertThat(totalEntry.key().line()).isEqualTo(4);
    assertThat(totalEntry.key().column()).isEqualTo(3);
    assertThat(memory.line()).isEqualTo(4);
    assertThat(memory.column()).isEqualTo(3);
    List<YamlNode> items = ((YamlNode.Seq) root.get("list")).items();
    assertThat(items.get(0).line()).isEqualTo(6);
    assertThat(items.get(0).column()).isEqualTo(5); // "  - " is 4 characters
    assertThat(items.get(1).line()).isEqualTo(7);
    assertThat(items.get(1).column()).isEqualTo(7); // "  -   " is 6 characters
  }

  @Test
  void keysKeepFileOrder() {
    YamlNode.Map root = readMap("b: 1\na: 2\nc: 3\n");
    assertThat(YamlNode.keys(root)).containsExactly("b", "a", "c");
  }

  // ------------------------------------------------------------------ YAML 1.2 typing

  @Test
  void plainScalarsAreTypedByTheYaml12CoreSchema() {
    YamlNode.Map root =
        readMap(
            """
            no: no
            off: off
            on: on
            yes: yes
            Yes: Yes
            y: y
            octal: 010
            sexagesimal: 1:30
            inf: .inf
            minus-inf: -.inf
            nan: .nan
            t: true
            f: False
            n: null
            tilde: ~
            empty:
            quoted: "true"
            single: '010'
            hex: 0x1F
            oct: 0o17
            float: 1.5
            exp: 1e3
            size: 512MiB
            """);
    assertThat(scalar(root, "no").type()).isEqualTo(YamlNode.Type.STRING);
    assertThat(scalar(root, "off").type()).isEqualTo(YamlNode.Type.STRING);
    assertThat(scalar(root, "on").type()).isEqualTo(YamlNode.Type.STRING);
    assertThat(scalar(root, "yes").type()).isEqualTo(YamlNode.Type.STRING);
    assertThat(scalar(root, "Yes").type()).isEqualTo(YamlNode.Type.STRING);
    assertThat(scalar(root, "y").type()).isEqualTo(YamlNode.Type.STRING);
    assertThat(scalar(root, "octal").type()).isEqualTo(YamlNode.Type.INT);
    assertThat(scalar(root, "octal").value()).isEqualTo("010");
    assertThat(scalar(root, "sexagesimal").type()).isEqualTo(YamlNode.Type.STRING);
    assertThat(scalar(root, "sexagesimal").value()).isEqualTo("1:30");
    assertThat(scalar(root, "inf").type()).isEqualTo(YamlNode.Type.FLOAT);
    assertThat(scalar(root, "minus-inf").type()).isEqualTo(YamlNode.Type.FLOAT);
    assertThat(scalar(root, "nan").type()).isEqualTo(YamlNode.Type.FLOAT);
    assertThat(scalar(root, "t").type()).isEqualTo(YamlNode.Type.BOOL);
    assertThat(scalar(root, "f").type()).isEqualTo(YamlNode.Type.BOOL);
    assertThat(scalar(root, "n").type()).isEqualTo(YamlNode.Type.NULL);
    assertThat(scalar(root, "tilde").type()).isEqualTo(YamlNode.Type.NULL);
    assertThat(scalar(root, "empty").type()).isEqualTo(YamlNode.Type.NULL);
    assertThat(scalar(root, "quoted").type()).isEqualTo(YamlNode.Type.STRING);
    assertThat(scalar(root, "quoted").plain()).isFalse();
    assertThat(scalar(root, "single").type()).isEqualTo(YamlNode.Type.STRING);
    assertThat(scalar(root, "hex").type()).isEqualTo(YamlNode.Type.INT);
    assertThat(scalar(root, "oct").type()).isEqualTo(YamlNode.Type.INT);
    assertThat(scalar(root, "float").type()).isEqualTo(YamlNode.Type.FLOAT);
    assertThat(scalar(root, "exp").type()).isEqualTo(YamlNode.Type.FLOAT);
    assertThat(scalar(root, "size").type()).isEqualTo(YamlNode.Type.STRING);
    assertThat(scalar(root, "size").plain()).isTrue();
  }

  @Test
  void leadingZeroIsAnIntegerThatTheTypedReaderRefusesForBytes() {
    Problems problems = new Problems();
    CatalogFileReader.Entry entry =
        new CatalogFileReader(READER)
            .read(Source.of("h.yaml", "kind: host\nid: h\nmemory:\n  total: 010\n"), problems, new ArrayList<>());
    assertThat(entry).isNull();
    assertThat(problems.list())
        .extracting(Problem::format)
        .containsExactly(
            "h.yaml:4:10: memory.total: '010' has a leading zero (YAML 1.1 reads it as octal, YAML 1.2 as decimal); write it without the zero");
  }

  @Test
  void explicitStandardTagsMustMatchTheirForm() {
    assertThat(scalar(readMap("a: !!str 010\n"), "a").type()).isEqualTo(YamlNode.Type.STRING);
    assertThat(scalar(readMap("a: !!int 10\n"), "a").type()).isEqualTo(YamlNode.Type.INT);
    Problem p = refused("a: !!int ten\n");
    assertThat(p.format()).isEqualTo("f.yaml:1:4: a: 'ten' is not a valid int");
    assertThat(refused("a: !!bool yes\n").reason()).isEqualTo("'yes' is not a valid bool");
  }

  // ------------------------------------------------------------------ duplicate keys

  @Test
  void duplicateTopLevelKeyNamesBothLines() {
    Problem p = refused("a: 1\nb: 2\na: 3\n");
    assertThat(p.format()).isEqualTo("f.yaml:3:1: a: duplicate key 'a' (first at line 1, again at line 3)");
  }

  @Test
  void duplicateNestedKeyNamesBothLinesAndThePath() {
    Problem p = refused("a: 1\nb:\n  c: 1\n  d: 2\n  c: 2\n");
    assertThat(p.format()).isEqualTo("f.yaml:5:3: b.c: duplicate key 'c' (first at line 3, again at line 5)");
  }

  @Test
  void duplicateKeyInAFlowMappingAndInAListItem() {
    // on one line, the columns tell them apart: a: {x: 1, x: 2} has them at 5 and 11
    assertThat(refused("a: {x: 1, x: 2}\n").reason()).isEqualTo("duplicate key 'x' (first at line 1 column 5, again at column 11)");
    assertThat(refused("l:\n  - n: 1\n    n: 2\n").format())
        .isEqualTo("f.yaml:3:5: l[0].n: duplicate key 'n' (first at line 2, again at line 3)");
  }

  @Test
  void quotedAndPlainSpellingsOfOneKeyAreDuplicates() {
    assertThat(refused("a: 1\n\"a\": 2\n").reason()).isEqualTo("duplicate key 'a' (first at line 1, again at line 2)");
  }

  @Test
  void twoMergeKeysInOneMappingAreRefused() {
    Problem p = refused("d: &d {a: 1}\ne:\n  <<: *d\n  <<: *d\n");
    assertThat(p.reason()).contains("duplicate key '<<'").contains("line 3");
  }

  // ------------------------------------------------------------------ merge keys

  @Test
  void mergeKeyExplicitKeysWin() {
    YamlNode.Map root =
        readMap(
            """
            defaults: &defaults
              a: 1
              b: 2
            svc:
              b: 3
              <<: *defaults
              c: 4
            """);
    YamlNode.Map svc = (YamlNode.Map) root.get("svc");
    assertThat(scalar(svc, "a").value()).isEqualTo("1");
    assertThat(scalar(svc, "b").value()).isEqualTo("3");
    assertThat(scalar(svc, "c").value()).isEqualTo("4");
    assertThat(YamlNode.keys(svc)).containsExactlyInAnyOrder("a", "b", "c");
    // the merged value keeps the position where it was written
    assertThat(scalar(svc, "a").line()).isEqualTo(2);
  }

  @Test
  void mergeListEarlierMapsWin() {
    YamlNode.Map root =
        readMap(
            """
            x: &x {a: x, b: x}
            y: &y {b: y, c: y}
            z:
              <<: [*x, *y]
              d: z
            """);
    YamlNode.Map z = (YamlNode.Map) root.get("z");
    assertThat(scalar(z, "a").value()).isEqualTo("x");
    assertThat(scalar(z, "b").value()).isEqualTo("x");
    assertThat(scalar(z, "c").value()).isEqualTo("y");
    assertThat(scalar(z, "d").value()).isEqualTo("z");
  }

  @Test
  void mergeOfAnInlineMappingAndChainedMerges() {
    YamlNode.Map root =
        readMap(
            """
            base: &base {a: 1}
            mid: &mid
              <<: *base
              b: 2
            top:
              <<: *mid
              c: 3
            inline:
              <<: {q: 9}
            """);
    YamlNode.Map top = (YamlNode.Map) root.get("top");
    assertThat(YamlNode.keys(top)).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(scalar((YamlNode.Map) root.get("inline"), "q").value()).isEqualTo("9");
  }

  @Test
  void mergeOfAScalarIsRefused() {
    assertThat(refused("a: &a 1\nb:\n  <<: *a\n").reason()).contains("a merge key takes a mapping or a list of mappings");
    assertThat(refused("a: &a 1\nb:\n  <<: [*a]\n").reason()).contains("a merge key takes a mapping or a list of mappings");
  }

  @Test
  void quotedMergeKeyIsAnOrdinaryKey() {
    YamlNode.Map root = readMap("d: &d {a: 1}\ne:\n  \"<<\": *d\n");
    YamlNode.Map e = (YamlNode.Map) root.get("e");
    assertThat(YamlNode.keys(e)).containsExactly("<<");
  }

  @Test
  void eightyAndMoreMergesOfADefaultsBlockLoad() {
    StringBuilder sb = new StringBuilder();
    sb.append("x-defaults: &defaults\n")
        .append("  restart: always\n")
        .append("  mem_limit: 128m\n")
        .append("  logging:\n    driver: json-file\n    options: {max-size: 10m, max-file: \"3\"}\n")
        .append("  environment: {A: '1', B: '2', C: '3', D: '4'}\n")
        .append("services:\n");
    int services = 120;
    for (int i = 0; i < services; i++) {
      sb.append("  svc").append(i).append(":\n    <<: *defaults\n    image: img").append(i).append('\n');
    }
    YamlNode.Map root = readMap(sb.toString());
    YamlNode.Map all = (YamlNode.Map) root.get("services");
    assertThat(all.entries()).hasSize(services);
    YamlNode.Map last = (YamlNode.Map) all.get("svc" + (services - 1));
    assertThat(scalar(last, "mem_limit").value()).isEqualTo("128m");
    assertThat(scalar(last, "image").value()).isEqualTo("img" + (services - 1));
    assertThat(last.get("logging")).isInstanceOf(YamlNode.Map.class);
  }

  // ------------------------------------------------------------------ alias expansion

  private static String billionLaughs(String indent) {
    StringBuilder sb = new StringBuilder();
    sb.append(indent).append("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    String prev = "a";
    for (char c = 'b'; c <= 'i'; c++) {
      String name = String.valueOf(c);
      sb.append(indent).append(name).append(": &").append(name).append(" [");
      for (int i = 0; i < 9; i++) {
        sb.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      sb.append("]\n");
      prev = name;
    }
    return sb.toString();
  }

  @Test
  void billionLaughsIsRefusedQuickly() {
    // 9 levels of 9 aliases: 9^9 = 387,420,489 "lol"s if expanded
    String bomb = billionLaughs("");
    Problem p = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refused(bomb));
    assertThat(p.reason()).contains("aliases expand to more than 100000 nodes");
    assertThat(p.line()).isPositive();
  }

  @Test
  void billionLaughsIsRefusedEvenUnderAnUnusedExtensionKey() {
    String bomb = "x-unused:\n" + billionLaughs("  ") + "services:\n  web: {image: nginx}\n";
    Problem p = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refused(bomb));
    assertThat(p.reason()).contains("aliases expand");
    assertThat(p.path()).startsWith("x-unused.");
  }

  @Test
  void billionLaughsThroughMergeKeysIsRefused() {
    StringBuilder sb = new StringBuilder("l0: &l0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10}\n");
    for (int level = 1; level <= 8; level++) {
      sb.append("l").append(level).append(": &l").append(level).append(" {");
      for (int i = 0; i < 10; i++) {
        sb.append(i == 0 ? "" : ", ").append("k").append(i).append(": *l").append(level - 1);
      }
      sb.append("}\n");
    }
    String bomb = sb.toString();
    Problem p = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refused(bomb));
    assertThat(p.reason()).contains("aliases expand");
  }

  @Test
  void sharedAliasesBelowTheCapLoad() {
    // 4 levels of 9: 9^4 = 6,561 expanded leaves, far below 100,000
    String text = billionLaughs("").lines().limit(4).reduce("", (a, b) -> a + b + "\n");
    YamlNode.Map root = readMap(text);
    assertThat(((YamlNode.Seq) root.get("d")).items()).hasSize(9);
  }

  @Test
  void selfReferencingAliasIsRefused() {
    Problem seq = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refused("a: &a [*a]\n"));
    assertThat(seq.format()).isEqualTo("f.yaml:1:8: a[0]: self-referencing alias (the anchor contains itself)");
    Problem map = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refused("a: &a {b: *a}\n"));
    assertThat(map.reason()).contains("self-referencing alias");
    Problem merge = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refused("a: &a {<<: *a}\n"));
    assertThat(merge.reason()).contains("self-referencing alias");
  }

  @Test
  void undefinedAliasIsASyntaxProblemWithItsPosition() {
    assertThat(refused("a: *nowhere\n").format()).isEqualTo("f.yaml:1:4: YAML syntax: found undefined alias nowhere");
  }

  // ------------------------------------------------------------------ nesting depth

  @Test
  void tenThousandNestedFlowSequencesAreRefusedWithoutStackOverflow() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    Problem p = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refused(deep));
    // levels 0 to 200 are allowed: the 202nd '[' is one too many
    assertThat(p.format()).isEqualTo("f.yaml:1:202: nested more than 200 levels deep");
  }

  @Test
  void tenThousandNestedFlowMappingsAreRefusedWithoutStackOverflow() {
    String deep = "a: {".repeat(10_000) + "}".repeat(10_000);
    Problem p = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refused(deep));
    assertThat(p.line()).isEqualTo(1);
    assertThat(p.column()).isPositive();
    assertThat(p.reason()).isEqualTo("nested more than 200 levels deep");
  }

  @Test
  void deepBlockNestingIsRefused() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 1_000; i++) {
      sb.append(" ".repeat(i)).append("a:\n");
    }
    sb.append(" ".repeat(1_000)).append("x\n");
    Problem p = refused(sb.toString());
    // line n holds the mapping at level n (the root is level 0): line 201, indented 200
    assertThat(p.format()).isEqualTo("f.yaml:201:201: nested more than 200 levels deep");
  }

  @Test
  void aliasesCannotStackNestingPastTheCap() {
    // each anchor is 150 levels deep and holds the previous one: 2 of them are 300 levels
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < 2; k++) {
      sb.append("a").append(k).append(": &a").append(k).append(' ').append("[".repeat(150));
      if (k > 0) {
        sb.append("*a").append(k - 1);
      }
      sb.append("]".repeat(150)).append('\n');
    }
    Problem p = refused(sb.toString());
    assertThat(p.reason()).isEqualTo("nested more than 200 levels deep (through an alias)");
    assertThat(p.path()).startsWith("a1[0][0]");
  }

  @Test
  void aliasesWithinTheDepthCapLoad() {
    // 90 levels, then 90 more around an alias of the first: 180 levels in all, below 200
    String text = "a: &a " + "[".repeat(90) + "]".repeat(90) + "\nb: " + "[".repeat(90) + "*a" + "]".repeat(90) + "\n";
    YamlNode.Map root = readMap(text);
    assertThat(root.entries()).containsOnlyKeys("a", "b");
  }

  @Test
  void theDepthCapIsTwoHundredLevelsBelowTheRoot() {
    assertThat(read("[".repeat(201) + "]".repeat(201))).isInstanceOf(YamlNode.Seq.class);
    assertThat(refused("[".repeat(202) + "]".repeat(202)).reason()).isEqualTo("nested more than 200 levels deep");
  }

  @Test
  void moderateNestingLoads() {
    // 150 levels: below the default cap of 200
    YamlNode n = read("[".repeat(150) + "]".repeat(150));
    int depth = 0;
    while (n instanceof YamlNode.Seq s && !s.items().isEmpty()) {
      n = s.items().get(0);
      depth++;
    }
    assertThat(depth).isEqualTo(149);
  }

  // ------------------------------------------------------------------ tags

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a: !!java.io.File /etc/passwd\n",
        "a: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n",
        "a: !env HOME\n",
        "a: !include x.yaml\n",
        "a: !!binary aGk=\n",
        "a: !!python/object/apply:os.system [\"true\"]\n",
        "a: !!set {x, y}\n",
        "a: !!omap [{x: 1}]\n",
        "a: !<tag:example.com,2000:thing> 1\n",
        "!env HOME: 1\n",
        "a: !custom {b: 1}\n",
        "a: !custom [1]\n",
      })
  void tagsAreRefused(String text) {
    Problem p = refused(text);
    assertThat(p.file()).isEqualTo("f.yaml");
    assertThat(p.line()).isEqualTo(1);
    assertThat(p.reason()).containsIgnoringCase("tag");
  }

  @Test
  void anIncompleteTagEscapeAtTheEndIsAnInputError() {
    // found by fuzzing (YamlFuzzTest): SnakeYAML's Tag threw an IllegalArgumentException, an internal error
    assertThat(refused("!!%a").format())
        .isEqualTo("f.yaml:1:1: YAML syntax: an incomplete tag (an escape such as %2F needs two hexadecimal digits)");
    assertThat(refused("a: b\n--- !!%a").line()).isEqualTo(2);
  }

  @Test
  void envTagNamesTheTag() {
    assertThat(refused("a: !env HOME\n").format()).isEqualTo("f.yaml:1:4: a: tag !env is not allowed; headroom reads plain YAML only");
    assertThat(refused("a: !!binary aGk=\n").reason()).contains("!!binary");
  }

  @Test
  void payloadsThatWouldWriteAFileDoNothing() throws Exception {
    Path pwned = Path.of("/tmp/pwned-by-yaml");
    Files.deleteIfExists(pwned);
    List<String> payloads =
        List.of(
            "a: !!java.io.FileOutputStream [\"/tmp/pwned-by-yaml\"]\n",
            "a: !!java.io.FileWriter [\"/tmp/pwned-by-yaml\"]\n",
            "a: !!java.io.PrintWriter [\"/tmp/pwned-by-yaml\"]\n",
            "a: !!java.io.RandomAccessFile [\"/tmp/pwned-by-yaml\", \"rw\"]\n",
            "!!java.io.FileOutputStream [\"/tmp/pwned-by-yaml\"]\n",
            "a: !!java.lang.ProcessBuilder [[\"touch\", \"/tmp/pwned-by-yaml\"]]\n");
    for (String payload : payloads) {
      assertThatThrownBy(() -> read(payload)).as(payload).isInstanceOf(InputException.class);
      assertThat(pwned).as(payload).doesNotExist();
    }
    // the same payloads pass through a reader that allows an unrelated tag, still refused
    YamlReader lenient = new YamlReader(Limits.defaults().withAllowedTags(Set.of("!reset")));
    for (String payload : payloads) {
      assertThatThrownBy(() -> lenient.readSingle(Source.of("f.yaml", payload))).isInstanceOf(InputException.class);
    }
    assertThat(pwned).doesNotExist();
  }

  @Test
  void allowedTagsAreKeptOnTheNode() {
    YamlReader reader = new YamlReader(Limits.defaults().withAllowedTags(Set.of("!reset", "!override")));
    YamlNode.Map root =
        (YamlNode.Map) reader.readSingle(Source.of("f.yaml", "a: !reset []\nb: !reset value\nc: !override {k: v}\nd: !reset null\ne: plain\n"));
    assertThat(((YamlNode.Seq) root.get("a")).tag()).isEqualTo("!reset");
    Scalar b = scalar(root, "b");
    assertThat(b.tag()).isEqualTo("!reset");
    assertThat(b.value()).isEqualTo("value");
    assertThat(b.type()).isEqualTo(YamlNode.Type.STRING);
    assertThat(((YamlNode.Map) root.get("c")).tag()).isEqualTo("!override");
    assertThat(scalar(root, "d").type()).isEqualTo(YamlNode.Type.NULL);
    assertThat(scalar(root, "d").tag()).isEqualTo("!reset");
    assertThat(scalar(root, "e").tag()).isNull();
    // other tags are still refused by that reader
    assertThatThrownBy(() -> reader.readSingle(Source.of("f.yaml", "a: !env HOME\n"))).isInstanceOf(InputException.class);
    // and the default reader refuses the allowed one
    assertThat(refused("a: !reset []\n").reason()).contains("!reset");
  }

  // ------------------------------------------------------------------ documents

  @Test
  void aSecondDocumentIsRefusedNamingItsLine() {
    Problem p = refused("a: 1\n---\nb: 2\n");
    assertThat(p.format()).isEqualTo("f.yaml:3:1: a second YAML document; a file holds exactly one");
    assertThat(READER.readAll(Source.of("f.yaml", "a: 1\n---\nb: 2\n"))).hasSize(2);
  }

  @Test
  void aSecondDocumentAfterAnEndMarkerIsRefused() {
    Problem p = refused("a: 1\n...\n---\nb: 2\n");
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.reason()).contains("second YAML document");
  }

  @Test
  void anExplicitSingleDocumentIsFine() {
    YamlNode.Map root = readMap("---\na: 1\n...\n");
    assertThat(scalar(root, "a").line()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n\n", "# only a comment\n", "# one\n\n# two\n", "   \n"})
  void emptyAndCommentOnlyFilesAreRefused(String text) {
    assertThat(refused(text).format()).isEqualTo("f.yaml: file is empty (no YAML document)");
  }

  @Test
  void syntaxErrorsNameLineAndColumn() {
    Problem p = refused("a: 1\nb: [1, 2\nc: 3\n");
    assertThat(p.line()).isPositive();
    assertThat(p.column()).isPositive();
    assertThat(p.reason()).startsWith("YAML syntax: ");
    Problem tab = refused("a:\n\tb: 1\n");
    assertThat(tab.line()).isEqualTo(2);
  }

  @Test
  void complexKeysAreRefused() {
    assertThat(refused("? [a, b]\n: 1\n").reason()).isEqualTo("a key must be a plain value, not a list");
    assertThat(refused("? {a: b}\n: 1\n").reason()).isEqualTo("a key must be a plain value, not a mapping");
  }

  // ------------------------------------------------------------------ encodings

  @Test
  void utf8ByteOrderMarkIsAccepted() {
    byte[] body = "a: 1\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body);
    YamlNode.Map root = (YamlNode.Map) READER.readSingle(new Source("bom.yaml", null, bytes));
    assertThat(YamlNode.keys(root)).containsExactly("a");
    assertThat(scalar(root, "a").column()).isEqualTo(4);
  }

  @Test
  void utf16LittleEndianWithByteOrderMarkIsAccepted() {
    byte[] body = "name: Müller\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, body);
    YamlNode.Map root = (YamlNode.Map) READER.readSingle(new Source("le.yaml", null, bytes));
    assertThat(scalar(root, "name").value()).isEqualTo("Müller");
  }

  @Test
  void utf16BigEndianWithByteOrderMarkIsAccepted() {
    byte[] body = "name: Müller\n".getBytes(StandardCharsets.UTF_16BE);
    byte[] bytes = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, body);
    YamlNode.Map root = (YamlNode.Map) READER.readSingle(new Source("be.yaml", null, bytes));
    assertThat(scalar(root, "name").value()).isEqualTo("Müller");
  }

  @Test
  void invalidUtf8IsRefusedWithTheByteOffset() {
    // "a: 1\n" is 5 bytes and "b: " 3 more, so the 0xFF byte is at offset 8
    byte[] bytes = concat("a: 1\nb: ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF, '\n'});
    Problem p = refused(new Source("bad.yaml", null, bytes));
    assertThat(p.format()).isEqualTo("bad.yaml: is not valid UTF-8 text (bad byte at offset 8)");
  }

  @Test
  void invalidUtf8AfterAByteOrderMarkCountsFromTheStartOfTheFile() {
    // BOM (3 bytes) + "a: " (3 bytes): the broken sequence 0xC3 0x28 starts at offset 6
    byte[] bytes =
        concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ':', ' '}, new byte[] {(byte) 0xC3, '(', '\n'});
    assertThat(refused(new Source("bad.yaml", null, bytes)).reason()).contains("offset 6");
  }

  @Test
  void truncatedUtf8AtTheEndIsRefused() {
    // 0xE2 0x82 starts a three-byte sequence (€ is E2 82 AC) that never ends
    byte[] bytes = concat("a: ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE2, (byte) 0x82});
    assertThat(refused(new Source("cut.yaml", null, bytes)).reason()).contains("not valid UTF-8");
  }

  @Test
  void nulCharacterIsRefusedAtItsLineAndColumn() {
    // "a: b" is 4 characters: the NUL is the 5th of line 1
    assertThat(refused("a: b\u0000c\n").format()).isEqualTo("f.yaml:1:5: character U+0000 is not allowed in YAML");
  }

  @Test
  void otherControlCharactersAreRefusedAtTheirLineAndColumn() {
    assertThat(refused("a: 1\nb: \u0007\n").format()).isEqualTo("f.yaml:2:4: character U+0007 is not allowed in YAML");
    // CR LF is one line break
    assertThat(refused("a: 1\r\nb: \u0007\n").format()).isEqualTo("f.yaml:2:4: character U+0007 is not allowed in YAML");
    // a character outside the BMP counts as one column
    assertThat(refused("a: \uD83D\uDE00\u0001\n").format()).isEqualTo("f.yaml:1:5: character U+0001 is not allowed in YAML");
  }

  @Test
  void utf16WithoutByteOrderMarkIsRefusedCleanly() {
    // without a byte-order mark the bytes are read as UTF-8, and every other byte is a NUL
    byte[] bytes = "a: 1\n".getBytes(StandardCharsets.UTF_16LE);
    assertThat(refused(new Source("le.yaml", null, bytes)).reason()).contains("U+0000");
  }

  // ------------------------------------------------------------------ size cap

  @Test
  void sizeCapIsCheckedBeforeParsing() {
    YamlReader small = new YamlReader(Limits.defaults().withMaxFileSize(1024));
    // 1,025 bytes of broken YAML: refused for its size, never parsed
    String text = "[".repeat(1025);
    Problem p = refused(small, Source.of("big.yaml", text));
    assertThat(p.format())
        .isEqualTo("big.yaml: file is 1025 B, larger than the 1 KiB limit; refused before parsing (raise it with --max-file-size)");
    // exactly 1,024 bytes is within the cap
    String fits = "a: " + "x".repeat(1024 - 4) + "\n";
    assertThat(fits.getBytes(StandardCharsets.UTF_8)).hasSize(1024);
    assertThat(((YamlNode.Map) small.readSingle(Source.of("ok.yaml", fits))).entries()).hasSize(1);
  }

  @Test
  void sizeCapOnReadingAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("big.yaml");
    Files.writeString(file, "a: " + "x".repeat(2000) + "\n");
    assertThatThrownBy(() -> Source.read(file, "big.yaml", 1024))
        .isInstanceOfSatisfying(
            InputException.class,
            e -> assertThat(e.problems().get(0).reason()).contains("larger than the 1 KiB limit").contains("refused before parsing"));
    assertThatThrownBy(() -> Source.read(dir.resolve("missing.yaml"), "missing.yaml", 1024))
        .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems().get(0).format()).isEqualTo("missing.yaml: no such file"));
    assertThatThrownBy(() -> Source.read(dir, "dir", 1024))
        .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems().get(0).reason()).contains("is a directory"));
  }

  @Test
  void aFiveMebibyteScalarLoadsOrIsRefusedCleanly() {
    // 5 MiB = 5 × 1,048,576 = 5,242,880 bytes; "a: " (3) + scalar + "\n" (1) fills it exactly
    int scalarLength = 5 * 1024 * 1024 - 4;
    String text = "a: " + "x".repeat(scalarLength) + "\n";
    assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(5 * 1024 * 1024);
    loadsOrIsRefusedCleanlyAndQuickly(text);
    assertThat(scalar(readMap(text), "a").value()).hasSize(scalarLength);
    // one byte more is over the default cap
    assertThat(refused(Source.of("f.yaml", text + " ")).reason()).contains("larger than the 5 MiB limit");
  }

  @Test
  void otherLongRunsWithinTheCapLoadOrAreRefusedCleanly() {
    int n = 5 * 1024 * 1024 - 16;
    loadsOrIsRefusedCleanlyAndQuickly("a: \"" + "y".repeat(n) + "\"\n"); // one quoted scalar
    loadsOrIsRefusedCleanlyAndQuickly("a: '" + "y".repeat(n) + "'\n"); // single-quoted
    loadsOrIsRefusedCleanlyAndQuickly("a: x" + " ".repeat(n) + "y\n"); // a long run of spaces
    loadsOrIsRefusedCleanlyAndQuickly("a: |\n  " + "z".repeat(n) + "\n"); // a block scalar line
    loadsOrIsRefusedCleanlyAndQuickly("# " + "c".repeat(n) + "\na: 1\n"); // a comment
    loadsOrIsRefusedCleanlyAndQuickly("&" + "n".repeat(n) + " a: 1\n"); // an anchor name
  }

  @Test
  void manyKeysLoad() {
    // 49,999 keys and their values, and the mapping: 99,999 nodes, one below the cap
    StringBuilder keys = new StringBuilder();
    int count = 0;
    while (count < 49_999) {
      keys.append('k').append(count++).append(": v\n");
    }
    YamlNode.Map root = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> readMap(keys.toString()));
    assertThat(root.entries()).hasSize(count);
  }

  /**
   * A file within the size cap loads or is refused with an InputException, and quickly: SnakeYAML's
   * own stream reader took quadratic time on long runs (18 s for one 5 MiB scalar).
   */
  private static void loadsOrIsRefusedCleanlyAndQuickly(String text) {
    assertThat((long) text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Source.DEFAULT_MAX_FILE_SIZE);
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          try {
            read(text);
          } catch (InputException refusedCleanly) {
            assertThat(refusedCleanly.problems()).isNotEmpty();
          }
        });
  }

  // ------------------------------------------------------------------ helpers

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  @Test
  void aFileWithMoreNodesThanTheCapIsRefusedWhereTheCapIsReached() {
    // root mapping, key, list, then 100 scalars: the list's 98th item is node 101
    String text = "a: [" + String.join(", ", java.util.Collections.nCopies(100, "1")) + "]\n";
    YamlReader capped = new YamlReader(Limits.defaults().withMaxNodes(100));
    InputException e = org.assertj.core.api.Assertions.catchThrowableOfType(InputException.class,
        () -> capped.readAll(Source.of("n.yaml", text)));
    org.assertj.core.api.Assertions.assertThat(e).isNotNull();
    org.assertj.core.api.Assertions.assertThat(e.problems()).extracting(Problem::format)
        .containsExactly("n.yaml:1:296: more than 100 YAML nodes in one file; refused");
  }

  @Test
  void lineBreaksThatOnlyYaml11KnowsAreRefusedWithTheirPosition() {
    for (String c : new String[] {"\u0085", "\u2028", "\u2029"}) {
      InputException e = org.assertj.core.api.Assertions.catchThrowableOfType(InputException.class,
          () -> new YamlReader().readAll(Source.of("nel.yaml", "a: 1\nname: a" + c + "b\n")));
      org.assertj.core.api.Assertions.assertThat(e).as(c).isNotNull();
      org.assertj.core.api.Assertions.assertThat(e.problems().get(0).format())
          .startsWith("nel.yaml:2:8: character U+").contains("line break in YAML 1.1 and not in YAML 1.2");
    }
  }
}
