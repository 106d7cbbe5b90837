package dev.headroom.solve;

import dev.headroom.model.Bytes;
import dev.headroom.model.ComposeProject;
import dev.headroom.model.ComposeService;
import dev.headroom.model.ComposeService.Sourced;
import dev.headroom.model.Cpu;
import dev.headroom.model.Host;
import dev.headroom.model.QuantityException;
import dev.headroom.model.Units;
import dev.headroom.runtime.DotnetModel;
import dev.headroom.runtime.Footprint;
import dev.headroom.runtime.JvmModel;
import dev.headroom.runtime.NodeModel;
import dev.headroom.runtime.PostgresModel;
import dev.headroom.runtime.RedisModel;
import dev.headroom.runtime.RuntimeModel;
import dev.headroom.runtime.TooSmall;
import dev.headroom.runtime.Tuning;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules that look inside a container: what its process is told by its environment, its command
 * and the configuration files it mounts from the project (HR101 to HR107), with the runtime models
 * of the runtime package where a runtime's settings decide its memory. A container limit is half
 * the story; the runtime decides how much it will try to use. One method and one test each;
 * docs/rules.md has the why and the fix.
 */
final class RuntimeRules {
  private RuntimeRules() {}

  /** The Docker Hub official image {@code name}, however written: {@code name:tag}, {@code docker.io/library/name@sha256:...}. */
  private static Pattern officialImage(String name) {
    return Pattern.compile("(?:(?:docker\\.io|index\\.docker\\.io|registry-1\\.docker\\.io)/)?(?:library/)?"
        + Pattern.quote(name) + "(?:[:@].*)?");
  }

  // ------------------------------------------------------------------ HR101

  private static final Pattern OLD_SPACE = Pattern.compile("--max[-_]old[-_]space[-_]size(?:=(\\S*))?");

  /**
   * HR101: Node's old-space heap ({@code --max-old-space-size=N}, N in MiB, in {@code NODE_OPTIONS} or
   * the command) at or above the container's memory limit. V8 grows the heap up to N before it
   * collects in earnest, and the heap is not all of the process: the kernel kills the container first.
   */
  static List<Finding> hr101NodeHeapAboveLimit(ComposeProject p) {
    List<Finding> out = new ArrayList<>();
    for (ComposeService s : p.services()) {
      if (s.memLimit() == null) {
        continue;
      }
      List<Sourced<String>> words = new ArrayList<>();
      Sourced<String> options = s.environment().get("NODE_OPTIONS");
      if (options != null) {
        for (String w : options.value().trim().split("\\s+", -1)) {
          words.add(new Sourced<>(w, options.origin()));
        }
      }
      words.addAll(s.command());
      boolean flagged = false;
      for (int i = 0; i < words.size(); i++) {
        Matcher m = OLD_SPACE.matcher(words.get(i).value());
        if (!m.matches()) {
          continue;
        }
        flagged = true;
        String n = m.group(1) != null ? m.group(1) : i + 1 < words.size() ? words.get(i + 1).value() : "";
        if (!n.matches("[0-9]{1,9}")) {
          continue;
        }
        Bytes heap = Bytes.mib(Long.parseLong(n));
        Bytes limit = s.memLimit().value();
        if (heap.compareTo(limit) >= 0) {
          out.add(new Finding(Rule.HR101, Rule.HR101.defaultSeverity(), s.name(),
              s.name() + ": --max-old-space-size=" + n + " lets Node's heap grow to " + heap + ", at or above the container's"
                  + " memory limit of " + limit + ": the kernel kills the container before V8 collects",
              nodeHeapFix(limit), words.get(i).origin()));
        }
      }
      Bytes limit = s.memLimit().value();
      long defaultOld = NodeModel.defaultOld(limit);
      if (!flagged && isNode(s) && Bytes.mib(defaultOld).compareTo(limit) >= 0) {
        // a warning, not an error: nothing was set wrong, and a service with a small live heap may never grow it
        out.add(new Finding(Rule.HR101, Severity.WARNING, s.name(),
            s.name() + ": no --max-old-space-size, so V8 sizes Node's heap from the container's memory: half of it, but at"
                + " least 256 MiB, at or above this container's limit of " + limit
                + ": the kernel kills the container before V8 collects",
            nodeHeapFix(limit),
            options != null ? options.origin() : s.command().isEmpty() ? s.origin() : s.command().get(0).origin()));
      }
    }
    return out;
  }

