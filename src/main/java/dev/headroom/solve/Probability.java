package dev.headroom.solve;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An estimate of P(total &gt; threshold): {@code count} of {@code samples} totals were above it.
 * {@code certain} when the range alone decides it (the threshold at or above the high end: none can
 * be; below the low end: all are), and then no sample was needed and the figure is exact.
 *
 * @param threshold in bytes, exact (a fraction of available memory need not be whole)
 */
public record Probability(long count, long samples, BigDecimal threshold, boolean certain) {

  /** Decimals of a printed fraction, as for a utilization. */
  public static final int SCALE = 6;

  /** The normal quantile for a two-sided 95% interval. */
  public static final double Z95 = 1.959963984540054;

  public Probability {
    if (samples <= 0 || count < 0 || count > samples) {
      throw new IllegalArgumentException(count + " of " + samples + " samples");
    }
  }

  /** count / samples, rounded half-up to {@link #SCALE} decimals. */
  public BigDecimal fraction() {
    return BigDecimal.valueOf(count).divide(BigDecimal.valueOf(samples), SCALE, RoundingMode.HALF_UP);
  }

  public double estimate() {
    return (double) count / samples;
  }

  /** The standard error of the estimate, sqrt(p(1 − p)/n); 0 when certain. */
  public double standardError() {
    if (certain) {
      return 0;
    }
    double p = estimate();
    return Math.sqrt(p * (1 - p) / samples);
  }

  /**
   * The lower end of the 95% Wilson score interval: unlike p ± 1.96 standard errors it stays within
   * [0, 1] and is not empty when no sample, or every sample, was over. The estimate itself when
   * certain.
   */
  public double low95() {
    return certain ? estimate() : wilson(-1);
  }

  /** The upper end of the 95% Wilson score interval. */
  public double high95() {
    return certain ? estimate() : wilson(1);
  }

  private double wilson(int side) {
    double n = samples;
    double p = estimate();
    double z2 = Z95 * Z95;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return Math.max(0, Math.min(1, centre + side * half));
  }
}
