package dev.headroom.solve;

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
public final class PostgresModel {
  private PostgresModel() {}

  /** The defaults of PostgreSQL 16 (postgresql.conf.sample), in bytes or counts. */
  static final Map<String, Long> DEFAULTS = Map.of(
      "shared_buffers", 128 * Bytes.MIB,
      "wal_buffers", -1L,
      "max_connections", 100L,
      "work_mem", 4 * Bytes.MIB,
      "maintenance_work_mem", 64 * Bytes.MIB,
      "autovacuum_work_mem", -1L,
      "autovacuum_max_workers", 3L);

  /** Postmaster, checkpointer, background writer, WAL writer, autovacuum launcher, logical launcher: an estimate. */
  static final Range BASELINE = new Range(Bytes.mib(10), Bytes.mib(20));

  /** One backend's own memory besides work_mem (catalog and plan caches, stack): an estimate. */
  static final Range PER_CONNECTION = new Range(Bytes.mib(2), Bytes.mib(10));

  /** The unit a bare number is in, per setting (pg_settings.unit). */
  private static final Map<String, Long> BARE_UNIT = Map.of(
      "shared_buffers", 8 * Bytes.KIB,
      "wal_buffers", 8 * Bytes.KIB,
      "work_mem", Bytes.KIB,
      "maintenance_work_mem", Bytes.KIB,
      "autovacuum_work_mem", Bytes.KIB);

  /** One part of the footprint, for the message and the docs. */
  public record Part(String what, Range memory) {}

  /** The footprint and its parts. */
  public record Footprint(Range total, List<Part> parts) {}

  private static final Pattern SIZE = Pattern.compile("(-?[0-9]{1,15})\\s*(B|kB|MB|GB|TB)?");

  /**
   * The value of a setting in bytes (memory) or as a count, read as PostgreSQL reads it: a number
   * in the setting's own unit, or with {@code B kB MB GB TB} (1024-based, case as PostgreSQL writes
   * them); null when it is not one.
   */
  static Long value(String name, String text) {
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

  /** The settings of a postgresql.conf ({@code name = value}, comments after {@code #}); later lines win. */
  static Map<String, String> parseConf(String text) {
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

  /** The footprint of a server with these settings (names lower-case; unset ones at their defaults). */
  public static Footprint footprint(Map<String, String> settings) {
    long shared = setting(settings, "shared_buffers");
    long wal = setting(settings, "wal_buffers");
    if (wal == -1) {
      wal = Math.min(Math.max(shared / 32, 64 * Bytes.KIB), 16 * Bytes.MIB);
    }
    long connections = setting(settings, "max_connections");
    long work = setting(settings, "work_mem");
    long maintenance = setting(settings, "autovacuum_work_mem");
    if (maintenance == -1) {
      maintenance = setting(settings, "maintenance_work_mem");
    }
    long workers = setting(settings, "autovacuum_max_workers");
    List<Part> parts = new ArrayList<>();
    // shared memory is charged to the container as its pages are touched: all of it once the working set fills it
    parts.add(new Part("shared_buffers", new Range(Bytes.ZERO, Bytes.of(shared))));
    parts.add(new Part("wal_buffers", Range.exactly(Bytes.of(wal))));
    parts.add(new Part("postmaster and background processes", BASELINE));
    parts.add(new Part(connections + " connections × " + PER_CONNECTION + " each, when open",
        new Range(Bytes.ZERO, PER_CONNECTION.high().times(connections))));
    parts.add(new Part(connections + " × work_mem " + Bytes.of(work) + ", one operation per connection",
        new Range(Bytes.ZERO, Bytes.of(work).times(connections))));
    parts.add(new Part(workers + " autovacuum workers × " + Bytes.of(maintenance),
        new Range(Bytes.ZERO, Bytes.of(maintenance).times(workers))));
    Range total = Range.ZERO;
    for (Part p : parts) {
      total = total.plus(p.memory());
    }
    return new Footprint(total, parts);
  }

  private static long setting(Map<String, String> settings, String name) {
    String v = settings.get(name);
    Long parsed = v == null ? null : value(name, v);
    return parsed == null ? DEFAULTS.get(name) : parsed;
  }
}
