package dev.headroom.render;

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
 */
public final class Json {
  private Json() {}

  private static final class Holder {
    static final ObjectWriter WRITER = create();

    private static ObjectWriter create() {
      ObjectMapper mapper =
          new ObjectMapper()
              .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
              .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
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
  }

  public static void write(Object record, PrintWriter out) {
    try {
      out.println(Holder.WRITER.writeValueAsString(record));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for " + record.getClass().getSimpleName(), e);
    }
  }
}
