package dev.headroom.render;

import dev.headroom.model.Range;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formats shared by the renderers. */
public final class Formats {
  private Formats() {}

  /**
   * A fraction as a percentage with one decimal, rounded up: {@code 3.407408 -> 340.8%}, {@code
   * 0.900001 -> 90.1%}. Rounding up means a figure shown at or below a threshold is at or below it.
   */
  public static String percent(BigDecimal fraction) {
    if (fraction == null) {
      return "n/a";
    }
    return fraction.movePointRight(2).setScale(1, RoundingMode.CEILING).toPlainString() + "%";
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
