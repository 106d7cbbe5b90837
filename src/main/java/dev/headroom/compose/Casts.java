package dev.headroom.compose;

import dev.headroom.load.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The type casts compose-go's loader applies to string values after interpolation (loader
 * {@code interpolateTypeCastMapping}): {@code "3"} under {@code deploy.replicas} becomes the integer
 * 3, and a value that does not cast refuses the file, as in docker compose.
 */
final class Casts {
  private Casts() {}

  enum Kind {
    INT,
    FLOAT,
    BOOL
  }

  /** A cast path: {@code *} matches any key, {@code []} any list item. */
  private record Rule(List<String> path, Kind kind) {}

  private static final List<Rule> RULES = List.of(
      s(Kind.INT, "configs", "[]", "mode"),
      s(Kind.INT, "cpu_count"), s(Kind.FLOAT, "cpu_percent"), s(Kind.INT, "cpu_period"), s(Kind.INT, "cpu_quota"),
      s(Kind.INT, "cpu_rt_period"), s(Kind.INT, "cpu_rt_runtime"), s(Kind.FLOAT, "cpus"), s(Kind.INT, "cpu_shares"),
      s(Kind.BOOL, "init"),
      s(Kind.INT, "deploy", "replicas"),
      s(Kind.INT, "deploy", "update_config", "parallelism"), s(Kind.FLOAT, "deploy", "update_config", "max_failure_ratio"),
      s(Kind.INT, "deploy", "rollback_config", "parallelism"), s(Kind.FLOAT, "deploy", "rollback_config", "max_failure_ratio"),
      s(Kind.INT, "deploy", "restart_policy", "max_attempts"), s(Kind.INT, "deploy", "placement", "max_replicas_per_node"),
      s(Kind.INT, "healthcheck", "retries"), s(Kind.BOOL, "healthcheck", "disable"),
      s(Kind.BOOL, "oom_kill_disable"), s(Kind.INT, "oom_score_adj"), s(Kind.INT, "pids_limit"),
      s(Kind.INT, "ports", "[]", "target"),
      s(Kind.BOOL, "privileged"), s(Kind.BOOL, "read_only"), s(Kind.INT, "scale"),
      s(Kind.INT, "secrets", "[]", "mode"), s(Kind.BOOL, "stdin_open"), s(Kind.BOOL, "tty"),
      s(Kind.INT, "ulimits", "*"), s(Kind.INT, "ulimits", "*", "hard"), s(Kind.INT, "ulimits", "*", "soft"),
      s(Kind.BOOL, "volumes", "[]", "read_only"), s(Kind.BOOL, "volumes", "[]", "volume", "nocopy"),
      top(Kind.BOOL, "networks", "*", "external"), top(Kind.BOOL, "networks", "*", "internal"),
      top(Kind.BOOL, "networks", "*", "attachable"), top(Kind.BOOL, "networks", "*", "enable_ipv6"),
      top(Kind.BOOL, "volumes", "*", "external"), top(Kind.BOOL, "secrets", "*", "external"),
      top(Kind.BOOL, "configs", "*", "external"));

  private static Rule s(Kind k, String... rest) {
    String[] p = new String[rest.length + 2];
    p[0] = "services";
    p[1] = "*";
    System.arraycopy(rest, 0, p, 2, rest.length);
    return new Rule(List.of(p), k);
  }

  private static Rule top(Kind k, String... p) {
    return new Rule(List.of(p), k);
  }

  private static final Pattern INT = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern FLOAT =
      Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

  /** The cast for a path (its segments, list items as {@code []}), or null. */
  static Kind at(List<String> path) {
    if (path.isEmpty()) {
      return null;
    }
    // every scalar of a file is looked up: only the rules that end in its last key, or in any key
    Kind k = first(BY_LAST.get(path.get(path.size() - 1)), path);
    return k != null ? k : first(BY_LAST.get("*"), path);
  }

  private static Kind first(List<Rule> rules, List<String> path) {
    if (rules != null) {
      for (Rule r : rules) {
        if (matches(path, r.path())) {
          return r.kind();
        }
      }
    }
    return null;
  }

  /** The rules by the last segment of their path, each list in the order of {@link #RULES}; no path matches two rules. */
  private static final Map<String, List<Rule>> BY_LAST = byLast();

  private static Map<String, List<Rule>> byLast() {
    Map<String, List<Rule>> m = new HashMap<>();
    for (Rule r : RULES) {
      m.computeIfAbsent(r.path().get(r.path().size() - 1), k -> new ArrayList<>()).add(r);
    }
    return m;
  }

  private static boolean matches(List<String> path, List<String> pattern) {
    if (path.size() != pattern.size()) {
      return false;
    }
    for (int i = 0; i < path.size(); i++) {
      if (!pattern.get(i).equals("*") && !pattern.get(i).equals(path.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** A string after its cast: the value (an integer in decimal) and the YAML type it now has. */
  record Cast(String value, YamlNode.Type type) {}

  /**
   * What a string becomes under a cast, or an error message worded as Go's strconv words it
   * ({@code strconv.Atoi: parsing "512m": invalid syntax}). An integer is read in base 10, as
   * {@code strconv.Atoi} reads it, and written back in decimal: {@code "010"} is 10, never the
   * octal 8 that the same digits unquoted in YAML would be.
   */
  static Cast cast(Kind kind, String value) throws CastException {
    switch (kind) {
      case INT -> {
        if (!INT.matcher(value).matches()) {
          throw new CastException("strconv.Atoi: parsing \"" + value + "\": invalid syntax");
        }
        try {
          return new Cast(Long.toString(Long.parseLong(value)), YamlNode.Type.INT);
        } catch (NumberFormatException e) {
          throw new CastException("strconv.Atoi: parsing \"" + value + "\": value out of range");
        }
      }
      case FLOAT -> {
        if (!FLOAT.matcher(value).matches()) {
          throw new CastException("strconv.ParseFloat: parsing \"" + value + "\": invalid syntax");
        }
        return new Cast(value, YamlNode.Type.FLOAT);
      }
      default -> {
        String v = value.toLowerCase(Locale.ROOT);
        if (!List.of("true", "y", "yes", "on", "false", "n", "no", "off").contains(v)) {
          throw new CastException("invalid boolean: " + value);
        }
        return new Cast(value, YamlNode.Type.BOOL);
      }
    }
  }

  static final class CastException extends Exception {
    private static final long serialVersionUID = 1L;

    CastException(String message) {
      super(message, null, false, false);
    }
  }
}
