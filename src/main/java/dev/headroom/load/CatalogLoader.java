package dev.headroom.load;

import dev.headroom.load.CatalogFileReader.Entry;
import dev.headroom.load.CatalogFileReader.Identity;
import dev.headroom.load.CatalogFileReader.Ref;
import dev.headroom.model.Catalog;
import dev.headroom.model.Host;
import dev.headroom.model.Optimization;
import dev.headroom.model.Origin;
import dev.headroom.model.Scenario;
import dev.headroom.model.Service;
import dev.headroom.model.Stack;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads the catalog in layers: the built-in files (inside the jar, sources in {@code profiles/}),
 * then each user catalog ({@code HEADROOM_CATALOG}, then {@code --catalog}) in order. A later layer
 * overrides an id of the same kind from an earlier one; two files of one layer with the same kind
 * and id are an error. References are checked on the merged result. Every problem of every file is
 * collected before anything is thrown.
 */
public final class CatalogLoader {

  /** Lists the built-in files; a test keeps it equal to the contents of {@code profiles/}. */
  public static final String BUILTIN_INDEX = "profiles/index.txt";

  private static final int MAX_WALK_DEPTH = 16;
  private static final int MAX_FILES = 10_000;

  /** The merged catalog, the files it came from, and what each layer held. */
  public record Result(Catalog catalog, List<Path> files, int fileCount) {}

  private final YamlReader yaml;
  private final CatalogFileReader reader;
  /** The built-in files are headroom's own: read with the default limits whatever --max-file-size says. */
  private final CatalogFileReader builtinReader = new CatalogFileReader(new YamlReader());

  /** The user's catalog files the last load read, also when it failed: an output must not replace one. */
  private List<Path> filesRead = List.of();

  public List<Path> filesRead() {
    return filesRead;
  }

  public CatalogLoader(YamlReader yaml) {
    this.yaml = yaml;
    this.reader = new CatalogFileReader(yaml);
  }

  /** Built-in catalog plus {@code userCatalogs} (files or directories), later ones winning. */
  public Result load(List<Path> userCatalogs) {
    return load(true, userCatalogs);
  }

  public Result load(boolean builtin, List<Path> userCatalogs) {
    return load(builtin, BUILTIN_PARTS, userCatalogs);
  }

  /** The directories of the built-in catalog: a host, a service or a stack file is in its kind's. */
  public static final Set<String> BUILTIN_PARTS = Set.of("hosts", "services", "stacks");

  /**
   * Only the built-in files of {@code parts} (hosts and services refer to nothing outside their
   * kind), when no user catalog is given: a command that reads hosts alone does not parse 29
   * service files (docs/performance.md). A user catalog may refer to any built-in file, so with one
   * every built-in file is loaded.
   */
  public Result load(Set<String> parts, List<Path> userCatalogs) {
    return load(true, userCatalogs.isEmpty() ? parts : BUILTIN_PARTS, userCatalogs);
  }

