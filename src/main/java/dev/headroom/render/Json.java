package dev.headroom.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;

/**
 * Writes output records as JSON: snake_case keys in record order, nulls kept, decimals plain, two
 * spaces of indent. Only output records go through here; domain types never see Jackson.
 *
 * <p>{@link #writeForeign} is for formats whose keys someone else fixed (SARIF's {@code ruleId}):
 * keys as the record components are named, nulls left out.
 */
public final class Json {
  private Json() {}

  private static final class Holder {
    static final ObjectWriter WRITER =
        create(new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
  }

  private static final class ForeignHolder {
    static final ObjectWriter WRITER =
        create(new ObjectMapper().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL));
  }

  private static ObjectWriter create(ObjectMapper base) {
    ObjectMapper mapper =
        base.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    DefaultIndenter indent = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withObjectIndenter(indent)
            .withArrayIndenter(indent)
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator(""));
    return mapper.writer(printer);
  }

  public static void write(Object record, PrintWriter out) {
    write(Holder.WRITER, record, out);
  }

  /** Keys as the record components (or their {@code @JsonProperty}) name them; null components left out. */
  public static void writeForeign(Object record, PrintWriter out) {
    write(ForeignHolder.WRITER, record, out);
  }

  private static void write(ObjectWriter writer, Object record, PrintWriter out) {
    try {
      out.println(writer.writeValueAsString(record));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for " + record.getClass().getSimpleName(), e);
    }
  }
}
