package dev.headroom.solve;

import dev.headroom.model.Bytes;
import dev.headroom.model.Component;
import dev.headroom.model.Cpu;
import dev.headroom.model.Host;
import dev.headroom.model.Optimization;
import dev.headroom.model.Range;
import dev.headroom.model.Thresholds;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Optional;

/**
 * The capacity rules of DESIGN.md section 3, one method each, as pure functions on exact values.
 * Threshold comparisons never divide: {@code u <= warn} is evaluated as {@code demand <= warn ×
 * available} in exact decimal arithmetic, so 0.90 of 1000 MiB is exactly at the critical threshold.
 */
public final class Capacity {

  /** Digits kept when a utilization is printed; comparisons never use the rounded value. */
  public static final int UTILIZATION_SCALE = 6;

  private Capacity() {}

  /** available = memory.total − memory.reserved. */
  public static Bytes available(Host host) {
    return host.memoryTotal().minus(host.memoryReserved());
  }

  /** total(N) = Σ shared + N × Σ per_agent. */
  public static Range total(Range shared, Range perAgent, long agents) {
    return shared.plus(perAgent.times(agents));
  }

  /** A component after the optimizations in {@code applied}: each saving comes off both ends, never below zero. */
  public static Range optimized(Component c, Collection<String> applied) {
    Range r = c.size();
    for (Optimization o : c.optimizations()) {
      if (applied.contains(o.id())) {
        r = r.minusClamped(o.saves());
      }
    }
    return r;
  }

  /** headroom = available − demand; negative is the amount of overflow. */
  public static Bytes headroom(Bytes available, Bytes demand) {
    return available.minus(demand);
  }

  /**
   * u = demand / available, rounded half-up to {@link #UTILIZATION_SCALE} decimals. A reported
   * figure only: statuses compare exactly, never through this value.
   */
  public static BigDecimal utilization(Bytes demand, Bytes capacity) {
    if (capacity.isZero()) {
      return null;
    }
    return demand.toBigDecimal().divide(capacity.toBigDecimal(), UTILIZATION_SCALE, RoundingMode.HALF_UP);
  }

  /**
   * ok u ≤ warn; warn warn &lt; u ≤ critical; critical critical &lt; u ≤ 1; overflow u &gt; 1. Exact:
   * no division, no rounding.
   */
  public static Status status(Bytes demand, Bytes capacity, Thresholds t) {
    BigDecimal d = demand.toBigDecimal();
    BigDecimal c = capacity.toBigDecimal();
    if (d.compareTo(c) > 0) {
      return Status.OVERFLOW;
    }
    if (d.compareTo(t.critical().multiply(c)) > 0) {
      return Status.CRITICAL;
    }
    if (d.compareTo(t.warn().multiply(c)) > 0) {
      return Status.WARN;
    }
    return Status.OK;
  }

  /**
   * GPU memory is checked like memory against {@code gpu.memory}; demand on a host without a GPU
   * overflows.
   */
  public static Status gpuStatus(Bytes demand, Host.Gpu gpu, Thresholds t) {
    if (demand.isZero()) {
      return Status.OK;
    }
    if (gpu == null || gpu.memory().isZero()) {
      return Status.OVERFLOW;
    }
    return status(demand, gpu.memory(), t);
  }

  /** CPU cores asked for beyond the available ones (zero when they fit). CPU is compressible: this throttles, it does not OOM. */
  public static Cpu cpuOver(Cpu demand, Cpu available) {
    return demand.compareTo(available) > 0 ? demand.minus(available) : Cpu.ZERO;
  }

  /** CPU above the available cores makes the status at least warn. */
  public static Status withCpu(Status memory, Cpu over) {
    return over.isZero() ? memory : memory.atLeast(Status.WARN);
  }

  /**
   * The largest N with {@code shared + N × perAgent ≤ critical × capacity} (status at most warn),
   * exactly: {@code floor((critical × capacity − shared) / perAgent)}. Empty when per-agent demand
   * is zero and the shared part fits (unbounded); 0 when even the shared part does not fit.
   */
  public static Optional<Long> maxAgents(Bytes shared, Bytes perAgent, Bytes capacity, BigDecimal critical) {
    BigDecimal limit = critical.multiply(capacity.toBigDecimal());
    BigDecimal room = limit.subtract(shared.toBigDecimal());
    if (room.signum() < 0) {
      return Optional.of(0L);
    }
    if (perAgent.isZero()) {
      return Optional.empty();
    }
    BigDecimal n = room.divideToIntegralValue(perAgent.toBigDecimal());
    return Optional.of(n.min(BigDecimal.valueOf(Long.MAX_VALUE)).longValueExact());
  }
}