  /**
   * What a plan of {@code stackId} (null: the default stack) on {@code hostIds} reads. With no
   * user catalog, that is only the built-in files it names: the hosts, the stack, and the services
   * and hosts the stack refers to, found by file name (a test keeps each built-in file named after
   * its kind and id). The default stack is the stack file whose {@code default} is true. When an
   * id is not found that way (unknown, or {@code all}), everything is loaded, so that messages and
   * suggestions are those of a full load. The result differs from {@link #load(List)} only in the
   * entries and files it leaves out (docs/performance.md).
   */
  public Result loadFor(List<String> hostIds, String stackId, List<Path> userCatalogs) {
    NodeSnapshot.Files trees = BuiltinTrees.TREES;
    if (!userCatalogs.isEmpty() || trees == null) {
      return load(userCatalogs);
    }
    Entry stack = null;
    for (String name : trees.names()) {
      boolean candidate = stackId == null
          ? name.startsWith("profiles/stacks/") && trees.tree(name) instanceof YamlNode.Map m
              && m.get("default") instanceof YamlNode.Scalar d && d.type() == YamlNode.Type.BOOL && "true".equalsIgnoreCase(d.value())
          : name.equals(builtinFile("stacks", stackId));
      if (!candidate) {
        continue;
      }
      // the model decides: a file that only looked like the default stack is not taken
      Entry e = builtinReader.read(new Source(name, null, new byte[0]), trees.tree(name), new Problems(), new ArrayList<>());
      if (e != null && (stackId != null || ((Stack) e.value()).isDefault())) {
        stack = e;
        break;
      }
    }
    if (stack == null) {
      return load(userCatalogs);
    }
    Set<String> wanted = new HashSet<>();
    wanted.add(stack.source().name());
    for (String id : hostIds) {
      wanted.add(builtinFile("hosts", id));
    }
    for (Ref r : stack.refs()) {
      switch (r.kind()) {
        case SERVICE -> wanted.add(builtinFile("services", r.id()));
        case HOST -> wanted.add(builtinFile("hosts", r.id()));
        default -> {
          // a stack's own member or a service's optimization: in files already wanted
        }
      }
    }
    if (!trees.names().containsAll(wanted)) {
      return load(userCatalogs);
    }
    List<Source> layer = new ArrayList<>();
    for (String name : trees.names()) {
      if (wanted.contains(name)) {
        layer.add(new Source(name, null, new byte[0]));
      }
    }
    Problems problems = new Problems();
    Catalog catalog = merge(List.of(layer), Map.of(stack.source().name(), stack), problems);
    problems.throwIfAny();
    return new Result(catalog, List.of(), layer.size());
  }

  private static String builtinFile(String dir, String id) {
    return "profiles/" + dir + "/" + id + ".yaml";
  }

  private Result load(boolean builtin, Set<String> parts, List<Path> userCatalogs) {
    Problems problems = new Problems();
    List<List<Source>> layers = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    if (builtin) {
      layers.add(builtinSources(parts, problems));
    }
    for (Path p : userCatalogs) {
      List<Source> layer = userSources(p, problems);
      layer.stream().map(Source::path).forEach(files::add);
      layers.add(layer);
    }
    filesRead = List.copyOf(files);
    Catalog catalog = merge(layers, problems);
    problems.throwIfAny();
    int count = layers.stream().mapToInt(List::size).sum();
    return new Result(catalog, files, count);
  }

  // ------------------------------------------------------------------ sources

  private List<Source> builtinSources(Set<String> parts, Problems problems) {
    List<Source> sources = new ArrayList<>();
    NodeSnapshot.Files snapshot = BuiltinTrees.TREES;
    for (String rel : snapshot == null ? builtinIndex() : snapshotIndex(snapshot)) {
      if (!parts.contains(rel.substring(0, Math.max(0, rel.indexOf('/'))))) {
        continue;
      }
      String resource = "profiles/" + rel;
      if (snapshot != null) {
        sources.add(new Source(resource, null, new byte[0]));
        continue;
      }
      Source source = builtinSource(resource);
      if (source == null) {
        problems.add(Problem.at(resource, "built-in catalog file is missing from the jar"));
      } else {
        sources.add(source);
      }
    }
    return sources;
  }

