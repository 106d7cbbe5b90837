package dev.headroom.compose;

import dev.headroom.load.YamlNode;
import dev.headroom.model.Origin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compose file's YAML after safe reading, with the file name on every node: several files are
 * merged into one tree, and every value must still say where it came from. Immutable; a merge builds
 * new maps and shares what it does not change.
 */
sealed interface CNode permits CNode.Scalar, CNode.Seq, CNode.Map {

  Origin origin();

  /** An explicit tag such as {@code !reset}, or null. */
  String tag();

  /** A scalar; {@code type} is its YAML 1.2 type as written (a string after interpolation stays a string). */
  record Scalar(String value, YamlNode.Type type, String tag, Origin origin) implements CNode {
    boolean isNull() {
      return type == YamlNode.Type.NULL;
    }

    Scalar withValue(String v) {
      return new Scalar(v, type, tag, origin);
    }
  }

  record Seq(List<CNode> items, String tag, Origin origin) implements CNode {
    public Seq {
      items = List.copyOf(items);
    }
  }

  /** A mapping entry: the key's position and the value. */
  record Entry(String key, Origin keyOrigin, CNode value) {}

  record Map(java.util.Map<String, Entry> entries, String tag, Origin origin) implements CNode {
    public Map {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    CNode get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }

    Entry entry(String key) {
      return entries.get(key);
    }

    Map with(String key, Origin keyOrigin, CNode value) {
      LinkedHashMap<String, Entry> copy = new LinkedHashMap<>(entries);
      copy.put(key, new Entry(key, keyOrigin, value));
      return new Map(copy, tag, origin);
    }

    Map without(String key) {
      if (!entries.containsKey(key)) {
        return this;
      }
      LinkedHashMap<String, Entry> copy = new LinkedHashMap<>(entries);
      copy.remove(key);
      return new Map(copy, tag, origin);
    }

    static Map empty(Origin origin) {
      return new Map(java.util.Map.of(), null, origin);
    }
  }

  /** The tree of one YAML document, each node labelled with {@code file}. */
  static CNode of(YamlNode n, String file) {
    if (n instanceof YamlNode.Scalar s) {
      return new Scalar(s.value(), s.type(), s.tag(), new Origin(file, s.line(), s.column()));
    }
    if (n instanceof YamlNode.Seq q) {
      List<CNode> items = new ArrayList<>(q.items().size());
      for (YamlNode i : q.items()) {
        items.add(of(i, file));
      }
      return new Seq(items, q.tag(), new Origin(file, q.line(), q.column()));
    }
    YamlNode.Map m = (YamlNode.Map) n;
    LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    for (java.util.Map.Entry<String, YamlNode.Entry> e : m.entries().entrySet()) {
      YamlNode.Scalar k = e.getValue().key();
      entries.put(e.getKey(), new Entry(e.getKey(), new Origin(file, k.line(), k.column()), of(e.getValue().value(), file)));
    }
    return new Map(entries, m.tag(), new Origin(file, m.line(), m.column()));
  }

  static String describe(CNode n) {
    if (n instanceof Scalar s) {
      return switch (s.type()) {
        case NULL -> "null";
        case BOOL -> "a boolean";
        case INT, FLOAT -> "a number";
        case STRING -> "a string";
      };
    }
    return n instanceof Seq ? "a list" : "a mapping";
  }
}
