package dev.headroom.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.headroom.cli.Context;
import dev.headroom.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The JSON Schemas in {@code docs/schema/} (for editors) against the Java catalog reader: every
 * shipped catalog file validates, the schemas and the reader agree on a table of cases, and the
 * property names of the schemas equal the reader's key sets, so the two cannot drift apart. The
 * schemas of JSON output ({@code advise.schema.json}) are checked against real output: it
 * validates, and every key it prints is described.
 */
class SchemaTest {

  private static final Path SCHEMA_DIR = Path.of("docs", "schema");
  private static final Path PROFILES = Path.of("profiles");
  private static final Pattern SCHEMA_LINE = Pattern.compile("# yaml-language-server: \\$schema=(\\S+)");
  private static final List<String> KINDS = List.of("host", "service", "stack");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final Map<Path, JsonSchema> SCHEMAS = new LinkedHashMap<>();

  // ------------------------------------------------------------------ helpers

  private static Path schemaPath(String kind) {
    return SCHEMA_DIR.resolve(kind + ".schema.json");
  }

  private static JsonNode schemaJson(String kind) {
    try {
      return JSON.readTree(schemaPath(kind).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized JsonSchema schema(Path file) {
    return SCHEMAS.computeIfAbsent(file.toAbsolutePath().normalize(), p -> {
      try {
        return FACTORY.getSchema(JSON.readTree(p.toFile()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** YAML to a Jackson tree, the way an editor sees the document. */
  private static JsonNode yamlTree(String text) {
    Object data = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    return JSON.valueToTree(data);
  }

  private static Set<ValidationMessage> schemaProblems(String kind, String yaml) {
    return schema(schemaPath(kind)).validate(yamlTree(yaml));
  }

  private static List<Problem> readerProblems(String yaml) {
    Problems problems = new Problems();
    CatalogFileReader.Entry entry =
        new CatalogFileReader(new YamlReader()).read(Source.of("case.yaml", yaml), problems, new ArrayList<>());
    if (entry == null && problems.isEmpty()) {
      throw new AssertionError("the reader returned no entry and no problem");
    }
    return problems.list();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ shipped files

  static Stream<String> builtinFiles() {
    List<String> files = read(PROFILES.resolve("index.txt")).lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
    assertThat(files).isNotEmpty();
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtinFiles")
  void shippedFileValidatesAgainstTheSchemaOfItsFirstLine(String rel) {
    Path file = PROFILES.resolve(rel);
    String text = read(file);
    String first = text.lines().findFirst().orElse("");
    Matcher m = SCHEMA_LINE.matcher(first);
    assertThat(m.matches()).as("first line of %s: %s", file, first).isTrue();

    Path schemaFile = file.getParent().resolve(m.group(1)).normalize();
    assertThat(schemaFile).as("schema named by %s", file).exists();
    JsonNode doc = yamlTree(text);
    String kind = doc.path("kind").asText();
    assertThat(schemaFile).as("the schema of a %s file", kind).isEqualTo(schemaPath(kind).normalize());

    Set<ValidationMessage> problems = schema(schemaFile).validate(doc);
    assertThat(problems).as("%s against %s", file, schemaFile).isEmpty();
    assertThat(readerProblems(text)).as("%s read by the catalog reader", file).isEmpty();
  }

  @Test
  void schemasAreValidDraft202012Schemas() {
    JsonSchema meta = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012));
    for (String kind : KINDS) {
      JsonNode s = schemaJson(kind);
      assertThat(s.path("$schema").asText()).isEqualTo(SchemaId.V202012);
      assertThat(meta.validate(s)).as("%s against the 2020-12 meta-schema", schemaPath(kind)).isEmpty();
    }
  }

  /** The complete examples of docs/catalog.md: at least one per kind. */
  static Stream<Arguments> documentedExamples() {
    Matcher block = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(read(Path.of("docs", "catalog.md")));
    List<Arguments> examples = new ArrayList<>();
    while (block.find()) {
      Matcher kind = Pattern.compile("(?m)^kind: (\\w+)$").matcher(block.group(1));
      if (kind.find()) {
        examples.add(Arguments.of(kind.group(1), block.group(1)));
      }
    }
    assertThat(examples).extracting(a -> a.get()[0]).containsAll(KINDS).isSubsetOf(KINDS);
    return examples.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documentedExamples")
  void documentedExampleIsValid(String kind, String yaml) {
    assertThat(yaml.lines().findFirst().orElse("")).isEqualTo("# yaml-language-server: $schema=../../docs/schema/" + kind + ".schema.json");
    assertThat(schemaProblems(kind, yaml)).as("schema").isEmpty();
    assertThat(readerProblems(yaml)).as("reader").isEmpty();
  }

  // ------------------------------------------------------------------ schema and reader agree

  private static final String HOST = """
      kind: host
      id: h1
      memory: {total: 512MiB, reserved: 80MiB}
      """;
  private static final String SERVICE = """
      kind: service
      id: s1
      memory: 64MiB
      """;
  private static final String COMPONENTS = """
      kind: service
      id: s1
      memory:
        components:
          - name: runtime
            size: %s
            optimizations:
              - {id: gc, saves: 5MiB, effort_hours: 1}
      """;
  private static final String STACK = """
      kind: stack
      id: st
      per_agent: [s1]
      shared: [s2]
      """;

  static Stream<Arguments> cases() {
    return Stream.of(
        // rejected by both
        reject("unknown key at the top", "host", HOST + "colour: red\n"),
        reject("unknown key in memory", "host", "kind: host\nid: h1\nmemory: {total: 512MiB, spare: 1MiB}\n"),
        reject("unknown key in a component", "service", COMPONENTS.formatted("45..60MiB").replace("- name:", "- colour: red\n      name:")),
        reject("unknown key in a scenario", "stack", STACK + "scenarios: {lean: {aply: all}}\n"),
        reject("512m", "service", SERVICE.replace("64MiB", "512m")),
        reject("512mb", "service", SERVICE.replace("64MiB", "512mb")),
        reject("512k", "host", HOST.replace("80MiB", "512k")),
        reject("1gb", "host", HOST.replace("512MiB", "1gb")),
        reject("two spaces before the unit", "service", SERVICE.replace("64MiB", "'64  MiB'")),
        reject("-1MiB as a component size", "service", COMPONENTS.formatted("-1MiB")),
        reject("-1 as bytes", "host", HOST.replace("80MiB", "-1")),
        reject("1.5 bytes", "service", SERVICE.replace("64MiB", "1.5")),
        reject("a range where one quantity is expected", "host", HOST.replace("80MiB", "45..60MiB")),
        reject("a unit on the low end only", "service", COMPONENTS.formatted("45MiB..60")),
        reject("zero total memory", "host", HOST.replace("512MiB", "0GiB")),
        reject("bad id Pi_Zero", "host", HOST.replace("id: h1", "id: Pi_Zero")),
        reject("bad service id in a stack", "stack", STACK.replace("[s1]", "[S1]")),
        reject("scenario named current", "stack", STACK + "scenarios: {current: {apply: all}}\n"),
        reject("scenario named Fast", "stack", STACK + "scenarios: {Fast: {apply: all}}\n"),
        reject("scenario that is not a mapping", "stack", STACK + "scenarios: {lean: all}\n"),
        reject("apply neither all nor a list", "stack", STACK + "scenarios: {lean: {apply: some}}\n"),
        reject("missing kind", "host", HOST.replace("kind: host\n", "")),
        reject("unknown kind", "host", HOST.replace("kind: host", "kind: hots")),
        reject("missing id", "service", SERVICE.replace("id: s1\n", "")),
        reject("missing memory", "service", SERVICE.replace("memory: 64MiB\n", "")),
        reject("no components", "service", SERVICE.replace("64MiB", "{components: []}")),
        reject("optimization without saves", "service", COMPONENTS.formatted("45..60MiB").replace(", saves: 5MiB", "")),
        reject("thresholds.warn 1.5", "host", HOST + "thresholds: {warn: 1.5}\n"),
        reject("thresholds.critical 0", "host", HOST + "thresholds: {warn: 0.5, critical: 0}\n"),
        reject("cpu 500m", "service", SERVICE + "cpu: 500m\n"),
        reject("cpu -1", "service", SERVICE + "cpu: -1\n"),
        reject("zero cores", "host", HOST + "cpu: {cores: 0}\n"),
        reject("cpu without cores", "host", HOST + "cpu: {reserved: 1}\n"),
        reject("negative cost", "host", HOST + "cost_per_hour: -1\n"),
        reject("negative effort", "service", COMPONENTS.formatted("45..60MiB").replace("effort_hours: 1", "effort_hours: -1")),
        reject("default as a string", "stack", STACK + "default: 'true'\n"),
        reject("stack without services", "stack", "kind: stack\nid: st\n"),
        reject("a service twice in per_agent", "stack", STACK.replace("[s1]", "[s1, s1]")),
        reject("name as a mapping", "host", HOST + "name: {a: b}\n"),
        reject("replace with a bad id", "stack", STACK + "scenarios: {lean: {replace: {s1: Bad}}}\n"),
        reject("a claim without says", "stack", STACK + "claims: [{host: h1, agents: 2}]\n"),
        reject("a claim for 0 agents", "stack", STACK + "claims: [{says: fits, host: h1, agents: 0}]\n"),
        reject("a claim for 1.5 agents", "stack", STACK + "claims: [{says: fits, host: h1, agents: 1.5}]\n"),
        reject("a claim with an unknown key", "stack", STACK + "claims: [{says: fits, host: h1, agents: 2, hots: h2}]\n"),
        reject("a claim whose total is 512m", "stack", STACK + "claims: [{says: fits, host: h1, agents: 2, total: 512m}]\n"),
        accept("a claim", "stack", STACK + "claims: [{says: '2 agents fit', host: h1, agents: 2, total: 632MB, fits: true,"
            + " source: 'doc, section 3'}]\n"),
        // accepted by both
        accept("a minimal host", "host", HOST),
        accept("x- keys everywhere", "host", HOST.replace("reserved: 80MiB", "reserved: 80MiB, x-note: hi")
            + "x-note: top\ncpu: {cores: 4, x-why: seed}\ngpu: {memory: 16GiB, x-a: 1}\nthresholds: {warn: 0.8, x-b: [1]}\n"),
        accept("x- keys in a service", "service", COMPONENTS.formatted("45..60MiB")
            .replace("effort_hours: 1", "effort_hours: 1, x-note: o")
            .replace("components:", "x-m: 1\n  components:")
            .replace("- name: runtime", "- name: runtime\n      x-note: c")
            + "limits: {memory: 128MiB, x-l: 1}\nx-note: top\n"),
        accept("x- keys in a stack", "stack", STACK + "x-note: top\nscenarios: {lean: {x-s: 1, add: {shared: [s3], x-a: 1}}}\n"),
        accept("size 45..60MiB", "service", COMPONENTS.formatted("45..60MiB")),
        accept("size 1GiB..1.5GiB", "service", COMPONENTS.formatted("1GiB..1.5GiB")),
        accept("size '45 .. 60 MiB'", "service", COMPONENTS.formatted("'45 .. 60 MiB'")),
        accept("memory as a range", "service", SERVICE.replace("64MiB", "45..60MiB")),
        accept("bytes as an integer", "service", SERVICE.replace("64MiB", "536870912")),
        accept("512MB is binary", "service", SERVICE.replace("64MiB", "512MB")),
        accept("512Mi", "service", SERVICE.replace("64MiB", "512Mi")),
        accept("'512 MiB' with a space", "service", SERVICE.replace("64MiB", "512 MiB")),
        accept("1.5GiB", "host", HOST.replace("512MiB", "1.5GiB")),
        accept("2EiB", "host", HOST.replace("512MiB", "2EiB")),
        accept("every optional key", "host", HOST + """
            name: Host One
            description: a host
            arch: arm64
            swap: 0
            cpu: {cores: 4, reserved: 0.5, source: spec}
            gpu: {model: NVIDIA T4, memory: 16GiB}
            thresholds: {warn: 0.9, critical: 0.9}
            cost_per_hour: 0.526
            source: seed
            notes: none
            """),
        accept("empty optional keys", "host", HOST + "swap:\ncpu:\nthresholds: {warn: }\ncost_per_hour:\n"),
        accept("a number as a name", "service", SERVICE + "name: 2024\n"),
        accept("cpu as a quoted decimal", "service", SERVICE + "cpu: '0.25'\nlimits: {cpus: 1, memory: 128MiB}\nreservations: {cpus: .5}\n"),
        accept("thresholds as quoted decimals", "host", HOST + "thresholds: {warn: '0.75', critical: '1'}\n"),
        accept("a full stack", "stack", STACK + """
            default: true
            name: Stack
            scenarios:
              lean: {}
              tuned:
                description: all of it
                apply: all
                replace: {s1: s1-small}
                add: {per_agent: [s4], shared: [s5]}
                remove: [s2]
                source: seed
              picked:
                apply: [gc, pg-work-mem]
            """),
        accept("only shared", "stack", "kind: stack\nid: st\nshared: [s2]\n"),
        accept("a postgres model", "service", "kind: service\nid: pg\nmodel: postgres\nsettings: {shared_buffers: 16MB,"
            + " max_connections: 20}\n"),
        accept("a redis model", "service", "kind: service\nid: r\nmodel: redis\nsettings: {maxmemory: 1gb, save: ''}\n"),
        reject("memory and a model", "service", SERVICE + "model: postgres\n"),
        reject("settings without a model", "service", "kind: service\nid: pg\nsettings: {work_mem: 2MB}\n"),
        reject("a model nobody has", "service", "kind: service\nid: pg\nmodel: mysql\n"),
        reject("a setting of another runtime", "service", "kind: service\nid: pg\nmodel: postgres\nsettings: {Xmx: 1g}\n"));
  }

  private static Arguments reject(String name, String kind, String yaml) {
    return Arguments.of(name, kind, yaml, false);
  }

  private static Arguments accept(String name, String kind, String yaml) {
    return Arguments.of(name, kind, yaml, true);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void schemaAndReaderAgree(String name, String kind, String yaml, boolean valid) {
    Set<ValidationMessage> schema = schemaProblems(kind, yaml);
    List<Problem> reader = readerProblems(yaml);
    assertThat(schema.isEmpty()).as("schema accepts %s: %s", name, schema).isEqualTo(valid);
    assertThat(reader.isEmpty()).as("reader accepts %s: %s", name, reader).isEqualTo(valid);
  }

  /**
   * What a JSON Schema cannot see: checks across fields, whole bytes, and how a number was written.
   * The schema lets these through and the reader refuses them ({@code headroom validate} is the
   * authority). Pinned here so the list in docs/catalog.md stays true.
   */
  static Stream<Arguments> readerOnly() {
    return Stream.of(
        Arguments.of("fractional bytes", "service", SERVICE.replace("64MiB", "'0.3KiB'")),
        Arguments.of("a range that runs backwards", "service", SERVICE.replace("64MiB", "60..45MiB")),
        Arguments.of("reserved above total", "host", HOST.replace("80MiB", "1GiB")),
        Arguments.of("reserved cores above cores", "host", HOST + "cpu: {cores: 2, reserved: 3}\n"),
        Arguments.of("warn above critical", "host", HOST + "thresholds: {warn: 0.95}\n"),
        Arguments.of("reservation above limit", "service", SERVICE + "limits: {memory: 64MiB}\nreservations: {memory: 65MiB}\n"),
        Arguments.of("an optimization id twice", "service", COMPONENTS.formatted("45..60MiB")
            .replace("- {id: gc, saves: 5MiB, effort_hours: 1}", "- {id: gc, saves: 5MiB}\n        - {id: gc, saves: 1MiB}")),
        Arguments.of("a service in per_agent and shared", "stack", STACK.replace("[s2]", "[s1]")),
        Arguments.of("an exponent", "service", SERVICE + "cpu: 1.0e-1\n"),
        Arguments.of("more than 9 decimals of a core", "service", SERVICE + "cpu: 0.1234567891\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readerOnly")
  void readerRefusesWhatTheSchemaCannotSee(String name, String kind, String yaml) {
    assertThat(schemaProblems(kind, yaml)).as("schema, %s", name).isEmpty();
    assertThat(readerProblems(yaml)).as("reader, %s", name).isNotEmpty();
  }

  /**
   * The reader reads an id with its string getter, which takes any scalar, so {@code id: 123} is
   * the id "123"; the schema asks for a string, as every shipped file writes it.
   */
  @Test
  void aNumericIdIsAcceptedByTheReaderOnly() {
    String yaml = SERVICE.replace("id: s1", "id: 123");
    assertThat(schemaProblems("service", yaml)).isNotEmpty();
    assertThat(readerProblems(yaml)).isEmpty();
  }

  // ------------------------------------------------------------------ no drift

  /** Where each of the reader's key sets is described in the schemas. */
  private static IdentityHashMap<Set<String>, String> keySetLocations() {
    IdentityHashMap<Set<String>, String> m = new IdentityHashMap<>();
    m.put(CatalogFileReader.HOST_KEYS, "host#");
    m.put(CatalogFileReader.HOST_MEMORY_KEYS, "host#/properties/memory");
    m.put(CatalogFileReader.HOST_CPU_KEYS, "host#/properties/cpu");
    m.put(CatalogFileReader.HOST_GPU_KEYS, "host#/properties/gpu");
    m.put(CatalogFileReader.THRESHOLD_KEYS, "host#/properties/thresholds");
    m.put(CatalogFileReader.SERVICE_KEYS, "service#");
    m.put(CatalogFileReader.SERVICE_MEMORY_KEYS, "service#/$defs/componentMemory");
    m.put(CatalogFileReader.COMPONENT_KEYS, "service#/$defs/component");
    m.put(CatalogFileReader.OPTIMIZATION_KEYS, "service#/$defs/optimization");
    m.put(CatalogFileReader.RESOURCE_KEYS, "service#/$defs/resources");
    m.put(CatalogFileReader.STACK_KEYS, "stack#");
    m.put(CatalogFileReader.SCENARIO_KEYS, "stack#/$defs/scenario");
    m.put(CatalogFileReader.SCENARIO_ADD_KEYS, "stack#/$defs/scenarioAdd");
    m.put(CatalogFileReader.CLAIM_KEYS, "stack#/$defs/claim");
    return m;
  }

  @Test
  void schemaPropertiesEqualTheReadersKeySets() {
    for (Map.Entry<Set<String>, String> e : keySetLocations().entrySet()) {
      String[] at = e.getValue().split("#", 2);
      JsonNode node = schemaJson(at[0]).at(at[1]);
      assertThat(node.isMissingNode()).as("%s exists", e.getValue()).isFalse();
      assertThat(fieldNames(node.path("properties"))).as("properties of %s", e.getValue())
          .isEqualTo(new TreeSet<>(e.getKey()));
    }
  }

  @Test
  void everyKeySetOfTheReaderHasASchemaLocation() throws IllegalAccessException {
    Set<Object> mapped = Collections.newSetFromMap(new IdentityHashMap<>());
    mapped.addAll(keySetLocations().keySet());
    List<String> unmapped = new ArrayList<>();
    for (Field f : CatalogFileReader.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getName().endsWith("_KEYS") && Set.class.isAssignableFrom(f.getType())) {
        if (!mapped.contains(f.get(null))) {
          unmapped.add(f.getName());
        }
      }
    }
    assertThat(unmapped).as("key sets of CatalogFileReader without a place in the schemas").isEmpty();
  }

  /** Every closed mapping of a schema is one of the reader's key sets and frees x- keys. */
  @Test
  void everyClosedMappingIsAKeySetAndAllowsExtensions() {
    Set<String> expected = new TreeSet<>(keySetLocations().values());
    Set<String> closed = new TreeSet<>();
    for (String kind : KINDS) {
      collectClosed(kind, "", schemaJson(kind), closed);
    }
    assertThat(closed).isEqualTo(expected);
  }

  private static void collectClosed(String kind, String pointer, JsonNode node, Set<String> out) {
    if (node.isObject()) {
      if (node.path("additionalProperties").isBoolean() && !node.path("additionalProperties").asBoolean()) {
        out.add(kind + "#" + pointer);
        JsonNode pp = node.path("patternProperties");
        assertThat(fieldNames(pp)).as("patternProperties of %s#%s", kind, pointer).containsExactly("^x-");
        assertThat(pp.path("^x-").isObject() && pp.path("^x-").isEmpty()).as("^x- takes anything at %s#%s", kind, pointer).isTrue();
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        collectClosed(kind, pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), e.getValue(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectClosed(kind, pointer + "/" + i, node.get(i), out);
      }
    }
  }

  /** Each schema is self-contained; a definition repeated in several files is the same everywhere. */
  @Test
  void sharedDefinitionsAreIdentical() {
    Map<String, JsonNode> first = new TreeMap<>();
    Map<String, String> firstIn = new TreeMap<>();
    for (String kind : KINDS) {
      JsonNode defs = schemaJson(kind).path("$defs");
      for (String name : fieldNames(defs)) {
        JsonNode seen = first.putIfAbsent(name, defs.get(name));
        if (seen != null) {
          assertThat(defs.get(name)).as("$defs/%s in %s and %s", name, kind, firstIn.get(name)).isEqualTo(seen);
        } else {
          firstIn.put(name, kind);
        }
      }
    }
    assertThat(first).containsKeys("id", "quantity");
  }

  @Test
  void everyPropertyHasADescription() {
    for (String kind : KINDS) {
      List<String> missing = new ArrayList<>();
      collectUndescribed(kind, "", schemaJson(kind), missing);
      assertThat(missing).as("properties without a description in %s", kind).isEmpty();
    }
  }

  private static void collectUndescribed(String kind, String pointer, JsonNode node, List<String> out) {
    if (node.isObject()) {
      JsonNode props = node.path("properties");
      for (String p : fieldNames(props)) {
        // the properties of an anyOf branch only narrow a property described elsewhere
        if (!pointer.contains("/anyOf/") && !props.get(p).hasNonNull("description")) {
          out.add(kind + "#" + pointer + "/properties/" + p);
        }
      }
      node.properties().forEach(e -> collectUndescribed(kind, pointer + "/" + e.getKey(), e.getValue(), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectUndescribed(kind, pointer + "/" + i, node.get(i), out);
      }
    }
  }

  // ------------------------------------------------------------------ output schemas

  /** Schemas of what headroom prints, as opposed to what it reads. */
  private static final List<String> OUTPUTS = List.of("advise");

  @Test
  void outputSchemasAreValidDraft202012SchemasWithEveryPropertyDescribed() {
    JsonSchema meta = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012));
    for (String name : OUTPUTS) {
      JsonNode s = schemaJson(name);
      assertThat(s.path("$schema").asText()).isEqualTo(SchemaId.V202012);
      assertThat(meta.validate(s)).as("%s against the 2020-12 meta-schema", schemaPath(name)).isEmpty();
      List<String> missing = new ArrayList<>();
      collectUndescribed(name, "", s, missing);
      assertThat(missing).as("properties without a description in %s", name).isEmpty();
    }
  }

  /** Advice of every shape: a set is enough, none is, it fits as it is, GPU short, other bases and estimates. */
  static Stream<Arguments> adviseRuns() {
    return Stream.of(
        Arguments.of(List.of("advise", "--host", "pi-zero-2w")),
        Arguments.of(List.of("advise", "--host", "pi-zero-2w", "--agents", "2")),
        Arguments.of(List.of("advise", "--host", "pi-zero-2w", "--scenario", "tuned", "--candidates", "pi-zero-2w")),
        Arguments.of(List.of("advise", "--host", "pi-zero-2w", "--agents", "0", "--estimate", "low")),
        Arguments.of(List.of("advise", "--host", "pi-zero-2w", "--basis", "limits", "--apply", "pg-work-mem")),
        Arguments.of(List.of("advise", "--host", "g4dn-xlarge", "--stack", "g4dn-ml", "--scenario", "optimized")),
        Arguments.of(List.of("advise", "--catalog", "src/test/resources/golden/catalog/gpu", "--host", "gpu-box",
            "--stack", "gpu-stack", "--agents", "3")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("adviseRuns")
  void adviseOutputValidatesAndEveryKeyIsDescribed(List<String> args) throws IOException {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of("--format", "json"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(all.toArray(new String[0]), new PrintWriter(out, true), new PrintWriter(err, true),
        new Context(Map.of(), false));
    assertThat(exit).as("exit code; stderr: %s", err).isZero();
    JsonNode doc = JSON.readTree(out.toString());
    assertThat(schema(schemaPath("advise")).validate(doc)).as("advise output against its schema").isEmpty();
    JsonNode root = schemaJson("advise");
    List<String> undescribed = new ArrayList<>();
    collectUnlisted(root, root, doc, "", undescribed);
    assertThat(undescribed).as("keys of the output that the schema does not list").isEmpty();
  }

  /**
   * Walks the output beside its schema: every key of an output object must be a property of the
   * schema there, and every property of the schema must be required (so the schema lists exactly
   * what is printed, while still allowing keys that later versions add).
   */
  private static void collectUnlisted(JsonNode root, JsonNode schema, JsonNode json, String path, List<String> out) {
    JsonNode s = resolve(root, schema);
    if (json.isNull()) {
      return;
    }
    if (s.has("anyOf")) {
      for (JsonNode branch : s.path("anyOf")) {
        JsonNode b = resolve(root, branch);
        if (json.isObject() && b.has("properties") || json.isArray() && b.has("items")) {
          s = b;
          break;
        }
      }
    }
    if (json.isObject()) {
      JsonNode props = s.path("properties");
      Set<String> required = new TreeSet<>();
      s.path("required").forEach(r -> required.add(r.asText()));
      if (!required.equals(fieldNames(props))) {
        out.add(path + ": required " + required + " is not every property " + fieldNames(props));
      }
      for (Map.Entry<String, JsonNode> e : json.properties()) {
        if (!props.has(e.getKey())) {
          out.add(path + "/" + e.getKey());
        } else {
          collectUnlisted(root, props.get(e.getKey()), e.getValue(), path + "/" + e.getKey(), out);
        }
      }
    } else if (json.isArray()) {
      for (int i = 0; i < json.size(); i++) {
        collectUnlisted(root, s.path("items"), json.get(i), path + "/" + i, out);
      }
    }
  }

  private static JsonNode resolve(JsonNode root, JsonNode schema) {
    JsonNode s = schema;
    while (s.has("$ref")) {
      s = root.at(s.path("$ref").asText().substring(1));
    }
    return s;
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
