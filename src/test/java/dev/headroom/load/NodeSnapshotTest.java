package dev.headroom.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.model.Catalog;
import dev.headroom.model.Estimate;
import dev.headroom.model.Host;
import dev.headroom.model.Stack;
import dev.headroom.render.PlanJson;
import dev.headroom.solve.Basis;
import dev.headroom.solve.PlanRequest;
import dev.headroom.solve.Planner;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The built-in catalog's snapshot (NodeSnapshot): what the jar carries is the files as they parse
 * now, decoding gives back exactly what was encoded, and a catalog read from it, whole or only
 * what a plan needs, is the catalog read from the YAML.
 */
class NodeSnapshotTest {

  private static final YamlReader YAML = new YamlReader();

  /** The built-in files parsed from profiles/ on disk, by the names the loader gives them. */
  private static Map<String, YamlNode> parsedNow() {
    Map<String, YamlNode> files = new LinkedHashMap<>();
    for (String rel : CatalogLoader.builtinIndex()) {
      files.put("profiles/" + rel, YAML.readSingle(Source.read(Path.of("profiles", rel), "profiles/" + rel, Source.DEFAULT_MAX_FILE_SIZE)));
    }
    return files;
  }

  private static byte[] shipped() throws IOException {
    try (InputStream in = NodeSnapshot.class.getClassLoader().getResourceAsStream(NodeSnapshot.RESOURCE)) {
      assertThat(in).as("the build writes " + NodeSnapshot.RESOURCE + " (pom.xml, catalog-snapshot)").isNotNull();
      return in.readAllBytes();
    }
  }

  @Test
  void theSnapshotIsTheBuiltInFilesAsTheyParseNow() throws IOException {
    // byte for byte: names, order, keys in order, every value, type, tag, line and column
    assertThat(shipped()).isEqualTo(NodeSnapshot.encode(parsedNow()));
  }

  @Test
  void decodingGivesBackWhatWasEncoded() throws IOException {
    Map<String, YamlNode> decoded = NodeSnapshot.decode(shipped());
    assertThat(decoded).isEqualTo(parsedNow());
    assertThat(List.copyOf(decoded.keySet())).containsExactlyElementsOf(parsedNow().keySet());
  }

  @Test
  void aCatalogFromTheSnapshotIsTheCatalogFromTheFiles() {
    Catalog fromSnapshot = new CatalogLoader(YAML).load(List.of()).catalog();
    // profiles/ read as a user catalog: parsed from YAML, its files named as the built-in ones
    Catalog fromYaml = new CatalogLoader(YAML).load(false, List.of(Path.of("profiles"))).catalog();
    assertThat(fromSnapshot).isEqualTo(fromYaml);
    assertThat(fromSnapshot.hosts().keySet()).containsExactlyElementsOf(fromYaml.hosts().keySet());
    assertThat(fromSnapshot.services().keySet()).containsExactlyElementsOf(fromYaml.services().keySet());
  }

