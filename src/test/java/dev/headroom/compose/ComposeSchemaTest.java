package dev.headroom.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.load.InputException;
import dev.headroom.load.Problem;
import dev.headroom.load.Source;
import dev.headroom.load.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ComposeSchema} against compose-go's schema validation: what docker compose refuses before
 * anything else, with the reason worded as compose-go words it, at the offending key.
 */
class ComposeSchemaTest {

  @TempDir Path dir;

  /** compose.yaml read as the loader reads it, before merging. */
  private static CNode.Map parse(String text) {
    YamlReader reader = new YamlReader(YamlReader.Limits.defaults().withAllowedTags(Set.of(Merge.RESET, Merge.OVERRIDE)));
    return (CNode.Map) CNode.of(reader.readSingle(Source.of("compose.yaml", text)), "compose.yaml");
  }

  /** The problems of compose.yaml, as they are printed. */
  private static List<String> problems(String text) {
    return ComposeSchema.validate(parse(text)).stream().map(Problem::format).toList();
  }

  // ===================================================================== typos and types

  @Test
  void aMisspelledServiceKeyIsRefusedAtTheKey() {
    assertThat(problems("services:\n  api:\n    image: a\n    mem_limits: 512m\n"))
        .containsExactly("compose.yaml:4:5: services.api.mem_limits: additional properties 'mem_limits' not allowed;"
            + " did you mean 'mem_limit'?");
  }

  @Test
  void aMisspelledDeployKeyIsRefusedEvenDeepDown() {
    assertThat(problems("services:\n  api:\n    image: a\n    deploy:\n      resources:\n        limit:\n          memory: 1g\n"))
        .containsExactly(
            "compose.yaml:6:9: services.api.deploy.resources.limit: additional properties 'limit' not allowed; did you mean 'limits'?");
  }

  @Test
  void xKeysAreAllowedWhereTheSchemaAllowsThem() {
    assertThat(problems("x-common: &c {image: a}\nservices:\n  api:\n    <<: *c\n    x-headroom: {ignore: [HR001]}\n"
        + "    deploy: {x-note: 1, resources: {limits: {memory: 1g}}}\n")).isEmpty();
    // extends has no ^x- pattern
    assertThat(problems("services:\n  api:\n    image: a\n    extends: {service: b, x-y: 1}\n"))
        .containsExactly("compose.yaml:4:27: services.api.extends.x-y: additional properties 'x-y' not allowed");
  }

  @Test
  void aServiceNameOutsideThePatternIsRefused() {
    assertThat(problems("services:\n  \"my api\":\n    image: a\n"))
        .containsExactly("compose.yaml:2:3: services.my api: additional properties 'my api' not allowed");
  }

  @Test
  void typesAreWordedAsComposeWordsThem() {
    assertThat(problems("services:\n  api:\n    image: a\n    deploy: {replicas: [1]}\n"))
        .containsExactly("compose.yaml:4:24: services.api.deploy.replicas: must be a integer or string");
    assertThat(problems("services:\n  api: 3\n")).containsExactly("compose.yaml:2:8: services.api: must be a mapping");
    // 2.0 is an integer to JSON Schema; 2.5 is not
    assertThat(problems("services:\n  api: {image: a, scale: 2.0}\n")).isEmpty();
    assertThat(problems("services:\n  api: {image: a, scale: 2.5}\n"))
        .containsExactly("compose.yaml:2:26: services.api.scale: must be a integer or string");
  }

  @Test
  void patternsAreSearchedAsGoSearchesThem() {
    assertThat(problems("services:\n  api: {image: a, pull_policy: sometimes}\n"))
        .containsExactly("compose.yaml:2:32: services.api.pull_policy: 'sometimes' does not match pattern "
            + "'always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+'");
    assertThat(problems("services:\n  api: {image: a, pull_policy: every_12h}\n")).isEmpty();
  }

  // ===================================================================== corpus

  @TestFactory
  Stream<DynamicTest> everyCorpusFileDockerComposeValidatesPasses() throws IOException {
    Path corpus = ComposeCorpusTest.CORPUS;
    Assumptions.assumeTrue(Files.isDirectory(corpus), "the compose corpus is not beside the repository");
    ObjectMapper json = new ObjectMapper();
    JsonNode expected = json.readTree(Path.of("src/test/resources/compose-corpus/expected.json").toFile());
    Map<String, String> envFiles = new LinkedHashMap<>();
    for (JsonNode m : json.readTree(corpus.resolve("manifest.json").toFile())) {
      if (m.path("kind").asText().equals("compose") && m.hasNonNull("env_file")) {
        envFiles.put(m.get("file").asText(), m.get("env_file").asText());
      }
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : expected.properties()) {
      JsonNode want = e.getValue();
      String file = e.getKey();
      String env = envFiles.get(file);
      if (want.has("services") && !want.has("refused")) {
        tests.add(DynamicTest.dynamicTest("accepted: " + file,
            () -> assertThat(validate(corpus, file, env)).extracting(Problem::format).isEmpty()));
      } else if (want.path("refused").asText().startsWith("validating ")) {
        String message = want.get("refused").asText().replaceFirst("^validating [^:]+: ", "");
        tests.add(DynamicTest.dynamicTest("refused: " + file,
            () -> assertThat(validate(corpus, file, env)).extracting(ComposeSchemaTest::asCompose).contains(message)));
      }
    }
    assertThat(tests).hasSizeGreaterThan(20);
    return tests.stream();
  }

  private static List<Problem> validate(Path corpus, String file, String envFile) {
    List<Path> env = envFile == null ? List.of() : List.of(corpus.resolve(envFile));
    ComposeLoader loader =
        new ComposeLoader(new ComposeLoader.Options(List.of(corpus.resolve(file)), null, env, List.of(), Map.of(), corpus, null));
    try {
      loader.load(); // the loader validates: a file it accepts has no problem
      return List.of();
    } catch (InputException e) {
      return e.problems();
    }
  }

  /**
   * The problem as compose-go prints it: an additional property after the path of the mapping that
   * holds it, anything else after its own path.
   */
  private static String asCompose(Problem p) {
    String path = p.path();
    String reason = p.reason().replaceFirst("; did you mean '[^']*'\\?$", "");
    if (p.reason().startsWith("additional properties ")) {
      int dot = path.lastIndexOf('.');
      path = dot < 0 ? "" : path.substring(0, dot);
    }
    return path.isEmpty() ? reason : path + " " + reason;
  }
}