  /** A built-in file's bytes from the jar, or null when the jar lacks it. */
  static Source builtinSource(String resource) {
    try (InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? null : new Source(resource, null, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> snapshotIndex(NodeSnapshot.Files snapshot) {
    List<String> out = new ArrayList<>();
    for (String name : snapshot.names()) {
      out.add(name.substring("profiles/".length()));
    }
    return out;
  }

  /**
   * The built-in files' trees from the snapshot the build made ({@link NodeSnapshot}), decoded on
   * first use and shared (they are immutable); null when the jar has none (a run from an IDE's
   * classes) or one whose index cannot be read, and then the files are parsed as before.
   */
  private static final class BuiltinTrees {
    static final NodeSnapshot.Files TREES = read();

    private static NodeSnapshot.Files read() {
      try (InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(NodeSnapshot.RESOURCE)) {
        return in == null ? null : NodeSnapshot.read(in.readAllBytes());
      } catch (IOException | IllegalStateException e) {
        return null;
      }
    }
  }

  /** The relative paths listed in {@code profiles/index.txt}. */
  public static List<String> builtinIndex() {
    try (InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(BUILTIN_INDEX)) {
      if (in == null) {
        throw new IllegalStateException("the built-in catalog index " + BUILTIN_INDEX + " is missing from the jar");
      }
      List<String> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("#")) {
          out.add(l);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Source> userSources(Path root, Problems problems) {
    String rootName = root.toString();
    List<Source> out = new ArrayList<>();
    if (!Files.exists(root)) {
      problems.add(Problem.at(rootName, "no such file or directory (given as a catalog)"));
      return out;
    }
    if (!Files.isDirectory(root)) {
      readInto(root, rootName, out, problems);
      return out;
    }
    List<Path> found;
    // symbolic links are followed (a catalog linked in by a dotfile manager is a catalog); a link
    // that loops back is an error, not a hang
    try (Stream<Path> walk = Files.walk(root, MAX_WALK_DEPTH, FileVisitOption.FOLLOW_LINKS)) {
      found =
          walk.filter(p -> Files.isRegularFile(p))
              .filter(p -> isYaml(p.getFileName().toString()))
              .filter(p -> !isHidden(root.relativize(p)))
              .sorted()
              .limit(MAX_FILES + 1L)
              .toList();
    } catch (IOException | UncheckedIOException e) {
      Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
      problems.add(Problem.at(rootName, cause instanceof java.nio.file.FileSystemLoopException
          ? "a symbolic link loops back into the directory (" + cause.getMessage() + ")"
          : "cannot list the directory: " + cause.getMessage()));
      return out;
    }
    if (found.size() > MAX_FILES) {
      problems.add(Problem.at(rootName, "holds more than " + MAX_FILES + " YAML files; point --catalog at a smaller directory"));
      return out;
    }
    if (found.isEmpty()) {
      problems.add(Problem.at(rootName, "holds no .yaml or .yml files"));
    }
    for (Path p : found) {
      readInto(p, p.toString(), out, problems);
    }
    return out;
  }

  private void readInto(Path p, String name, List<Source> out, Problems problems) {
    try {
      out.add(Source.read(p, name, yaml.limits().maxFileSize()));
    } catch (InputException e) {
      problems.addAll(e.problems());
    }
  }

  private static boolean isYaml(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }

  private static boolean isHidden(Path rel) {
    for (Path part : rel) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ merge and check

  private Catalog merge(List<List<Source>> layers, Problems problems) {
    return merge(layers, Map.of(), problems);
  }

  /** {@code read}: built-in files already read, by name, so that they are not read again. */
  private Catalog merge(List<List<Source>> layers, Map<String, Entry> read, Problems problems) {
    Map<String, Entry> hosts = new LinkedHashMap<>();
    Map<String, Entry> services = new LinkedHashMap<>();
    Map<String, Entry> stacks = new LinkedHashMap<>();
    Map<String, Integer> stackLayer = new HashMap<>();
    Set<String> broken = new HashSet<>();
    List<Identity> brokenStacks = new ArrayList<>();
    int layerNo = 0;
    for (List<Source> layer : layers) {
      Map<String, Entry> inLayer = new HashMap<>();
      List<Entry> defaults = new ArrayList<>();
      for (Source src : layer) {
        List<Identity> identity = new ArrayList<>();
        YamlNode tree = src.path() == null && BuiltinTrees.TREES != null ? BuiltinTrees.TREES.tree(src.name()) : null;
        Entry e = src.path() == null && read.containsKey(src.name()) ? read.get(src.name())
            : tree != null ? builtinReader.read(src, tree, problems, identity)
            : (src.path() == null ? builtinReader : reader).read(src, problems, identity);
        if (e == null) {
          for (Identity i : identity) {
            broken.add(i.kind() + "/" + i.id());
            if (i.partial() != null) {
              brokenStacks.add(i);
            }
          }
          continue;
        }
        String key = e.kind() + "/" + e.id();
        Entry first = inLayer.putIfAbsent(key, e);
        if (first != null) {
          problems.add(at(e.idAt(), "id", e.kind() + " id '" + e.id() + "' is also defined in " + first.idAt()));
          continue;
        }
        switch (e.kind()) {
          case "host" -> hosts.put(e.id(), e);
          case "service" -> services.put(e.id(), e);
          default -> {
            stacks.put(e.id(), e);
            stackLayer.put(e.id(), layerNo);
            if (((Stack) e.value()).isDefault()) {
              defaults.add(e);
            }
          }
        }
      }
      for (Entry again : defaults.subList(Math.min(1, defaults.size()), defaults.size())) {
        Entry first = defaults.get(0);
        problems.add(at(again.defaultAt(), "default",
            "stack '" + again.id() + "' is marked default, and so is '" + first.id() + "' in " + first.defaultAt()
                + "; only one stack of a catalog can be the default"));
      }
      layerNo++;
    }
    Map<String, Service> serviceModels = new LinkedHashMap<>();
    services.forEach((id, e) -> serviceModels.put(id, (Service) e.value()));
    for (Entry e : stacks.values()) {
      checkRefs((Stack) e.value(), e.refs(), serviceModels, hosts.keySet(), broken, problems);
      checkScenarioDuplicates((Stack) e.value(), problems);
      checkSums((Stack) e.value(), serviceModels, problems);
    }
    // a broken stack is not loaded, but what it names is still checked, so one run reports it all
    for (Identity i : brokenStacks) {
      checkRefs(i.partial(), i.refs(), serviceModels, hosts.keySet(), broken, problems);
      checkScenarioDuplicates(i.partial(), problems);
    }
    String defaultStack = null;
    int defaultLayer = -1;
    for (Entry e : stacks.values()) {
      Stack s = (Stack) e.value();
      int layer = stackLayer.get(s.id());
      if (s.isDefault() && layer >= defaultLayer) {
        defaultStack = s.id();
        defaultLayer = layer;
      }
    }
    Map<String, Host> hostModels = new LinkedHashMap<>();
    hosts.forEach((id, e) -> hostModels.put(id, (Host) e.value()));
    Map<String, Stack> stackModels = new LinkedHashMap<>();
    stacks.forEach((id, e) -> stackModels.put(id, (Stack) e.value()));
    return new Catalog(hostModels, serviceModels, stackModels, defaultStack);
  }

  private static Problem at(Origin origin, String path, String reason) {
    return new Problem(origin.file(), origin.line(), origin.column(), path, reason);
  }

  private static void checkRefs(
      Stack stack, List<Ref> refs, Map<String, Service> services, Set<String> hosts, Set<String> broken, Problems problems) {
    for (Ref r : refs) {
      String where = r.scenario() == null ? "" : " (scenario " + r.scenario() + ")";
      switch (r.kind()) {
        case SERVICE -> {
          if (!services.containsKey(r.id()) && !broken.contains("service/" + r.id())) {
            problems.add(new Problem(r.origin().file(), r.origin().line(), r.origin().column(), r.path(),
                "unknown service '" + r.id() + "'" + where + (problems.keepsMore() ? Suggestions.didYouMean(r.id(), services.keySet()) : "")));
          }
        }
        case HOST -> {
          if (!hosts.contains(r.id()) && !broken.contains("host/" + r.id())) {
            problems.add(new Problem(r.origin().file(), r.origin().line(), r.origin().column(), r.path(),
                "unknown host '" + r.id() + "'" + (problems.keepsMore() ? Suggestions.didYouMean(r.id(), hosts) : "")));
          }
        }
        case STACK_MEMBER -> {
          // replace and remove act on the stack's own services, not on what the scenario adds
          Set<String> members = new LinkedHashSet<>(stack.perAgent());
          members.addAll(stack.shared());
          if (!members.contains(r.id())) {
            problems.add(new Problem(r.origin().file(), r.origin().line(), r.origin().column(), r.path(),
                "'" + r.id() + "' is not a service of stack '" + stack.id() + "'" + where + Suggestions.didYouMean(r.id(), members)));
          }
        }
        case OPTIMIZATION -> {
          Scenario sc = stack.scenarios().get(r.scenario());
          Set<String> known = new LinkedHashSet<>();
          boolean incomplete = false;
          for (String sid : scenarioServices(stack, sc)) {
            Service s = services.get(sid);
            if (s == null) {
              // a service whose file is broken may be the one with this optimization: say nothing
              incomplete |= broken.contains("service/" + sid);
              continue;
            }
            for (Optimization o : s.optimizations()) {
              known.add(o.id());
            }
          }
          if (!incomplete && !known.contains(r.id())) {
            problems.add(new Problem(r.origin().file(), r.origin().line(), r.origin().column(), r.path(),
                "unknown optimization '" + r.id() + "'" + where + ": no service of the scenario has it"
                    + Suggestions.didYouMean(r.id(), known)));
          }
        }
      }
    }
  }

  /**
   * The footprints of a stack's services, per agent and shared, must add up to a number headroom can
   * hold exactly (2^63-1 bytes) in every scenario; a plan for N agents checks its own products.
   */
  private static void checkSums(Stack stack, Map<String, Service> services, Problems problems) {
    List<Scenario> all = new ArrayList<>();
    all.add(null);
    all.addAll(stack.scenarios().values());
    for (Scenario sc : all) {
      long perAgent = 0;
      long shared = 0;
      long gpu = 0;
      try {
        for (String id : stack.perAgent()) {
          if (sc == null || !sc.remove().contains(id)) {
            perAgent = Math.addExact(perAgent, high(services, sc == null ? id : sc.replace().getOrDefault(id, id)));
          }
        }
        for (String id : stack.shared()) {
          if (sc == null || !sc.remove().contains(id)) {
            shared = Math.addExact(shared, high(services, sc == null ? id : sc.replace().getOrDefault(id, id)));
          }
        }
        for (String id : scenarioServices(stack, sc)) {
          Service s = services.get(id);
          gpu = Math.addExact(gpu, s == null ? 0 : s.gpuMemory().value());
        }
        if (sc != null) {
          for (String id : sc.addPerAgent()) {
            perAgent = Math.addExact(perAgent, high(services, id));
          }
          for (String id : sc.addShared()) {
            shared = Math.addExact(shared, high(services, id));
          }
        }
        if (Math.addExact(perAgent, shared) < 0) {
          throw new ArithmeticException("negative");
        }
      } catch (ArithmeticException e) {
        Origin at = sc == null ? stack.origin() : sc.origin();
        problems.add(new Problem(at.file(), at.line(), at.column(), sc == null ? "" : "scenarios." + sc.name(),
            "the services of stack '" + stack.id() + "'" + (sc == null ? "" : " (scenario " + sc.name() + ")")
                + " add up to more than 8 EiB (2^63-1 bytes)"));
      }
    }
  }

  private static long high(Map<String, Service> services, String id) {
    Service s = services.get(id);
    return s == null ? 0 : s.memory().high().value();
  }

  /** A scenario must not make a service run twice (a replacement or an addition already in the stack). */
  private static void checkScenarioDuplicates(Stack stack, Problems problems) {
    for (Scenario sc : stack.scenarios().values()) {
      if (scenarioServices(stack, sc).isEmpty()) {
        problems.add(new Problem(sc.origin().file(), sc.origin().line(), sc.origin().column(), "scenarios." + sc.name(),
            "scenario " + sc.name() + " removes every service; a scenario needs at least one"));
      }
      Set<String> seen = new HashSet<>();
      for (String id : scenarioServices(stack, sc)) {
        if (!seen.add(id)) {
          problems.add(new Problem(sc.origin().file(), sc.origin().line(), sc.origin().column(),
              "scenarios." + sc.name(), "service '" + id + "' would run twice in scenario " + sc.name()
                  + " (a replacement or an addition that is already in the stack)"));
        }
      }
    }
  }

  /** The service ids a scenario runs: the stack's, replaced, removed and added. */
  static List<String> scenarioServices(Stack stack, Scenario sc) {
    List<String> ids = new ArrayList<>();
    Stream.concat(stack.perAgent().stream(), stack.shared().stream())
        .filter(id -> sc == null || !sc.remove().contains(id))
        .map(id -> sc == null ? id : sc.replace().getOrDefault(id, id))
        .forEach(ids::add);
    if (sc != null) {
      ids.addAll(sc.addPerAgent());
      ids.addAll(sc.addShared());
    }
    return ids;
  }
}
