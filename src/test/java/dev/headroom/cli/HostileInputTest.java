package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN.md section 5, family by family, through the real command line: each hostile file gets its
 * exact outcome. A file headroom can read gives exactly these values; one it cannot gives exit 2
 * and exactly this line naming the file and line. Every case also holds that there is no stack
 * trace, the run ends within 10 seconds, every input is byte-identical afterwards, no file appears
 * beside the inputs and {@code /tmp/pwned-by-yaml} never does. docs/security.md lists the families.
 */
class HostileInputTest {

  private static final Path PWNED = Path.of("/tmp/pwned-by-yaml");
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @TempDir Path dir;

  @AfterEach
  void nothingWasCreatedOutside() {
    assertThat(PWNED).doesNotExist();
  }

  /**
   * One hostile file. {@code expected} is either the one error line ({@code error: FILE:LINE:...},
   * with the file named relative to the case's directory), or {@code ok} followed by checks {@code
   * path=value} on the JSON output.
   */
  @SuppressWarnings("ArrayRecordComponent") // never compared; the bytes are the file as written
  record Case(String name, String file, byte[] bytes, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }

    boolean refused() {
      return expected.size() == 1 && expected.get(0).startsWith("error: ");
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] all = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }

  private static Case refused(String name, String file, byte[] bytes, String line) {
    return new Case(name, file, bytes, List.of(line));
  }

  private static Case refused(String name, String file, String text, String line) {
    return refused(name, file, utf8(text), line);
  }

  private static Case loads(String name, String file, byte[] bytes, String... checks) {
    List<String> e = new ArrayList<>(List.of("ok"));
    e.addAll(List.of(checks));
    return new Case(name, file, bytes, e);
  }

  private static Case loads(String name, String file, String text, String... checks) {
    return loads(name, file, utf8(text), checks);
  }

  // ------------------------------------------------------------------ running a case

  /**
   * Runs {@code args} ({@code {}} stands for the case's file, {@code {dir}} for its directory) and
   * checks what every case must hold.
   */
  private Cli.Result run(Case c, Path input, Map<String, byte[]> others, String... args) throws IOException {
    Files.write(input, c.bytes());
    Map<Path, byte[]> before = new LinkedHashMap<>();
    before.put(input, c.bytes());
    for (Map.Entry<String, byte[]> o : others.entrySet()) {
      Path p = input.resolveSibling(o.getKey());
      Files.write(p, o.getValue());
      before.put(p, o.getValue());
    }
    List<Path> filesBefore;
    try (Stream<Path> s = Files.list(input.getParent())) {
      filesBefore = s.sorted().toList();
    }
    String[] a = Arrays.stream(args).map(x -> x.replace("{}", input.toString()).replace("{dir}", input.getParent().toString()))
        .toArray(String[]::new);
    Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Cli.runWith(Map.of(), a), c.name() + " took too long");
    Cli.assertThat(r).hasNoStackTrace();
    assertThat(r.exit()).as("exit of %s: %s", c.name(), r.err()).isNotEqualTo(3);
    for (Map.Entry<Path, byte[]> e : before.entrySet()) {
      assertThat(Files.readAllBytes(e.getKey())).as("%s is unchanged", e.getKey().getFileName()).isEqualTo(e.getValue());
    }
    try (Stream<Path> s = Files.list(input.getParent())) {
      assertThat(s.sorted().toList()).as("files beside the input").isEqualTo(filesBefore);
    }
    assertThat(PWNED).doesNotExist();
    return new Cli.Result(r.exit(), r.out(), r.err().replace(input.getParent() + "/", ""));
  }

  private static void refusedWith(Case c, Cli.Result r) {
    assertThat(r.exit()).as("exit of %s: %s", c.name(), r.err()).isEqualTo(2);
    assertThat(r.out()).as("stdout").isEmpty();
    assertThat(r.err().lines().toList()).as("stderr of %s", c.name()).containsExactly(c.expected().get(0));
  }

  /** Checks {@code a.b.c=value} (or {@code a.b.c~part} for a string that contains it) on a JSON object. */
  private static void holds(Case c, JsonNode object, List<String> checks) {
    for (String check : checks) {
      boolean contains = check.contains("~") && (!check.contains("=") || check.indexOf('~') < check.indexOf('='));
      int sep = contains ? check.indexOf('~') : check.indexOf('=');
      JsonNode n = object;
      for (String part : check.substring(0, sep).split("\\.", -1)) {
        n = n.path(part);
      }
      String want = check.substring(sep + 1);
      String got = n.isMissingNode() ? "<missing>" : n.isTextual() ? n.textValue()
          : n.isNumber() ? n.decimalValue().toPlainString() : n.toString();
      if (contains) {
        assertThat(got).as("%s: %s", c.name(), check).contains(want);
      } else {
        assertThat(got).as("%s: %s", c.name(), check).isEqualTo(want);
      }
    }
  }

  // ------------------------------------------------------------------ catalog files

  private static final String SVC = "kind: service\nid: x\n";

  static Stream<Case> catalog() {
    List<Case> cases = new ArrayList<>();
    String ok = SVC + "memory: 64MiB\n";
    // encodings
    cases.add(loads("BOM", "x.yaml", concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, utf8(ok)), "memory.low_bytes=67108864"));
    cases.add(loads("CRLF", "x.yaml", ok.replace("\n", "\r\n"), "memory.low_bytes=67108864", "origin=x.yaml:3"));
    cases.add(loads("lone CR line breaks", "x.yaml", ok.replace("\n", "\r"), "memory.low_bytes=67108864", "origin=x.yaml:3"));
    cases.add(loads("UTF-16LE with BOM", "x.yaml", ("\ufeff" + ok).getBytes(StandardCharsets.UTF_16LE), "memory.low_bytes=67108864"));
    cases.add(loads("UTF-16BE with BOM", "x.yaml", ("\ufeff" + ok).getBytes(StandardCharsets.UTF_16BE), "memory.low_bytes=67108864"));
    cases.add(loads("UTF-32 with BOM", "x.yaml", ("\ufeff" + ok).getBytes(java.nio.charset.Charset.forName("UTF-32BE")),
        "memory.low_bytes=67108864"));
    cases.add(refused("UTF-16 without BOM", "x.yaml", ok.getBytes(StandardCharsets.UTF_16BE),
        "error: x.yaml:1:1: character U+0000 is not allowed in YAML"));
    cases.add(refused("invalid UTF-8", "x.yaml", concat(utf8(SVC + "name: caf"), new byte[] {(byte) 0xc3, 0x28}, utf8("\nmemory: 1MiB\n")),
        "error: x.yaml: is not valid UTF-8 text (bad byte at offset 29)"));
    cases.add(refused("NUL", "x.yaml", SVC + "name: a\u0000b\nmemory: 1MiB\n", "error: x.yaml:3:8: character U+0000 is not allowed in YAML"));
    cases.add(refused("escape character", "x.yaml", SVC + "name: a\u001b[2Jb\nmemory: 1MiB\n",
        "error: x.yaml:3:8: character U+001B is not allowed in YAML"));
    cases.add(refused("NEL line break", "x.yaml", SVC + "name: a\u0085b\nmemory: 1MiB\n",
        "error: x.yaml:3:8: character U+0085 is a line break in YAML 1.1 and not in YAML 1.2; remove it or write a plain newline"));
    byte[] garbage = new byte[4096];
    new Random(6).nextBytes(garbage);
    cases.add(refused("binary garbage", "x.yaml", garbage, "error: x.yaml: is not valid UTF-8 text (bad byte at offset 0)"));
    // empty and comment-only
    cases.add(refused("empty", "x.yaml", "", "error: x.yaml: file is empty (no YAML document)"));
    cases.add(refused("comments only", "x.yaml", "# nothing\n# here\n", "error: x.yaml: file is empty (no YAML document)"));
    cases.add(refused("document marker only", "x.yaml", "---\n", "error: x.yaml:2:1: a catalog file is a mapping with kind and id, found null"));
    cases.add(refused("a scalar", "x.yaml", "just text\n", "error: x.yaml:1:1: a catalog file is a mapping with kind and id, found a string"));
    cases.add(refused("a list", "x.yaml", "- kind: service\n", "error: x.yaml:1:1: a catalog file is a mapping with kind and id, found a list"));
    // YAML 1.1 traps: YAML 1.2 reads them, and a quantity never takes a number whose reading differs
    cases.add(loads("no as a value", "x.yaml", SVC + "name: no\nmemory: 1MiB\n", "name=no"));
    cases.add(loads("off as a value", "x.yaml", SVC + "name: off\nmemory: 1MiB\n", "name=off"));
    cases.add(loads("yes as an id", "x.yaml", "kind: service\nid: yes\nmemory: 1MiB\n", "id=yes"));
    cases.add(refused("no as a key", "x.yaml", SVC + "no: 1\nmemory: 1MiB\n",
        "error: x.yaml:3:1: no: unknown key 'no' (keys starting with x- are free for extensions)"));
    cases.add(refused("on as a kind", "x.yaml", "kind: on\nid: x\n", "error: x.yaml:1:7: kind: unknown kind 'on' (expected host, service or stack)"));
    cases.add(refused("octal 010", "x.yaml", SVC + "memory: 010\n",
        "error: x.yaml:3:9: memory: '010' has a leading zero (YAML 1.1 reads it as octal, YAML 1.2 as decimal); write it without the zero"));
    cases.add(loads("010MiB is a string, 10 MiB", "x.yaml", SVC + "memory: 010MiB\n", "memory.low_bytes=10485760"));
    cases.add(refused("octal 0o17", "x.yaml", SVC + "memory: 0o17\n",
        "error: x.yaml:3:9: memory: '0o17' is an octal or hexadecimal number; write bytes in decimal or with a unit"));
    cases.add(refused("hex 0x10", "x.yaml", SVC + "memory: 0x10\n",
        "error: x.yaml:3:9: memory: '0x10' is an octal or hexadecimal number; write bytes in decimal or with a unit"));
    cases.add(refused("1_000", "x.yaml", SVC + "memory: 1_000MiB\n",
        "error: x.yaml:3:9: memory: '1_000MiB' is not a memory quantity; write a number and a unit such as 512MiB or 1.5GiB"));
    cases.add(refused("sexagesimal 1:30", "x.yaml", SVC + "memory: 1:30\n",
        "error: x.yaml:3:9: memory: '1:30' is not a memory quantity; write a number and a unit such as 512MiB or 1.5GiB"));
    cases.add(refused(".nan", "x.yaml", SVC + "memory: .nan\n",
        "error: x.yaml:3:9: memory: '.nan' is not a memory quantity; write a number and a unit such as 512MiB"));
    cases.add(refused(".inf", "x.yaml", SVC + "memory: .inf\n",
        "error: x.yaml:3:9: memory: '.inf' is not a memory quantity; write a number and a unit such as 512MiB"));
    cases.add(loads("!!str keeps 010", "x.yaml", SVC + "name: !!str 010\nmemory: 1MiB\n", "name=010"));
    cases.add(loads("the non-specific tag ! makes a string", "x.yaml", SVC + "name: ! 010\nmemory: 1MiB\n", "name=010"));
    // duplicate keys, at every level
    cases.add(refused("duplicate top-level key", "x.yaml", SVC + "memory: 64MiB\nmemory: 32MiB\n",
        "error: x.yaml:4:1: memory: duplicate key 'memory' (first at line 3, again at line 4)"));
    cases.add(refused("duplicate key, one quoted", "x.yaml", SVC + "\"memory\": 64MiB\nmemory: 32MiB\n",
        "error: x.yaml:4:1: memory: duplicate key 'memory' (first at line 3, again at line 4)"));
    cases.add(refused("duplicate nested key", "x.yaml", "kind: host\nid: x\nmemory:\n  total: 1GiB\n  total: 2GiB\n",
        "error: x.yaml:5:3: memory.total: duplicate key 'total' (first at line 4, again at line 5)"));
    cases.add(refused("duplicate key on one line", "x.yaml", SVC + "limits: {memory: 1MiB, memory: 2MiB}\nmemory: 1MiB\n",
        "error: x.yaml:3:24: limits.memory: duplicate key 'memory' (first at line 3 column 10, again at column 24)"));
    cases.add(refused("duplicate key in a scenario", "x.yaml", "kind: stack\nid: x\nper_agent: [a]\nscenarios:\n  s:\n    description: d\n"
        + "    description: e\n", "error: x.yaml:7:5: scenarios.s.description: duplicate key 'description' (first at line 6, again at line 7)"));
    cases.add(refused("duplicate key in a list item", "x.yaml", SVC + "memory:\n  components:\n    - name: a\n      size: 1MiB\n"
        + "      size: 2MiB\n", "error: x.yaml:7:7: memory.components[0].size: duplicate key 'size' (first at line 6, again at line 7)"));
    cases.add(refused("duplicate merge key", "x.yaml", SVC + "<<: {name: a}\n<<: {name: b}\nmemory: 1MiB\n",
        "error: x.yaml:4:1: duplicate key '<<' (first at line 3)"));
    cases.add(refused("duplicate key through an alias", "x.yaml", SVC + "&k name: a\n*k : b\nmemory: 1MiB\n",
        "error: x.yaml:4:1: name: duplicate key 'name' (first at line 3, again at line 4)"));
    cases.add(refused("a service listed twice", "x.yaml", "kind: stack\nid: x\nper_agent:\n  - backend-dotnet9\n  - backend-dotnet9\n",
        "error: x.yaml:5:5: per_agent[1]: service 'backend-dotnet9' is listed twice (first at per_agent[0], line 4)"));
    // anchors
    cases.add(refused("alias bomb", "x.yaml", billionLaughs("") + SVC + "memory: 1MiB\n",
        "error: x.yaml:6:8: f[0]: aliases expand to more than 100000 nodes; refused (an alias bomb?)"));
    cases.add(refused("alias bomb in an unused x- key", "x.yaml", SVC + "memory: 1MiB\n" + billionLaughs("x-"),
        "error: x.yaml:9:10: x-f[0]: aliases expand to more than 100000 nodes; refused (an alias bomb?)"));
    cases.add(refused("self-referencing alias", "x.yaml", SVC + "memory: &m {low: *m}\n",
        "error: x.yaml:3:18: memory.low: self-referencing alias (the anchor contains itself)"));
    cases.add(refused("undefined alias", "x.yaml", SVC + "memory: *nope\n", "error: x.yaml:3:9: YAML syntax: found undefined alias nope"));
    cases.add(loads("80 merges of one anchor", "x.yaml", eightyMerges(), "memory.low_bytes=83886080"));
    // nesting
    cases.add(refused("10,000 nested lists", "x.yaml", SVC + "memory: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n",
        "error: x.yaml:3:209: nested more than 200 levels deep"));
    // the 200th mapping is at level 200, so its key is one level too deep
    cases.add(refused("10,000 nested mappings", "x.yaml", SVC + "memory: " + "{a: ".repeat(10_000) + "}".repeat(10_000) + "\n",
        "error: x.yaml:3:806: nested more than 200 levels deep"));
    // tags: nothing is instantiated, nothing is read, nothing is run
    cases.add(refused("a Java class", "x.yaml", SVC + "memory: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader "
        + "[[!!java.net.URL [\"http://localhost/\"]]]]\n",
        "error: x.yaml:3:9: memory: tag !!javax.script.ScriptEngineManager is not allowed here; headroom reads plain YAML only"));
    cases.add(refused("a file write", "x.yaml", SVC + "name: !!java.io.FileOutputStream [\"/tmp/pwned-by-yaml\"]\nmemory: 1MiB\n",
        "error: x.yaml:3:7: name: tag !!java.io.FileOutputStream is not allowed here; headroom reads plain YAML only"));
    cases.add(refused("a Python command", "x.yaml", SVC + "name: !!python/object/apply:os.system [\"touch /tmp/pwned-by-yaml\"]\n",
        "error: x.yaml:3:7: name: tag !!python/object/apply:os.system is not allowed here; headroom reads plain YAML only"));
    cases.add(refused("!env", "x.yaml", SVC + "name: !env HOME\nmemory: 1MiB\n",
        "error: x.yaml:3:7: name: tag !env is not allowed; headroom reads plain YAML only"));
    cases.add(refused("!include", "x.yaml", SVC + "name: !include /etc/passwd\nmemory: 1MiB\n",
        "error: x.yaml:3:7: name: tag !include is not allowed; headroom reads plain YAML only"));
    cases.add(refused("!!binary", "x.yaml", SVC + "name: !!binary aGVsbG8=\nmemory: 1MiB\n",
        "error: x.yaml:3:7: name: tag !!binary is not allowed; headroom reads plain YAML only"));
    cases.add(refused("!!int on a quantity", "x.yaml", SVC + "memory: !!int 64MiB\n", "error: x.yaml:3:9: memory: '64MiB' is not a valid int"));
    // units
    cases.add(loads("0 is zero bytes", "x.yaml", SVC + "memory: 0\n", "memory.low_bytes=0"));
    cases.add(loads("a plain integer is bytes", "x.yaml", SVC + "memory: 64\n", "memory.low_bytes=64"));
    cases.add(loads("MB is binary", "x.yaml", SVC + "memory: 64MB\n", "memory.low_bytes=67108864"));
    cases.add(loads("one space before the unit", "x.yaml", SVC + "memory: 64 MiB\n", "memory.low_bytes=67108864"));
    cases.add(loads("1.5KiB is whole bytes", "x.yaml", SVC + "memory: 1.5KiB\n", "memory.low_bytes=1536"));
    cases.add(loads("2^63-1 bytes", "x.yaml", SVC + "memory: 9223372036854775807B\n", "memory.low_bytes=9223372036854775807"));
    cases.add(loads("a range", "x.yaml", SVC + "memory: 45..60MiB\n", "memory.low_bytes=47185920", "memory.high_bytes=62914560"));
    cases.add(refused("2^63 bytes", "x.yaml", SVC + "memory: 9223372036854775808B\n",
        "error: x.yaml:3:9: memory: '9223372036854775808B' is too large (the limit is 8 EiB, 2^63-1 bytes)"));
    cases.add(refused("8EiB", "x.yaml", SVC + "memory: 8EiB\n", "error: x.yaml:3:9: memory: '8EiB' is too large (the limit is 8 EiB, 2^63-1 bytes)"));
    cases.add(refused("1e400MiB", "x.yaml", SVC + "memory: 1e400MiB\n",
        "error: x.yaml:3:9: memory: '1e400MiB' is not a memory quantity; write a number and a unit such as 512MiB or 1.5GiB"));
    cases.add(refused("negative", "x.yaml", SVC + "memory: -1MiB\n", "error: x.yaml:3:9: memory: memory '-1MiB' is negative"));
    cases.add(refused("half a byte", "x.yaml", SVC + "memory: 0.5B\n",
        "error: x.yaml:3:9: memory: '0.5B' is 0.5 bytes, not a whole number of bytes; write 1 or use a smaller unit"));
    cases.add(refused("0.3KiB", "x.yaml", SVC + "memory: 0.3KiB\n",
        "error: x.yaml:3:9: memory: '0.3KiB' is 307.2 bytes, not a whole number of bytes; write 308 or use a smaller unit"));
    cases.add(refused("lower-case mib", "x.yaml", SVC + "memory: 64mib\n", "error: x.yaml:3:9: memory: unit 'mib' is not a catalog unit; write 64MiB"));
    cases.add(refused("a unit alone", "x.yaml", SVC + "memory: MiB\n",
        "error: x.yaml:3:9: memory: 'MiB' is not a memory quantity; write a number and a unit such as 512MiB or 1.5GiB"));
    cases.add(refused("a plus sign", "x.yaml", SVC + "memory: +64MiB\n",
        "error: x.yaml:3:9: memory: '+64MiB' is not a memory quantity; write a number and a unit such as 512MiB or 1.5GiB"));
    cases.add(refused("a reversed range", "x.yaml", SVC + "memory: 60..45MiB\n",
        "error: x.yaml:3:9: memory: range '60..45MiB' runs backwards: 60 MiB is above 45 MiB"));
    cases.add(refused("components past 8 EiB", "x.yaml", SVC + "memory:\n  components:\n    - {name: a, size: 5EiB}\n"
        + "    - {name: b, size: 4EiB}\n", "error: x.yaml:4:3: memory: the components add up to more than 8 EiB (2^63-1 bytes)"));
    cases.add(refused("Kubernetes millicores", "x.yaml", SVC + "memory: 1MiB\ncpu: 250m\n",
        "error: x.yaml:4:6: cpu: CPU '250m' uses Kubernetes millicores; write cores as a decimal: 0.25"));
    cases.add(refused("negative CPU", "x.yaml", SVC + "memory: 1MiB\ncpu: -1\n",
        "error: x.yaml:4:6: cpu: CPU '-1' is negative; write a number of cores ≥ 0"));
    cases.add(loads("a fraction of a millicore is kept exact", "x.yaml", SVC + "memory: 1MiB\ncpu: 0.0001\n", "cpu=0.0001"));
    // hosts and stacks: values that would make a plan meaningless
    String host = "kind: host\nid: h\n";
    cases.add(refused("no memory", "x.yaml", host + "memory: {total: 0}\n",
        "error: x.yaml:3:17: memory.total: total memory must be above zero"));
    cases.add(refused("more reserved than there is", "x.yaml", host + "memory: {total: 1GiB, reserved: 2GiB}\n",
        "error: x.yaml:3:33: memory.reserved: reserved 2 GiB is above total 1 GiB; nothing would be available"));
    cases.add(refused("no cores", "x.yaml", host + "memory: {total: 1GiB}\ncpu: {cores: 0}\n",
        "error: x.yaml:4:14: cpu.cores: cores must be above zero"));
    cases.add(refused("1e30 cores", "x.yaml", host + "memory: {total: 1GiB}\ncpu: {cores: 1e30}\n",
        "error: x.yaml:4:14: cpu.cores: CPU '1e30' is not a decimal number of cores (such as 0.5 or 2)"));
    cases.add(refused("thresholds the wrong way round", "x.yaml", host + "memory: {total: 1GiB}\nthresholds: {warn: 0.99, critical: 0.5}\n",
        "error: x.yaml:4:20: thresholds.warn: warn 0.99 is above critical 0.5; warn must be at most critical"));
    cases.add(refused("a .nan cost", "x.yaml", host + "memory: {total: 1GiB}\ncost_per_hour: .nan\n",
        "error: x.yaml:4:16: cost_per_hour: '.nan' is not a plain decimal number; expected a cost in USD per hour, such as 0.526"));
    cases.add(refused("negative swap", "x.yaml", host + "memory: {total: 1GiB}\nswap: -1GiB\n", "error: x.yaml:4:7: swap: memory '-1GiB' is negative"));
    cases.add(refused("a path as an id", "x.yaml", "kind: host\nid: \"../../etc/passwd\"\nmemory: {total: 1GiB}\n",
        "error: x.yaml:2:5: id: '../../etc/passwd' is not a valid id (lower-case letters, digits, '.', '_', '-'; starting with a letter"
        + " or digit; at most 128 characters)"));
    cases.add(refused("a scenario that removes every service", "x.yaml", "kind: stack\nid: s\nper_agent: [backend-dotnet9]\nscenarios:\n"
        + "  a: {description: d, remove: [backend-dotnet9]}\n",
        "error: x.yaml:5:6: scenarios.a: scenario a removes every service; a scenario needs at least one"));
    // several documents, JSON
    cases.add(refused("a second document", "x.yaml", SVC + "memory: 64MiB\n---\nkind: service\nid: y\nmemory: 1MiB\n",
        "error: x.yaml:5:1: a second YAML document; a file holds exactly one"));
    cases.add(refused("content after the end of the document", "x.yaml", SVC + "memory: 64MiB\n...\ngarbage\n",
        "error: x.yaml:5:1: YAML syntax: expected '<document start>', but found '<scalar>'"));
    cases.add(loads("JSON", "x.yaml", "{\"kind\": \"service\", \"id\": \"x\", \"memory\": \"64MiB\"}\n", "memory.low_bytes=67108864"));
    cases.add(refused("JSON with trailing content", "x.yaml", "{\"kind\": \"service\", \"id\": \"x\", \"memory\": \"64MiB\"} {}\n",
        "error: x.yaml:1:51: YAML syntax: expected '<document start>', but found '{'"));
    cases.add(refused("JSON with a duplicate key", "x.yaml", "{\"kind\": \"service\", \"id\": \"x\", \"id\": \"y\", \"memory\": 1}\n",
        "error: x.yaml:1:32: id: duplicate key 'id' (first at line 1 column 21, again at column 32)"));
    cases.add(refused("JSON with a number past 2^63", "x.yaml", "{\"kind\": \"service\", \"id\": \"x\", \"memory\": 1e400}\n",
        "error: x.yaml:1:42: memory: '1e400' is not a memory quantity; write a number and a unit such as 512MiB"));
    return cases.stream();
  }

  /** Nine levels of nine aliases each: 387,420,489 nodes once expanded. */
  private static String billionLaughs(String prefix) {
    StringBuilder sb = new StringBuilder();
    String[] names = {"a", "b", "c", "d", "e", "f", "g", "h", "i"};
    sb.append(prefix).append("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (int i = 1; i < names.length; i++) {
      sb.append(prefix).append(names[i]).append(": &").append(names[i]).append(" [");
      for (int j = 0; j < 9; j++) {
        sb.append(j == 0 ? "" : ",").append('*').append(names[i - 1]);
      }
      sb.append("]\n");
    }
    return sb.toString();
  }

  /** A service of 80 components, each merging one anchor and giving its own name: 80 MiB. */
  private static String eightyMerges() {
    StringBuilder sb = new StringBuilder(SVC + "x-part: &part {size: 1MiB, source: shared}\nmemory:\n  components:\n");
    for (int i = 0; i < 80; i++) {
      sb.append("    - {<<: *part, name: c").append(i).append("}\n");
    }
    return sb.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void catalogFiles(Case c) throws IOException {
    Path cat = Files.createDirectory(dir.resolve("cat"));
    Path input = cat.resolve(c.file());
    if (c.refused()) {
      refusedWith(c, run(c, input, Map.of(), "--catalog", "{dir}", "validate"));
      return;
    }
    Cli.Result r = run(c, input, Map.of(), "--catalog", "{dir}", "services", "--format", "json");
    assertThat(r.exit()).as("exit of %s: %s", c.name(), r.err()).isZero();
    // the case's service, found by its origin; the origin is checked relative to the directory
    ObjectNode svc = null;
    for (JsonNode s : JSON.readTree(r.out().replace(cat + "/", "")).path("services")) {
      if (s.path("origin").asText().startsWith(c.file() + ":")) {
        svc = (ObjectNode) s;
      }
    }
    assertThat(svc).as("the service of %s", c.name()).isNotNull();
    holds(c, svc, c.expected().subList(1, c.expected().size()));
  }

  // ------------------------------------------------------------------ compose files

  private static final String A = "services:\n  a:\n    image: x\n";

  static Stream<Case> compose() {
    List<Case> cases = new ArrayList<>();
    String ok = A + "    mem_limit: 64m\n";
    // encodings
    cases.add(loads("BOM", "compose.yaml", concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, utf8(ok)), "a.limit_bytes=67108864"));
    cases.add(loads("CRLF", "compose.yaml", ok.replace("\n", "\r\n"), "a.limit_bytes=67108864", "a.line=2"));
    cases.add(loads("UTF-16LE with BOM", "compose.yaml", ("\ufeff" + ok).getBytes(StandardCharsets.UTF_16LE), "a.limit_bytes=67108864"));
    cases.add(refused("invalid UTF-8", "compose.yaml", concat(utf8(ok + "    environment:\n      A: caf"), new byte[] {(byte) 0xc3, 0x28}),
        "error: compose.yaml: is not valid UTF-8 text (bad byte at offset 76)"));
    cases.add(refused("NUL", "compose.yaml", A + "    mem_limit: 6\u00004m\n", "error: compose.yaml:4:17: character U+0000 is not allowed in YAML"));
    byte[] garbage = new byte[4096];
    new Random(7).nextBytes(garbage);
    cases.add(refused("binary garbage", "compose.yaml", garbage, "error: compose.yaml: is not valid UTF-8 text (bad byte at offset 0)"));
    // empty, and not a mapping
    cases.add(refused("empty", "compose.yaml", "", "error: compose.yaml: empty compose file"));
    cases.add(refused("comments only", "compose.yaml", "# only\n", "error: compose.yaml: empty compose file"));
    cases.add(refused("null", "compose.yaml", "~\n", "error: compose.yaml:1:1: Top-level object must be a mapping"));
    cases.add(refused("services: null", "compose.yaml", "services:\n", "error: compose.yaml:1:1: services: must be a mapping"));
    cases.add(refused("services as a list", "compose.yaml", "services:\n  - a\n", "error: compose.yaml:2:3: services: must be a mapping"));
    cases.add(refused("a service as a string", "compose.yaml", "services:\n  a: nginx\n", "error: compose.yaml:2:6: services.a: must be a mapping"));
    cases.add(loads("no services", "compose.yaml", "name: p\n", "status=pass"));
    // YAML 1.1 traps, read as docker compose's YAML library reads them
    cases.add(loads("no as a value", "compose.yaml", ok + "    environment:\n      DEBUG: no\n", "a.limit_bytes=67108864"));
    cases.add(loads("yes as a service name", "compose.yaml", "services:\n  yes:\n    image: x\n    mem_limit: 64m\n", "yes.limit_bytes=67108864"));
    cases.add(loads("octal 010 is 8 bytes, as go-yaml reads it", "compose.yaml", A + "    mem_limit: 010\n", "a.limit_bytes=8"));
    cases.add(loads("0o17 is 15 bytes", "compose.yaml", A + "    mem_limit: 0o17\n", "a.limit_bytes=15"));
    cases.add(loads("0x10 is 16 bytes", "compose.yaml", A + "    mem_limit: 0x10\n", "a.limit_bytes=16"));
    cases.add(refused("1_000", "compose.yaml", A + "    mem_limit: 1_000\n", "error: compose.yaml:4:16: services.a.mem_limit: invalid size: '1_000' is the"
        + " number 1000 to docker compose's YAML when unquoted, and no size when quoted; write 1000"));
    cases.add(refused("sexagesimal 1:30", "compose.yaml", A + "    mem_limit: 1:30\n",
        "error: compose.yaml:4:16: services.a.mem_limit: invalid size: '1:30'; write a number and a suffix such as 512m or 1.5g"));
    cases.add(loads(".nan is no limit, as docker compose ignores a float", "compose.yaml", A + "    mem_limit: .nan\n",
        "a.limit_bytes=null", "warnings~mem_limit"));
    cases.add(refused("cpus .inf", "compose.yaml", ok + "    cpus: .inf\n",
        "error: compose.yaml:5:11: services.a.cpus: '.inf' is not a number of CPUs such as 0.5"));
    cases.add(refused("cpus .nan", "compose.yaml", ok + "    cpus: .nan\n",
        "error: compose.yaml:5:11: services.a.cpus: '.nan' is not a number of CPUs such as 0.5"));
    // duplicate keys, at every level
    cases.add(refused("duplicate top-level key", "compose.yaml", "services:\n  a:\n    image: x\nservices:\n  b:\n    image: y\n",
        "error: compose.yaml:4:1: services: duplicate key 'services' (first at line 1, again at line 4)"));
    cases.add(refused("duplicate service", "compose.yaml", "services:\n  a:\n    image: x\n  a:\n    image: y\n",
        "error: compose.yaml:4:3: services.a: duplicate key 'a' (first at line 2, again at line 4)"));
    cases.add(refused("duplicate field", "compose.yaml", ok + "    mem_limit: 1g\n",
        "error: compose.yaml:5:5: services.a.mem_limit: duplicate key 'mem_limit' (first at line 4, again at line 5)"));
    cases.add(refused("duplicate variable", "compose.yaml", ok + "    environment:\n      A: 1\n      A: 2\n",
        "error: compose.yaml:7:7: services.a.environment.A: duplicate key 'A' (first at line 6, again at line 7)"));
    cases.add(refused("duplicate deep key", "compose.yaml", A + "    deploy:\n      resources:\n        limits:\n          memory: 64m\n"
        + "          memory: 1g\n", "error: compose.yaml:8:11: services.a.deploy.resources.limits.memory: duplicate key 'memory'"
        + " (first at line 7, again at line 8)"));
    // anchors
    cases.add(refused("alias bomb in an x- key", "compose.yaml", billionLaughs("x-") + ok,
        "error: compose.yaml:6:10: x-f[0]: aliases expand to more than 100000 nodes; refused (an alias bomb?)"));
    cases.add(refused("self-referencing alias", "compose.yaml", "x-a: &a {b: *a}\n" + ok,
        "error: compose.yaml:1:13: x-a.b: self-referencing alias (the anchor contains itself)"));
    StringBuilder merges = new StringBuilder("x-common: &c\n  image: x\n  mem_limit: 64m\n  environment: {A: \"1\"}\nservices:\n");
    for (int i = 0; i < 80; i++) {
      merges.append("  s").append(i).append(":\n    <<: *c\n    cpus: 0.5\n");
    }
    cases.add(loads("80 services merging one anchor", "compose.yaml", merges.toString(), "s0.limit_bytes=67108864", "s79.limit_bytes=67108864",
        "s79.cpus=0.5", "totals.limit_bytes=5368709120"));
    // nesting
    cases.add(refused("10,000 nested lists", "compose.yaml", A + "    labels: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n",
        "error: compose.yaml:4:211: nested more than 200 levels deep"));
    // tags
    cases.add(refused("a Java class", "compose.yaml", A + "    mem_limit: !!java.net.URL [\"http://x/\"]\n",
        "error: compose.yaml:4:16: services.a.mem_limit: tag !!java.net.URL is not allowed here; headroom reads plain YAML only"));
    cases.add(refused("a file write", "compose.yaml", A + "    container_name: !!java.io.FileOutputStream [\"/tmp/pwned-by-yaml\"]\n",
        "error: compose.yaml:4:21: services.a.container_name: tag !!java.io.FileOutputStream is not allowed here; headroom reads plain YAML only"));
    cases.add(refused("!env", "compose.yaml", A + "    mem_limit: !env MEM\n",
        "error: compose.yaml:4:16: services.a.mem_limit: tag !env is not allowed; headroom reads plain YAML only"));
    cases.add(refused("!include", "compose.yaml", "services: !include other.yaml\n",
        "error: compose.yaml:1:11: services: tag !include is not allowed; headroom reads plain YAML only"));
    cases.add(refused("!!binary", "compose.yaml", A + "    mem_limit: !!binary NjRt\n",
        "error: compose.yaml:4:16: services.a.mem_limit: tag !!binary is not allowed; headroom reads plain YAML only"));
    cases.add(loads("compose's own !reset", "compose.yaml", ok + "    ports: !reset []\n", "a.limit_bytes=67108864"));
    // units and sums
    cases.add(loads("0 means no limit", "compose.yaml", A + "    mem_limit: 0\n", "a.limit_bytes=null"));
    cases.add(loads("1.5g", "compose.yaml", A + "    mem_limit: 1.5g\n", "a.limit_bytes=1610612736"));
    cases.add(loads("one space before the suffix", "compose.yaml", A + "    mem_limit: 64 m\n", "a.limit_bytes=67108864"));
    cases.add(loads("half a byte truncates to 0, no limit", "compose.yaml", A + "    mem_limit: 0.5b\n", "a.limit_bytes=null"));
    cases.add(loads("2^63-1 bytes", "compose.yaml", A + "    mem_limit: 9223372036854775807\n", "a.limit_bytes=9223372036854775807",
        "status=fail"));
    cases.add(loads("a quoted size past 2^53 is read as docker compose reads it, through a float64", "compose.yaml",
        A + "    mem_limit: \"9007199254740993\"\n", "a.limit_bytes=9007199254740992"));
    cases.add(refused("2^63 bytes", "compose.yaml", A + "    mem_limit: 9223372036854775808\n",
        "error: compose.yaml:4:16: services.a.mem_limit: 9223372036854775808 is out of range (more than 2^63-1)"));
    cases.add(refused("8192p", "compose.yaml", A + "    mem_limit: 8192p\n",
        "error: compose.yaml:4:16: services.a.mem_limit: size '8192p' is too large (the limit is 8 EiB)"));
    cases.add(refused("negative", "compose.yaml", A + "    mem_limit: -1\n", "error: compose.yaml:4:16: services.a.mem_limit: must not be negative"));
    cases.add(refused("negative with a suffix", "compose.yaml", A + "    mem_limit: -64m\n",
        "error: compose.yaml:4:16: services.a.mem_limit: invalid size: '-64m' is negative"));
    cases.add(refused("Kubernetes Gi", "compose.yaml", A + "    mem_limit: 1Gi\n", "error: compose.yaml:4:16: services.a.mem_limit: invalid suffix"
        + " 'Gi' in '1Gi': docker compose refuses Kubernetes-style units; write 1G or 1GiB"));
    cases.add(refused("two spaces", "compose.yaml", A + "    mem_limit: 64  m\n",
        "error: compose.yaml:4:16: services.a.mem_limit: invalid size: '64  m'; write a number and a suffix such as 512m or 1.5g"));
    cases.add(refused("a word", "compose.yaml", A + "    mem_limit: lots\n", "error: compose.yaml:4:16: services.a.mem_limit: invalid size: 'lots' (no number)"));
    cases.add(refused("a list", "compose.yaml", A + "    mem_limit: [64m]\n", "error: compose.yaml:4:16: services.a.mem_limit: must be a number or string"));
    cases.add(refused("a boolean", "compose.yaml", A + "    mem_limit: true\n", "error: compose.yaml:4:16: services.a.mem_limit: must be a number or string"));
    cases.add(refused("millicores", "compose.yaml", ok + "    cpus: 500m\n", "error: compose.yaml:5:11: services.a.cpus: error while interpolating"
        + " services.a.cpus: failed to cast to expected type: strconv.ParseFloat: parsing \"500m\": invalid syntax"));
    cases.add(refused("negative replicas", "compose.yaml", A + "    mem_limit: 1g\n    deploy:\n      replicas: -1\n",
        "error: compose.yaml:6:17: services.a.deploy.replicas: must be greater than or equal to 0"));
    cases.add(loads("replicas as a string", "compose.yaml", A + "    mem_limit: 1g\n    deploy:\n      replicas: \"2\"\n", "a.replicas=2",
        "totals.limit_bytes=2147483648"));
    cases.add(refused("limits past 8 EiB", "compose.yaml", A + "    mem_limit: 4611686018427387904\n    scale: 2\n",
        "error: compose.yaml: the limits of project compose-yaml add up to more than 8 EiB (2^63-1 bytes)"));
    cases.add(refused("replicas past 8 EiB", "compose.yaml", A + "    mem_limit: 1g\n    deploy:\n      replicas: 9223372036854775807\n",
        "error: compose.yaml: the limits of project compose-yaml add up to more than 8 EiB (2^63-1 bytes)"));
    // interpolation
    cases.add(loads("a default", "compose.yaml", A + "    mem_limit: ${MEM:-64m}\n", "a.limit_bytes=67108864"));
    cases.add(refused("an unclosed variable", "compose.yaml", A + "    mem_limit: ${MEM\n",
        "error: compose.yaml:4:16: services.a.mem_limit: Invalid template: \"${MEM\" (escape a literal $ as $$)"));
    cases.add(refused("a required variable", "compose.yaml", A + "    mem_limit: ${MEM:?set MEM}\n",
        "error: compose.yaml:4:16: services.a.mem_limit: required variable MEM is missing a value: set MEM"));
    // several documents, JSON
    cases.add(loads("two documents are merged, as docker compose merges them", "compose.yaml", ok + "---\nservices:\n  b:\n    image: y\n"
        + "    mem_limit: 1g\n", "a.limit_bytes=67108864", "b.limit_bytes=1073741824"));
    cases.add(loads("JSON", "compose.json", "{\"services\": {\"a\": {\"image\": \"x\", \"mem_limit\": \"64m\"}}}\n", "a.limit_bytes=67108864"));
    cases.add(loads("JSON number of bytes", "compose.json", "{\"services\": {\"a\": {\"image\": \"x\", \"mem_limit\": 67108864}}}\n",
        "a.limit_bytes=67108864"));
    cases.add(refused("JSON with trailing content", "compose.json", "{\"services\": {\"a\": {\"image\": \"x\", \"mem_limit\": \"64m\"}}}"
        + " {\"x\": 1}\n", "error: compose.json:1:57: YAML syntax: expected '<document start>', but found '{'"));
    cases.add(refused("JSON with a stray bracket", "compose.json", "{\"services\": {}}\n]\n",
        "error: compose.json:2:1: YAML syntax: expected '<document start>', but found ']'"));
    cases.add(refused("JSON with a duplicate key", "compose.json", "{\"services\": {\"a\": {\"image\": \"x\", \"mem_limit\": \"64m\","
        + " \"mem_limit\": \"1g\"}}}\n", "error: compose.json:1:55: services.a.mem_limit: duplicate key 'mem_limit' (first at line 1 column 35,"
        + " again at column 55)"));
    cases.add(refused("JSON nested 10,000 deep", "compose.json", "{\"services\": {\"a\": {\"image\": \"x\", \"labels\": " + "[".repeat(10_000)
        + "]".repeat(10_000) + "}}}\n", "error: compose.json:1:243: nested more than 200 levels deep"));
    return cases.stream();
  }

  /** The check's JSON as one object: each service under its name, and the totals, status and warnings. */
  private static ObjectNode checkView(String json) throws IOException {
    JsonNode root = JSON.readTree(json);
    ObjectNode view = JSON.createObjectNode();
    for (JsonNode s : root.path("services")) {
      view.set(s.path("name").asText(), s);
    }
    view.set("totals", root.path("totals"));
    view.set("status", root.path("status"));
    view.put("warnings", root.path("warnings").toString());
    return view;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("compose")
  void composeFiles(Case c) throws IOException {
    Path project = Files.createDirectory(dir.resolve("compose-yaml"));
    Cli.Result r = run(c, project.resolve(c.file()), Map.of(), "check", "-f", "{}", "--host", "dev-15gb", "--format", "json");
    if (c.refused()) {
      refusedWith(c, r);
      return;
    }
    assertThat(r.exit()).as("exit of %s: %s", c.name(), r.err()).isIn(0, 1);
    holds(c, checkView(r.out()), c.expected().subList(1, c.expected().size()));
  }

  // ------------------------------------------------------------------ .env files

  static Stream<Case> dotEnv() {
    List<Case> cases = new ArrayList<>();
    cases.add(loads("plain", ".env", "MEM=64m\n", "a.limit_bytes=67108864"));
    cases.add(loads("BOM", ".env", concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, utf8("MEM=64m\n")), "a.limit_bytes=67108864"));
    cases.add(loads("CRLF", ".env", "MEM=64m\r\nOTHER=1\r\n", "a.limit_bytes=67108864"));
    cases.add(loads("UTF-16LE with BOM", ".env", "\ufeffMEM=64m\n".getBytes(StandardCharsets.UTF_16LE), "a.limit_bytes=67108864"));
    cases.add(loads("export", ".env", "export MEM=64m\n", "a.limit_bytes=67108864"));
    cases.add(loads("double quotes", ".env", "MEM=\"64m\"\n", "a.limit_bytes=67108864"));
    cases.add(loads("single quotes", ".env", "MEM='64m'\n", "a.limit_bytes=67108864"));
    cases.add(loads("spaces around =", ".env", "MEM = 64m\n", "a.limit_bytes=67108864"));
    cases.add(loads("comments", ".env", "# c\nMEM=64m # inline\n", "a.limit_bytes=67108864"));
    cases.add(loads("the later of two", ".env", "MEM=1g\nMEM=64m\n", "a.limit_bytes=67108864"));
    cases.add(loads("a variable from an earlier one", ".env", "BASE=64\nMEM=${BASE}m\n", "a.limit_bytes=67108864"));
    cases.add(loads("KEY: value", ".env", "MEM: 64m\n", "a.limit_bytes=67108864"));
    cases.add(refused("empty: the variable is unset", ".env", "", "error: compose.yaml:4:16: services.a.mem_limit: empty memory value"));
    cases.add(refused("a key without a value", ".env", "MEM\n", "error: compose.yaml:4:16: services.a.mem_limit: empty memory value"));
    cases.add(refused("an unterminated quote", ".env", "MEM=\"64m\n", "error: .env:1:5: unterminated quoted value \"64m"));
    cases.add(refused("a space in a key", ".env", "M EM=64m\n", "error: .env:1:2: key cannot contain a space"));
    cases.add(refused("JSON", ".env", "{\"MEM\": \"64m\"}\n",
        "error: .env:1:1: unexpected character \"{\" in variable name \"{\\\"MEM\\\": \\\"64m\\\"}\""));
    cases.add(refused("invalid UTF-8", ".env", concat(utf8("X=caf"), new byte[] {(byte) 0xc3, 0x28}, utf8("\nMEM=64m\n")),
        "error: .env: is not valid UTF-8 text (bad byte at offset 5)"));
    cases.add(refused("NUL reaches the value and the size refuses it", ".env", "MEM=64\u0000m\n", "error: compose.yaml:4:16:"
        + " services.a.mem_limit: invalid suffix '\\u0000m' in '64\\u0000m'; docker compose takes b, k, kb, kib, m, mb, mib, g, gb, gib, t,"
        + " tb, tib, p, pb, pib"));
    cases.add(refused("a 5 MB value", ".env", "X=\"" + "v".repeat(5 * 1024 * 1024 - 100) + "\"\nMEM=64m\n",
        "error: .env:1:3: template too long: 5242780 bytes of UTF-8, the limit is 1048576 (1 MiB)"));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dotEnv")
  void dotEnvFiles(Case c) throws IOException {
    Path project = Files.createDirectory(dir.resolve("p"));
    Cli.Result r = run(c, project.resolve(".env"), Map.of("compose.yaml", utf8(A + "    mem_limit: ${MEM}\n")),
        "check", "-f", "{dir}/compose.yaml", "--host", "dev-15gb", "--format", "json");
    if (c.refused()) {
      refusedWith(c, r);
      return;
    }
    assertThat(r.exit()).as("exit of %s: %s", c.name(), r.err()).isZero();
    holds(c, checkView(r.out()), c.expected().subList(1, c.expected().size()));
  }

  // ------------------------------------------------------------------ wrong types, field by field

  /**
   * Every field of every catalog kind and of a compose service, given a value of a shape it does not
   * take: the file is refused with exit 2, every line names the file, and one names the field's own
   * line, column and path.
   */
  static Stream<Case> wrongTypes() {
    Map<String, String> bases = Map.of(
        "service", SVC + "memory: 64MiB\n",
        "modelled", SVC + "model: redis\nsettings: {maxmemory: 64mb}\n",
        "host", "kind: host\nid: x\nmemory: {total: 1GiB}\n",
        "stack", "kind: stack\nid: x\nper_agent: [backend-dotnet9]\n",
        "compose", A + "    mem_limit: 64m\n");
    String[][] rows = {
      {"service", "id", "[1]", "{a: 1}"}, {"service", "name", "[1]", "{a: 1}"}, {"service", "description", "[1]", "{a: 1}"},
      {"service", "memory", "[1]", "true", "{a: 1}"}, {"modelled", "model", "[1]", "{a: 1}", "nosuchruntime"},
      {"modelled", "settings", "[1]", "x", "{maxmemory: lots}", "{nosuchsetting: 1}"}, {"service", "cpu", "[1]", "{a: 1}", "abc", "true"},
      {"service", "gpu_memory", "[1]", "{a: 1}", "true"}, {"service", "limits", "[1]", "x"}, {"service", "reservations", "[1]", "x"},
      {"service", "source", "[1]", "{a: 1}"}, {"service", "notes", "[1]", "{a: 1}"},
      {"host", "name", "[1]", "{a: 1}"}, {"host", "description", "[1]"}, {"host", "arch", "[1]", "{a: 1}"},
      {"host", "memory", "[1]", "1GiB", "true"}, {"host", "swap", "[1]", "{a: 1}", "true"}, {"host", "cpu", "[1]", "x"},
      {"host", "gpu", "[1]", "x"}, {"host", "thresholds", "[1]", "x"}, {"host", "cost_per_hour", "[1]", "{a: 1}", "abc"},
      {"host", "source", "[1]"}, {"host", "notes", "{a: 1}"},
      {"stack", "name", "[1]"}, {"stack", "description", "{a: 1}"}, {"stack", "default", "[1]", "maybe"},
      {"stack", "per_agent", "x", "{a: 1}", "[[1]]"}, {"stack", "shared", "x", "{a: 1}"}, {"stack", "scenarios", "[1]", "x"},
      {"stack", "claims", "x", "{a: 1}"}, {"stack", "source", "[1]"}, {"stack", "notes", "[1]"},
      {"compose", "image", "[1]", "{a: 1}"}, {"compose", "mem_limit", "[1]", "{a: 1}", "true"},
      {"compose", "mem_reservation", "[1]", "{a: 1}"}, {"compose", "cpus", "[1]", "{a: 1}", "abc"}, {"compose", "scale", "[1]", "x"},
      {"compose", "deploy", "[1]", "x"}, {"compose", "environment", "x", "true"}, {"compose", "profiles", "{a: 1}", "x"},
      {"compose", "command", "{a: 1}"}, {"compose", "container_name", "[1]"}, {"compose", "depends_on", "x", "true"},
      {"compose", "env_file", "{a: 1}", "true"}, {"compose", "labels", "x", "true"}, {"compose", "ports", "x", "{a: 1}"},
      {"compose", "entrypoint", "{a: 1}", "[[1]]"}, {"compose", "hostname", "[1]", "{a: 1}", "5"}, {"compose", "user", "[1]", "1000"},
      {"compose", "working_dir", "[1]"}, {"compose", "restart", "{a: 1}"}, {"compose", "privileged", "[1]", "5"},
      {"compose", "tty", "{a: 1}"}, {"compose", "init", "[1]"}, {"compose", "read_only", "[1]"}, {"compose", "shm_size", "[1]", "true"},
      {"compose", "pids_limit", "{a: 1}"}, {"compose", "cpu_shares", "[1]"}, {"compose", "mem_swappiness", "[1]", "0.5"},
      {"compose", "oom_score_adj", "[1]"}, {"compose", "cap_add", "x", "[[1]]"}, {"compose", "dns", "{a: 1}"},
      {"compose", "expose", "x", "[[1]]"}, {"compose", "security_opt", "x"}, {"compose", "tmpfs", "{a: 1}"},
      {"compose", "network_mode", "[1]"}, {"compose", "platform", "{a: 1}"}, {"compose", "pid", "[1]"},
      {"compose", "stop_grace_period", "[1]"}, {"compose", "stop_signal", "{a: 1}"}, {"compose", "use_api_socket", "x"},
    };
    List<Case> cases = new ArrayList<>();
    for (String[] row : rows) {
      for (int i = 2; i < row.length; i++) {
        String base = bases.get(row[0]);
        boolean compose = row[0].equals("compose");
        String indent = compose ? "    " : "";
        // the field's own line replaces the base's line for it, or is added at the end
        List<String> lines = new ArrayList<>(base.lines().filter(l -> !l.startsWith(indent + row[1] + ":")).toList());
        lines.add(indent + row[1] + ": " + row[i]);
        int line = lines.size();
        // the problem is on the field's line, at its value or inside it, with the field's path
        String file = compose ? "compose.yaml" : "x.yaml";
        cases.add(new Case(row[0] + " " + row[1] + ": " + row[i], file, utf8(String.join("\n", lines) + "\n"),
            List.of("error: " + file + ":" + line + ":", ": " + (compose ? "services.a." : "") + row[1])));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongTypes")
  void wrongTypes(Case c) throws IOException {
    Path d = Files.createDirectory(dir.resolve("compose-yaml"));
    Cli.Result r = c.file().equals("compose.yaml")
        ? run(c, d.resolve(c.file()), Map.of(), "check", "-f", "{}", "--host", "dev-15gb")
        : run(c, d.resolve(c.file()), Map.of(), "--catalog", "{dir}", "validate");
    assertThat(r.exit()).as("exit of %s: %s", c.name(), r.out() + r.err()).isEqualTo(2);
    List<String> lines = r.err().lines().toList();
    assertThat(lines).as("stderr of %s", c.name()).allMatch(l -> l.startsWith("error: " + c.file() + ":"));
    assertThat(lines).as("stderr of %s", c.name())
        .anyMatch(l -> l.startsWith(c.expected().get(0)) && l.substring(c.expected().get(0).length()).matches("[0-9]+" + Pattern.quote(
            c.expected().get(1)) + "(\\[[0-9]+\\]|\\.[a-z_]+)*: .+"));
  }

  // ------------------------------------------------------------------ size

  @Test
  void aFiftyMegabyteFileIsRefusedBeforeItIsParsed() throws IOException {
    Path cat = Files.createDirectory(dir.resolve("cat"));
    Path big = cat.resolve("x.yaml");
    byte[] line = utf8("# " + "x".repeat(1021) + "\n");
    try (OutputStream out = Files.newOutputStream(big)) {
      out.write(utf8(SVC + "memory: 1MiB\n"));
      for (int i = 0; i < 50 * 1024; i++) {
        out.write(line);
      }
    }
    long size = Files.size(big);
    Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Cli.runWith(Map.of(), "--catalog", cat.toString(), "validate"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().replace(cat + "/", "").lines().toList()).containsExactly(
        "error: x.yaml: file is " + size + " B, larger than the 5 MiB limit; refused before parsing (raise it with --max-file-size)");
    Path compose = dir.resolve("compose.yaml");
    Files.move(big, compose);
    r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Cli.runWith(Map.of(), "check", "-f", compose.toString()));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().replace(dir + "/", "").lines().toList()).containsExactly(
        "error: compose.yaml: file is " + size + " B, larger than the 5 MiB limit; refused before parsing (raise it with --max-file-size)");
  }

  @Test
  void aFiveMegabyteScalarLoads() throws IOException {
    String name = "n".repeat(5 * 1024 * 1024 - 60);
    Case c = loads("5 MB name", "x.yaml", SVC + "name: \"" + name + "\"\nmemory: 64MiB\n", "memory.low_bytes=67108864");
    catalogFiles(c);
    Case k = loads("5 MB variable", "compose.yaml", A + "    mem_limit: 64m\n    environment:\n      BIG: \"" + "v".repeat(5 * 1024 * 1024 - 100)
        + "\"\n", "a.limit_bytes=67108864");
    composeFiles(k);
  }
}
