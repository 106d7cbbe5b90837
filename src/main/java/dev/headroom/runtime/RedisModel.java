package dev.headroom.runtime;

import dev.headroom.model.Bytes;
import dev.headroom.model.Range;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redis's memory from its settings (docs/models.md): the process's baseline, the dataset up to
 * {@code maxmemory}, the allocator's fragmentation on top of it, and, when Redis persists ({@code
 * save} points or {@code appendonly yes}), the pages a forked child copies while it writes: up to
 * the dataset again ("Redis can use up to 2 times the memory normally used", Redis's administration
 * guide). Without maxmemory the dataset has no bound and no footprint follows.
 */
public final class RedisModel extends Model {
  public static final RedisModel INSTANCE = new RedisModel();

  private RedisModel() {
    super("redis", "Redis",
        "maxmemory", "the most memory for data (1gb is 1024^3, 1g is 10^9; 0: no limit)",
        "save", "snapshot points, \"\" for none (default without a config file: " + DEFAULT_SAVE + ")",
        "appendonly", "yes or no (default no)");
  }

  /**
   * The server besides its data: code, the allocator's arenas, client and replication buffers.
   * Measured 10.2..10.4 MiB idle, and PSS at most used_memory + 11.2 MiB under load (Redis 7.0,
   * bench/fidelity.sh); an estimate.
   */
  static final Range BASELINE = new Range(Bytes.mib(8), Bytes.mib(12));
  /** Fragmentation on top of the dataset at the high end, in percent of maxmemory: an estimate. */
  static final long FRAGMENTATION_PERCENT = 20;
  /** The least maxmemory tune gives, MiB. */
  static final long FLOOR_MAXMEMORY = 4;
  /** Redis's own save points when it starts without a configuration file. */
  static final String DEFAULT_SAVE = "3600 1 300 100 60 10000";

  private static final Pattern SIZE = Pattern.compile("([0-9]{1,15})(k|kb|m|mb|g|gb)?", Pattern.CASE_INSENSITIVE);

