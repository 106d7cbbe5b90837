package dev.headroom.render;

import static dev.headroom.render.Results.AT;
import static dev.headroom.render.Results.finding;
import static dev.headroom.render.Results.host;
import static dev.headroom.render.Results.render;
import static dev.headroom.render.Results.result;
import static dev.headroom.render.Results.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.headroom.model.Origin;
import dev.headroom.solve.Gate;
import dev.headroom.solve.Rule;
import dev.headroom.solve.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code check --format sarif} against the official SARIF 2.1.0 schema (a copy under
 * {@code src/test/resources/sarif/}, see its README), and what the schema cannot say: levels, rule
 * indexes, locations, URIs.
 */
class CheckSarifTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The schema's {@code id} is its OASIS address; the copy on the class path answers for it, so nothing is fetched. */
  private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
          b -> b.schemaMappers(m -> m.mapPrefix("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/",
              "classpath:sarif/")))
      .getSchema(SchemaLocation.of(CheckSarif.SCHEMA), SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

  private static JsonNode sarif(Gate.Result r, Severity failOn) throws IOException {
    return JSON.readTree(render(w -> CheckSarif.render(r, failOn, "1.2.3", w)));
  }

  /** Every kind of finding: with a file, line and column; a file without a line; no file; each severity; hostile text and paths. */
  private static Gate.Result everyKind() {
    return result(host("pi"), List.of(service("db"), service("api")),
        finding(Rule.HR001, Severity.WARNING, "db", "db has no memory limit", AT),
        finding(Rule.HR002, Severity.ERROR, "api", "quote \" backslash \\ newline \n tab \t nul \u0000 bidi \u202e end",
            new Origin("sub dir/my:compose é.yaml", 7, 0)),
        finding(Rule.HR003, Severity.INFO, null, "limits near the budget.", new Origin("/abs/path/compose.yaml", 0, 0)),
        finding(Rule.HR007, Severity.ERROR, null, "no file at all", Origin.NONE),
        finding(Rule.HR008, Severity.WARNING, "api", "windows path", new Origin("C:\\work\\compose.yaml", 2, 5)));
  }

  @Test
  void theLogIsValidSarif() throws IOException {
    for (Gate.Result r : List.of(everyKind(), result(null, List.of()))) {
      Set<ValidationMessage> problems = SCHEMA.validate(sarif(r, Severity.ERROR));
      assertThat(problems).as("SARIF schema problems").isEmpty();
    }
  }

  @Test
  void theSchemaIsReallyChecked() throws IOException {
    // a control: the same log, broken in four ways the schema forbids, must not pass
    ObjectNode log = (ObjectNode) sarif(everyKind(), Severity.ERROR);
    ObjectNode result = (ObjectNode) log.path("runs").path(0).path("results").path(0);
    result.put("level", "fatal");
    JsonNode physical = result.path("locations").path(0).path("physicalLocation");
    ((ObjectNode) physical.path("region")).put("startLine", 0);
    ((ObjectNode) physical.path("artifactLocation")).put("uri", "sub dir/compose.yaml"); // a path, not a URI reference
    log.remove("version");
    List<String> problems = new ArrayList<>();
    SCHEMA.validate(log).forEach(m -> problems.add(m.getMessage()));
    assertThat(problems).anyMatch(m -> m.contains("level")).anyMatch(m -> m.contains("startLine"))
        .anyMatch(m -> m.contains("uri-reference")).anyMatch(m -> m.contains("version"));
  }

  @Test
  void theDriverListsEveryRuleAndEachResultPointsAtItsRule() throws IOException {
    JsonNode run = sarif(everyKind(), Severity.ERROR).path("runs").path(0);
    JsonNode driver = run.path("tool").path("driver");
    assertThat(driver.path("name").asText()).isEqualTo("headroom");
    assertThat(driver.path("version").asText()).isEqualTo("1.2.3");
    JsonNode rules = driver.path("rules");
    assertThat(rules).hasSize(Rule.values().length);
    JsonNode hr003 = rules.path(2);
    assertThat(hr003.path("id").asText()).isEqualTo("HR003");
    assertThat(hr003.path("name").asText()).isEqualTo("limits-over-budget");
    assertThat(hr003.path("shortDescription").path("text").asText()).isEqualTo(Rule.HR003.title());
    assertThat(hr003.path("fullDescription").path("text").asText()).isEqualTo(Rule.HR003.description());
    assertThat(rules.path(0).path("defaultConfiguration").path("level").asText()).isEqualTo("warning");
    assertThat(rules.path(1).path("defaultConfiguration").path("level").asText()).isEqualTo("error");

    JsonNode results = run.path("results");
    assertThat(results).hasSize(5);
    for (JsonNode res : results) {
      assertThat(rules.path(res.path("ruleIndex").asInt()).path("id").asText()).isEqualTo(res.path("ruleId").asText());
    }
    // sorted as the text format sorts: errors, warnings, info; then by rule
    List<String> levels = new ArrayList<>();
    results.forEach(res -> levels.add(res.path("ruleId").asText() + " " + res.path("level").asText()));
    assertThat(levels).containsExactly("HR002 error", "HR007 error", "HR001 warning", "HR008 warning", "HR003 note");
    assertThat(run.path("properties").path("failOn").asText()).isEqualTo("error");
    assertThat(run.path("properties").path("status").asText()).isEqualTo("fail");
  }

  @Test
  void theMessageIsTheFindingThenItsFix() throws IOException {
    JsonNode results = sarif(everyKind(), Severity.ERROR).path("runs").path(0).path("results");
    assertThat(results.path(2).path("message").path("text").asText()).isEqualTo("db has no memory limit. Fix: fix it.");
    // JSON carries any text as it is: the escaping is the JSON writer's
    assertThat(results.path(0).path("message").path("text").asText())
        .startsWith("quote \" backslash \\ newline \n tab \t nul \u0000 bidi \u202e end.");
    // a message that already ends a sentence gets no second period
    assertThat(results.path(4).path("message").path("text").asText()).startsWith("limits near the budget. Fix:");
  }

  @Test
  void locationsAreOmittedWhereUnknown() throws IOException {
    JsonNode results = sarif(everyKind(), Severity.ERROR).path("runs").path(0).path("results");
    JsonNode full = results.path(2).path("locations").path(0).path("physicalLocation");
    assertThat(full.path("artifactLocation").path("uri").asText()).isEqualTo("compose.yaml");
    assertThat(full.path("region").path("startLine").asInt()).isEqualTo(3);
    assertThat(full.path("region").path("startColumn").asInt()).isEqualTo(3);
    JsonNode noColumn = results.path(0).path("locations").path(0).path("physicalLocation").path("region");
    assertThat(noColumn.path("startLine").asInt()).isEqualTo(7);
    assertThat(noColumn.has("startColumn")).isFalse();
    JsonNode noLine = results.path(4).path("locations").path(0).path("physicalLocation");
    assertThat(noLine.path("artifactLocation").path("uri").asText()).isEqualTo("file:///abs/path/compose.yaml");
    assertThat(noLine.has("region")).isFalse();
    assertThat(results.path(1).path("ruleId").asText()).isEqualTo("HR007");
    assertThat(results.path(1).has("locations")).isFalse();
  }

  @Test
  void filesBecomeUriReferences() {
    assertThat(CheckSarif.uri("compose.yaml")).isEqualTo("compose.yaml");
    assertThat(CheckSarif.uri("deploy/compose.prod.yaml")).isEqualTo("deploy/compose.prod.yaml");
    assertThat(CheckSarif.uri("deploy\\compose.yaml")).isEqualTo("deploy/compose.yaml");
    assertThat(CheckSarif.uri("../up/compose.yaml")).isEqualTo("../up/compose.yaml");
    assertThat(CheckSarif.uri("sub dir/my:compose é.yaml")).isEqualTo("sub%20dir/my%3Acompose%20%C3%A9.yaml");
    assertThat(CheckSarif.uri("50%/compose#1?.yaml")).isEqualTo("50%25/compose%231%3F.yaml");
    assertThat(CheckSarif.uri("/srv/app/compose.yaml")).isEqualTo("file:///srv/app/compose.yaml");
    assertThat(CheckSarif.uri("C:\\work\\compose.yaml")).isEqualTo("file:///C:/work/compose.yaml");
  }

  @Test
  void withoutFindingsTheRunHasAnEmptyResultsArray() throws IOException {
    JsonNode run = sarif(result(null, List.of(service("db"))), null).path("runs").path(0);
    assertThat(run.path("results").isArray()).isTrue();
    assertThat(run.path("results")).isEmpty();
    assertThat(run.path("properties").path("failOn").asText()).isEqualTo("never");
    assertThat(run.path("properties").path("status").asText()).isEqualTo("pass");
  }
}
