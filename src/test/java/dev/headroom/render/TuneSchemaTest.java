package dev.headroom.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import dev.headroom.model.Bytes;
import dev.headroom.runtime.RuntimeModel;
import dev.headroom.runtime.Runtimes;
import dev.headroom.runtime.TooSmall;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/schema/tune.schema.json} against what headroom writes: tune's JSON for every runtime
 * validates, and the schema's property names are the output records' components.
 */
class TuneSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCHEMA = Path.of("docs", "schema", "tune.schema.json");

  private static JsonNode read(Path p) throws IOException {
    return JSON.readTree(p.toFile());
  }

  @Test
  void theSchemaIsAValidDraft202012Schema() throws IOException {
    JsonSchema meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(SchemaLocation.of(SchemaId.V202012));
    assertThat(meta.validate(read(SCHEMA))).isEmpty();
  }

  @Test
  void everyRuntimesOutputValidates() throws IOException, TooSmall {
    JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(read(SCHEMA));
    for (RuntimeModel m : Runtimes.ALL) {
      StringWriter out = new StringWriter();
      TuneJson.render(m, Bytes.gib(4), m.tune(Bytes.gib(4), RuntimeModel.Demand.NONE, Map.of()), new PrintWriter(out));
      JsonNode json = JSON.readTree(out.toString());
      assertThat(s.validate(json)).as(m.id()).isEmpty();
      assertThat(json.path("runtime").asText()).isEqualTo(m.id());
    }
  }

  @Test
  void theSchemaNamesEveryKeyOfTheOutputRecords() throws IOException {
    JsonNode s = read(SCHEMA);
    assertThat(SchemaKeys.names(s.path("properties"))).isEqualTo(SchemaKeys.keys(TuneJson.TuneOut.class));
    assertThat(SchemaKeys.names(s.at("/properties/footprint/properties"))).isEqualTo(SchemaKeys.keys(TuneJson.FootprintOut.class));
    assertThat(SchemaKeys.names(s.at("/properties/footprint/properties/parts/items/properties"))).isEqualTo(SchemaKeys.keys(TuneJson.PartOut.class));
  }
}
