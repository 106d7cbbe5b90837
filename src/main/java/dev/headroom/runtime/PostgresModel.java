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
 * shared_buffers, at least 64 kB, at most one 16 MB WAL segment), the server with its background
 * processes and the shared structures sized by max_connections, each connection's own memory, a
 * sort of work_mem × 5/4 per connection and per parallel worker, and maintenance_work_mem for the
 * autovacuum workers and one CREATE INDEX. The low end is a fresh, idle server (shared_buffers is
 * charged to the container only as its pages are touched); the high end a working set that fills
 * shared_buffers, every connection open and sorting at once, every parallel worker busy, and
 * autovacuum and an index build running. The estimates are fitted to measured servers
 * (bench/fidelity.sh). effective_cache_size is a hint to the planner about the operating system's
 * cache: PostgreSQL allocates nothing for it.
 */
public final class PostgresModel extends Model {
  public static final PostgresModel INSTANCE = new PostgresModel();

  private PostgresModel() {
    super("postgres", "PostgreSQL",
        "shared_buffers", "the shared buffer cache (8 kB blocks, or with a unit)",
        "wal_buffers", "WAL not yet written to disk; -1: 1/32 of shared_buffers, 64 kB..16 MB",
        "max_connections", "the most client connections at once",
        "work_mem", "memory of one sort or hash before it spills to disk (kB, or with a unit)",
        "maintenance_work_mem", "memory of VACUUM, CREATE INDEX and the like (kB, or with a unit)",
        "autovacuum_work_mem", "memory of each autovacuum worker; -1: maintenance_work_mem",
        "autovacuum_max_workers", "the most autovacuum workers at once",
        "max_parallel_workers", "the most parallel query workers at once, each with its own work_mem (default 8)",
        "effective_cache_size", "a hint to the planner about the OS file cache; allocates nothing");
  }

  /** The defaults of PostgreSQL 16 (postgresql.conf.sample), in bytes or counts. */
  static final Map<String, Long> DEFAULTS = Map.of(
      "shared_buffers", 128 * Bytes.MIB,
      "wal_buffers", -1L,
      "max_connections", 100L,
      "work_mem", 4 * Bytes.MIB,
      "maintenance_work_mem", 64 * Bytes.MIB,
      "autovacuum_work_mem", -1L,
      "autovacuum_max_workers", 3L,
      "max_parallel_workers", 8L,
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
      "max_parallel_workers", 0L,
      "effective_cache_size", 8 * Bytes.KIB);

  /** The largest value PostgreSQL accepts per setting (pg_settings.max_val). */
  private static final Map<String, Long> MAXIMUM = Map.of(
      "shared_buffers", 1_073_741_823L * 8 * Bytes.KIB,
      "wal_buffers", 262_143L * 8 * Bytes.KIB,
      "max_connections", 262_143L,
      "work_mem", 2_147_483_647L * Bytes.KIB,
      "maintenance_work_mem", 2_147_483_647L * Bytes.KIB,
      "autovacuum_work_mem", 2_147_483_647L * Bytes.KIB,
      "autovacuum_max_workers", 262_143L,
      "max_parallel_workers", 1024L,
      "effective_cache_size", 2_147_483_647L * 8 * Bytes.KIB);

  /**
   * The binary and libraries, the postmaster and background processes, and the shared structures
   * sized by max_connections (lock tables, process slots): fitted to three measured servers
   * (docs/models.md, bench/fidelity.sh), so an estimate. Idle it is 20 MiB + 60 KiB per connection
   * slot, rounded down to whole MiB; busy, 24 MiB + 110 KiB per slot, rounded up.
   */
  static final Range BASELINE = new Range(Bytes.mib(20), Bytes.mib(24));
  static final Range BASELINE_PER_SLOT = new Range(Bytes.of(60 * Bytes.KIB), Bytes.of(110 * Bytes.KIB));

  /** One backend's own memory besides work_mem (catalog and plan caches, stack): measured 1.7..2 MiB; an estimate. */
  static final Bytes PER_CONNECTION = Bytes.mib(3);

