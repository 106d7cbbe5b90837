package dev.headroom.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node after safe composition: aliases resolved, merge keys applied, duplicate keys refused,
 * every node with its position. Immutable; subtrees reached through an alias are shared.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Seq, YamlNode.Map {

  /** 1-based line, 0 when unknown. */
  int line();

  /** 1-based column, 0 when unknown. */
  int column();

  /** The YAML 1.2 core-schema type of a scalar. */
  enum Type {
    STRING,
    INT,
    FLOAT,
    BOOL,
    NULL
  }

  /**
   * A scalar. {@code plain} is false for quoted and block scalars. {@code tag} is the explicit tag
   * ({@code !reset}), or null.
   */
  record Scalar(String value, Type type, boolean plain, String tag, int line, int column) implements YamlNode {
    public boolean isNull() {
      return type == Type.NULL;
    }
  }

  record Seq(List<YamlNode> items, String tag, int line, int column) implements YamlNode {
    public Seq {
      items = List.copyOf(items);
    }
  }

  /** A mapping entry; the key is always a scalar. */
  record Entry(Scalar key, YamlNode value) {}

  record Map(java.util.Map<String, Entry> entries, String tag, int line, int column) implements YamlNode {
    public Map {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public Entry entry(String key) {
      return entries.get(key);
    }

    public YamlNode get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }
  }

  static String describe(YamlNode n) {
    if (n instanceof Scalar s) {
      return switch (s.type()) {
        case NULL -> "null";
        case BOOL -> "a boolean";
        case INT -> "a number";
        case FLOAT -> "a number";
        case STRING -> "a string";
      };
    }
    return n instanceof Seq ? "a list" : "a mapping";
  }

  static List<String> keys(Map m) {
    return List.copyOf(m.entries().keySet());
  }

}
