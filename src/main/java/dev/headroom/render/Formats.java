package dev.headroom.render;

import dev.headroom.model.Bytes;
import dev.headroom.model.Range;
import dev.headroom.model.Thresholds;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formats shared by the renderers. */
public final class Formats {
  private Formats() {}

  /**
   * {@code demand / capacity} as a percentage with one decimal, rounded half-up: {@code 1472 MiB /
   * 432 MiB -> 340.7%}. Where rounding would land exactly on a threshold (or on 100%) that the exact
   * value is not on, a sign says which side it is: {@code >90.0%} for 900 MiB + 1 byte of 1000 MiB,
   * so the figure never seems to contradict the status next to it.
   */
  public static String percent(Bytes demand, Bytes capacity, Thresholds t) {
    if (capacity.isZero()) {
      return "n/a";
    }
    BigDecimal hundredTimes = demand.toBigDecimal().movePointRight(2);
    BigDecimal shown = hundredTimes.divide(capacity.toBigDecimal(), 1, RoundingMode.HALF_UP);
    int side = hundredTimes.compareTo(shown.multiply(capacity.toBigDecimal()));
    if (side != 0 && t != null && isBoundary(shown, t)) {
      return (side > 0 ? ">" : "<") + shown.toPlainString() + "%";
    }
    return shown.toPlainString() + "%";
  }

  private static boolean isBoundary(BigDecimal percent, Thresholds t) {
    return percent.compareTo(t.warn().movePointRight(2)) == 0 || percent.compareTo(t.critical().movePointRight(2)) == 0
        || percent.compareTo(BigDecimal.valueOf(100)) == 0;
  }

  /** A threshold as a percentage without needless decimals: {@code 0.80 -> 80%}, {@code 0.875 -> 87.5%}. */
  public static String threshold(BigDecimal fraction) {
    BigDecimal p = fraction.movePointRight(2).stripTrailingZeros();
    return (p.scale() < 0 ? p.setScale(0) : p).toPlainString() + "%";
  }

  /** {@code 1256..1472 MiB}, or one value when the range is exact. */
  public static String range(Range r) {
    return r.toString();
  }

  /** "1 agent", "2 agents". */
  public static String agents(long n) {
    return n == 1 ? "1 agent" : n + " agents";
  }
}
