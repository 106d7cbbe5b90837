package dev.headroom.cli;

import dev.headroom.load.CatalogLoader;
import dev.headroom.load.InputException;
import dev.headroom.load.Source;
import dev.headroom.load.YamlReader;
import dev.headroom.model.QuantityException;
import dev.headroom.model.Units;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;

/** The root command: global options shared by every subcommand, and the catalog they all load. */
@Command(
    name = "headroom",
    addMethodSubcommands = false,
    versionProvider = Version.class,
    description = {
      "Does this stack fit on this host, how many agents fit, and by how much does it overflow or leave room?",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 fits, 1 over budget (see --fail-on), 2 usage or input error, 3 internal error.",
      "Environment: HEADROOM_CATALOG (catalog directories, path-separated), NO_COLOR."
    })
public final class HeadroomCommand implements Runnable {

  /**
   * The subcommands, in the order help lists them. They are registered by {@link #register}, not
   * by the annotation: building picocli's model of a command reads its annotations by reflection,
   * most of a short run's time, so a run builds only the command it runs (docs/performance.md).
   */
  static final List<String> SUBCOMMANDS =
      List.of("plan", "matrix", "report", "advise", "tune", "check", "hosts", "stacks", "services", "validate", "completion");

  /**
   * A new instance of the subcommand {@code name}, one of {@link #SUBCOMMANDS}: a switch, not a
   * table of method references, each of which would be linked at startup.
   */
  static Subcommand create(String name) {
    return switch (name) {
      case "plan" -> new PlanCommand();
      case "matrix" -> new MatrixCommand();
      case "report" -> new ReportCommand();
      case "advise" -> new AdviseCommand();
      case "tune" -> new TuneCommand();
      case "check" -> new CheckCommand();
      case "hosts" -> new HostsCommand();
      case "stacks" -> new StacksCommand();
      case "services" -> new ServicesCommand();
      case "validate" -> new ValidateCommand();
      case "completion" -> new CompletionCommand();
      default -> throw new IllegalArgumentException("no command " + name);
    };
  }

  /** The groups the root's help lists the commands in, each a heading and its commands. */
  static final Map<String, List<String>> GROUPS = groups();

  private static Map<String, List<String>> groups() {
    Map<String, List<String>> g = new LinkedHashMap<>();
    g.put("Plan a stack on hosts", List.of("plan", "matrix", "report", "advise"));
    g.put("Check what you deploy", List.of("check", "tune"));
    g.put("The catalog", List.of("hosts", "stacks", "services", "validate"));
    g.put("The shell", List.of("completion"));
    return Collections.unmodifiableMap(g);
  }

