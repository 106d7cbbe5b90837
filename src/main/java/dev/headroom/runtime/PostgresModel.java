package dev.headroom.runtime;

import dev.headroom.model.Bytes;
import dev.headroom.model.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's memory from its settings (docs/models.md): shared_buffers, wal_buffers (-1: 1/32 of
 * shared_buffers, at least 64 kB, at most one 16 MB WAL segment), a baseline for the postmaster and
 * its background processes, per-connection overhead × max_connections, work_mem × one operation per
 * connection, and maintenance_work_mem × autovacuum_max_workers. The low end is a fresh, idle server
 * (the baseline; shared_buffers is charged to the container only as its pages are touched); the
 * high end a working set that fills shared_buffers, every connection open and sorting at once, and
 * autovacuum running every worker. effective_cache_size is a hint to the planner
 * about the operating system's cache: PostgreSQL allocates nothing for it.
 */
public final class PostgresModel implements RuntimeModel {
  public static final PostgresModel INSTANCE = new PostgresModel();

  private PostgresModel() {}

  /** The defaults of PostgreSQL 16 (postgresql.conf.sample), in bytes or counts. */
  static final Map<String, Long> DEFAULTS = Map.of(
      "shared_buffers", 128 * Bytes.MIB,
      "wal_buffers", -1L,
      "max_connections", 100L,
      "work_mem", 4 * Bytes.MIB,
      "maintenance_work_mem", 64 * Bytes.MIB,
      "autovacuum_work_mem", -1L,
      "autovacuum_max_workers", 3L,
      "effective_cache_size", 4 * Bytes.GIB);

  /** The least value PostgreSQL accepts per setting (pg_settings.min_val), -1 where -1 means automatic. */
  private static final Map<String, Long> MINIMUM = Map.of(
      "shared_buffers", 128 * Bytes.KIB,
      "wal_buffers", 32 * Bytes.KIB,
      "max_connections", 1L,
      "work_mem", 64 * Bytes.KIB,
      "maintenance_work_mem", Bytes.MIB,
      "autovacuum_work_mem", Bytes.MIB,
      "autovacuum_max_workers", 1L,
      "effective_cache_size", 8 * Bytes.KIB);

  private static final Map<String, String> SETTINGS = settingsInOrder();

