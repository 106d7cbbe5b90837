package dev.headroom.compose;

import dev.headroom.load.InputException;
import dev.headroom.load.Problem;
import dev.headroom.load.Problems;
import dev.headroom.load.Source;
import dev.headroom.load.YamlNode;
import dev.headroom.load.YamlReader;
import dev.headroom.model.ComposeProject;
import dev.headroom.model.ComposeService;
import dev.headroom.model.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a compose project the way docker compose does (compose-go's loader): the {@code .env} of
 * the project directory or {@code --env-file}, the process environment winning over it;
 * interpolation of every value; {@code include}; {@code extends} (same file or another, recursive,
 * cycles refused); several files merged in order ({@code !reset}, {@code !override}); profiles.
 * Then {@link ComposeServices} reads each active service's replicas and resources, and its
 * consistency checks find what docker compose would refuse.
 *
 * <p>Unreadable or invalid files (YAML, a template, a missing required variable, a bad unit, a
 * broken {@code extends}) are an {@link InputException}: the file cannot be planned. What compose
 * refuses about a well-formed project (a {@code mem_limit} that disagrees with the deploy limit)
 * comes back in {@link ComposeProject#errors()} so that the gate can report it as a finding.
 */
public final class ComposeLoader {

  /**
   * What to load.
   *
   * @param files the {@code -f} files, in order (at least one)
   * @param projectDirectory null for the directory of the first file
   * @param envFiles {@code --env-file}; empty for the project directory's {@code .env}
   * @param profiles {@code --profile} values; {@code COMPOSE_PROFILES} is added from the environment
   * @param environment the process environment (it wins over {@code .env})
   * @param workingDirectory what relative paths on the command line are relative to; file names in
   *     messages are shown relative to it
   */
  public record Options(
      List<Path> files,
      Path projectDirectory,
      List<Path> envFiles,
      List<String> profiles,
      Map<String, String> environment,
      Path workingDirectory,
      YamlReader.Limits limits) {

    public Options {
      files = List.copyOf(files);
      envFiles = List.copyOf(envFiles);
      profiles = List.copyOf(profiles);
      environment = Map.copyOf(environment);
      workingDirectory = workingDirectory == null ? Path.of("").toAbsolutePath() : workingDirectory.toAbsolutePath();
      limits = limits == null ? YamlReader.Limits.defaults() : limits;
    }

    public static Options of(List<Path> files, Map<String, String> environment) {
      return new Options(files, null, List.of(), List.of(), environment, null, null);
    }
  }

  /** extends and include nest; a hostile chain is refused before it exhausts anything. */
  private static final int MAX_DEPTH = 64;

  private static final Set<String> ALLOWED_TAGS = Set.of(Merge.RESET, Merge.OVERRIDE);

  private final Options options;
  private final YamlReader yaml;
  private final List<String> warnings = new ArrayList<>();
  private final LinkedHashSet<String> filesRead = new LinkedHashSet<>();
  private final Map<Path, List<CNode.Map>> rawCache = new LinkedHashMap<>();
  /**
   * What the relative paths a file declares (env_file) are relative to, by the name messages show:
   * the project directory for the -f files, the include's project directory for an included file,
   * its own directory for a file read for extends (compose-go's working directory for each).
   */
  private final Map<String, Path> baseDirs = new LinkedHashMap<>();

  public ComposeLoader(Options options) {
    this.options = options;
    this.yaml = new YamlReader(options.limits().withAllowedTags(ALLOWED_TAGS));
  }

  /** The files read, shown as in messages (the files given, and those extended or included). */
  public List<String> filesRead() {
    return List.copyOf(filesRead);
  }

  /** The absolute paths of every file read, for {@code -o}'s "never over an input" check. */
  public List<Path> pathsRead() {
    List<Path> all = new ArrayList<>(rawCache.keySet());
    all.addAll(envPaths);
    return all;
  }

  /** The env files read (the project's .env, --env-file, an include's env files). */
  private final List<Path> envPaths = new ArrayList<>();

  private CNode.Map merged;
  private Set<String> enabledProfiles;
  private String projectName;
  private Path projectDir;

  public ComposeProject load() {
    prepare();
    return project(merged);
  }

  /**
   * Whether the files are an agent template: service names holding {@code {AGENT_NUMBER}}, to be
   * instantiated for agents 1..N with {@link #load(long)}.
   */
  public boolean isAgentTemplate() {
    prepare();
    return AgentTemplate.isTemplate(merged);
  }

  /** The most agents a template can be instantiated for: its copies stay within the node cap of a file. */
  public long maxTemplateAgents() {
    prepare();
    return AgentTemplate.maxAgents(merged, options.limits().maxNodes());
  }

  /** The project with its template services instantiated for agents 1..{@code agents}. */
  public ComposeProject load(long agents) {
    prepare();
    return project(AgentTemplate.expand(merged, agents, options.limits().maxNodes()));
  }

  private ComposeProject project(CNode.Map root) {
    // docker compose validates the merged model against the Compose Specification's schema first;
    // a template is validated once numbered ({AGENT_NUMBER} is no valid service name)
    Problems schema = new Problems();
    schema.addAll(ComposeSchema.validate(root));
    schema.throwIfAny();
    Path base = projectDir;
    return ComposeServices.read(projectName, List.copyOf(filesRead), root, enabledProfiles, warnings,
        file -> baseDirs.getOrDefault(file, base));
  }

  /** Reads, interpolates and merges the files once; the project is built from the merged tree. */
  private void prepare() {
    if (merged != null) {
      return;
    }
    if (options.files().isEmpty()) {
      throw InputException.of("no compose file given (-f FILE)");
    }
    Path first = absolute(options.files().get(0));
    projectDir = options.projectDirectory() != null ? absolute(options.projectDirectory()) : first.getParent();
    Map<String, String> env = environment(projectDir);
    CNode.Map all = null;
    for (Path f : options.files()) {
      CNode.Map file = loadFile(absolute(f), env, new ArrayDeque<>(), 0, true, projectDir);
      if (file.get("version") != null) {
        warnings.add(display(absolute(f)) + ": the attribute `version` is obsolete, it will be ignored, please remove it to avoid"
            + " potential confusion");
      }
      all = all == null ? (CNode.Map) Merge.strip(file) : Merge.mapping(all, file, "");
    }
    Set<String> profiles = new LinkedHashSet<>(options.profiles());
    String fromEnv = env.get("COMPOSE_PROFILES");
    if (options.profiles().isEmpty() && fromEnv != null) {
      for (String p : fromEnv.split(",", -1)) {
        if (!p.isBlank()) {
          profiles.add(p.strip());
        }
      }
    }
    enabledProfiles = profiles;
    projectName = projectName(all, env, projectDir);
    merged = all;
    // the trees read for include and extends live on in the merged one, or are garbage now
    rawCache.replaceAll((path, docs) -> List.of());
    loadedFiles.clear();
  }

  // ------------------------------------------------------------------ environment

  /** The process environment, plus the {@code .env} (or {@code --env-file}) values it does not set. */
  private Map<String, String> environment(Path projectDir) {
    Map<String, String> env = new LinkedHashMap<>(options.environment());
    List<Path> envFiles = new ArrayList<>();
    if (options.envFiles().isEmpty()) {
      Path dotEnv = projectDir.resolve(".env");
      if (Files.isRegularFile(dotEnv)) {
        envFiles.add(dotEnv);
      }
    } else {
      for (Path p : options.envFiles()) {
        Path abs = absolute(p);
        if (!Files.exists(abs)) {
          throw new InputException(Problem.at(display(abs), "no such env file (--env-file)"));
        }
        envFiles.add(abs);
      }
    }
    Map<String, String> fromFiles = new LinkedHashMap<>();
    for (Path p : envFiles) {
      Source src = Source.read(p, display(p), options.limits().maxFileSize());
      filesRead.add(display(p));
      envPaths.add(p);
      Lookup lookup = key -> Optional.ofNullable(options.environment().containsKey(key) ? options.environment().get(key)
          : fromFiles.get(key));
      fromFiles.putAll(DotEnv.parse(display(p), src.text(), lookup));
    }
    fromFiles.forEach(env::putIfAbsent);
    return env;
  }

  // ------------------------------------------------------------------ files

  /**
   * One file: read, each document interpolated, includes imported, extends applied, documents
   * merged. {@code top} is false for a file read as the base of an {@code extends} (no include, no
   * extends: those are applied by the caller, service by service). Relative paths in the file
   * (include, extends, env_file) are relative to {@code baseDir}.
   */
  private CNode.Map loadFile(Path path, Map<String, String> env, Deque<String> stack, int depth, boolean top, Path baseDir) {
    if (depth > MAX_DEPTH) {
      throw new InputException(Problem.at(display(path), "extends and include nest more than " + MAX_DEPTH + " deep"));
    }
    Loaded key = new Loaded(path, baseDir, Map.copyOf(env));
    if (top && loadedFiles.containsKey(key)) {
      // the same file included twice (a diamond): read once, or a fan-out of includes grows exponentially
      return loadedFiles.get(key);
    }
    CNode.Map merged = null;
    baseDirs.putIfAbsent(display(path), baseDir);
    for (CNode.Map doc : raw(path, env)) {
      CNode.Map d = doc;
      if (top) {
        d = include(d, path, baseDir, env, stack, depth);
        d = extendsAll(d, path, baseDir, env, depth);
      }
      merged = merged == null ? d : Merge.mapping(merged, d, "");
    }
    if (top) {
      loadedFiles.put(key, merged);
    }
    return merged;
  }

  /** A file loaded with its includes and extends, for one base directory and environment. */
  private record Loaded(Path path, Path baseDir, Map<String, String> env) {
    // written out: the record's own are set up through method handles on first call (docs/performance.md)
    @Override
    public boolean equals(Object o) {
      return o instanceof Loaded l && l.path.equals(path) && java.util.Objects.equals(l.baseDir, baseDir) && l.env.equals(env);
    }

    @Override
    public int hashCode() {
      return (31 * path.hashCode() + java.util.Objects.hashCode(baseDir)) * 31 + env.hashCode();
    }
  }

  private final Map<Loaded, CNode.Map> loadedFiles = new java.util.HashMap<>();

  /** The documents of a file, interpolated with {@code env}; read once per file. */
  private List<CNode.Map> raw(Path path, Map<String, String> env) {
    List<CNode.Map> cached = rawCache.get(path);
    if (cached != null) {
      return cached;
    }
    String name = display(path);
    filesRead.add(name);
    Source src = Source.read(path, name, options.limits().maxFileSize());
    List<YamlNode> docs = yaml.readAll(src);
    if (docs.isEmpty()) {
      throw new InputException(Problem.at(name, "empty compose file"));
    }
    List<CNode.Map> out = new ArrayList<>();
    for (YamlNode doc : docs) {
      CNode n = CNode.of(doc, name);
      if (!(n instanceof CNode.Map m)) {
        throw new InputException(new Problem(name, doc.line(), doc.column(), "", "Top-level object must be a mapping"));
      }
      out.add((CNode.Map) interpolate(m, env, List.of()));
    }
    rawCache.put(path, out);
    return out;
  }

  /**
   * Every string value interpolated (keys are not), then cast where compose casts: a string under
   * {@code deploy.replicas} must read as an integer, one under {@code privileged} as a boolean.
   */
  private CNode interpolate(CNode n, Map<String, String> env, List<String> path) {
    if (n instanceof CNode.Scalar s) {
      if (s.type() != YamlNode.Type.STRING) {
        return s;
      }
      String dotted = String.join(".", path);
      String value = s.value();
      if (value.indexOf('$') >= 0) {
        try {
          value = Interpolation.substitute(value, key -> Optional.ofNullable(env.get(key)), warnings);
        } catch (InterpolationException e) {
          throw new InputException(new Problem(s.origin().file(), s.origin().line(), s.origin().column(), dotted,
              e.getMessage() + (e.getMessage().startsWith("Invalid template") ? " (escape a literal $ as $$)" : "")));
        }
      }
      Casts.Kind cast = Casts.at(path);
      if (cast == null) {
        return value.equals(s.value()) ? s : s.withValue(value);
      }
      try {
        Casts.Cast c = Casts.cast(cast, value);
        return new CNode.Scalar(c.value(), c.type(), s.tag(), s.origin());
      } catch (Casts.CastException e) {
        throw new InputException(new Problem(s.origin().file(), s.origin().line(), s.origin().column(), dotted,
            "error while interpolating " + dotted + ": failed to cast to expected type: " + e.getMessage()));
      }
    }
    // a list or mapping whose values are unchanged is shared, not copied
    if (n instanceof CNode.Seq q) {
      List<CNode> items = new ArrayList<>(q.items().size());
      List<String> p = new ArrayList<>(path);
      p.add("[]");
      boolean changed = false;
      for (CNode c : q.items()) {
        CNode i = interpolate(c, env, p);
        items.add(i);
        changed |= i != c;
      }
      return changed ? new CNode.Seq(items, q.tag(), q.origin()) : q;
    }
    CNode.Map m = (CNode.Map) n;
    LinkedHashMap<String, CNode.Entry> out = new LinkedHashMap<>();
    boolean changed = false;
    for (CNode.Entry e : m.entries().values()) {
      List<String> p = new ArrayList<>(path);
      p.add(e.key());
      CNode v = interpolate(e.value(), env, p);
      out.put(e.key(), v == e.value() ? e : new CNode.Entry(e.key(), e.keyOrigin(), v));
      changed |= v != e.value();
    }
    return changed ? new CNode.Map(out, m.tag(), m.origin()) : m;
  }

  // ------------------------------------------------------------------ include

  private CNode.Map include(CNode.Map doc, Path file, Path baseDir, Map<String, String> env, Deque<String> stack, int depth) {
    CNode inc = doc.get("include");
    if (inc == null || inc instanceof CNode.Scalar s && s.isNull()) {
      return doc.without("include");
    }
    if (!(inc instanceof CNode.Seq list)) {
      throw error(inc, "include", "`include` must be a list, got " + CNode.describe(inc));
    }
    stack.push(file.toString());
    CNode.Map result = doc.without("include");
    int i = 0;
    for (CNode item : list.items()) {
      String p = "include[" + i++ + "]";
      List<String> paths = new ArrayList<>();
      String projectDirectory = null;
      List<String> envFiles = new ArrayList<>();
      if (item instanceof CNode.Scalar s && !s.isNull()) {
        paths.add(s.value());
      } else if (item instanceof CNode.Map m) {
        paths.addAll(strings(m.get("path"), p + ".path"));
        if (paths.isEmpty()) {
          throw error(item, p, "an include needs a path");
        }
        if (m.get("project_directory") instanceof CNode.Scalar pd && !pd.isNull()) {
          projectDirectory = pd.value();
        }
        envFiles.addAll(strings(m.get("env_file"), p + ".env_file"));
      } else {
        throw error(item, p, "an include is a path or a mapping with path");
      }
      if (paths.stream().anyMatch(String::isBlank)) {
        throw error(item, p, "an include path is empty");
      }
      Path dir = baseDir;
      Path main = dir.resolve(paths.get(0)).normalize();
      if (stack.contains(main.toString())) {
        // compose-go: "include cycle detected:" and the chain of files, one per line
        List<String> files = new ArrayList<>();
        stack.descendingIterator().forEachRemaining(f -> files.add(display(Path.of(f))));
        files.add(display(main));
        throw error(item, p, "include cycle detected: " + String.join(" include ", files));
      }
      Path projectDir = projectDirectory == null ? main.getParent() : dir.resolve(projectDirectory).normalize();
      Map<String, String> includedEnv = new LinkedHashMap<>(env);
      List<Path> includeEnv = new ArrayList<>();
      if (envFiles.isEmpty()) {
        Path dotEnv = projectDir.resolve(".env");
        if (Files.isRegularFile(dotEnv)) {
          includeEnv.add(dotEnv);
        }
      } else {
        envFiles.forEach(e -> includeEnv.add(dir.resolve(e).normalize()));
      }
      for (Path e : includeEnv) {
        Source src = Source.read(e, display(e), options.limits().maxFileSize());
        filesRead.add(display(e));
        envPaths.add(e);
        DotEnv.parse(display(e), src.text(), key -> Optional.ofNullable(env.get(key))).forEach(includedEnv::putIfAbsent);
      }
      CNode.Map imported = null;
      for (String each : paths) {
        CNode.Map f = loadFile(dir.resolve(each).normalize(), includedEnv, stack, depth + 1, true, projectDir);
        imported = imported == null ? f : Merge.mapping(imported, f, "");
      }
      result = importResources(result, imported);
    }
    stack.pop();
    return result;
  }

  /** A string, or a list of strings (include's path and env_file); anything else is refused. */
  private static List<String> strings(CNode n, String path) {
    List<String> out = new ArrayList<>();
    if (n == null || n instanceof CNode.Scalar s && s.isNull()) {
      return out;
    }
    if (n instanceof CNode.Scalar s) {
      out.add(s.value());
      return out;
    }
    if (n instanceof CNode.Seq seq) {
      for (CNode x : seq.items()) {
        if (!(x instanceof CNode.Scalar xs) || xs.isNull()) {
          throw error(x, path, "must be a string or a list of strings");
        }
        out.add(xs.value());
      }
      return out;
    }
    throw error(n, path, "must be a string or a list of strings");
  }

  /** Services, volumes, networks, secrets and configs of an included project; a different definition of the same name is refused. */
  private static CNode.Map importResources(CNode.Map target, CNode.Map imported) {
    CNode.Map out = target;
    for (String section : List.of("services", "volumes", "networks", "secrets", "configs")) {
      if (!(imported.get(section) instanceof CNode.Map from)) {
        continue;
      }
      CNode.Map to = out.get(section) instanceof CNode.Map m ? m : CNode.Map.empty(from.origin());
      // built in one map: copying per entry would make a large include quadratic
      LinkedHashMap<String, CNode.Entry> merged = new LinkedHashMap<>(to.entries());
      for (CNode.Entry e : from.entries().values()) {
        CNode.Entry existing = merged.get(e.key());
        if (existing != null && !sameContent(existing.value(), e.value())) {
          throw error(existing.value(), section + "." + e.key(), section + "." + e.key() + " conflicts with imported resource");
        }
        if (existing == null) {
          merged.put(e.key(), e);
        }
      }
      out = out.with(section, out.entry(section) == null ? from.origin() : out.entry(section).keyOrigin(),
          new CNode.Map(merged, to.tag(), to.origin()));
    }
    return out;
  }

  private static boolean sameContent(CNode a, CNode b) {
    if (a instanceof CNode.Scalar x && b instanceof CNode.Scalar y) {
      return x.value().equals(y.value()) && x.type() == y.type();
    }
    if (a instanceof CNode.Seq x && b instanceof CNode.Seq y) {
      if (x.items().size() != y.items().size()) {
        return false;
      }
      for (int i = 0; i < x.items().size(); i++) {
        if (!sameContent(x.items().get(i), y.items().get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof CNode.Map x && b instanceof CNode.Map y) {
      if (!x.entries().keySet().equals(y.entries().keySet())) {
        return false;
      }
      for (String k : x.entries().keySet()) {
        if (!sameContent(x.get(k), y.get(k))) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  // ------------------------------------------------------------------ extends

  private CNode.Map extendsAll(CNode.Map doc, Path file, Path baseDir, Map<String, String> env, int depth) {
    if (!(doc.get("services") instanceof CNode.Map services)) {
      return doc;
    }
    Map<String, CNode.Map> resolved = new LinkedHashMap<>();
    // built in one map: copying the services per service would make a large file quadratic
    LinkedHashMap<String, CNode.Entry> out = new LinkedHashMap<>();
    for (CNode.Entry e : services.entries().values()) {
      CNode resolvedService = extend(file, baseDir, services, e.key(), env, new ArrayDeque<>(), resolved, depth);
      out.put(e.key(), resolvedService == e.value() ? e : new CNode.Entry(e.key(), e.keyOrigin(), resolvedService));
    }
    return doc.with("services", doc.entry("services").keyOrigin(), new CNode.Map(out, services.tag(), services.origin()));
  }

  /**
   * A service with its {@code extends} applied: the base (recursively extended) merged under it,
   * as compose merges files. {@code chain} holds "file:service" of the services being resolved.
   */
  private CNode extend(Path file, Path baseDir, CNode.Map services, String name, Map<String, String> env, Deque<String> chain,
      Map<String, CNode.Map> resolved, int depth) {
    CNode node = services.get(name);
    if (!(node instanceof CNode.Map service)) {
      return node;
    }
    String key = file + ":" + name;
    CNode.Map done = resolved.get(key);
    if (done != null) {
      return done;
    }
    CNode ext = service.get("extends");
    if (ext == null) {
      return service;
    }
    if (chain.contains(key)) {
      throw error(ext, "services." + name + ".extends", circularReference(chain, key));
    }
    if (chain.size() > MAX_DEPTH) {
      throw error(ext, "services." + name + ".extends", "extends nest more than " + MAX_DEPTH + " deep");
    }
    String ref;
    String otherFile = null;
    if (ext instanceof CNode.Scalar s && !s.isNull()) {
      ref = s.value();
    } else if (ext instanceof CNode.Map m) {
      if (!(m.get("service") instanceof CNode.Scalar rs) || rs.isNull()) {
        throw error(ext, "services." + name + ".extends", "extends." + name + ".service is required");
      }
      ref = rs.value();
      if (m.get("file") instanceof CNode.Scalar fs && !fs.isNull()) {
        otherFile = fs.value();
      }
    } else {
      throw error(ext, "services." + name + ".extends", "extends must be a service name or a mapping with service and file");
    }
    chain.push(key);
    CNode base;
    if (otherFile != null) {
      Path target = baseDir.resolve(otherFile).normalize();
      if (!Files.exists(target)) {
        throw error(ext, "services." + name + ".extends.file", "cannot read " + display(target) + ": no such file");
      }
      CNode.Map other = loadFile(target, env, new ArrayDeque<>(), depth + 1, false, target.getParent());
      if (!(other.get("services") instanceof CNode.Map otherServices) || otherServices.get(ref) == null) {
        throw error(ext, "services." + name + ".extends", "cannot extend service \"" + name + "\" in " + display(file) + ": service \""
            + ref + "\" not found in " + otherFile);
      }
      base = extend(target, target.getParent(), otherServices, ref, env, chain, resolved, depth + 1);
    } else {
      if (services.get(ref) == null) {
        throw error(ext, "services." + name + ".extends", "cannot extend service \"" + name + "\" in " + display(file)
            + ": service \"" + ref + "\" not found");
      }
      base = extend(file, baseDir, services, ref, env, chain, resolved, depth);
    }
    chain.pop();
    CNode.Map merged;
    if (base instanceof CNode.Map bm) {
      merged = Merge.mapping((CNode.Map) Merge.strip(bm), service, "services." + name).without("extends");
    } else {
      merged = service.without("extends");
    }
    resolved.put(key, merged);
    return merged;
  }

  /**
   * compose-go's message for an extends cycle, on one line: "Circular reference: a in compose.yaml
   * extends b in compose.yaml extends a in compose.yaml". {@code chain} holds "file:service", newest first.
   */
  private String circularReference(Deque<String> chain, String key) {
    List<String> refs = new ArrayList<>();
    chain.descendingIterator().forEachRemaining(refs::add);
    refs.add(key);
    StringBuilder sb = new StringBuilder("Circular reference:");
    for (int i = 0; i < refs.size(); i++) {
      String ref = refs.get(i);
      int colon = ref.lastIndexOf(':');
      sb.append(i == 0 ? " " : " extends ").append(ref.substring(colon + 1)).append(" in ")
          .append(display(Path.of(ref.substring(0, colon))));
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------ names

  /**
   * The project name as docker compose picks it (compose-go cli {@code withNamePrecedenceLoad}):
   * {@code COMPOSE_PROJECT_NAME} from the environment or {@code .env}, which must already be a valid
   * name; else the files' {@code name:}, normalized; else the project directory's name, normalized.
   * An empty value counts as unset.
   */
  private String projectName(CNode.Map merged, Map<String, String> env, Path projectDir) {
    String fromEnv = env.get("COMPOSE_PROJECT_NAME");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      if (!normalizeName(fromEnv).equals(fromEnv)) {
        throw InputException.of("invalid project name " + GoText.quote(fromEnv) + ": must consist only of lowercase alphanumeric"
            + " characters, hyphens, and underscores as well as start with a letter or number");
      }
      return fromEnv;
    }
    if (merged.get("name") instanceof CNode.Scalar s && !s.isNull() && !normalizeName(s.value()).isEmpty()) {
      return normalizeName(s.value());
    }
    return projectDir.getFileName() == null ? "" : normalizeName(projectDir.getFileName().toString());
  }

  /** compose-go {@code NormalizeProjectName}: lower case, only {@code [a-z0-9_-]}, no leading {@code _} or {@code -}. */
  private static String normalizeName(String name) {
    StringBuilder sb = new StringBuilder();
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
        sb.append(c);
      }
    }
    int start = 0;
    while (start < sb.length() && (sb.charAt(start) == '_' || sb.charAt(start) == '-')) {
      start++;
    }
    return sb.substring(start);
  }

  private Path absolute(Path p) {
    return (p.isAbsolute() ? p : options.workingDirectory().resolve(p)).normalize();
  }

  /** A path as messages show it: relative to the working directory when it is below it. */
  String display(Path abs) {
    Path wd = options.workingDirectory();
    return abs.startsWith(wd) ? wd.relativize(abs).toString() : abs.toString();
  }

  static InputException error(CNode at, String path, String reason) {
    Origin o = at.origin();
    return new InputException(new Problem(o.file(), o.line(), o.column(), path, reason));
  }
}
