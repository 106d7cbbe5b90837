package dev.headroom.load;

import static dev.headroom.load.Binary.count;
import static dev.headroom.load.Binary.nullable;
import static dev.headroom.load.Binary.string;

import dev.headroom.load.YamlNode.Entry;
import dev.headroom.load.YamlNode.Scalar;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in catalog's YAML trees, read once at build time and written in a compact binary form
 * that the jar carries ({@value #RESOURCE}). A run that reads the built-in catalog decodes this
 * instead of parsing 37 YAML files: on a cold JVM, the YAML parser is the larger part of a short
 * run's time (docs/performance.md). The trees are exactly what {@link YamlReader} gives, positions
 * included, so every message and every origin is as if the files had been parsed.
 *
 * <p>The form: a magic number, the number of files, then per file its name, the length of its tree
 * and its tree, so that a run decodes only the trees it reads. A node is
 * a kind byte, its tag (or none), line and column, then a scalar's value, type name and plainness, a
 * list's items, or a mapping's keys and values in order. Strings are as {@link Binary} writes them.
 */
public final class NodeSnapshot {
  private NodeSnapshot() {}

  /** Where the build puts the snapshot in the jar, beside the files it was made from. */
  public static final String RESOURCE = "profiles/catalog.nodes";

  private static final int MAGIC = 0x48524E31; // "HRN1"
  private static final int SCALAR = 0;
  private static final int SEQ = 1;
  private static final int MAP = 2;

  /**
   * The build step (pom.xml, at process-classes): parses the built-in files listed in {@code
   * profiles/index.txt} on the class path and writes their snapshot under the directory {@code
   * args[0]}. A built-in file that does not parse fails the build with its problems. Not a command
   * of headroom.
   */
  public static void main(String... args) throws IOException {
    Map<String, YamlNode> files = new LinkedHashMap<>();
    YamlReader yaml = new YamlReader();
    for (String rel : CatalogLoader.builtinIndex()) {
      Source source = CatalogLoader.builtinSource("profiles/" + rel);
      if (source == null) {
        throw new IllegalStateException("profiles/" + rel + " is listed in " + CatalogLoader.BUILTIN_INDEX + " but not on the class path");
      }
      try {
        files.put(source.name(), yaml.readSingle(source));
      } catch (InputException e) {
        throw new IllegalStateException(e.problems().get(0).format(), e);
      }
    }
    java.nio.file.Path out = java.nio.file.Path.of(args[0]).resolve(RESOURCE);
    java.nio.file.Files.createDirectories(out.getParent());
    java.nio.file.Files.write(out, encode(files));
  }

  /** The files, in order, each a name and its tree. */
  public static byte[] encode(Map<String, YamlNode> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(files.size());
      for (Map.Entry<String, YamlNode> f : files.entrySet()) {
        string(out, f.getKey());
        ByteArrayOutputStream tree = new ByteArrayOutputStream();
        try (DataOutputStream t = new DataOutputStream(tree)) {
          node(t, f.getValue());
        }
        out.writeInt(tree.size());
        tree.writeTo(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Every file {@link #encode} was given, in its order. The snapshot is headroom's own, made by its
   * build: one that cannot be read is a broken jar, an {@link IllegalStateException}.
   */
  public static Map<String, YamlNode> decode(byte[] snapshot) {
    Files files = read(snapshot);
    Map<String, YamlNode> out = new LinkedHashMap<>();
    for (String name : files.names()) {
      out.put(name, files.tree(name));
    }
    return out;
  }

  /**
   * The snapshot's file names, each tree decoded when first asked for: a plan needs a few of the
   * 37 files, and decoding is most of what the rest would cost.
   */
  public static Files read(byte[] snapshot) {
    ByteBuffer in = ByteBuffer.wrap(snapshot);
    try {
      if (in.getInt() != MAGIC) {
        throw new IllegalStateException("the built-in catalog snapshot " + RESOURCE + " is not one (rebuild headroom)");
      }
      int n = in.getInt();
      Map<String, int[]> at = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        String name = string(in);
        int length = count(in);
        at.put(name, new int[] {in.position(), length});
        in.position(in.position() + length);
      }
      if (in.hasRemaining()) {
        throw new IllegalStateException("the built-in catalog snapshot " + RESOURCE + " has bytes past its end (rebuild headroom)");
      }
      return new Files(snapshot, at);
    } catch (RuntimeException e) {
      throw damaged(e);
    }
  }

  private static IllegalStateException damaged(RuntimeException e) {
    return e instanceof IllegalStateException ise
        ? ise
        : new IllegalStateException("the built-in catalog snapshot " + RESOURCE + " is damaged (rebuild headroom): " + e, e);
  }

  /** A read snapshot: its file names in order, and each one's tree. Safe to share between threads. */
  public static final class Files {
    private final byte[] snapshot;
    private final Map<String, int[]> at;
    private final Map<String, YamlNode> decoded = new HashMap<>();

    private Files(byte[] snapshot, Map<String, int[]> at) {
      this.snapshot = snapshot;
      this.at = at;
    }

    /** The names, {@code profiles/...}, in the order of the index they were made from. */
    public Set<String> names() {
      return Collections.unmodifiableSet(at.keySet());
    }

    /** The tree of file {@code name}, or null when the snapshot has no such file. */
    public synchronized YamlNode tree(String name) {
      YamlNode tree = decoded.get(name);
      int[] where = at.get(name);
      if (tree == null && where != null) {
        try {
          ByteBuffer in = ByteBuffer.wrap(snapshot, where[0], where[1]);
          tree = node(in);
          if (in.hasRemaining()) {
            throw new IllegalArgumentException("the tree of " + name + " ends before its length");
          }
        } catch (RuntimeException e) {
          throw damaged(e);
        }
        decoded.put(name, tree);
      }
      return tree;
    }
  }

  private static void node(DataOutputStream out, YamlNode n) throws IOException {
    if (n instanceof Scalar s) {
      out.writeByte(SCALAR);
      scalar(out, s);
    } else if (n instanceof YamlNode.Seq s) {
      out.writeByte(SEQ);
      position(out, s.tag(), s.line(), s.column());
      out.writeInt(s.items().size());
      for (YamlNode item : s.items()) {
        node(out, item);
      }
    } else {
      YamlNode.Map m = (YamlNode.Map) n;
      out.writeByte(MAP);
      position(out, m.tag(), m.line(), m.column());
      out.writeInt(m.entries().size());
      for (Entry e : m.entries().values()) {
        scalar(out, e.key());
        node(out, e.value());
      }
    }
  }

  private static void scalar(DataOutputStream out, Scalar s) throws IOException {
    position(out, s.tag(), s.line(), s.column());
    string(out, s.value());
    string(out, s.type().name());
    out.writeBoolean(s.plain());
  }

  private static void position(DataOutputStream out, String tag, int line, int column) throws IOException {
    nullable(out, tag);
    out.writeInt(line);
    out.writeInt(column);
  }

  private static YamlNode node(ByteBuffer in) {
    int kind = in.get();
    switch (kind) {
      case SCALAR:
        return scalar(in);
      case SEQ: {
        String tag = nullable(in);
        int line = in.getInt();
        int column = in.getInt();
        int n = count(in);
        List<YamlNode> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          items.add(node(in));
        }
        return new YamlNode.Seq(items, tag, line, column);
      }
      case MAP: {
        String tag = nullable(in);
        int line = in.getInt();
        int column = in.getInt();
        int n = count(in);
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          Scalar key = scalar(in);
          entries.put(key.value(), new Entry(key, node(in)));
        }
        return new YamlNode.Map(entries, tag, line, column);
      }
      default:
        throw new IllegalArgumentException("unknown node kind " + kind);
    }
  }

  private static Scalar scalar(ByteBuffer in) {
    String tag = nullable(in);
    int line = in.getInt();
    int column = in.getInt();
    String value = string(in);
    return new Scalar(value, YamlNode.Type.valueOf(string(in)), in.get() != 0, tag, line, column);
  }
}
