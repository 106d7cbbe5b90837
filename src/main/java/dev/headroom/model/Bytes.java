package dev.headroom.model;

import java.math.BigDecimal;

/**
 * An amount of memory in bytes: an exact {@code long}, never a double. Arithmetic is checked and
 * fails with {@link ArithmeticException} instead of wrapping around. Negative values only arise as
 * differences (headroom); parsers never produce them.
 *
 * <p>{@link #toString()} is the one canonical output form: binary units (B, KiB, MiB, GiB, TiB,
 * PiB, EiB), exact, with at most three decimals; {@link Units#parseCatalogBytes} reads it back to
 * the same value.
 */
public record Bytes(long value) implements Comparable<Bytes> {

  public static final Bytes ZERO = new Bytes(0);

  public static final long KIB = 1L << 10;
  public static final long MIB = 1L << 20;
  public static final long GIB = 1L << 30;
  public static final long TIB = 1L << 40;
  public static final long PIB = 1L << 50;
  public static final long EIB = 1L << 60;

  private static final long[] UNIT_SIZES = {EIB, PIB, TIB, GIB, MIB, KIB};
  private static final String[] UNIT_NAMES = {"EiB", "PiB", "TiB", "GiB", "MiB", "KiB"};

  public static Bytes of(long value) {
    return value == 0 ? ZERO : new Bytes(value);
  }

  public static Bytes mib(long n) {
    return new Bytes(Math.multiplyExact(n, MIB));
  }

  public static Bytes gib(long n) {
    return new Bytes(Math.multiplyExact(n, GIB));
  }

  public Bytes plus(Bytes other) {
    return new Bytes(Math.addExact(value, other.value));
  }

  public Bytes minus(Bytes other) {
    return new Bytes(Math.subtractExact(value, other.value));
  }

  /** This minus {@code other}, but never below zero (an optimization cannot save more than there is). */
  public Bytes minusClamped(Bytes other) {
    return value <= other.value ? ZERO : new Bytes(value - other.value);
  }

  public Bytes times(long n) {
    return new Bytes(Math.multiplyExact(value, n));
  }

  public boolean isZero() {
    return value == 0;
  }

  public boolean isNegative() {
    return value < 0;
  }

  public BigDecimal toBigDecimal() {
    return BigDecimal.valueOf(value);
  }

  public static Bytes max(Bytes a, Bytes b) {
    return a.value >= b.value ? a : b;
  }

  public static Bytes min(Bytes a, Bytes b) {
    return a.value <= b.value ? a : b;
  }

  @Override
  public int compareTo(Bytes o) {
    return Long.compare(value, o.value);
  }

  /**
   * The canonical form: the largest binary unit in which the value is at least 1 and exact with at
   * most three decimals ({@code 432 MiB}, {@code 1.5 GiB}, {@code 15.625 GiB}, {@code 1000 B}).
   */
  @Override
  public String toString() {
    if (value == Long.MIN_VALUE) {
      return value + " B";
    }
    long abs = Math.abs(value);
    String sign = value < 0 ? "-" : "";
    for (int i = 0; i < UNIT_SIZES.length; i++) {
      long unit = UNIT_SIZES[i];
      if (abs < unit) {
        continue;
      }
      // unit is 2^k (k >= 10) and 1000 = 2^3 * 125: the remainder is a whole number of
      // thousandths of the unit exactly when it is a multiple of 2^(k-3), and then that number is
      // (remainder / 2^(k-3)) * 125. Long arithmetic, no BigDecimal: this runs for every figure.
      long rem = abs & (unit - 1);
      long eighth = unit >> 3;
      if (rem % eighth == 0) {
        long milli = rem / eighth * 125;
        String whole = sign + (abs / unit);
        return (milli == 0 ? whole : whole + "." + decimals(milli)) + " " + UNIT_NAMES[i];
      }
    }
    return sign + abs + " B";
  }

  /** 1..999 thousandths as decimals without trailing zeros: 500 is "5", 625 is "625", 50 is "05". */
  private static String decimals(long milli) {
    String d = Long.toString(1000 + milli).substring(1);
    int end = d.length();
    while (d.charAt(end - 1) == '0') {
      end--;
    }
    return d.substring(0, end);
  }

  // equals and hashCode are written out: a record's generated ones are set up through method
  // handles on first call, milliseconds on a cold JVM for every run (docs/performance.md).
  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes b && b.value == value;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(value);
  }
}