  /**
   * The fix HR101 gives: the heap that leaves room in the limit for the rest of the process, as
   * {@code headroom tune node} chooses it (docs/models.md), or the limit Node needs at the least.
   */
  private static String nodeHeapFix(Bytes limit) {
    String asOption = limit.value() % Bytes.MIB == 0 ? limit.value() / Bytes.MIB + "MiB" : Long.toString(limit.value());
    try {
      Tuning t = NodeModel.INSTANCE.tune(limit, RuntimeModel.Demand.NONE, Map.of());
      return "set the heap below the limit, leaving room for the rest of the process (the runtime, the young generation):"
          + " NODE_OPTIONS=\"--max-old-space-size=" + t.settings().get("max-old-space-size") + " --max-semi-space-size="
          + t.settings().get("max-semi-space-size") + "\", up to " + t.footprint().total().high() + " in all (headroom tune"
          + " node --limit " + asOption + ")";
    } catch (TooSmall e) {
      return "raise the limit: " + e.getMessage();
    }
  }

  private static final Pattern OFFICIAL_NODE = officialImage("node");
  private static final Set<String> NODE_COMMANDS = Set.of("node", "npm", "npx", "yarn", "pnpm");

  /** A Node.js process: the official node image, a command that starts one, or NODE_OPTIONS given. */
  private static boolean isNode(ComposeService s) {
    if (s.image() != null && OFFICIAL_NODE.matcher(s.image()).matches() || s.environment().containsKey("NODE_OPTIONS")) {
      return true;
    }
    if (s.command().isEmpty()) {
      return false;
    }
    String first = s.command().get(0).value();
    return NODE_COMMANDS.contains(first.substring(first.lastIndexOf('/') + 1));
  }

  // ------------------------------------------------------------------ HR102

  private static final List<String> JVM_OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_OPTS");

  /**
   * HR102: the JVM's heap plus what it needs besides ({@link JvmModel}) above the container's limit.
   * The options come from {@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS}, {@code JAVA_OPTS} and
   * a {@code java} command; only a service that gives a heap ({@code -Xmx} or {@code
   * -XX:MaxRAMPercentage}) is judged. Above the limit at the low end is an error; only at the high
   * end, a warning.
   */
  static List<Finding> hr102JvmAboveLimit(ComposeProject p) {
    List<Finding> out = new ArrayList<>();
    for (ComposeService s : p.services()) {
      if (s.memLimit() == null) {
        continue;
      }
      List<Sourced<String>> options = new ArrayList<>();
      for (String v : JVM_OPTION_VARIABLES) {
        Sourced<String> o = s.environment().get(v);
        if (o != null) {
          for (String w : o.value().trim().split("\\s+", -1)) {
            options.add(new Sourced<>(w, o.origin()));
          }
        }
      }
      if (!s.command().isEmpty() && s.command().get(0).value().endsWith("java")) {
        options.addAll(s.command());
      }
      Bytes limit = s.memLimit().value();
      Map<String, String> settings = new java.util.LinkedHashMap<>();
      Sourced<String> heapAt = null;
      for (Sourced<String> o : options) {
        Map.Entry<String, String> setting = JvmModel.option(o.value());
        if (setting == null || JvmModel.INSTANCE.problem(setting.getKey(), setting.getValue()) != null) {
          continue; // a value the JVM refuses: it does not start, which is not this rule's business
        }
        settings.put(setting.getKey(), setting.getValue());
        if (setting.getKey().equals("Xmx") || setting.getKey().equals("MaxRAMPercentage") && !settings.containsKey("Xmx")) {
          heapAt = o;
        }
      }
      if (heapAt == null) {
        continue;
      }
      Footprint f;
      try {
        f = JvmModel.INSTANCE.footprint(settings, limit);
      } catch (ArithmeticException e) {
        continue;
      }
      Bytes heap = f.parts().get(0).memory().high();
      boolean always = f.total().low().compareTo(limit) > 0;
      if (!always && f.total().high().compareTo(limit) <= 0) {
        continue;
      }
      out.add(new Finding(Rule.HR102, always ? Severity.ERROR : Rule.HR102.defaultSeverity(), s.name(),
          s.name() + ": the JVM's heap of " + heap + " and what it needs besides come to " + f.total() + " against a"
              + " container limit of " + limit + (always ? ", more than the limit at the low end" : ", more than the limit at"
              + " the high end") + " (" + f.describe() + ")",
          "lower -Xmx (or -XX:MaxRAMPercentage) to leave room for metaspace, code cache and thread stacks, or raise the limit",
          heapAt.origin()));
    }
    return out;
  }

