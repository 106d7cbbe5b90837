package dev.headroom.cli;

import dev.headroom.compose.ComposeLoader;
import dev.headroom.load.CatalogLoader;
import dev.headroom.load.InputException;
import dev.headroom.load.Problem;
import dev.headroom.load.ProjectConfig;
import dev.headroom.load.Suggestions;
import dev.headroom.model.ComposeProject;
import dev.headroom.model.ComposeService;
import dev.headroom.model.Host;
import dev.headroom.model.Origin;
import dev.headroom.render.CheckGithub;
import dev.headroom.render.CheckJson;
import dev.headroom.render.CheckJunit;
import dev.headroom.render.CheckMarkdown;
import dev.headroom.render.CheckSarif;
import dev.headroom.render.CheckText;
import dev.headroom.render.Style;
import dev.headroom.solve.Gate;
import dev.headroom.solve.GateDiff;
import dev.headroom.solve.Rule;
import dev.headroom.solve.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code headroom check}: the CI gate for docker-compose files. */
@Command(
    name = "check",
    addMethodSubcommands = false,
    description = {
      "Check docker-compose files as docker compose reads them, against a host.",
      "Reads .env, interpolation, extends, include, -f merges and profiles as",
      "docker compose does, then applies the rules of docs/rules.md: missing",
      "limits, reservations above limits, limits and reservations against the",
      "host's memory, CPU oversubscription, GPU memory, and what docker compose",
      "itself refuses.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  headroom check -f docker-compose.yml --host pi-zero-2w",
      "  headroom check -f compose.yaml -f compose.prod.yaml --host g4dn-xlarge",
      "  headroom check -f compose.yaml --host pi-4b-4gb --format sarif -o out.sarif",
      "",
      "Exit codes: 0 passed, 1 a finding at or above --fail-on, 2 invalid file or usage, 3 internal error."
    })
public final class CheckCommand extends Subcommand {

  static final List<String> DEFAULT_FILES = List.of("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml");
  static final List<String> OVERRIDE_FILES =
      List.of("compose.override.yaml", "compose.override.yml", "docker-compose.override.yaml", "docker-compose.override.yml");

  @Option(names = {"-f", "--file"}, paramLabel = "FILE",
      description = "Compose file; repeatable, merged in order (default: COMPOSE_FILE, else compose.yaml or docker-compose.yml"
          + " and its override, here or in a directory above).")
  List<Path> files = new ArrayList<>();

  @Option(names = "--host", paramLabel = "HOST", completionCandidates = CatalogIds.Hosts.class, description = "Host to check against ('headroom hosts'); without it only the rules that need no host run.")
  String host;

  @Option(names = "--project-directory", paramLabel = "DIR", description = "Project directory (default: the first file's directory).")
  Path projectDirectory;

  @Option(names = "--env-file", paramLabel = "FILE", description = "Env file instead of the project's .env; repeatable.")
  List<Path> envFiles = new ArrayList<>();

  @Option(names = "--profile", paramLabel = "NAME", split = ",",
      description = "Enable a profile; repeatable ('*' enables all; default: COMPOSE_PROFILES).")
  List<String> profiles = new ArrayList<>();

  @Option(names = "--config", paramLabel = "FILE",
      description = "Rule severities (default: .headroom.yaml in the project directory, when there is one).")
  Path config;

  @Option(names = "--agents", paramLabel = "N",
      description = "For an agent template ({AGENT_NUMBER} in service names): check N agents (default: 1) and find the most that pass.")
  Long agents;

  @Option(names = "--base", paramLabel = "FILE",
      description = "Compose files of the base (before the change); repeatable, like -f. Adds what changed to the report.")
  List<Path> baseFiles = new ArrayList<>();

