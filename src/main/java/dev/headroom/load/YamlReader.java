package dev.headroom.load;

import dev.headroom.load.YamlNode.Entry;
import dev.headroom.load.YamlNode.Scalar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads YAML safely (DESIGN.md section 5) from SnakeYAML's parser events only: no composer or
 * constructor ever runs, so no tag can instantiate a class or read a file. Building the nodes from
 * the events, it
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
     * 29 times the largest compose file of the corpus, or 5,000 services of 20 nodes. At the cap,
     * the costliest shape of file is checked in 38 MiB of heap (bench/memory.sh, docs/security.md),
     * so every command works with -Xmx64m.
     */
    public static final int DEFAULT_MAX_NODES = 100_000;

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
    // duplicate keys, aliases and nesting are the builder's: the parser keeps no tree and does not recurse
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Math.max(limits.maxFileSize(), 1) + 1));
    options.setProcessComments(false);
    List<YamlNode> docs = new ArrayList<>();
    MarkingParser parser = null;
    try {
      parser = new MarkingParser(new ParserImpl(new WholeTextReader(text), options), limits.maxNodes());
      Builder builder = new Builder(source.name(), parser);
      parser.getEvent(); // the start of the stream
      while (!parser.checkEvent(Event.ID.StreamEnd)) {
        docs.add(builder.document());
      }
    } catch (MarkedYAMLException e) {
      throw new InputException(syntaxProblem(source.name(), e));
    } catch (ReaderException e) {
      throw new InputException(forbiddenCharacter(source.name(), text, e));
    } catch (YAMLException e) {
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
    // String.indexOf is the JDK's own fast search: the text is walked again only to place a find
    int at = -1;
    for (char c : new char[] {'\u0085', '\u2028', '\u2029'}) {
      int i = text.indexOf(c);
      if (i >= 0 && (at < 0 || i < at)) {
        at = i;
      }
    }
    if (at < 0) {
      return;
    }
    int line = 1;
    int column = 1;
    for (int i = 0; i < at; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        column = 1;
      } else if (!Character.isLowSurrogate(c)) {
        column++;
      }
    }
    throw new InputException(new Problem(file, line, column, "", "character U+" + String.format("%04X", (int) text.charAt(at))
        + " is a line break in YAML 1.1 and not in YAML 1.2; remove it or write a plain newline"));
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
    if (msg.contains("code point")) {
      return "file is too large to parse";
    }
    return "YAML: " + msg;
  }

  /**
   * Builds the nodes of a document straight from the parser's events. No intermediate graph is
   * kept, so reading a file costs about the nodes it returns. A subtree reached again through an
   * alias is the same node, built once and counted each time.
   */
  private final class Builder {
    private final String file;
    private final Parser parser;
    private final Yaml12Resolver resolver = new Yaml12Resolver();
    /** The anchors seen so far in the document; an anchor defined again replaces the earlier one, as YAML says. */
    private final HashMap<String, Anchored> anchors = new HashMap<>();
    private long aliasNodes;

    Builder(String file, Parser parser) {
      this.file = file;
      this.parser = parser;
    }

    /** A node with what an alias to it adds: its nodes, and the levels below it. */
    private record Built(YamlNode node, long size, int height) {}

    /** An anchored node; {@code built} is null while it is still being built, so an alias to it then refers to itself. */
    private static final class Anchored {
      private Built built;
    }

    YamlNode document() {
      parser.getEvent(); // the start of the document
      Built root = node(0, At.ROOT);
      parser.getEvent(); // its end
      anchors.clear();
      aliasNodes = 0;
      return root.node();
    }

    private InputException error(Mark m, At path, String reason) {
      return error(m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, path, reason);
    }

    private InputException error(int line, int column, At path, String reason) {
      return new InputException(new Problem(file, line, column, path.toString(), reason));
    }

    private Built node(int depth, At path) {
      Event event = parser.getEvent();
      if (event instanceof AliasEvent alias) {
        return alias(alias, depth, path);
      }
      if (depth > limits.maxDepth()) {
        throw error(event.getStartMark(), At.ROOT, "nested more than " + limits.maxDepth() + " levels deep");
      }
      String anchor = event instanceof NodeEvent n ? n.getAnchor() : null;
      Anchored slot = null;
      if (anchor != null) {
        slot = new Anchored();
        anchors.put(anchor, slot);
      }
      Built built;
      if (event instanceof ScalarEvent scalar) {
        built = new Built(scalar(scalar, path), 1, 0);
      } else if (event instanceof SequenceStartEvent seq) {
        built = sequence(seq, depth, path);
      } else if (event instanceof MappingStartEvent map) {
        built = mapping(map, depth, path);
      } else {
        throw error(event.getStartMark(), path, "unsupported YAML node");
      }
      if (slot != null) {
        slot.built = built;
      }
      return built;
    }

    private Built alias(AliasEvent event, int depth, At path) {
      Mark m = event.getStartMark();
      Anchored slot = anchors.get(event.getAnchor());
      if (slot == null) {
        throw error(m, At.ROOT, "YAML syntax: found undefined alias " + event.getAnchor());
      }
      Built seen = slot.built;
      if (seen == null) {
        throw error(m, path, "self-referencing alias (the anchor contains itself)");
      }
      if (depth + seen.height() > limits.maxDepth()) {
        throw error(m, path, "nested more than " + limits.maxDepth() + " levels deep (through an alias)");
      }
      aliasNodes += seen.size();
      if (aliasNodes > limits.maxAliasNodes()) {
        throw error(m, path, "aliases expand to more than " + limits.maxAliasNodes() + " nodes; refused (an alias bomb?)");
      }
      return seen;
    }

    private Built sequence(SequenceStartEvent start, int depth, At path) {
      String tag = collectionTag(start, Tag.SEQ, path);
      List<YamlNode> items = new ArrayList<>();
      long size = 1;
      int height = 0;
      while (!parser.checkEvent(Event.ID.SequenceEnd)) {
        Built item = node(depth + 1, path.item(items.size()));
        items.add(item.node());
        size += item.size();
        height = Math.max(height, 1 + item.height());
      }
      parser.getEvent();
      Mark m = start.getStartMark();
      return new Built(new YamlNode.Seq(items, tag, m.getLine() + 1, m.getColumn() + 1), size, height);
    }

    private String collectionTag(CollectionStartEvent start, Tag standard, At path) {
      String t = validTag(start.getTag());
      if (t == null || t.equals("!") || t.equals(standard.getValue())) {
        return null;
      }
      if (limits.allowedTags().contains(t)) {
        return t;
      }
      throw error(start.getStartMark(), path, "tag " + shortTag(t) + " is not allowed here; headroom reads plain YAML only");
    }

    private Scalar scalar(ScalarEvent s, At path) {
      Mark m = s.getStartMark();
      int line = m.getLine() + 1;
      int col = m.getColumn() + 1;
      boolean plain = s.isPlain();
      String value = s.getValue();
      String tag = validTag(s.getTag());
      // no tag: typed by the YAML 1.2 core schema; the non-specific tag "!" makes a string
      String tagValue = tag == null ? resolver.resolve(NodeId.scalar, value, s.getImplicit().canOmitTagInPlainScalar()).getValue()
          : tag.equals("!") ? STD + "str" : tag;
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
            throw error(m, path, "tag " + shortTag(tagValue) + " is not allowed; headroom reads plain YAML only");
          }
          customTag = tagValue;
          type = typeOf(resolver.resolve(NodeId.scalar, value, plain));
        }
      }
      return new Scalar(value, type, plain, customTag, line, col);
    }

    /**
     * A tag as SnakeYAML's {@link Tag} accepts it; its refusal (an escape cut short, as in {@code
     * !!%a}) is reported as an incomplete tag.
     */
    private String validTag(String tag) {
      return tag == null || tag.equals("!") ? tag : new Tag(tag).getValue();
    }

    /** An explicit {@code !!int}, {@code !!bool} or {@code !!float} must have that type's form. */
    private YamlNode.Type checkedType(ScalarEvent s, YamlNode.Type type, java.util.regex.Pattern form, At path) {
      if (!form.matcher(s.getValue()).matches()) {
        throw error(s.getStartMark(), path, "'" + s.getValue() + "' is not a valid " + type.name().toLowerCase(java.util.Locale.ROOT));
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

    /** A plain {@code <<}, untagged or tagged {@code !!merge}, is a merge key (the YAML 1.1 merge type compose uses). */
    private boolean isMergeKey(Event key) {
      return key instanceof ScalarEvent s && s.isPlain() && s.getValue().equals("<<")
          && (s.getTag() == null || s.getTag().equals(Tag.MERGE.getValue()));
    }

    private Built mapping(MappingStartEvent start, int depth, At path) {
      String tag = collectionTag(start, Tag.MAP, path);
      LinkedHashMap<String, Entry> explicit = new LinkedHashMap<>();
      List<YamlNode> mergeSources = new ArrayList<>();
      int mergeLine = 0;
      long size = 1;
      int height = 0;
      while (!parser.checkEvent(Event.ID.MappingEnd)) {
        Event keyEvent = parser.peekEvent();
        Mark km = keyEvent.getStartMark();
        if (isMergeKey(keyEvent)) {
          parser.getEvent();
          if (mergeLine != 0) {
            throw error(km, path, "duplicate key '<<' (first at line " + mergeLine + ")");
          }
          mergeLine = km.getLine() + 1;
          At mergePath = path.key("<<");
          Mark vm = parser.peekEvent().getStartMark();
          Built v = node(depth + 1, mergePath);
          size += 1 + v.size();
          height = Math.max(height, v.height());
          if (v.node() instanceof YamlNode.Map) {
            mergeSources.add(v.node());
          } else if (v.node() instanceof YamlNode.Seq seq) {
            for (YamlNode item : seq.items()) {
              if (!(item instanceof YamlNode.Map)) {
                throw error(vm, mergePath, "a merge key takes a mapping or a list of mappings, found " + YamlNode.describe(item));
              }
              mergeSources.add(item);
            }
          } else {
            throw error(vm, mergePath, "a merge key takes a mapping or a list of mappings, found " + YamlNode.describe(v.node()));
          }
          continue;
        }
        if (keyEvent instanceof CollectionStartEvent) {
          throw error(km, path, "a key must be a plain value, not " + (keyEvent instanceof SequenceStartEvent ? "a list" : "a mapping"));
        }
        YamlNode k = node(depth + 1, path).node();
        if (!(k instanceof Scalar key)) {
          throw error(km, path, "a key must be a plain value, not " + YamlNode.describe(k));
        }
        if (keyEvent instanceof AliasEvent) {
          // the anchored scalar, at the alias's place
          key = new Scalar(key.value(), key.type(), key.plain(), key.tag(), km.getLine() + 1, km.getColumn() + 1);
        }
        if (key.type() == YamlNode.Type.NULL && key.plain() && key.value().isEmpty()) {
          throw error(km, path, "empty key");
        }
        String name = key.value();
        Entry previous = explicit.get(name);
        if (previous != null) {
          boolean sameLine = previous.key().line() == key.line();
          throw error(km, path.key(name), "duplicate key '" + name + "' (" + (sameLine
              ? "first at line " + key.line() + " column " + previous.key().column() + ", again at column " + key.column()
              : "first at line " + previous.key().line() + ", again at line " + key.line()) + ")");
        }
        Built value = node(depth + 1, path.key(name));
        explicit.put(name, new Entry(key, value.node()));
        size += 1 + value.size();
        height = Math.max(height, 1 + value.height());
      }
      parser.getEvent();
      Mark m = start.getStartMark();
      if (mergeSources.isEmpty()) {
        return new Built(new YamlNode.Map(explicit, tag, m.getLine() + 1, m.getColumn() + 1), size, height);
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
      return new Built(new YamlNode.Map(result, tag, m.getLine() + 1, m.getColumn() + 1), size, height);
    }
  }

  private static final java.util.regex.Pattern PLAIN_KEY = java.util.regex.Pattern.compile("[A-Za-z0-9_<-][A-Za-z0-9_.<>-]*");

  /**
   * Where a node is, for a message: kept as a chain and written out only when a message needs it,
   * not joined into a string for every key of every file.
   */
  private static final class At {
    static final At ROOT = new At(null, null, 0);

    private final At parent;
    private final String key;
    private final int index;

    private At(At parent, String key, int index) {
      this.parent = parent;
      this.key = key;
      this.index = index;
    }

    At key(String k) {
      return new At(this, k, 0);
    }

    At item(int i) {
      return new At(this, null, i);
    }

    @Override
    public String toString() {
      if (parent == null) {
        return "";
      }
      String p = parent.toString();
      return key != null ? join(p, key) : p + "[" + index + "]";
    }
  }

  static String join(String path, String key) {
    String k = PLAIN_KEY.matcher(key).matches() ? key : '"' + key.replace("\"", "\\\"") + '"';
    return path.isEmpty() ? k : path + "." + k;
  }

  private static String shortTag(String t) {
    return t.startsWith(STD) ? "!!" + t.substring(STD.length()) : t;
  }
}
