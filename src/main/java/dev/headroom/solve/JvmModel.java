package dev.headroom.solve;

import dev.headroom.model.Bytes;
import dev.headroom.model.Range;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A JVM's memory from its options (docs/models.md), in the manner of the Cloud Foundry Java memory
 * calculator: the heap ({@code -Xmx}, else {@code -XX:MaxRAMPercentage} of the container limit, the
 * JVM's default 25 %), metaspace, the code cache, thread stacks ({@code -Xss} × threads) and direct
 * memory. The high end takes each non-heap region at its usual ceiling, the low end at what a small
 * service commits.
 */
public final class JvmModel {
  private JvmModel() {}

  /** Options given; null where the JVM's default applies. */
  static final class Settings {
    Bytes heap;
    BigDecimal heapPercent;
    Bytes stack;
    Bytes metaspace;
    Bytes codeCache;
    Bytes direct;
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

  /** The footprint: heap, total range, and the parts in words. */
  public record Footprint(Bytes heap, Range total, String describe) {}

  static Footprint footprint(Settings s, Bytes limit) {
    Bytes heap = s.heap != null ? s.heap
        : Bytes.of(limit.toBigDecimal().multiply(s.heapPercent == null ? BigDecimal.valueOf(25) : s.heapPercent)
            .divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR).longValueExact());
    Range metaspace = s.metaspace == null ? METASPACE
        : new Range(Bytes.min(METASPACE.low(), s.metaspace), s.metaspace);
    Range code = s.codeCache == null ? CODE_CACHE : new Range(Bytes.min(CODE_CACHE.low(), s.codeCache), s.codeCache);
    Bytes stack = s.stack == null ? Bytes.mib(1) : s.stack; // -Xss default on 64-bit Linux: 1 MiB
    Range threads = new Range(stack.times(THREADS_LOW), stack.times(THREADS_HIGH));
    Range direct = new Range(Bytes.ZERO, s.direct == null ? DIRECT : s.direct);
    Range total = Range.exactly(heap).plus(metaspace).plus(code).plus(threads).plus(direct);
    String describe = "heap " + heap + "; metaspace " + metaspace + "; code cache " + code + "; " + THREADS_LOW + ".."
        + THREADS_HIGH + " threads × " + stack + " " + threads + "; direct memory " + direct;
    return new Footprint(heap, total, describe);
  }
}
