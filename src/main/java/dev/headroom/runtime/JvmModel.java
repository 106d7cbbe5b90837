package dev.headroom.runtime;

import dev.headroom.model.Bytes;
import dev.headroom.model.Range;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM's memory from its options (docs/models.md), in the manner of the Cloud Foundry Java memory
 * calculator: the heap ({@code -Xmx}, else HotSpot's ergonomics on the container limit), metaspace,
 * the code cache, thread stacks ({@code -Xss} × threads) and direct memory. The high end takes each
 * non-heap region at its ceiling, the low end at what a small service commits.
 *
 * <p>Settings are named after the options without their dashes: {@code Xmx}, {@code Xss}, {@code
 * MaxRAMPercentage}, {@code MinRAMPercentage}, {@code MaxMetaspaceSize}, {@code
 * ReservedCodeCacheSize}, {@code MaxDirectMemorySize}, and {@code threads}, the threads assumed.
 */
public final class JvmModel extends Model {
  public static final JvmModel INSTANCE = new JvmModel();

  private JvmModel() {
    super("jvm", "the JVM",
        "Xmx", "the most heap (k, m, g; 1024-based)",
        "MaxRAMPercentage", "the heap as a share of the container limit when -Xmx is not given (default 25)",
        "MinRAMPercentage", "the share used instead when the limit is small, under about 250 MiB (default 50)",
        "Xss", "each thread's stack (default 1m)",
        "threads", "how many threads the service runs (default 250, the Cloud Foundry calculator's)",
        "MaxMetaspaceSize", "the ceiling of class metadata (unbounded by default)",
        "ReservedCodeCacheSize", "the ceiling of compiled code (default 240m)",
        "MaxDirectMemorySize", "the ceiling of direct buffers");
  }

  /** Metaspace a small service uses, and the Cloud Foundry calculator's default when unbounded: estimates. */
  static final Range METASPACE = new Range(Bytes.mib(32), Bytes.mib(128));
  /** Code cache committed by a small service; the ceiling is ReservedCodeCacheSize, 240 MiB by default. */
  static final Range CODE_CACHE = new Range(Bytes.mib(16), Bytes.mib(240));
  /** Threads: a small service, and the Cloud Foundry calculator's 250. */
  static final long THREADS_LOW = 20;
  static final long THREADS_HIGH = 250;
  /** Direct buffers: none, up to the Cloud Foundry calculator's 10 MiB unless -XX:MaxDirectMemorySize says. */
  static final Bytes DIRECT = Bytes.mib(10);
  /** -Xss on 64-bit Linux. */
  static final Bytes STACK = Bytes.mib(1);
  /** HotSpot's default MaxHeapSize, ScaleForWordSize(96M) = 96 MiB × 13 / 10 on 64 bits, aligned down to 8 bytes. */
  static final long ERGONOMIC_MIN_HEAP = 96 * Bytes.MIB * 13 / 10 / 8 * 8;
  /** The heap alignment the ergonomic sizes are rounded up to (G1 on 64-bit Linux). */
  static final long HEAP_ALIGNMENT = 2 * Bytes.MIB;
  /** The least heap tune gives a service. */
  static final long FLOOR_HEAP = 16 * Bytes.MIB;

  private static final Pattern SIZE = Pattern.compile("([0-9]{1,15})([kKmMgGtT]?)");
  private static final Pattern PERCENT = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,6})?");

  /** A JVM size: {@code 512m}, {@code 1g} (1024-based), bytes without a unit; null when it is not one. */
  public static Bytes bytes(String v) {
    Matcher m = SIZE.matcher(v.strip());
    if (!m.matches()) {
      return null;
    }
    long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "k" -> Bytes.KIB;
      case "m" -> Bytes.MIB;
      case "g" -> Bytes.GIB;
      case "t" -> Bytes.TIB;
      default -> 1;
    };
    try {
      return Bytes.of(Math.multiplyExact(Long.parseLong(m.group(1)), unit));
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /**
   * The setting one JVM option gives, as {@code name=value} ({@code -Xmx512m} is {@code Xmx=512m},
   * {@code -XX:MaxRAMPercentage=75} is {@code MaxRAMPercentage=75}); null for any other word.
   */
  public static Map.Entry<String, String> option(String word) {
    for (String name : List.of("Xmx", "Xss")) {
      if (word.startsWith("-" + name)) {
        return Map.entry(name, word.substring(name.length() + 1));
      }
    }
    if (word.startsWith("-XX:") && word.indexOf('=') > 4) {
      String name = word.substring(4, word.indexOf('='));
      if (INSTANCE.settings().containsKey(name) && !name.equals("threads")) {
        return Map.entry(name, word.substring(word.indexOf('=') + 1));
      }
    }
    return null;
  }

  @Override
  public String problem(String name, String value) {
    if (!INSTANCE.settings().containsKey(name)) {
      return "not a setting headroom's JVM model reads";
    }
    String v = value.strip();
    if (name.endsWith("Percentage")) {
      return PERCENT.matcher(v).matches() && new BigDecimal(v).compareTo(BigDecimal.valueOf(100)) <= 0 ? null
          : "the JVM reads a percentage from 0 to 100 here, such as 75 or 62.5";
    }
    if (name.equals("threads")) {
      return v.matches("[1-9][0-9]{0,5}") ? null : "a whole number of threads from 1 to 999999, such as 50";
    }
    Bytes b = bytes(v);
    if (b == null) {
      return SIZE.matcher(v).matches() ? "more than 8 EiB (2^63-1 bytes)"
          : "the JVM reads a size in bytes or with k, m, g or t (1024-based) here, such as 256m";
    }
    return b.isZero() && !name.equals("MaxDirectMemorySize") ? name + " must be above zero" : null;
  }

  @Override
  public String incomplete(Map<String, String> settings, Bytes limit) {
    return limit == null && given(settings, "Xmx") == null
        ? "without Xmx the JVM sizes its heap from the container limit: give Xmx or a memory limit" : null;
  }

  /**
   * The heap: {@code -Xmx}, else HotSpot's ergonomics (arguments.cpp, set_heap_size) on the limit:
   * MinRAMPercentage of it where that is below the default MaxHeapSize (a small container: about 250
   * MiB), else MaxRAMPercentage of it but at least the default MaxHeapSize; rounded up to the heap
   * alignment. A MaxRAMPercentage of 75 in a 128 MiB container gives a 64 MiB heap, not 96.
   */
  static Bytes heap(Map<String, String> settings, Bytes limit) {
    String xmx = given(settings, "Xmx");
    if (xmx != null) {
      return bytes(xmx);
    }
    BigDecimal max = percent(settings, "MaxRAMPercentage", 25);
    BigDecimal min = percent(settings, "MinRAMPercentage", 50);
    long small = share(limit, min);
    long heap = small < ERGONOMIC_MIN_HEAP ? small : Math.max(share(limit, max), ERGONOMIC_MIN_HEAP);
    return Bytes.of(Math.multiplyExact(ceilDiv(heap, HEAP_ALIGNMENT), HEAP_ALIGNMENT));
  }

  private static long share(Bytes limit, BigDecimal percent) {
    return limit.toBigDecimal().multiply(percent).divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR).longValueExact();
  }

  private static BigDecimal percent(Map<String, String> settings, String name, int fallback) {
    String v = given(settings, name);
    return v == null ? BigDecimal.valueOf(fallback) : new BigDecimal(v.strip());
  }

  /** A setting's value when it is given and valid; null otherwise. */
  private static String given(Map<String, String> settings, String name) {
    String v = INSTANCE.valid(settings, name);
    return v == null ? null : v.strip();
  }

  private static Bytes size(Map<String, String> settings, String name, Bytes fallback) {
    String v = given(settings, name);
    return v == null ? fallback : bytes(v);
  }

  @Override
  public Footprint footprint(Map<String, String> settings, Bytes limit) {
    Bytes heap = heap(settings, limit);
    Bytes metaspaceMax = size(settings, "MaxMetaspaceSize", null);
    Range metaspace = metaspaceMax == null ? METASPACE : new Range(Bytes.min(METASPACE.low(), metaspaceMax), metaspaceMax);
    Bytes codeMax = size(settings, "ReservedCodeCacheSize", null);
    Range code = codeMax == null ? CODE_CACHE : new Range(Bytes.min(CODE_CACHE.low(), codeMax), codeMax);
    Bytes stack = size(settings, "Xss", STACK);
    String t = given(settings, "threads");
    long threadsHigh = t == null ? THREADS_HIGH : Long.parseLong(t);
    long threadsLow = Math.min(THREADS_LOW, threadsHigh);
    Range direct = new Range(Bytes.ZERO, size(settings, "MaxDirectMemorySize", DIRECT));
    List<Part> parts = new ArrayList<>();
    parts.add(new Part("heap", Range.exactly(heap), false));
    parts.add(new Part("metaspace", metaspace, metaspaceMax == null));
    parts.add(new Part("code cache", code, true));
    parts.add(new Part(threadsLow + ".." + threadsHigh + " threads × " + stack, new Range(stack.times(threadsLow),
        stack.times(threadsHigh)), true));
    parts.add(new Part("direct memory", direct, given(settings, "MaxDirectMemorySize") == null));
    return Footprint.of(parts);
  }

  /** Non-heap settings from generous to lean; tune takes the first that leaves the heap a quarter of the limit. */
  private static final List<Map<String, String>> LADDER = List.of(
      Map.of("Xss", "1m", "MaxMetaspaceSize", "128m", "ReservedCodeCacheSize", "240m", "MaxDirectMemorySize", "10m"),
      Map.of("Xss", "1m", "MaxMetaspaceSize", "96m", "ReservedCodeCacheSize", "64m", "MaxDirectMemorySize", "10m"),
      Map.of("Xss", "512k", "MaxMetaspaceSize", "64m", "ReservedCodeCacheSize", "32m", "MaxDirectMemorySize", "10m"),
      Map.of("Xss", "256k", "MaxMetaspaceSize", "48m", "ReservedCodeCacheSize", "16m", "MaxDirectMemorySize", "5m"));

  private static final List<String> TUNED = List.of("Xmx", "Xss", "threads", "MaxMetaspaceSize", "ReservedCodeCacheSize",
      "MaxDirectMemorySize");

  /**
   * After the Cloud Foundry calculator: the non-heap regions at their ceilings, the heap the rest. The
   * first rung of {@link #LADDER} that leaves the heap at least a quarter of the limit (the JVM's own
   * default share) is taken; else the leanest rung that leaves it {@link #FLOOR_HEAP}.
   */
  @Override
  public Tuning tune(Bytes limit, Demand demand, Map<String, String> pinned) throws TooSmall {
    long threads = demand.threads() != null ? demand.threads()
        : given(pinned, "threads") != null ? Long.parseLong(given(pinned, "threads")) : THREADS_HIGH;
    Map<String, String> best = null;
    for (Map<String, String> rung : LADDER) {
      Map<String, String> s = withPins(rung, pinned, threads);
      if (limit.value() - nonHeapHigh(s) >= limit.value() / 4) {
        best = s;
        break;
      }
    }
    Map<String, String> leanest = withPins(LADDER.get(LADDER.size() - 1), pinned, threads);
    if (best == null && limit.value() - nonHeapHigh(leanest) >= FLOOR_HEAP) {
      best = leanest;
    }
    List<String> notes = new ArrayList<>();
    notes.add("threads is not an option: it is the count the thread stacks are sized for; cap the service's pools to it");
    if (best == null) {
      Map<String, String> bare = withPins(LADDER.get(LADDER.size() - 1), Map.of(), threads);
      Bytes minimum = Bytes.of(nonHeapHigh(bare) + FLOOR_HEAP);
      if (minimum.compareTo(limit) > 0) {
        long fit = mostThreads(limit, threads - 1);
        throw new TooSmall(limit + " is too small for the JVM with " + threads + " threads: the leanest sane settings (-Xss"
            + bare.get("Xss") + ", MaxMetaspaceSize " + bare.get("MaxMetaspaceSize") + ", ReservedCodeCacheSize "
            + bare.get("ReservedCodeCacheSize") + ", MaxDirectMemorySize " + bare.get("MaxDirectMemorySize") + ", a heap of "
            + Bytes.of(FLOOR_HEAP) + ") need " + minimum
            + (fit == 0 ? "" : "; at " + limit + ", at most " + fit + " threads fit (--threads " + fit + ")"), minimum);
      }
      best = leanest; // the settings kept as given leave too little: shown with the least heap, and not fitting
      if (!pinned.containsKey("Xmx")) {
        best.put("Xmx", FLOOR_HEAP / Bytes.MIB + "m");
      }
      notes.add("the settings kept with --set leave too little for a heap of " + Bytes.of(FLOOR_HEAP));
    } else if (!pinned.containsKey("Xmx")) {
      best.put("Xmx", (limit.value() - nonHeapHigh(best)) / Bytes.MIB + "m");
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String name : TUNED) {
      ordered.put(name, best.get(name));
    }
    pinned.forEach(ordered::putIfAbsent);
    Footprint f = footprint(ordered, limit);
    return new Tuning(ordered, f, f.total().high().compareTo(limit) <= 0, notes);
  }

  /** The most threads, at most {@code upTo}, whose stacks leave the leanest rung a heap of {@link #FLOOR_HEAP}; 0 if none. */
  private static long mostThreads(Bytes limit, long upTo) {
    // the high end grows with the threads
    return largest(upTo, n -> nonHeapHigh(withPins(LADDER.get(LADDER.size() - 1), Map.of(), n)) + FLOOR_HEAP <= limit.value());
  }

  private static Map<String, String> withPins(Map<String, String> rung, Map<String, String> pinned, long threads) {
    Map<String, String> s = new LinkedHashMap<>(rung);
    s.putAll(pinned);
    s.put("threads", Long.toString(threads));
    return s;
  }

  /** The high end of everything but the heap, in bytes. */
  private static long nonHeapHigh(Map<String, String> s) {
    Map<String, String> oneByte = new LinkedHashMap<>(s);
    oneByte.put("Xmx", "1");
    return INSTANCE.footprint(oneByte, null).total().high().value() - 1;
  }

  @Override
  public String configure(Map<String, String> settings) {
    List<String> options = new ArrayList<>();
    for (Map.Entry<String, String> e : settings.entrySet()) {
      String n = e.getKey();
      if (n.equals("threads")) {
        continue;
      }
      options.add(n.equals("Xmx") || n.equals("Xss") ? "-" + n + e.getValue() : "-XX:" + n + "=" + e.getValue());
    }
    return "JAVA_TOOL_OPTIONS=\"" + String.join(" ", options) + "\"\n";
  }
}
