package dev.headroom.load;

import dev.headroom.load.YamlNode.Entry;
import dev.headroom.load.YamlNode.Scalar;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads YAML safely (DESIGN.md section 5) with SnakeYAML's composer only: no constructor ever runs,
 * so no tag can instantiate a class or read a file. On top of the composed node graph it
 *
 * <ul>
 *   <li>types plain scalars by the YAML 1.2 core schema ({@link Yaml12Resolver});
 *   <li>refuses every tag except the standard ones and those the caller allows;
 *   <li>refuses duplicate keys, naming both lines;
 *   <li>applies {@code <<} merge keys (explicit keys win; in a list of maps, earlier maps win);
 *   <li>caps nesting depth and alias expansion: the nodes an alias would add are counted (shared
 *       subtrees are converted once, so a "billion laughs" costs nothing until the cap refuses it),
 *       and a self-referencing alias is refused.
 * </ul>
 */
public final class YamlReader {

  /**
   * Limits for one read.
   *
   * @param maxNodes nodes a file may hold as written (scalars, lists, mappings, aliases): parsing
   *     stops there, before memory does. The file-size cap alone does not bound memory: 5 MiB of
   *     {@code [1,1,1,...]} is 2.6 million nodes.
   */
  public record Limits(long maxFileSize, int maxAliasNodes, int maxDepth, int maxNodes, Set<String> allowedTags) {
    /** compose-go caps node visits at 100,000; headroom caps the nodes added by aliases there. */
    public static final int DEFAULT_MAX_ALIAS_NODES = 100_000;

    public static final int DEFAULT_MAX_DEPTH = 200;

    /**
     * About twice a 5,000-service compose file written out in full; each node costs about 450 bytes
     * of heap while a file is read, so the cap also bounds memory to about 90 MiB.
     */
    public static final int DEFAULT_MAX_NODES = 200_000;

    public static Limits defaults() {
      return new Limits(Source.DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_ALIAS_NODES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES, Set.of());
    }

    public Limits withMaxFileSize(long bytes) {
      return new Limits(bytes, maxAliasNodes, maxDepth, maxNodes, allowedTags);
    }

    public Limits withMaxNodes(int nodes) {
      return new Limits(maxFileSize, maxAliasNodes, maxDepth, nodes, allowedTags);
    }

    public Limits withAllowedTags(Set<String> tags) {
      return new Limits(maxFileSize, maxAliasNodes, maxDepth, maxNodes, Set.copyOf(tags));
    }
  }

  /** Thrown by the parser wrapper when a file holds more nodes than {@link Limits#maxNodes}. */
  private static final class TooManyNodes extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Mark at;