  // ------------------------------------------------------------------ HR103

  /**
   * HR103: what PostgreSQL's settings let it allocate ({@link PostgresModel}) against the container's
   * limit. The settings come from the configuration file the command names ({@code -c
   * config_file=...}, mounted from the project), then {@code -c name=value} and {@code --name=value}
   * in the command, which win; unset ones are PostgreSQL's defaults. An idle server above the limit
   * is an error; a warm one (shared_buffers filled) a warning; a busy one (every connection open and
   * sorting) a note (info), the worst case of a stock server, which many deployments never reach.
   * The rest of the ceiling (parallel workers, autovacuum and an index build all at once) is not
   * reported.
   */
  static List<Finding> hr103PostgresSettingsAboveLimit(ComposeProject p) {
    List<Finding> out = new ArrayList<>();
    for (ComposeService s : p.services()) {
      List<Sourced<String>> words = s.command();
      boolean postgres = s.image() != null && OFFICIAL_POSTGRES.matcher(s.image()).matches()
          || !words.isEmpty() && words.get(0).value().endsWith("postgres");
      if (!postgres || s.memLimit() == null) {
        continue;
      }
      Map<String, String> settings = new java.util.LinkedHashMap<>();
      List<String> pairs = new ArrayList<>();
      for (int i = 0; i < words.size(); i++) {
        String w = words.get(i).value();
        if (w.equals("-c") && i + 1 < words.size()) {
          pairs.add(words.get(i + 1).value());
        } else if (w.startsWith("--") && w.contains("=")) {
          int eq = w.indexOf('=');
          pairs.add(w.substring(2, eq).replace('-', '_') + w.substring(eq)); // --config-file=/a-b.conf: the name only
        }
      }
      for (String pair : pairs) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).strip().equalsIgnoreCase("config_file")) {
          Sourced<String> conf = s.files().get(pair.substring(eq + 1).strip());
          if (conf != null) {
            settings.putAll(PostgresModel.parseConf(conf.value()));
          }
        }
      }
      for (String pair : pairs) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          settings.put(pair.substring(0, eq).strip().toLowerCase(Locale.ROOT), pair.substring(eq + 1).strip());
        }
      }
      Footprint f;
      try {
        f = PostgresModel.INSTANCE.footprint(settings, null);
      } catch (ArithmeticException e) {
        continue; // settings past 8 EiB: the server refuses them itself
      }
      Bytes limit = s.memLimit().value();
      Bytes warm = PostgresModel.highOfFirst(f, PostgresModel.WARM);
      Bytes busy = PostgresModel.highOfFirst(f, PostgresModel.BUSY);
      String when;
      Severity severity;
      if (f.total().low().compareTo(limit) > 0) {
        when = ", more than the limit even idle";
        severity = Severity.ERROR;
      } else if (warm.compareTo(limit) > 0) {
        when = ": warm, with shared_buffers filled, it needs " + warm + ", more than the limit before a connection is busy";
        severity = Severity.WARNING;
      } else if (busy.compareTo(limit) > 0) {
        when = ": with every connection sorting it needs " + busy + ", more than the limit";
        severity = Rule.HR103.defaultSeverity();
      } else {
        continue; // only parallel workers, autovacuum and an index build at once pass the limit: not reported
      }
      out.add(new Finding(Rule.HR103, severity, s.name(),
          s.name() + ": PostgreSQL's settings let it use " + f.total() + " against a container limit of " + limit + when
              + " (" + f.describe() + ")",
          "lower shared_buffers, max_connections or work_mem (docs/models.md has the formula; headroom tune postgres --limit "
              + limit.value() / Bytes.MIB + "MiB --connections N gives settings that fit), or raise the limit",
          words.isEmpty() ? s.origin() : words.get(0).origin()));
    }
    return out;
  }

  // ------------------------------------------------------------------ HR104

  /** The variables the official postgres image's entrypoint reads (docker-library/postgres). */
  static final Set<String> POSTGRES_IMAGE_VARIABLES = Set.of("POSTGRES_PASSWORD", "POSTGRES_USER", "POSTGRES_DB",
      "POSTGRES_INITDB_ARGS", "POSTGRES_INITDB_WALDIR", "POSTGRES_HOST_AUTH_METHOD", "POSTGRES_PASSWORD_FILE",
      "POSTGRES_USER_FILE", "POSTGRES_DB_FILE", "POSTGRES_INITDB_ARGS_FILE");

  private static final Pattern OFFICIAL_POSTGRES = officialImage("postgres");

  /**
   * HR104: server settings passed as {@code POSTGRES_*} variables to the official postgres image,
   * whose entrypoint reads only its own few ({@link #POSTGRES_IMAGE_VARIABLES}): {@code
   * POSTGRES_SHARED_BUFFERS=16MB} leaves shared_buffers at its default. One finding per service,
   * with the command that does set them.
   */
  static List<Finding> hr104SettingsTheImageIgnores(ComposeProject p) {
    List<Finding> out = new ArrayList<>();
    for (ComposeService s : p.services()) {
      out.addAll(dotnetSettingsReadOtherwise(s));
      if (s.image() == null || !OFFICIAL_POSTGRES.matcher(s.image()).matches()) {
        continue;
      }
      List<String> ignored = new ArrayList<>();
      List<String> settings = new ArrayList<>();
      Sourced<String> first = null;
      for (Map.Entry<String, Sourced<String>> e : s.environment().entrySet()) {
        String key = e.getKey();
        if (!key.startsWith("POSTGRES_") || POSTGRES_IMAGE_VARIABLES.contains(key) || key.length() == "POSTGRES_".length()) {
          continue;
        }
        ignored.add(key);
        settings.add(key.substring("POSTGRES_".length()).toLowerCase(Locale.ROOT) + "=" + e.getValue().value());
        first = first == null ? e.getValue() : first;
      }
      if (first == null) {
        continue;
      }
      StringBuilder command = new StringBuilder("command: [\"postgres\"");
      for (String setting : settings) {
        command.append(", \"-c\", \"").append(setting).append('"');
      }
      command.append(']');
      out.add(new Finding(Rule.HR104, Rule.HR104.defaultSeverity(), s.name(),
          s.name() + ": the official postgres image ignores " + String.join(", ", ignored)
              + "; the server runs with its defaults for " + (ignored.size() == 1 ? "it" : "them"),
          "pass them to the server: " + command + " (or in a postgresql.conf mounted and named with -c config_file=...)",
          first.origin()));
    }
    return out;
  }

  private static final Pattern DOTNET_GC_VARIABLE = Pattern.compile("(?:DOTNET|COMPlus)_(GC[A-Za-z0-9]+)");

  /**
   * HR104 for .NET: the runtime reads every numeric {@code DOTNET_GC*} variable as hexadecimal, so
   * {@code DOTNET_GCLOHThreshold=20000} is 0x20000 = 131072 bytes; and {@code DOTNET_GCHeapCount}
   * applies to server GC only, so with {@code DOTNET_gcServer} unset or 0 it is ignored.
   */
  private static List<Finding> dotnetSettingsReadOtherwise(ComposeService s) {
    List<Finding> out = new ArrayList<>();
    List<String> hex = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    Sourced<String> first = null;
    Sourced<String> heapCount = null;
    for (Map.Entry<String, Sourced<String>> e : s.environment().entrySet()) {
      Matcher m = DOTNET_GC_VARIABLE.matcher(e.getKey());
      if (!m.matches()) {
        continue;
      }
      String v = e.getValue().value().strip();
      if (m.group(1).equalsIgnoreCase("GCHeapCount")) {
        heapCount = e.getValue();
      }
      if (v.matches("[0-9]{2,15}") && Long.parseLong(v, 16) != Long.parseLong(v)) {
        long asHex = Long.parseLong(v, 16);
        long asDecimal = Long.parseLong(v);
        hex.add(e.getKey() + "=" + v + " is 0x" + v + " = " + asHex);
        fixes.add(e.getKey() + "=0x" + Long.toHexString(asDecimal).toUpperCase(Locale.ROOT));
        first = first == null ? e.getValue() : first;
      }
    }
    if (first != null) {
      out.add(new Finding(Rule.HR104, Rule.HR104.defaultSeverity(), s.name(),
          s.name() + ": .NET reads DOTNET_GC* values as hexadecimal: " + String.join("; ", hex),
          "if the decimal value was meant, write it in hexadecimal: " + String.join(", ", fixes),
          first.origin()));
    }
    Sourced<String> server = null;
    for (String name : List.of("DOTNET_gcServer", "COMPlus_gcServer")) {
      server = server != null ? server : s.environment().get(name);
    }
    Long serverGc = server == null ? null : DotnetModel.hex(server.value());
    if (heapCount != null && (serverGc == null || serverGc != 1)) {
      out.add(new Finding(Rule.HR104, Rule.HR104.defaultSeverity(), s.name(),
          s.name() + ": DOTNET_GCHeapCount applies to server GC only; with DOTNET_gcServer"
              + (server == null ? " unset" : "=" + server.value().strip()) + " the workstation GC runs one heap and ignores it",
          "drop DOTNET_GCHeapCount, or set DOTNET_gcServer=1 if several heaps were meant", heapCount.origin()));
    }
    return out;
  }

  // ------------------------------------------------------------------ HR105

  private static final Pattern OFFICIAL_REDIS = officialImage("redis");

  /**
   * HR105: Redis's {@code maxmemory} (from {@code --maxmemory} in the command, else the mounted
   * configuration file the command names) at or above the container's limit. maxmemory bounds the
   * dataset only; the process needs more besides (buffers, fragmentation), so the container is killed
   * before Redis evicts anything.
   */
  static List<Finding> hr105RedisMaxmemoryAboveLimit(ComposeProject p) {
    List<Finding> out = new ArrayList<>();
    for (ComposeService s : p.services()) {
      boolean redis = s.image() != null && OFFICIAL_REDIS.matcher(s.image()).matches()
          || !s.command().isEmpty() && s.command().get(0).value().endsWith("redis-server");
      if (!redis || s.memLimit() == null) {
        continue;
      }
      Sourced<String> setting = null;
      for (Sourced<String> file : s.files().values()) {
        String[] lines = file.value().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          String[] words = lines[i].strip().split("\\s+", -1);
          if (words.length >= 2 && words[0].equalsIgnoreCase("maxmemory")) {
            setting = new Sourced<>(words[1], new dev.headroom.model.Origin(file.origin().file(), i + 1, 1));
          }
        }
      }
      List<Sourced<String>> words = s.command();
      for (int i = 0; i + 1 < words.size(); i++) {
        if (words.get(i).value().equals("--maxmemory")) {
          setting = words.get(i + 1);
        }
      }
      if (setting == null) {
        continue;
      }
      Bytes max = RedisModel.bytes(setting.value());
      Bytes limit = s.memLimit().value();
      if (max != null && !max.isZero() && max.compareTo(limit) >= 0) {
        out.add(new Finding(Rule.HR105, Rule.HR105.defaultSeverity(), s.name(),
            s.name() + ": Redis's maxmemory " + setting.value() + " (" + max + ") is at or above the container's memory limit of "
                + limit + ": the dataset alone may fill it, and the kernel kills Redis before it evicts a key",
            "set maxmemory below the limit, leaving room for buffers and fragmentation: about three quarters of it, "
                + "maxmemory " + limit.value() / Bytes.MIB * 3 / 4 + "mb",
            setting.origin()));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ HR106

  private static final Pattern WORKERS_VARIABLE = Pattern.compile("(?:[A-Z0-9]+_)*WORKERS");
  private static final Pattern WORKERS_FLAG = Pattern.compile("--workers(?:=(\\S*))?|-w");

  /**
   * HR106: a worker count ({@code *_WORKERS} variables, {@code --workers N} or {@code -w N} in the
   * command) above the host's cores: the workers take turns on the CPUs, each with its own memory.
   */
  static List<Finding> hr106WorkersAboveCores(ComposeProject p, Host host) {
    List<Finding> out = new ArrayList<>();
    if (host.cpu() == null) {
      return out;
    }
    Cpu cores = host.cpu().cores();
    for (ComposeService s : p.services()) {
      for (Map.Entry<String, Sourced<String>> e : s.environment().entrySet()) {
        if (WORKERS_VARIABLE.matcher(e.getKey()).matches()) {
          workers(s, e.getKey() + "=" + e.getValue().value(), e.getValue().value(), e.getValue(), cores, host, out);
        }
      }
      List<Sourced<String>> words = s.command();
      for (int i = 0; i < words.size(); i++) {
        Matcher m = WORKERS_FLAG.matcher(words.get(i).value());
        if (m.matches()) {
          String n = m.group(1) != null ? m.group(1) : i + 1 < words.size() ? words.get(i + 1).value() : "";
          workers(s, words.get(i).value() + (m.group(1) != null ? "" : " " + n), n, words.get(i), cores, host, out);
        }
      }
    }
    return out;
  }

  private static void workers(ComposeService s, String written, String n, Sourced<String> at, Cpu cores, Host host,
      List<Finding> out) {
    if (!n.strip().matches("[0-9]{1,9}")) {
      return;
    }
    long count = Long.parseLong(n.strip());
    if (Cpu.of(Long.toString(count)).compareTo(cores) > 0) {
      out.add(new Finding(Rule.HR106, Rule.HR106.defaultSeverity(), s.name(),
          s.name() + ": " + written + " starts " + count + " workers on " + host.id() + "'s " + cores + " cores",
          "start at most as many workers as cores (" + cores + "), fewer where other services share them", at.origin()));
    }
  }

  // ------------------------------------------------------------------ HR107

  private static final Pattern THRESHOLD_VARIABLE = Pattern.compile(
      "(?:[A-Z0-9]+_)*(?:MEMORY_(?:THRESHOLD|LIMIT|MAX)|MAX_MEMORY|MEM_LIMIT)(?:_(MB|MIB|GB|GIB|KB|KIB|BYTES))?");

  /**
   * HR107: an application's own memory threshold ({@code MEMORY_THRESHOLD_MB}, {@code *_MEMORY_LIMIT},
   * ...) above the container limit of the service it is given to: the application believes it may use
   * memory the container does not have, and is killed before its threshold acts. A plain number is
   * read in the unit the name gives ({@code _MB}, {@code _GB}: binary, as memory is sold), or MiB
   * when the name gives none; a value with a unit ({@code 512m}) as docker reads sizes.
   */
  static List<Finding> hr107ThresholdAboveLimit(ComposeProject p) {
    List<Finding> out = new ArrayList<>();
    for (ComposeService s : p.services()) {
      if (s.memLimit() == null) {
        continue;
      }
      for (Map.Entry<String, Sourced<String>> e : s.environment().entrySet()) {
        Matcher m = THRESHOLD_VARIABLE.matcher(e.getKey());
        if (!m.matches()) {
          continue;
        }
        Bytes threshold = threshold(e.getValue().value().strip(), m.group(1));
        Bytes limit = s.memLimit().value();
        if (threshold != null && threshold.compareTo(limit) > 0) {
          out.add(new Finding(Rule.HR107, Rule.HR107.defaultSeverity(), s.name(),
              s.name() + ": " + e.getKey() + "=" + e.getValue().value() + " lets the application use up to " + threshold
                  + ", above the container's memory limit of " + limit + ": it is killed before its own threshold acts",
              "set " + e.getKey() + " below the limit (the limit less what the runtime needs besides), or raise the limit",
              e.getValue().origin()));
        }
      }
    }
    return out;
  }

  /** The threshold in bytes, or null when the value is not a size. */
  static Bytes threshold(String value, String unit) {
    try {
      if (value.matches("[0-9]{1,15}(\\.[0-9]{1,9})?")) {
        long scale = switch (unit == null ? "MB" : unit) {
          case "BYTES" -> 1;
          case "KB", "KIB" -> Bytes.KIB;
          case "GB", "GIB" -> Bytes.GIB;
          default -> Bytes.MIB;
        };
        return Bytes.of(new BigDecimal(value).multiply(BigDecimal.valueOf(scale)).setScale(0, java.math.RoundingMode.FLOOR)
            .longValueExact());
      }
      return Units.parseComposeBytes(value);
    } catch (QuantityException | ArithmeticException e) {
      return null;
    }
  }
}