  /** A sort or hash takes more than work_mem: measured 1.1..1.2 ×; counted as 5/4 ×. */
  static final long WORK_NUMERATOR = 5;
  static final long WORK_DENOMINATOR = 4;

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
    if (!INSTANCE.settings().containsKey(name)) {
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
    if (v > MAXIMUM.get(name)) {
      return "PostgreSQL's largest value for " + name + " is " + (BARE_UNIT.containsKey(name) ? pgSize(MAXIMUM.get(name))
          : MAXIMUM.get(name));
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
    long maintenance = setting(settings, "maintenance_work_mem");
    long autovacuum = setting(settings, "autovacuum_work_mem");
    long workers = setting(settings, "autovacuum_max_workers");
    long parallel = setting(settings, "max_parallel_workers");
    Bytes sort = sort(work);
    List<Part> parts = new ArrayList<>();
    // shared memory is charged to the container as its pages are touched: all of it once the working set fills it
    parts.add(new Part("shared_buffers", new Range(Bytes.ZERO, Bytes.of(shared)), false));
    parts.add(new Part("wal_buffers", Range.exactly(Bytes.of(wal)), false));
    Range baseline = BASELINE.plus(BASELINE_PER_SLOT.times(connections));
    parts.add(new Part("server, background processes and shared structures for " + count(connections, "connection"),
        new Range(Bytes.mib(baseline.low().value() / Bytes.MIB), wholeMib(baseline.high())), true));
    parts.add(new Part(count(connections, "connection") + " × " + PER_CONNECTION + " each, when open",
        new Range(Bytes.ZERO, PER_CONNECTION.times(connections)), true));
    parts.add(new Part(count(connections, "sort") + " of work_mem " + Bytes.of(work) + " × 5/4, one per connection",
        new Range(Bytes.ZERO, sort.times(connections)), false));
    parts.add(new Part(count(parallel, "parallel worker") + " × (a sort and " + PER_CONNECTION + ")",
        new Range(Bytes.ZERO, sort.plus(PER_CONNECTION).times(parallel)), false));
    parts.add(new Part(count(workers, "autovacuum worker") + " × " + Bytes.of(autovacuum == -1 ? maintenance : autovacuum)
        + " and one CREATE INDEX × " + Bytes.of(maintenance),
        new Range(Bytes.ZERO, Bytes.of(autovacuum == -1 ? maintenance : autovacuum).times(workers).plus(Bytes.of(maintenance))),
        false));
    return Footprint.of(parts);
  }

  /**
   * The high ends of a footprint's first parts, as {@link #footprint} orders them: 3 gives a warm
   * server (shared_buffers filled, the server and its structures, no connection busy), 5 a busy one
   * (every connection open and sorting, but no parallel workers, autovacuum or CREATE INDEX).
   */
  public static Bytes highOfFirst(Footprint f, int parts) {
    Bytes sum = Bytes.ZERO;
    for (Part p : f.parts().subList(0, parts)) {
      sum = sum.plus(p.memory().high());
    }
    return sum;
  }

  /** Parts of a warm server, and of a busy one: see {@link #highOfFirst}. */
  public static final int WARM = 3;
  public static final int BUSY = 5;

  /** "1 connection", "20 connections". */
  private static String count(long n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  /** Rounded up to whole MiB: an estimate is not more exact than that (its low end is rounded down). */
  private static Bytes wholeMib(Bytes b) {
    return Bytes.mib(ceilDiv(b.value(), Bytes.MIB));
  }

  /** One sort or hash: work_mem × 5/4. */
  private static Bytes sort(long work) {
    return Bytes.of(Math.multiplyExact(work / WORK_DENOMINATOR, WORK_NUMERATOR)
        + work % WORK_DENOMINATOR * WORK_NUMERATOR / WORK_DENOMINATOR);
  }

  /** wal_buffers -1: 1/32 of shared_buffers, at least 64 kB, at most one 16 MB WAL segment. */
  private static long walBuffers(long setting, long shared) {
    return setting == -1 ? Math.min(Math.max(shared / 32, 64 * Bytes.KIB), 16 * Bytes.MIB) : setting;
  }

  private static long setting(Map<String, String> settings, String name) {
    String v = INSTANCE.valid(settings, name);
    return v == null ? DEFAULTS.get(name) : value(name, v);
  }

  /**
   * From generous to lean: parallel workers, autovacuum workers, and whether shared_buffers and
   * maintenance_work_mem take their shares of the limit (a quarter, a sixteenth) or their floors.
   */
  private record Rung(long parallel, long workers, boolean floors) {}

  private static final List<Rung> LADDER =
      List.of(new Rung(8, 3, false), new Rung(2, 2, false), new Rung(2, 2, true), new Rung(0, 1, true));

  /**
   * pgtune's proportions, then fitted to the model's high end: shared_buffers a quarter of the
   * limit, maintenance_work_mem a sixteenth (8MB..2GB), wal_buffers automatic, and work_mem what is
   * left, shared by the connections and parallel workers. The first rung of {@link #LADDER} that
   * leaves work_mem at least 1MB is taken: like pgtune, a small work_mem before a lean server.
   */
  @Override
  public Tuning tune(Bytes limit, Demand demand, Map<String, String> pinned) throws TooSmall {
    long connections = demand.connections() != null ? demand.connections() : setting(pinned, "max_connections");
    Map<String, String> best = null;
    for (int i = 0; i < LADDER.size(); i++) {
      Map<String, String> s = rung(LADDER.get(i), limit, connections, pinned);
      boolean fits = pinned.containsKey("work_mem") ? footprint(s, limit).total().high().compareTo(limit) <= 0
          : value("work_mem", s.get("work_mem")) >= FLOOR_WORK;
      if (fits) {
        best = s;
        break;
      }
    }
    List<String> notes = new ArrayList<>();
    if (best == null) {
      Map<String, String> bare = rung(LADDER.get(LADDER.size() - 1), limit, connections, Map.of("work_mem", pgSize(FLOOR_WORK)));
      Bytes minimum = footprint(bare, null).total().high();
      if (minimum.compareTo(limit) > 0) {
        throw new TooSmall(limit + " is too small for PostgreSQL with " + connections + " connections: the leanest sane"
            + " settings (shared_buffers " + pgSize(FLOOR_SHARED) + ", work_mem " + pgSize(FLOOR_WORK)
            + ", maintenance_work_mem " + pgSize(FLOOR_MAINTENANCE) + ", no parallel workers, one autovacuum worker) need "
            + minimum + " at the high end" + fewerConnections(limit), minimum);
      }
      Map<String, String> kept = new LinkedHashMap<>(pinned);
      kept.putIfAbsent("work_mem", pgSize(FLOOR_WORK));
      best = rung(LADDER.get(LADDER.size() - 1), limit, connections, kept);
      notes.add("the settings kept with --set leave too little for the rest: with work_mem " + best.get("work_mem")
          + " they need " + footprint(best, null).total().high());
    }
    if (!pinned.containsKey("effective_cache_size")) {
      notes.add("effective_cache_size allocates nothing: set it to the part of the host's file cache this database can"
          + " expect (pgtune takes three quarters of a dedicated machine's memory)");
    }
    Footprint f = footprint(best, limit);
    return new Tuning(best, f, f.total().high().compareTo(limit) <= 0, notes);
  }

  /**
   * One rung's settings for the limit, the pinned ones as given, and work_mem the rest of the high
   * end: (limit - everything else) / (connections + parallel workers) × 4/5, whole MB (or kB under
   * 1MB); 0kB when nothing is left.
   */
  private Map<String, String> rung(Rung rung, Bytes limit, long connections, Map<String, String> pinned) {
    long l = limit.value();
    Map<String, String> s = new LinkedHashMap<>();
    long share = Math.min(MAXIMUM.get("shared_buffers") / Bytes.MIB * Bytes.MIB, l / 4 / Bytes.MIB * Bytes.MIB);
    s.put("shared_buffers", pgSize(rung.floors() ? FLOOR_SHARED : Math.max(FLOOR_SHARED, share)));
    s.put("wal_buffers", "-1");
    s.put("max_connections", Long.toString(connections));
    s.put("work_mem", "0kB");
    s.put("maintenance_work_mem", pgSize(rung.floors() ? FLOOR_MAINTENANCE
        : Math.min(2 * Bytes.GIB, Math.max(FLOOR_MAINTENANCE, l / 16 / Bytes.MIB * Bytes.MIB))));
    s.put("autovacuum_max_workers", Long.toString(rung.workers()));
    s.put("max_parallel_workers", Long.toString(rung.parallel()));
    pinned.forEach((k, v) -> s.put(k, k.equals("max_connections") ? Long.toString(connections) : v));
    if (!pinned.containsKey("work_mem")) {
      // the footprint with work_mem 0 (read as 0 bytes here) is everything but the sorts
      long rest = l - footprintWithoutSorts(s);
      long sharers = connections + setting(s, "max_parallel_workers");
      long work = Math.min(MAXIMUM.get("work_mem"), rest <= 0 ? 0 : rest / sharers / WORK_NUMERATOR * WORK_DENOMINATOR);
      s.put("work_mem", work >= Bytes.MIB ? pgSize(work / Bytes.MIB * Bytes.MIB) : work / Bytes.KIB + "kB");
    }
    return s;
  }

  /** The footprint's high end without the sorts of the connections and parallel workers, in bytes. */
  private long footprintWithoutSorts(Map<String, String> s) {
    Map<String, String> minimal = new LinkedHashMap<>(s);
    minimal.put("work_mem", "64kB");
    long sharers = setting(minimal, "max_connections") + setting(minimal, "max_parallel_workers");
    return footprint(minimal, null).total().high().value() - sort(64 * Bytes.KIB).value() * sharers;
  }

  /** "; at L, at most N connections fit" when some do; empty otherwise. */
  private String fewerConnections(Bytes limit) {
    // the high end grows with the connections
    long lo = largest(MAXIMUM.get("max_connections"), n -> footprint(
        rung(LADDER.get(LADDER.size() - 1), limit, n, Map.of("work_mem", pgSize(FLOOR_WORK))), null).total().high()
        .compareTo(limit) <= 0);
    return lo == 0 ? "" : "; at " + limit + ", at most " + lo + " connection" + (lo == 1 ? "" : "s") + " fit (--connections " + lo + ")";
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
