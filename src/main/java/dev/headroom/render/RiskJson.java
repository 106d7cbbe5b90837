package dev.headroom.render;

import dev.headroom.solve.Probability;
import dev.headroom.solve.RiskResult;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The {@code "risk"} object of plan and matrix JSON (docs/risk.md): the three probabilities as
 * fractions, how they were estimated, quantiles of the total in whole bytes, and for each
 * probability its threshold, count and 95% interval.
 */
public final class RiskJson {
  private RiskJson() {}

  public record Quantiles(long p50Bytes, long p95Bytes, long p99Bytes) {}

  /** A 95% Wilson interval, the low end rounded down and the high end up. */
  public record Interval(BigDecimal low, BigDecimal high) {}

  /**
   * One probability in detail.
   *
   * @param thresholdBytes exact, and not always whole (80% of an odd number of bytes)
   * @param certain the range alone decides it: no sample is above a threshold at or over its high end
   */
  public record Event(
      BigDecimal thresholdBytes, long count, BigDecimal probability, BigDecimal standardError, Interval ci95,
      boolean certain) {}

  public record Events(Event overWarn, Event overCritical, Event overflow) {}

  public record Out(
      BigDecimal pOverWarn,
      BigDecimal pOverCritical,
      BigDecimal pOverflow,
      long samples,
      long seed,
      String distribution,
      boolean correlated,
      String sampling,
      long drawsPerSample,
      Quantiles quantiles,
      Events events) {}

  /** What one sample draws. */
  public static final String SAMPLING = "per-component";

  public static Out of(RiskResult r) {
    return new Out(
        r.overWarn().fraction(), r.overCritical().fraction(), r.overflow().fraction(),
        r.options().samples(), r.options().seed(), r.options().distribution().id(), r.options().correlated(),
        SAMPLING, r.drawsPerSample(),
        new Quantiles(r.p50().value(), r.p95().value(), r.p99().value()),
        new Events(event(r.overWarn()), event(r.overCritical()), event(r.overflow())));
  }

  static Event event(Probability p) {
    return new Event(p.threshold().stripTrailingZeros(), p.count(), p.fraction(),
        BigDecimal.valueOf(p.standardError()).setScale(Probability.SCALE, RoundingMode.HALF_UP),
        new Interval(BigDecimal.valueOf(p.low95()).setScale(Probability.SCALE, RoundingMode.FLOOR),
            BigDecimal.valueOf(p.high95()).setScale(Probability.SCALE, RoundingMode.CEILING)),
        p.certain());
  }
}