  @Option(names = "--base-ref", paramLabel = "REF",
      description = "Compare with the same files as they were at a git revision (a branch, tag or commit).")
  String baseRef;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error",
      description = "Exit 1 when a finding is at least this severe: error, warning, info or never (default: ${DEFAULT-VALUE}).")
  String failOn;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); sarif, junit and github are for CI.")
  CheckFormat format;

  @Mixin OutputOptions output = new OutputOptions();

  @Override
  public Integer call() {
    Severity threshold = failOn();
    List<Path> composeFiles = composeFiles();
    Host h = null;
    List<Path> inputs = new ArrayList<>();
    if (host != null) {
      CatalogLoader.Result loaded = root.loadCatalog(java.util.Set.of("hosts")); // --host needs the hosts only
      inputs.addAll(loaded.files());
      h = Lookup.host(loaded.catalog(), host);
    }
    ComposeLoader loader = new ComposeLoader(new ComposeLoader.Options(composeFiles, projectDirectory, envFiles, profiles,
        root.context().env(), null, root.yaml().limits()));
    boolean template = loader.isAgentTemplate();
    if (agents != null && agents < 1) {
      throw new HeadroomCommand.UsageError("--agents must be at least 1, got " + agents);
    }
    if (agents != null && !template) {
      throw new HeadroomCommand.UsageError("--agents is for agent templates: no service name holds {AGENT_NUMBER}");
    }
    long n = agents == null ? 1 : agents;
    ComposeProject project = template ? loader.load(n) : loader.load();
    inputs.addAll(loader.pathsRead());
    unknownIgnoredRules(project);
    Gate.Config cfg = gateConfig(composeFiles, inputs);
    Gate.Result checked = Gate.check(project, h, cfg);
    if (template) {
      checked = checked.withTemplate(largestPassing(loader, n, h, cfg, threshold));
    }
    if (!baseFiles.isEmpty() || baseRef != null) {
      checked = checked.withDiff(diff(loader, project, h, n, cfg, threshold, checked, inputs));
    }
    Gate.Result result = checked;
    Style style = new Style(root.color() && output.toStdout());
    output.emit(spec, inputs, w -> {
      switch (format) {
        case JSON -> CheckJson.render(result, threshold, w);
        case MARKDOWN -> CheckMarkdown.render(result, threshold, w);
        case SARIF -> CheckSarif.render(result, threshold, Version.version(), w);
        case JUNIT -> CheckJunit.render(result, threshold, w);
        case GITHUB -> CheckGithub.render(result, threshold, w);
        case TEXT -> CheckText.render(result, threshold, style, w);
      }
    });
    return passes(result, threshold) ? ExitCode.OK : ExitCode.VERDICT;
  }

  /**
   * The base project (--base files or --base-ref), compared with the current one. Every file the
   * base loader reads joins {@code inputs}, which -o never writes over.
   */
  private GateDiff.Result diff(ComposeLoader head, ComposeProject project, Host h, long n, Gate.Config cfg, Severity threshold,
      Gate.Result checked, List<Path> inputs) {
    if (!baseFiles.isEmpty() && baseRef != null) {
      throw new HeadroomCommand.UsageError("--base and --base-ref cannot be used together");
    }
    if (!baseFiles.isEmpty()) {
      ComposeLoader base = new ComposeLoader(options(baseFiles, projectDirectory, envFiles));
      try {
        return compare(base, project, h, n, cfg, threshold, checked);
      } finally {
        inputs.addAll(base.pathsRead());
      }
    }
    List<Path> headFiles = composeFiles();
    try (GitBase git = GitBase.open(headFiles.get(0))) {
      git.verify(baseRef);
      for (Path p : head.pathsRead()) {
        git.fetch(baseRef, p);
      }
      List<Path> mapped = new ArrayList<>();
      for (Path f : headFiles) {
        if (git.fetch(baseRef, f)) {
          mapped.add(git.map(f));
        }
      }
      if (mapped.isEmpty()) {
        // the compose files are new in this change: everything is added
        ComposeProject empty = new ComposeProject(project.name(), List.of(), List.of(), List.of(), List.of(), List.of());
        return GateDiff.compare(empty, project, h, null, checked.template() == null ? null : checked.template().maxPassing());
      }
      List<Path> env = envFiles.stream().map(git::map).toList();
      Path dir = projectDirectory == null ? null : git.map(projectDirectory.resolve("x")).getParent();
      ComposeLoader base = new ComposeLoader(options(mapped, dir, env));
      try {
        return compare(base, project, h, n, cfg, threshold, checked);
      } finally {
        base.pathsRead().forEach(p -> inputs.add(git.workingTreePath(p)));
      }
    }
  }

  private ComposeLoader.Options options(List<Path> fs, Path dir, List<Path> env) {
    return new ComposeLoader.Options(fs, dir, env, profiles, root.context().env(), null, root.yaml().limits());
  }

  private GateDiff.Result compare(ComposeLoader base, ComposeProject project, Host h, long n, Gate.Config cfg,
      Severity threshold, Gate.Result checked) {
    boolean baseTemplate = base.isAgentTemplate();
    ComposeProject before = baseTemplate ? base.load(n) : base.load();
    Long fitBefore = null;
    Long fitAfter = checked.template() == null ? null : checked.template().maxPassing();
    if (baseTemplate && h != null) {
      fitBefore = largestPassing(base, n, h, cfg, threshold).maxPassing();
    }
    return GateDiff.compare(before, project, h, fitBefore, h == null ? null : fitAfter);
  }

  private static Set<String> ruleIds() {
    Set<String> ids = new LinkedHashSet<>();
    Arrays.stream(Rule.values()).forEach(r -> ids.add(r.id()));
    return ids;
  }

  /** An {@code x-headroom: {ignore: [...]}} id that no rule has would ignore nothing: refused. */
  private static void unknownIgnoredRules(ComposeProject project) {
    Set<String> ids = ruleIds();
    for (ComposeService s : project.services()) {
      for (String id : s.ignore()) {
        if (!ids.contains(id)) {
          Origin o = s.origin();
          throw new InputException(new Problem(o.file(), o.line(), o.column(), "services." + s.name() + ".x-headroom.ignore",
              "unknown rule '" + id + "'" + Suggestions.didYouMean(id, ids) + " (docs/rules.md lists them)"));
        }
      }
    }
  }

  /** The most agents of a template that pass the gate (no finding at or above the threshold). */
  private static Gate.Template largestPassing(ComposeLoader loader, long n, Host h, Gate.Config cfg, Severity threshold) {
    // with a host, the most agents the budget allows (a finding every copy has, such as a heap above
    // its limit, is reported, not counted); without one, the most that pass the rules that run
    return Gate.largestPassing(n, loader.maxTemplateAgents(), k -> {
      Gate.Result r = Gate.check(loader.load(k), h, cfg);
      return threshold == null || r.findings().stream()
          .noneMatch(f -> f.severity().atLeast(threshold) && (h == null || f.rule().budget()));
    });
  }

  private static boolean passes(Gate.Result r, Severity threshold) {
    return threshold == null || r.findings().stream().noneMatch(f -> f.severity().atLeast(threshold));
  }

  private Severity failOn() {
    String v = failOn.toLowerCase(Locale.ROOT);
    return switch (v) {
      case "never" -> null;
      case "error" -> Severity.ERROR;
      case "warning", "warn" -> Severity.WARNING;
      case "info" -> Severity.INFO;
      default -> throw new HeadroomCommand.UsageError("--fail-on takes error, warning, info or never, got '" + failOn + "'");
    };
  }

  /**
   * The files to read, as docker compose chooses them: {@code -f}; else {@code COMPOSE_FILE} (split
   * on {@code COMPOSE_PATH_SEPARATOR}, by default the system's path separator); else the first of
   * compose.yaml, compose.yml, docker-compose.yaml, docker-compose.yml (with its override file) in
   * the working (or project) directory or, failing that, the nearest directory above it.
   */
  private List<Path> composeFiles() {
    if (!files.isEmpty()) {
      return files;
    }
    Path dir = projectDirectory != null ? projectDirectory : Path.of("");
    Map<String, String> env = root.context().env();
    String fromEnv = env.get("COMPOSE_FILE");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      String sep = env.getOrDefault("COMPOSE_PATH_SEPARATOR", "");
      sep = sep.isEmpty() ? java.io.File.pathSeparator : sep;
      List<Path> out = new ArrayList<>();
      for (String f : fromEnv.split(java.util.regex.Pattern.quote(sep), -1)) {
        if (!f.isEmpty()) {
          out.add(dir.resolve(f));
        }
      }
      if (!out.isEmpty()) {
        return out;
      }
    }
    for (Path d = dir; d != null; d = parent(d)) {
      for (String name : DEFAULT_FILES) {
        Path p = d.resolve(name);
        if (Files.isRegularFile(p)) {
          List<Path> out = new ArrayList<>(List.of(p));
          for (String o : OVERRIDE_FILES) {
            if (Files.isRegularFile(d.resolve(o))) {
              out.add(d.resolve(o));
              break;
            }
          }
          return out;
        }
      }
    }
    throw new HeadroomCommand.UsageError("no compose file given and none found (" + String.join(", ", DEFAULT_FILES)
        + ") here or in a directory above; name one with -f or COMPOSE_FILE");
  }

  /** The directory above, as an absolute path; null at the root. */
  private static Path parent(Path dir) {
    return dir.toAbsolutePath().normalize().getParent();
  }

  private Gate.Config gateConfig(List<Path> composeFiles, List<Path> inputs) {
    Path file = config;
    if (file == null) {
      Path dir = projectDirectory != null ? projectDirectory : composeFiles.get(0).toAbsolutePath().getParent();
      Path candidate = dir == null ? null : dir.resolve(ProjectConfig.FILE_NAME);
      if (candidate == null || !Files.isRegularFile(candidate)) {
        return Gate.Config.DEFAULT;
      }
      file = candidate;
    }
    inputs.add(file);
    Set<String> ids = ruleIds();
    Set<String> severities = new LinkedHashSet<>();
    Arrays.stream(Severity.values()).forEach(s -> severities.add(s.id()));
    Map<String, String> read = ProjectConfig.read(file, file.toString(), root.yaml(), ids, severities);
    Map<Rule, Severity> out = new EnumMap<>(Rule.class);
    read.forEach((k, v) -> out.put(Rule.valueOf(k), Severity.valueOf(v.toUpperCase(Locale.ROOT))));
    return new Gate.Config(out);
  }
}