  /** A Redis memory size: {@code 1gb} is 1024^3, {@code 1g} 10^9 (Redis's own units); null when it is not one. */
  public static Bytes bytes(String v) {
    Matcher m = SIZE.matcher(unquoted(v));
    if (!m.matches()) {
      return null;
    }
    long unit = switch (m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT)) {
      case "k" -> 1000;
      case "kb" -> Bytes.KIB;
      case "m" -> 1_000_000;
      case "mb" -> Bytes.MIB;
      case "g" -> 1_000_000_000;
      case "gb" -> Bytes.GIB;
      default -> 1;
    };
    try {
      return Bytes.of(Math.multiplyExact(Long.parseLong(m.group(1)), unit));
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private static String unquoted(String v) {
    String t = v.strip();
    return t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))
        ? t.substring(1, t.length() - 1) : t;
  }

  @Override
  public String problem(String name, String value) {
    return switch (name) {
      case "maxmemory" -> bytes(value) != null ? null : SIZE.matcher(unquoted(value)).matches()
          ? "more than 8 EiB (2^63-1 bytes)" : "Redis reads a size here, such as 256mb (1024-based) or 256m (1000-based)";
      case "appendonly" -> unquoted(value).equalsIgnoreCase("yes") || unquoted(value).equalsIgnoreCase("no") ? null
          : "Redis reads yes or no here";
      case "save" -> unquoted(value).isEmpty() || unquoted(value).matches("[0-9]+ [0-9]+( [0-9]+ [0-9]+)*") ? null
          : "Redis reads pairs of seconds and changes here, such as \"3600 1 300 100\", or \"\" for none";
      default -> "not a setting headroom's Redis model reads";
    };
  }

  private static String given(Map<String, String> settings, String name) {
    String v = INSTANCE.valid(settings, name);
    return v == null ? null : unquoted(v);
  }

  @Override
  public String incomplete(Map<String, String> settings, Bytes limit) {
    String max = given(settings, "maxmemory");
    return max == null || bytes(max).isZero()
        ? "without maxmemory Redis grows with its data and no footprint follows from its settings: give maxmemory" : null;
  }

  /** True when Redis forks to persist: save points (its default) or the append-only file. */
  static boolean persists(Map<String, String> settings) {
    String save = given(settings, "save");
    String aof = given(settings, "appendonly");
    return save == null || !save.isEmpty() || aof != null && aof.equalsIgnoreCase("yes");
  }

  @Override
  public Footprint footprint(Map<String, String> settings, Bytes limit) {
    Bytes max = bytes(given(settings, "maxmemory"));
    // FRAGMENTATION_PERCENT of maxmemory, rounded up to whole MiB
    long share = max.value() / 100 * FRAGMENTATION_PERCENT + ceilDiv(max.value() % 100 * FRAGMENTATION_PERCENT, 100);
    Bytes fragmentation = Bytes.mib(ceilDiv(share, Bytes.MIB));
    return Footprint.of(List.of(
        new Part("server baseline", BASELINE, true),
        new Part("dataset up to maxmemory", new Range(Bytes.ZERO, max), false),
        new Part("fragmentation, up to " + FRAGMENTATION_PERCENT + " % of maxmemory", new Range(Bytes.ZERO, fragmentation), true),
        new Part(persists(settings) ? "copy-on-write while a forked child saves" : "no persistence, no fork",
            new Range(Bytes.ZERO, persists(settings) ? max : Bytes.ZERO), false)));
  }

  /**
   * maxmemory takes what the limit leaves after the baseline's high end, shared with fragmentation
   * and, when Redis persists, the copy a save may make: (limit - baseline) / 1.2, or / 2.2.
   */
  @Override
  public Tuning tune(Bytes limit, Demand demand, Map<String, String> pinned) throws TooSmall {
    Map<String, String> s = new LinkedHashMap<>();
    boolean persists = persists(pinned);
    if (pinned.containsKey("maxmemory")) {
      if (incomplete(pinned, limit) != null) {
        throw new IllegalArgumentException("maxmemory 0 puts no bound on the data, so no footprint follows: give a size,"
            + " or leave maxmemory for tune to choose");
      }
      s.put("maxmemory", pinned.get("maxmemory"));
    } else {
      String save = persists ? DEFAULT_SAVE : "";
      Bytes minimum = footprint(Map.of("maxmemory", FLOOR_MAXMEMORY + "mb", "save", save), limit).total().high();
      if (minimum.compareTo(limit) > 0) {
        throw new TooSmall(limit + " is too small for Redis: the server (up to " + BASELINE.high() + ") and a dataset of "
            + FLOOR_MAXMEMORY + "mb" + (persists ? " with room to save it" : "") + " need " + minimum, minimum);
      }
      long mb = fit(limit, save);
      s.put("maxmemory", mb + "mb");
    }
    for (String name : List.of("save", "appendonly")) {
      if (pinned.containsKey(name)) {
        s.put(name, pinned.get(name));
      }
    }
    Footprint f = footprint(s, limit);
    List<String> notes = new java.util.ArrayList<>();
    notes.add("maxmemory-policy: the default noeviction refuses writes when full; allkeys-lru makes a cache of it");
    if (persists && !pinned.containsKey("maxmemory")) {
      notes.add("room is left for a save's copy-on-write; with save \"\" and appendonly no, maxmemory could be "
          + fit(limit, "") + "mb");
    }
    return new Tuning(s, f, f.total().high().compareTo(limit) <= 0, notes);
  }

  /**
   * The most maxmemory (whole mb) whose footprint fits: (limit - baseline) / (1 + fragmentation,
   * + 1 when saving), then down while the fragmentation's rounding up to whole MiB leaves it over.
   * The caller has checked that the floor fits.
   */
  private long fit(Bytes limit, String save) {
    long share = 100 + FRAGMENTATION_PERCENT + (save.isEmpty() ? 0 : 100);
    long mb = Math.max(FLOOR_MAXMEMORY, limit.minusClamped(BASELINE.high()).value() / Bytes.MIB * 100 / share);
    while (mb > FLOOR_MAXMEMORY
        && footprint(Map.of("maxmemory", mb + "mb", "save", save), limit).total().high().compareTo(limit) > 0) {
      mb--;
    }
    return mb;
  }

  @Override
  public String configure(Map<String, String> settings) {
    StringBuilder conf = new StringBuilder("# redis.conf\n");
    StringBuilder command = new StringBuilder("command: [\"redis-server\"");
    for (Map.Entry<String, String> e : settings.entrySet()) {
      String v = e.getKey().equals("save") && unquoted(e.getValue()).isEmpty() ? "\"\"" : unquoted(e.getValue());
      conf.append(e.getKey()).append(' ').append(v).append('\n');
      command.append(", \"--").append(e.getKey()).append("\", \"").append(unquoted(e.getValue())).append('"');
    }
    return conf + "# or, in a compose file\n" + command + "]\n";
  }
}