  @Test
  void aBrokenSnapshotIsABrokenJarNotAWrongNumber() throws IOException {
    byte[] good = shipped();
    assertThatThrownBy(() -> NodeSnapshot.decode(Arrays.copyOf(good, good.length - 1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(NodeSnapshot.RESOURCE).hasMessageContaining("damaged");
    assertThatThrownBy(() -> NodeSnapshot.decode(Arrays.copyOf(good, good.length + 1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("past its end");
    byte[] magic = good.clone();
    magic[0] = 'X';
    assertThatThrownBy(() -> NodeSnapshot.decode(magic)).isInstanceOf(IllegalStateException.class).hasMessageContaining("is not one");
    byte[] length = good.clone();
    // the first file name's length: 2^31-1 bytes, past the end
    length[8] = 0x7f;
    assertThatThrownBy(() -> NodeSnapshot.decode(length)).isInstanceOf(IllegalStateException.class).hasMessageContaining("damaged");
    assertThatThrownBy(() -> NodeSnapshot.decode(new byte[0])).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aTreeIsDecodedWhenFirstAskedForAndCheckedThen() {
    Map<String, YamlNode> files = new LinkedHashMap<>();
    files.put("a", new YamlNode.Scalar("x", YamlNode.Type.STRING, true, null, 1, 1));
    files.put("b", new YamlNode.Scalar("y", YamlNode.Type.STRING, true, null, 2, 1));
    byte[] bytes = NodeSnapshot.encode(files);
    // magic 4, count 4, name length 4, "a" 1, tree length 4: the kind of a's tree is byte 17
    bytes[17] = 9;
    NodeSnapshot.Files read = NodeSnapshot.read(bytes);
    assertThat(read.names()).containsExactly("a", "b");
    assertThat(read.tree("b")).isEqualTo(files.get("b"));
    assertThat(read.tree("nope")).isNull();
    assertThatThrownBy(() -> read.tree("a")).isInstanceOf(IllegalStateException.class).hasMessageContaining("damaged");
  }

  // ------------------------------------------------------------------ what a plan reads

  @Test
  void aPlanReadsOnlyItsFilesAndPlansAsOnTheWholeCatalog() {
    CatalogLoader loader = new CatalogLoader(YAML);
    Catalog whole = loader.load(List.of()).catalog();
    List<String> stacks = new ArrayList<>(whole.stacks().keySet());
    stacks.add(null);
    for (String hostId : whole.hosts().keySet()) {
      for (String stackId : stacks) {
        CatalogLoader.Result part = loader.loadFor(List.of(hostId), stackId, List.of());
        Stack stack = stackId == null ? whole.stacks().get(whole.defaultStack()) : whole.stacks().get(stackId);
        assertThat(part.catalog().hosts()).containsKey(hostId);
        assertThat(part.catalog().stacks()).containsOnlyKeys(stack.id());
        if (stackId == null) {
          assertThat(part.catalog().defaultStack()).isEqualTo(whole.defaultStack());
        }
        assertThat(part.catalog().services().size()).isLessThan(whole.services().size());
        assertThat(part.fileCount()).isLessThan(CatalogLoader.builtinIndex().size());
        for (String scenario : stack.scenarioNames()) {
          assertThat(planJson(part.catalog(), hostId, stack.id(), scenario))
              .as("%s on %s, scenario %s", stack.id(), hostId, scenario)
              .isEqualTo(planJson(whole, hostId, stack.id(), scenario));
        }
      }
    }
  }

  @Test
  void anIdThePlanCannotFindByNameLoadsEverything() {
    CatalogLoader loader = new CatalogLoader(YAML);
    int all = CatalogLoader.builtinIndex().size();
    assertThat(loader.loadFor(List.of("no-such-host"), null, List.of()).fileCount()).isEqualTo(all);
    assertThat(loader.loadFor(List.of("all"), null, List.of()).fileCount()).isEqualTo(all);
    assertThat(loader.loadFor(List.of("pi-zero-2w"), "no-such-stack", List.of()).fileCount()).isEqualTo(all);
  }

  @Test
  void everyBuiltInFileIsNamedAfterItsKindAndId() {
    // loadFor finds files by these names
    Catalog whole = new CatalogLoader(YAML).load(List.of()).catalog();
    whole.hosts().values().forEach(h -> assertThat(h.origin().file()).isEqualTo("profiles/hosts/" + h.id() + ".yaml"));
    whole.services().values().forEach(s -> assertThat(s.origin().file()).isEqualTo("profiles/services/" + s.id() + ".yaml"));
    whole.stacks().values().forEach(s -> assertThat(s.origin().file()).isEqualTo("profiles/stacks/" + s.id() + ".yaml"));
  }

  private static String planJson(Catalog c, String hostId, String stackId, String scenario) {
    Host h = c.hosts().get(hostId);
    Stack s = c.stacks().get(stackId);
    StringWriter out = new StringWriter();
    PlanJson.render(new Planner(c).plan(new PlanRequest(h, s, s.scenario(scenario).orElseThrow(), 3, Basis.FOOTPRINT, Estimate.HIGH, List.of())),
        new PrintWriter(out));
    return out.toString();
  }

  // ------------------------------------------------------------------ the law

  private static final String[] TOKENS = {
    "a", "b", "kind", ":", ": ", " ", "  ", "\n", "- ", "[", "]", "{", "}", ", ", "\"q\"", "'s'", "# c", "&x ", "*x",
    "<<: ", "!t ", "!!str ", "|\n  x\n", "é", "😀", "010", "1.5", "no", "true", "~", "null", "512MiB"
  };

  @Provide
  Arbitrary<String> yamlish() {
    return Arbitraries.of(TOKENS).list().ofMaxSize(30).map(l -> String.join("", l));
  }

  /** decode(encode(trees)) = trees, and encode(decode(bytes)) = bytes, for whatever YAML reads. */
  @Property(tries = 2000)
  void encodeThenDecodeIsTheIdentity(@ForAll("yamlish") String text) {
    List<YamlNode> docs;
    try {
      docs = YAML.readAll(Source.of("f.yaml", text));
    } catch (InputException refused) {
      return;
    }
    Map<String, YamlNode> files = new LinkedHashMap<>();
    for (int i = 0; i < docs.size(); i++) {
      files.put("f" + i + ".yaml", docs.get(i));
    }
    byte[] bytes = NodeSnapshot.encode(files);
    Map<String, YamlNode> back = NodeSnapshot.decode(bytes);
    assertThat(back).isEqualTo(files);
    assertThat(NodeSnapshot.encode(back)).isEqualTo(bytes);
  }
}