    TooManyNodes(Mark at) {
      super(null, null, false, false);
      this.at = at;
    }
  }

  private static final String STD = "tag:yaml.org,2002:";

  private final Limits limits;

  public YamlReader(Limits limits) {
    this.limits = limits;
  }

  public YamlReader() {
    this(Limits.defaults());
  }

  public Limits limits() {
    return limits;
  }

  /** Reads a file that must hold exactly one document. */
  public YamlNode readSingle(Source source) {
    List<YamlNode> docs = readAll(source);
    if (docs.isEmpty()) {
      throw new InputException(Problem.at(source.name(), "file is empty (no YAML document)"));
    }
    if (docs.size() > 1) {
      YamlNode second = docs.get(1);
      throw new InputException(
          new Problem(source.name(), second.line(), second.column(), "", "a second YAML document; a file holds exactly one"));
    }
    return docs.get(0);
  }

  /** Reads every document of a file. Problems are thrown as one {@link InputException}. */
  public List<YamlNode> readAll(Source source) {
    try {
      return read(source);
    } catch (OutOfMemoryError e) {
      // what was being built is garbage once this unwinds; the run goes on to report it
      throw new InputException(Problem.at(source.name(),
          "too large to read in the memory this JVM has (raise -Xmx, or lower --max-file-size to refuse it sooner)"));
    }
  }

  private List<YamlNode> read(Source source) {
    if (source.bytes().length > limits.maxFileSize()) {
      throw new InputException(Problem.at(source.name(), Source.tooLarge(source.bytes().length, limits.maxFileSize())));
    }
    String text = source.text();
    refuseAmbiguousLineBreaks(source.name(), text);
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // checked below, with both lines
    options.setMaxAliasesForCollections(Integer.MAX_VALUE); // expansion is capped below, by node count
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(limits.maxDepth());
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Math.max(limits.maxFileSize(), 1) + 1));
    options.setProcessComments(false);
    List<Node> roots = new ArrayList<>();
    MarkingParser parser = null;
    try {
      parser = new MarkingParser(new ParserImpl(new WholeTextReader(text), options), limits.maxNodes());
      Composer composer = new Composer(parser, new Yaml12Resolver(), options);
      while (composer.checkNode()) {
        Node n = composer.getNode();
        if (n != null) {
          roots.add(n);
        }
      }
    } catch (MarkedYAMLException e) {
      throw new InputException(syntaxProblem(source.name(), e));
    } catch (ReaderException e) {
      throw new InputException(forbiddenCharacter(source.name(), text, e));
    } catch (YAMLException e) {
      Mark at = parser == null ? null : parser.last;
      if (at != null && e.getMessage() != null && e.getMessage().contains("Nesting Depth exceeded")) {
        // SnakeYAML says this without a position: the node it was about to compose is the last event
        throw new InputException(
            new Problem(source.name(), at.getLine() + 1, at.getColumn() + 1, "", "nested more than " + limits.maxDepth() + " levels deep"));
      }
      throw new InputException(Problem.at(source.name(), yamlMessage(e.getMessage())));
    } catch (TooManyNodes e) {
      Mark at = e.at;
      throw new InputException(new Problem(source.name(), at == null ? 0 : at.getLine() + 1, at == null ? 0 : at.getColumn() + 1,
          "", "more than " + limits.maxNodes() + " YAML nodes in one file; refused"));
    } catch (StackOverflowError e) {
      throw new InputException(Problem.at(source.name(), "nested too deeply"));
    } catch (IllegalArgumentException e) {
      // SnakeYAML's own checks outside its exceptions: a tag "!!%a" ends in an unfinished escape at
      // the end of the file, and its Tag refuses the result (found by fuzzing, docs/fuzzing.md)
      Mark at = parser == null ? null : parser.last;
      throw new InputException(new Problem(source.name(), at == null ? 0 : at.getLine() + 1, at == null ? 0 : at.getColumn() + 1,
          "", String.valueOf(e.getMessage()).startsWith("Tag ")
              ? "YAML syntax: an incomplete tag (an escape such as %2F needs two hexadecimal digits)"
              : "YAML syntax: " + e.getMessage()));
    }
    List<YamlNode> docs = new ArrayList<>();
    for (Node root : roots) {
      docs.add(new Converter(source.name()).convertRoot(root));
    }
    return docs;
  }

  /** Remembers where the last event it handed out starts, for errors SnakeYAML raises without a position. */
  private static final class MarkingParser implements Parser {
    private final Parser parser;
    private final int maxNodes;
    private int nodes;
    private Mark last;

    MarkingParser(Parser parser, int maxNodes) {
      this.parser = parser;
      this.maxNodes = maxNodes;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
      return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
      return seen(parser.peekEvent());
    }

    @Override
    public Event getEvent() {
      Event e = seen(parser.getEvent());
      if (e != null && (e.is(Event.ID.Scalar) || e.is(Event.ID.SequenceStart) || e.is(Event.ID.MappingStart)
          || e.is(Event.ID.Alias)) && ++nodes > maxNodes) {
        throw new TooManyNodes(e.getStartMark());
      }
      return e;
    }

    private Event seen(Event e) {
      if (e != null && e.getStartMark() != null) {
        last = e.getStartMark();
      }
      return e;
    }
  }

  private static Problem syntaxProblem(String file, MarkedYAMLException e) {
    Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
    String context = e.getContext() == null ? "" : " (" + e.getContext().strip() + ")";
    if (m == null) {
      return Problem.at(file, "YAML syntax: " + problem + context);
    }
    return new Problem(file, m.getLine() + 1, m.getColumn() + 1, "", "YAML syntax: " + problem + context);
  }

  /**
   * NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029) break lines in YAML 1.1,
   * which SnakeYAML follows, and not in YAML 1.2: the same file would mean two things, and every
   * line number after one would be off. Refused, with where it is.
   */
  private static void refuseAmbiguousLineBreaks(String file, String text) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0085' || c == '\u2028' || c == '\u2029') {
        throw new InputException(new Problem(file, line, column, "", "character U+" + String.format("%04X", (int) c)
            + " is a line break in YAML 1.1 and not in YAML 1.2; remove it or write a plain newline"));
      }
      if (c == '\n') {
        line++;
        column = 1;
      } else if (!Character.isLowSurrogate(c)) {
        column++;
      }
    }
  }

  /** A character YAML does not allow, at its line and column ({@code position} counts code points). */
  private static Problem forbiddenCharacter(String file, String text, ReaderException e) {
    int line = 1;
    int column = 1;
    int i = 0;
    for (int cp = 0; cp < e.getPosition() && i < text.length(); cp++) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\n' || c == '\r' && (i >= text.length() || text.charAt(i) != '\n')) {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new Problem(file, line, column, "", "character U+" + String.format("%04X", e.getCodePoint()) + " is not allowed in YAML");
  }

  private static String yamlMessage(String msg) {
    if (msg == null) {
      return "invalid YAML";
    }
    if (msg.contains("Nesting Depth exceeded")) {
      return "YAML nested too deeply (more than the limit of levels)";
    }
    if (msg.contains("code point")) {
      return "file is too large to parse";
    }
    return "YAML: " + msg;
  }

  /** Converts one document; shared subtrees (aliases) are converted once and counted each time. */
  private final class Converter {
    private final String file;
    private final IdentityHashMap<Node, YamlNode> done = new IdentityHashMap<>();
    private final IdentityHashMap<YamlNode, Long> sizes = new IdentityHashMap<>();
    /** Levels below a converted node, so that a subtree reached again through an alias obeys the depth cap. */
    private final IdentityHashMap<YamlNode, Integer> heights = new IdentityHashMap<>();
    private final Set<Node> inProgress = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private long aliasNodes;

    Converter(String file) {
      this.file = file;
    }

    YamlNode convertRoot(Node root) {
      return convert(root, 0, "");
    }

    private InputException error(Node at, String path, String reason) {
      Mark m = at.getStartMark();
      return new InputException(new Problem(file, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, path, reason));
    }

    private YamlNode convert(Node node, int depth, String path) {
      if (depth > limits.maxDepth()) {
        throw error(node, path, "nested more than " + limits.maxDepth() + " levels deep");
      }
      if (inProgress.contains(node)) {
        throw error(node, path, "self-referencing alias (the anchor contains itself)");
      }
      YamlNode seen = done.get(node);
      if (seen != null) {
        if (depth + heights.get(seen) > limits.maxDepth()) {
          throw error(node, path, "nested more than " + limits.maxDepth() + " levels deep (through an alias)");
        }
        aliasNodes += sizes.get(seen);
        if (aliasNodes > limits.maxAliasNodes()) {
          throw error(node, path,
              "aliases expand to more than " + limits.maxAliasNodes() + " nodes; refused (an alias bomb?)");
        }
        return seen;
      }
      inProgress.add(node);
      YamlNode result;
      long size;
      int height = 0;
      if (node instanceof ScalarNode s) {
        result = scalar(s, path);
        size = 1;
      } else if (node instanceof SequenceNode seq) {
        String tag = collectionTag(seq, Tag.SEQ, path);
        List<YamlNode> items = new ArrayList<>(seq.getValue().size());
        size = 1;
        int i = 0;
        for (Node child : seq.getValue()) {
          YamlNode c = convert(child, depth + 1, path + "[" + i++ + "]");
          items.add(c);
          size += sizes.get(c);
          height = Math.max(height, 1 + heights.get(c));
        }
        Mark m = seq.getStartMark();
        result = new YamlNode.Seq(items, tag, m.getLine() + 1, m.getColumn() + 1);
      } else if (node instanceof MappingNode map) {
        result = mapping(map, depth, path);
        size = 1;
        for (Entry e : ((YamlNode.Map) result).entries().values()) {
          size += 1 + sizes.get(e.value());
          height = Math.max(height, 1 + heights.get(e.value()));
        }
      } else {
        throw error(node, path, "unsupported YAML node");
      }
      inProgress.remove(node);
      done.put(node, result);
      sizes.put(result, size);
      heights.put(result, height);
      return result;
    }

    private String collectionTag(Node n, Tag standard, String path) {
      Tag t = n.getTag();
      if (t.equals(standard)) {
        return null;
      }
      String v = t.getValue();
      if (limits.allowedTags().contains(v)) {
        return v;
      }
      throw error(n, path, "tag " + shortTag(v) + " is not allowed here; headroom reads plain YAML only");
    }

    private Scalar scalar(ScalarNode s, String path) {
      Mark m = s.getStartMark();
      int line = m.getLine() + 1;
      int col = m.getColumn() + 1;
      boolean plain = s.isPlain();
      String tagValue = s.getTag().getValue();
      String value = s.getValue();
      YamlNode.Type type;
      String customTag = null;
      switch (tagValue) {
        case STD + "str" -> type = YamlNode.Type.STRING;
        case STD + "null" -> type = YamlNode.Type.NULL;
        case STD + "bool" -> type = checkedType(s, YamlNode.Type.BOOL, Yaml12Resolver.BOOL12, path);
        case STD + "int" -> type = checkedType(s, YamlNode.Type.INT, Yaml12Resolver.INT12, path);
        case STD + "float" -> type = checkedType(s, YamlNode.Type.FLOAT, Yaml12Resolver.FLOAT12, path);
        case STD + "merge" -> type = YamlNode.Type.STRING;
        default -> {
          if (!limits.allowedTags().contains(tagValue)) {
            throw error(s, path, "tag " + shortTag(tagValue) + " is not allowed; headroom reads plain YAML only");
          }
          customTag = tagValue;
          Tag implicit = new Yaml12Resolver().resolve(org.yaml.snakeyaml.nodes.NodeId.scalar, value, plain);
          type = typeOf(implicit);
        }
      }
      return new Scalar(value, type, plain, customTag, line, col);
    }

    /** An explicit {@code !!int}, {@code !!bool} or {@code !!float} must have that type's form. */
    private YamlNode.Type checkedType(ScalarNode s, YamlNode.Type type, java.util.regex.Pattern form, String path) {
      if (!form.matcher(s.getValue()).matches()) {
        throw error(s, path, "'" + s.getValue() + "' is not a valid " + type.name().toLowerCase(java.util.Locale.ROOT));
      }
      return type;
    }

    private YamlNode.Type typeOf(Tag t) {
      if (t.equals(Tag.BOOL)) {
        return YamlNode.Type.BOOL;
      } else if (t.equals(Tag.INT)) {
        return YamlNode.Type.INT;
      } else if (t.equals(Tag.FLOAT)) {
        return YamlNode.Type.FLOAT;
      } else if (t.equals(Tag.NULL)) {
        return YamlNode.Type.NULL;
      }
      return YamlNode.Type.STRING;
    }

    private YamlNode.Map mapping(MappingNode map, int depth, String path) {
      String tag = collectionTag(map, Tag.MAP, path);
      LinkedHashMap<String, Entry> explicit = new LinkedHashMap<>();
      List<YamlNode> mergeSources = new ArrayList<>();
      Node mergeKeySeen = null;
      for (NodeTuple t : map.getValue()) {
        Node k = t.getKeyNode();
        if (!(k instanceof ScalarNode ks)) {
          throw error(k, path, "a key must be a plain value, not " + (k instanceof SequenceNode ? "a list" : "a mapping"));
        }
        if (ks.isPlain() && ks.getValue().equals("<<") && ks.getTag().equals(Tag.MERGE)) {
          if (mergeKeySeen != null) {
            throw error(k, path, "duplicate key '<<' (first at line " + (mergeKeySeen.getStartMark().getLine() + 1) + ")");
          }
          mergeKeySeen = k;
          YamlNode v = convert(t.getValueNode(), depth + 1, join(path, "<<"));
          if (v instanceof YamlNode.Map) {
            mergeSources.add(v);
          } else if (v instanceof YamlNode.Seq seq) {
            for (YamlNode item : seq.items()) {
              if (!(item instanceof YamlNode.Map)) {
                throw error(t.getValueNode(), join(path, "<<"), "a merge key takes a mapping or a list of mappings, found " + YamlNode.describe(item));
              }
              mergeSources.add(item);
            }
          } else {
            throw error(t.getValueNode(), join(path, "<<"), "a merge key takes a mapping or a list of mappings, found " + YamlNode.describe(v));
          }
          continue;
        }
        Scalar key = (Scalar) convert(ks, depth + 1, path);
        if (key.type() == YamlNode.Type.NULL && key.plain() && key.value().isEmpty()) {
          throw error(k, path, "empty key");
        }
        String name = key.value();
        Entry previous = explicit.get(name);
        if (previous != null) {
          boolean sameLine = previous.key().line() == key.line();
          throw error(k, join(path, name), "duplicate key '" + name + "' (" + (sameLine
              ? "first at line " + key.line() + " column " + previous.key().column() + ", again at column " + key.column()
              : "first at line " + previous.key().line() + ", again at line " + key.line()) + ")");
        }
        YamlNode value = convert(t.getValueNode(), depth + 1, join(path, name));
        explicit.put(name, new Entry(key, value));
      }
      Mark m = map.getStartMark();
      if (mergeSources.isEmpty()) {
        return new YamlNode.Map(explicit, tag, m.getLine() + 1, m.getColumn() + 1);
      }
      // explicit keys first win, then merge sources in order (earlier sources win)
      LinkedHashMap<String, Entry> merged = new LinkedHashMap<>();
      for (YamlNode src : mergeSources) {
        for (Map.Entry<String, Entry> e : ((YamlNode.Map) src).entries().entrySet()) {
          merged.putIfAbsent(e.getKey(), e.getValue());
        }
      }
      LinkedHashMap<String, Entry> result = new LinkedHashMap<>();
      for (Map.Entry<String, Entry> e : merged.entrySet()) {
        if (!explicit.containsKey(e.getKey())) {
          result.put(e.getKey(), e.getValue());
        }
      }
      result.putAll(explicit);
      return new YamlNode.Map(result, tag, m.getLine() + 1, m.getColumn() + 1);
    }
  }

  private static final java.util.regex.Pattern PLAIN_KEY = java.util.regex.Pattern.compile("[A-Za-z0-9_<-][A-Za-z0-9_.<>-]*");

  static String join(String path, String key) {
    String k = PLAIN_KEY.matcher(key).matches() ? key : '"' + key.replace("\"", "\\\"") + '"';
    return path.isEmpty() ? k : path + "." + k;
  }

  private static String shortTag(String t) {
    return t.startsWith(STD) ? "!!" + t.substring(STD.length()) : t;
  }
}
