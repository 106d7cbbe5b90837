package dev.headroom.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.load.InputException;
import dev.headroom.load.Problem;
import dev.headroom.model.ComposeProject;
import dev.headroom.model.ComposeService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every compose file of the real-world corpus ({@code ../shared/corpus/compose}, beside the
 * repository; the test is skipped where it is absent) is read and compared with an independent
 * oracle ({@code src/test/resources/compose-corpus/expected.json}, made by a separate
 * re-implementation of compose-go, see its README): the same services, replicas, limits,
 * reservations and CPUs, or the same refusal.
 */
class ComposeCorpusTest {

  static final Path CORPUS = Path.of("..", "shared", "corpus", "compose").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyCorpusFileReadsAsDockerComposeReadsIt() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(CORPUS), "the compose corpus is not beside the repository");
    JsonNode expected = JSON.readTree(Path.of("src/test/resources/compose-corpus/expected.json").toFile());
    JsonNode manifest = JSON.readTree(CORPUS.resolve("manifest.json").toFile());
    Map<String, String> envFiles = new LinkedHashMap<>();
    for (JsonNode m : manifest) {
      if (m.path("kind").asText().equals("compose") && m.hasNonNull("env_file")) {
        envFiles.put(m.get("file").asText(), m.get("env_file").asText());
      }
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : expected.properties()) {
      tests.add(DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), e.getValue(), envFiles.get(e.getKey()))));
    }
    return tests.stream();
  }

  static ComposeProject load(String file, String envFile) {
    List<Path> env = envFile == null ? List.of() : List.of(CORPUS.resolve(envFile));
    return new ComposeLoader(new ComposeLoader.Options(List.of(CORPUS.resolve(file)), null, env, List.of(), Map.of(), CORPUS, null))
        .load();
  }

  private static void check(String file, JsonNode want, String envFile) {
    ComposeProject project;
    try {
      project = load(file, envFile);
    } catch (InputException e) {
      if (!want.has("refused") || want.has("refused_kind")) {
        fail("refused, but docker compose reads it: " + e.problems().stream().map(Problem::format).toList());
      }
      assertMentions(file, want, e.problems().stream().map(Problem::reason).toList());
      return;
    }
    if (want.has("refused") && !want.has("refused_kind")) {
      assertThat(project.errors()).as("docker compose refuses " + file + ": " + want.get("refused").asText()).isNotEmpty();
      assertMentions(file, want, project.errors().stream().map(ComposeProject.ComposeError::message).toList());
      return;
    }
    JsonNode services = want.has("refused_kind") ? want.get("services_if_not_refused") : want.get("services");
    if (want.has("refused_kind")) {
      assertThat(project.errors()).as("compose refuses it for its environment: " + want.get("refused").asText()).isNotEmpty();
    } else {
      assertThat(project.errors()).as("no consistency errors").isEmpty();
    }
    assertThat(actual(project)).isEqualTo(expectedServices(services));
    List<String> inactive = new ArrayList<>();
    want.path("inactive").forEach(n -> inactive.add(n.asText()));
    assertThat(project.inactive()).containsExactlyInAnyOrderElementsOf(inactive);
  }

  /** One of our messages says what docker compose says (paths aside). */
  private static void assertMentions(String file, JsonNode want, List<String> ours) {
    List<String> theirs = new ArrayList<>();
    theirs.add(want.get("refused").asText());
    want.path("refused_alternatives").forEach(n -> theirs.add(n.asText()));
    List<String> normalized = theirs.stream().map(ComposeCorpusTest::core).toList();
    boolean match = ours.stream().map(ComposeCorpusTest::core).anyMatch(o -> normalized.stream().anyMatch(t -> t.contains(o) || o.contains(t)));
    assertThat(match).as(file + ": ours " + ours + " vs docker compose " + theirs).isTrue();
  }

  /** The message without paths, the ": invalid compose project" suffix or the "validating FILE: " prefix. */
  private static String core(String m) {
    String s = m.replace(": invalid compose project", "");
    s = s.replaceAll("^validating [^:]+: ", "");
    s = s.replaceAll("<corpus>/\\S+|/\\S+", "PATH");
    return s.strip();
  }

  private static Map<String, Map<String, Object>> actual(ComposeProject p) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    for (ComposeService s : p.services()) {
      Map<String, Object> m = new TreeMap<>();
      m.put("replicas", s.replicas());
      m.put("mem_limit_bytes", s.memLimitOrNull() == null ? null : s.memLimitOrNull().value());
      m.put("mem_reservation_bytes", s.memReservationOrNull() == null ? null : s.memReservationOrNull().value());
      m.put("cpus_limit", s.cpusLimitOrNull() == null ? null : s.cpusLimitOrNull().toString());
      m.put("cpus_reservation", s.cpusReservationOrNull() == null ? null : s.cpusReservationOrNull().toString());
      m.put("gpu", s.gpu() != null);
      out.put(s.name(), m);
    }
    return out;
  }

  private static Map<String, Map<String, Object>> expectedServices(JsonNode services) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : services.properties()) {
      JsonNode v = e.getValue();
      Map<String, Object> m = new TreeMap<>();
      m.put("replicas", v.get("replicas").asLong());
      m.put("mem_limit_bytes", v.get("mem_limit_bytes").isNull() ? null : v.get("mem_limit_bytes").asLong());
      m.put("mem_reservation_bytes", v.get("mem_reservation_bytes").isNull() ? null : v.get("mem_reservation_bytes").asLong());
      m.put("cpus_limit", v.get("cpus_limit").isNull() ? null : v.get("cpus_limit").asText());
      m.put("cpus_reservation", v.get("cpus_reservation").isNull() ? null : v.get("cpus_reservation").asText());
      m.put("gpu", v.get("gpu").asBoolean());
      out.put(e.getKey(), m);
    }
    return out;
  }
}