  /**
   * The root's list of commands, in {@link #GROUPS}: a heading, then each command and the first
   * line of its description, wrapped at the help's width under the descriptions' column.
   */
  static String groupedCommands(CommandLine.Help help) {
    Map<String, CommandLine.Help> subs = help.subcommands();
    if (subs.isEmpty()) {
      return "";
    }
    int column = 2 + subs.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
    int width = help.commandSpec().usageMessage().width();
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, List<String>> g : GROUPS.entrySet()) {
      sb.append('\n').append(g.getKey()).append(":\n");
      for (String name : g.getValue()) {
        CommandLine.Help sub = subs.get(name);
        if (sub == null) {
          continue;
        }
        String[] description = sub.commandSpec().usageMessage().description();
        StringBuilder line = new StringBuilder("  ").append(name);
        line.append(" ".repeat(column - line.length()));
        for (String word : (description.length == 0 ? "" : description[0]).split(" ", -1)) {
          if (line.length() + word.length() > width && line.length() > column) {
            sb.append(line.toString().stripTrailing()).append('\n');
            line = new StringBuilder(" ".repeat(column + 2));
          }
          line.append(word).append(' ');
        }
        sb.append(line.toString().stripTrailing()).append('\n');
      }
    }
    return sb.toString();
  }

  /** Options of the root that take a value, so that their value is not taken for a command name. */
  private static final Set<String> VALUED = Set.of("--catalog", "--max-file-size");

  /**
   * Adds to {@code cl} the subcommand {@code args} run; none for {@code --version}; and every
   * subcommand when they name none (the root's help, a misspelt command: both list them all).
   */
  static void register(CommandLine cl, String[] args) {
    String named = null;
    boolean version = false;
    boolean help = false;
    for (int i = 0; i < args.length && named == null; i++) {
      String a = args[i];
      if (VALUED.contains(a)) {
        i++;
      } else if (!a.startsWith("-")) {
        named = SUBCOMMANDS.contains(a) ? a : "";
      }
      version |= a.equals("--version") || a.equals("-V");
      help |= a.equals("--help") || a.equals("-h");
    }
    HeadroomCommand root = (HeadroomCommand) cl.getCommand();
    root.spec = cl.getCommandSpec();
    if (named == null && version && !help) {
      return;
    }
    for (String name : SUBCOMMANDS) {
      if (named == null || named.isEmpty() || named.equals(name)) {
        Subcommand sub = create(name);
        cl.addSubcommand(name, CommandModels.commandLine(name, sub));
        sub.root = root;
        sub.spec = cl.getSubcommands().get(name).getCommandSpec();
      }
    }
  }

  /** The root's picocli spec, set by {@link #register}. */
  CommandSpec spec;

  private Context context = new Context(java.util.Map.of(), false);

  @Option(
      names = "--catalog",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description = "Add catalog files from DIR (or one file); repeatable. Later ids override earlier ones and the built-ins.")
  List<Path> catalogs = new ArrayList<>();

  @Option(
      names = "--max-file-size",
      paramLabel = "SIZE",
      scope = ScopeType.INHERIT,
      description = "Refuse input files larger than SIZE before parsing them (default: 5MiB).")
  String maxFileSize;

  @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "No colour, even on a terminal (also NO_COLOR).")
  boolean noColor;

  @Option(names = "--stacktrace", scope = ScopeType.INHERIT, description = "Print the Java stack trace of an error.")
  boolean stacktrace;

  // picocli's standard help options, declared as in Subcommand
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
  boolean version;

  void context(Context c) {
    this.context = c;
  }

  Context context() {
    return context;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new UsageError("a command is required (plan, matrix, advise, check, hosts, stacks, services, validate)");
  }

  /** A usage mistake found after parsing; exit code 2. */
  static final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message, null, false, false);
    }
  }

  /** Colour only on a terminal, and never with NO_COLOR or --no-color. */
  boolean color() {
    String noColorEnv = context.env("NO_COLOR");
    return context.terminal() && !noColor && (noColorEnv == null || noColorEnv.isEmpty())
        && !"dumb".equals(context.env("TERM"));
  }

  long maxFileSizeBytes() {
    if (maxFileSize == null) {
      return Source.DEFAULT_MAX_FILE_SIZE;
    }
    try {
      long v = Units.parseCatalogBytes(maxFileSize).value();
      if (v <= 0) {
        throw new UsageError("--max-file-size must be above zero");
      }
      return v;
    } catch (QuantityException e) {
      throw new UsageError("--max-file-size: " + e.getMessage());
    }
  }

  YamlReader yaml() {
    return new YamlReader(YamlReader.Limits.defaults().withMaxFileSize(maxFileSizeBytes()));
  }

  /** HEADROOM_CATALOG entries first, then --catalog flags: the later a layer, the higher it wins. */
  List<Path> catalogPaths() {
    List<Path> paths = new ArrayList<>();
    String env = context.env("HEADROOM_CATALOG");
    if (env != null && !env.isBlank()) {
      for (String p : java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(File.pathSeparator)).split(env, -1)) {
        if (!p.isBlank()) {
          paths.add(Path.of(p));
        }
      }
    }
    paths.addAll(catalogs);
    return paths;
  }

  CatalogLoader.Result loadCatalog() throws InputException {
    return new CatalogLoader(yaml()).load(catalogPaths());
  }

  /** The catalog a plan of {@code stack} (null: the default) on {@code hosts} reads: only those built-in files when no user catalog is given. */
  CatalogLoader.Result loadCatalogFor(List<String> hosts, String stack) throws InputException {
    return new CatalogLoader(yaml()).loadFor(hosts, stack, catalogPaths());
  }

  /** The catalog, with only the built-in files of {@code parts} ({@code hosts}, {@code services}) when no user catalog is given. */
  CatalogLoader.Result loadCatalog(Set<String> parts) throws InputException {
    return new CatalogLoader(yaml()).load(parts, catalogPaths());
  }
}
