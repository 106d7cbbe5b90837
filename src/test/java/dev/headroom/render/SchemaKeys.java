package dev.headroom.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The two sides of "the schema names every key of the output records": a schema's property names, a record's JSON keys. */
final class SchemaKeys {
  private SchemaKeys() {}

  /** The property names of a schema's {@code properties} object. */
  static Set<String> names(JsonNode properties) {
    Set<String> out = new TreeSet<>();
    properties.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** The JSON keys of an output record: its components in snake_case, as {@link Json} writes them. */
  static Set<String> keys(Class<? extends Record> c) {
    PropertyNamingStrategies.NamingBase snake = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
    return Arrays.stream(c.getRecordComponents()).map(rc -> snake.translate(rc.getName()))
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