  private static Map<String, String> settingsInOrder() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("shared_buffers", "the shared buffer cache (8 kB blocks, or with a unit)");
    m.put("wal_buffers", "WAL not yet written to disk; -1: 1/32 of shared_buffers, 64 kB..16 MB");
    m.put("max_connections", "the most client connections at once");
    m.put("work_mem", "memory of one sort or hash before it spills to disk (kB, or with a unit)");
    m.put("maintenance_work_mem", "memory of VACUUM, CREATE INDEX and the like (kB, or with a unit)");
    m.put("autovacuum_work_mem", "memory of each autovacuum worker; -1: maintenance_work_mem");
    m.put("autovacuum_max_workers", "the most autovacuum workers at once");
    m.put("effective_cache_size", "a hint to the planner about the OS file cache; allocates nothing");
    return m;
  }

  /** Postmaster, checkpointer, background writer, WAL writer, autovacuum launcher, logical launcher: an estimate. */
  static final Range BASELINE = new Range(Bytes.mib(10), Bytes.mib(20));

  /** One backend's own memory besides work_mem (catalog and plan caches, stack): an estimate. */
  static final Range PER_CONNECTION = new Range(Bytes.mib(2), Bytes.mib(10));

  /** Tuning floors: below them a server works but thrashes (seed 000's Pi settings are near them). */
  static final long FLOOR_SHARED = 16 * Bytes.MIB;
  static final long FLOOR_WORK = Bytes.MIB;
  static final long FLOOR_MAINTENANCE = 8 * Bytes.MIB;

  /** The unit a bare number is in, per setting (pg_settings.unit). */
  private static final Map<String, Long> BARE_UNIT = Map.of(
      "shared_buffers", 8 * Bytes.KIB,
      "wal_buffers", 8 * Bytes.KIB,
      "work_mem", Bytes.KIB,
      "maintenance_work_mem", Bytes.KIB,
      "autovacuum_work_mem", Bytes.KIB,
      "effective_cache_size", 8 * Bytes.KIB);

  private static final Pattern SIZE = Pattern.compile("(-?[0-9]{1,15})\\s*(B|kB|MB|GB|TB)?");

  @Override
  public String id() {
    return "postgres";
  }

  @Override
  public String title() {
    return "PostgreSQL";
  }

  @Override
  public Map<String, String> settings() {
    return SETTINGS;
  }

  /**
   * The value of a setting in bytes (memory) or as a count, read as PostgreSQL reads it: a number
   * in the setting's own unit, or with {@code B kB MB GB TB} (1024-based, case as PostgreSQL writes
   * them); null when it is not one.
   */
  public static Long value(String name, String text) {
    String t = text.strip();
    if (t.length() >= 2 && (t.startsWith("'") && t.endsWith("'") || t.startsWith("\"") && t.endsWith("\""))) {
      t = t.substring(1, t.length() - 1).strip();
    }
    Matcher m = SIZE.matcher(t);
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    if (n == -1 || !BARE_UNIT.containsKey(name)) {
      return m.group(2) == null ? n : null;
    }
    long unit = m.group(2) == null ? BARE_UNIT.get(name) : switch (m.group(2)) {
      case "B" -> 1;
      case "kB" -> Bytes.KIB;
      case "MB" -> Bytes.MIB;
      case "GB" -> Bytes.GIB;
      default -> Bytes.TIB;
    };
    try {
      return Math.multiplyExact(n, unit);
    } catch (ArithmeticException e) {
      return null;
    }
  }

  @Override
  public String problem(String name, String text) {
    if (!SETTINGS.containsKey(name)) {
      return "not a setting headroom's PostgreSQL model reads";
    }
    Long v = value(name, text);
    boolean automatic = v != null && v == -1 && (name.equals("wal_buffers") || name.equals("autovacuum_work_mem"));
    if (v == null) {
      return BARE_UNIT.containsKey(name)
          ? "PostgreSQL reads a number in " + (BARE_UNIT.get(name) == Bytes.KIB ? "kB" : "8 kB blocks")
              + " or with a unit B, kB, MB, GB or TB (case-sensitive), such as 16MB"
          : "PostgreSQL reads a whole number here, such as 20";
    }
    if (!automatic && v < MINIMUM.get(name)) {
      return "PostgreSQL's least value for " + name + " is " + (BARE_UNIT.containsKey(name) ? pgSize(MINIMUM.get(name))
          : MINIMUM.get(name)) + (name.equals("wal_buffers") || name.equals("autovacuum_work_mem") ? " (or -1, automatic)" : "");
    }
    return null;
  }

  /** A size as PostgreSQL writes one: the largest of GB, MB, kB that divides it, else bytes. */
  static String pgSize(long bytes) {
    if (bytes % Bytes.GIB == 0 && bytes != 0) {
      return bytes / Bytes.GIB + "GB";
    }
    if (bytes % Bytes.MIB == 0 && bytes != 0) {
      return bytes / Bytes.MIB + "MB";
    }
    return bytes % Bytes.KIB == 0 ? bytes / Bytes.KIB + "kB" : bytes + "B";
  }

  /** The settings of a postgresql.conf ({@code name = value}, comments after {@code #}); later lines win. */
  public static Map<String, String> parseConf(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\n", -1)) {
      String l = withoutComment(line);
      int eq = l.indexOf('=');
      String name;
      String value;
      if (eq > 0) {
        name = l.substring(0, eq).strip();
        value = l.substring(eq + 1).strip();
      } else {
        String[] w = l.strip().split("\\s+", 2);
        if (w.length < 2) {
          continue;
        }
        name = w[0];
        value = w[1].strip();
      }
      if (name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
        out.put(name.toLowerCase(Locale.ROOT), value);
      }
    }
    return out;
  }

  /** The line up to a {@code #} that is not inside a quoted value. */
  private static String withoutComment(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (c == '#' && !quoted) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  @Override
  public String incomplete(Map<String, String> settings, Bytes limit) {
    return null;
  }

  @Override
  public Footprint footprint(Map<String, String> settings, Bytes limit) {
    long shared = setting(settings, "shared_buffers");
    long wal = walBuffers(setting(settings, "wal_buffers"), shared);
    long connections = setting(settings, "max_connections");
    long work = setting(settings, "work_mem");
    long maintenance = setting(settings, "autovacuum_work_mem");
    if (maintenance == -1) {
      maintenance = setting(settings, "maintenance_work_mem");
    }
    long workers = setting(settings, "autovacuum_max_workers");
    List<Part> parts = new ArrayList<>();
    // shared memory is charged to the container as its pages are touched: all of it once the working set fills it
    parts.add(new Part("shared_buffers", new Range(Bytes.ZERO, Bytes.of(shared)), false));
    parts.add(new Part("wal_buffers", Range.exactly(Bytes.of(wal)), false));
    parts.add(new Part("postmaster and background processes", BASELINE, true));
    parts.add(new Part(connections + " connections × " + PER_CONNECTION + " each, when open",
        new Range(Bytes.ZERO, PER_CONNECTION.high().times(connections)), true));
    parts.add(new Part(connections + " × work_mem " + Bytes.of(work) + ", one operation per connection",
        new Range(Bytes.ZERO, Bytes.of(work).times(connections)), false));
    parts.add(new Part(workers + " autovacuum workers × " + Bytes.of(maintenance),
        new Range(Bytes.ZERO, Bytes.of(maintenance).times(workers)), false));
    return Footprint.of(parts);
  }

  /** wal_buffers -1: 1/32 of shared_buffers, at least 64 kB, at most one 16 MB WAL segment. */
  private static long walBuffers(long setting, long shared) {
    return setting == -1 ? Math.min(Math.max(shared / 32, 64 * Bytes.KIB), 16 * Bytes.MIB) : setting;
  }

  private static long setting(Map<String, String> settings, String name) {
    String v = settings.get(name);
    return v == null || INSTANCE.problem(name, v) != null ? DEFAULTS.get(name) : value(name, v);
  }

  /**
   * pgtune's proportions, then fitted: shared_buffers a quarter of the limit, maintenance_work_mem a
   * sixteenth (at most 2 GB), wal_buffers automatic, and work_mem what is left of the limit's high
   * end shared by the connections. When work_mem would fall below 1 MB, maintenance_work_mem and then
   * shared_buffers step down to their floors first.
   */
  @Override
  public Tuning tune(Bytes limit, Demand demand, Map<String, String> pinned) throws TooSmall {
    Map<String, String> chosen = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    long l = limit.value();
    long connections = demand.connections() != null ? demand.connections()
        : pinned.containsKey("max_connections") ? setting(pinned, "max_connections") : DEFAULTS.get("max_connections");
    long shared = pinned.containsKey("shared_buffers") ? setting(pinned, "shared_buffers")
        : Math.max(FLOOR_SHARED, l / 4 / Bytes.MIB * Bytes.MIB);
    long maintenance = pinned.containsKey("maintenance_work_mem") ? setting(pinned, "maintenance_work_mem")
        : Math.min(2 * Bytes.GIB, Math.max(FLOOR_MAINTENANCE, l / 16 / Bytes.MIB * Bytes.MIB));
    long work = pinned.containsKey("work_mem") ? setting(pinned, "work_mem") : -1;
    if (work == -1) {
      for (int step = 0; step < 3; step++) {
        work = workMem(l, connections, shared, maintenance, pinned);
        if (work >= FLOOR_WORK) {
          break;
        }
        if (step == 0 && !pinned.containsKey("maintenance_work_mem")) {
          maintenance = FLOOR_MAINTENANCE;
        } else if (!pinned.containsKey("shared_buffers")) {
          shared = FLOOR_SHARED;
        }
      }
      if (work < FLOOR_WORK) {
        Bytes minimum = leanest(connections, Map.of(), FLOOR_SHARED, FLOOR_MAINTENANCE);
        if (minimum.compareTo(limit) > 0) {
          throw new TooSmall(limit + " is too small for PostgreSQL with " + connections + " connections: the leanest sane"
              + " settings (shared_buffers " + pgSize(FLOOR_SHARED) + ", work_mem " + pgSize(FLOOR_WORK)
              + ", maintenance_work_mem " + pgSize(FLOOR_MAINTENANCE) + ") need " + minimum + " at the high end"
              + fewerConnections(limit), minimum);
        }
        work = FLOOR_WORK; // the settings kept as given leave too little: shown, and not fitting
        notes.add("the settings kept with --set leave too little for the rest: they need "
            + leanest(connections, pinned, shared, maintenance) + " at the least");
      }
      work = work >= Bytes.MIB ? work / Bytes.MIB * Bytes.MIB : work / Bytes.KIB * Bytes.KIB;
    }
    chosen.put("shared_buffers", pinned.getOrDefault("shared_buffers", pgSize(shared)));
    chosen.put("wal_buffers", pinned.getOrDefault("wal_buffers", "-1"));
    chosen.put("max_connections", Long.toString(connections));
    chosen.put("work_mem", pinned.getOrDefault("work_mem", pgSize(work)));
    chosen.put("maintenance_work_mem", pinned.getOrDefault("maintenance_work_mem", pgSize(maintenance)));
    for (String name : List.of("autovacuum_work_mem", "autovacuum_max_workers", "effective_cache_size")) {
      if (pinned.containsKey(name)) {
        chosen.put(name, pinned.get(name));
      }
    }
    if (!pinned.containsKey("effective_cache_size")) {
      notes.add("effective_cache_size allocates nothing: set it to the part of the host's file cache this database can"
          + " expect (pgtune takes three quarters of a dedicated machine's memory)");
    }
    Footprint f = footprint(chosen, limit);
    return new Tuning(chosen, f, f.total().high().compareTo(limit) <= 0, notes);
  }

  /**
   * work_mem that spends the rest of the limit's high end, shared by the connections (the high end is
   * linear in work_mem: connections × work_mem); below 0 when nothing is left.
   */
  private static long workMem(long limit, long connections, long shared, long maintenance, Map<String, String> pinned) {
    long rest = limit - highWithoutWork(connections, shared, maintenance, pinned);
    return rest < 0 ? -1 : rest / connections;
  }

  /** The footprint's high end with work_mem at zero: the parts of {@link #footprint} but the sorts. */
  private static long highWithoutWork(long connections, long shared, long maintenance, Map<String, String> pinned) {
    long wal = walBuffers(setting(pinned, "wal_buffers"), shared);
    long autovacuum = setting(pinned, "autovacuum_work_mem");
    long workers = setting(pinned, "autovacuum_max_workers");
    return Math.addExact(Math.addExact(shared + wal + BASELINE.high().value(),
        Math.multiplyExact(connections, PER_CONNECTION.high().value())),
        Math.multiplyExact(workers, autovacuum == -1 ? maintenance : autovacuum));
  }

  private static Bytes leanest(long connections, Map<String, String> pinned, long shared, long maintenance) {
    return Bytes.of(Math.addExact(highWithoutWork(connections, shared, maintenance, pinned),
        Math.multiplyExact(connections, FLOOR_WORK)));
  }

  /** "; at L, at most N connections fit" when some do; empty otherwise. */
  private static String fewerConnections(Bytes limit) {
    long fit = 0;
    for (long n = 1; n <= 10_000 && leanest(n, Map.of(), FLOOR_SHARED, FLOOR_MAINTENANCE).compareTo(limit) <= 0; n++) {
      fit = n;
    }
    return fit == 0 ? "" : "; at " + limit + ", at most " + fit + " connection" + (fit == 1 ? "" : "s") + " fit (--connections " + fit + ")";
  }

  @Override
  public String configure(Map<String, String> settings) {
    StringBuilder conf = new StringBuilder("# postgresql.conf\n");
    StringBuilder command = new StringBuilder("command: [\"postgres\"");
    for (Map.Entry<String, String> e : settings.entrySet()) {
      conf.append(e.getKey()).append(" = ").append(e.getValue()).append('\n');
      command.append(", \"-c\", \"").append(e.getKey()).append('=').append(e.getValue()).append('"');
    }
    return conf + "# or, in a compose file\n" + command + "]\n";
  }
}
