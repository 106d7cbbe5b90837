package dev.headroom.model;

import java.math.BigDecimal;

/**
 * Status thresholds as exact fractions of available memory: {@code 0 < warn <= critical <= 1}. A
 * utilization equal to a threshold is still below it ({@code 0.90} of 1000 MiB is {@code warn}, not
 * {@code critical}).
 */
public record Thresholds(BigDecimal warn, BigDecimal critical) {

  public static final Thresholds DEFAULT = new Thresholds(new BigDecimal("0.80"), new BigDecimal("0.90"));

  public Thresholds {
    if (warn.signum() <= 0 || warn.compareTo(critical) > 0 || critical.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("thresholds need 0 < warn <= critical <= 1, got " + warn + " and " + critical);
    }
  }
}
