package dev.headroom.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/schema/risk.schema.json} against what headroom writes: the golden outputs of plan
 * --risk and matrix --risk validate, and the schema's property names are the output records'
 * components, so the two cannot drift apart.
 */
class RiskSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCHEMA = Path.of("docs", "schema", "risk.schema.json");
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  private static JsonNode read(Path p) throws IOException {
    return JSON.readTree(p.toFile());
  }

  private static JsonSchema schema() throws IOException {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(read(SCHEMA));
  }

  @Test
  void theSchemaIsAValidDraft202012Schema() throws IOException {
    JsonSchema meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(SchemaLocation.of(SchemaId.V202012));
    assertThat(meta.validate(read(SCHEMA))).isEmpty();
  }

  @Test
  void goldenOutputsValidate() throws IOException {
    JsonSchema s = schema();
    for (String plan : new String[] {"plan-risk-json"}) {
      JsonNode risk = read(GOLDEN.resolve(plan).resolve("stdout")).path("risk");
      assertThat(risk.isObject()).as(plan).isTrue();
      assertThat(s.validate(risk)).as(plan).isEmpty();
    }
    JsonNode rows = read(GOLDEN.resolve("matrix-risk-json").resolve("stdout")).path("rows");
    assertThat(rows.size()).isPositive();
    for (JsonNode row : rows) {
      assertThat(s.validate(row.path("risk"))).as("matrix row %s", row.path("host")).isEmpty();
    }
  }

  @Test
  void theSchemaNamesEveryKeyOfTheOutputRecords() throws IOException {
    JsonNode s = read(SCHEMA);
    assertThat(SchemaKeys.names(s.path("properties"))).isEqualTo(SchemaKeys.keys(RiskJson.Out.class));
    assertThat(SchemaKeys.names(s.at("/properties/quantiles/properties"))).isEqualTo(SchemaKeys.keys(RiskJson.Quantiles.class));
    assertThat(SchemaKeys.names(s.at("/properties/events/properties"))).isEqualTo(SchemaKeys.keys(RiskJson.Events.class));
    assertThat(SchemaKeys.names(s.at("/$defs/event/properties"))).isEqualTo(SchemaKeys.keys(RiskJson.Event.class));
    assertThat(SchemaKeys.names(s.at("/$defs/event/properties/ci95/properties"))).isEqualTo(SchemaKeys.keys(RiskJson.Interval.class));
  }
}
