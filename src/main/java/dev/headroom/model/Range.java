package dev.headroom.model;

/** A memory demand from {@code low} to {@code high} inclusive; {@code low <= high}. */
public record Range(Bytes low, Bytes high) {

  public static final Range ZERO = new Range(Bytes.ZERO, Bytes.ZERO);

  public Range {
    if (low == null || high == null) {
      throw new IllegalArgumentException("range ends must not be null");
    }
    if (low.compareTo(high) > 0) {
      throw new IllegalArgumentException("range low " + low + " is above high " + high);
    }
  }

  public static Range exactly(Bytes b) {
    return new Range(b, b);
  }

  public boolean isExact() {
    return low.equals(high);
  }

  public Range plus(Range o) {
    return new Range(low.plus(o.low), high.plus(o.high));
  }

  public Range times(long n) {
    return new Range(low.times(n), high.times(n));
  }

  /** Both ends reduced by {@code saving}, neither below zero. */
  public Range minusClamped(Bytes saving) {
    return new Range(low.minusClamped(saving), high.minusClamped(saving));
  }

  public boolean isZero() {
    return high.isZero();
  }

  /** The end named by {@code estimate}. */
  public Bytes end(Estimate estimate) {
    return estimate == Estimate.LOW ? low : high;
  }

  @Override
  public String toString() {
    return isExact() ? low.toString() : Units.formatRange(this);
  }

  // equals and hashCode are written out: a record's generated ones are set up through method
  // handles on first call, milliseconds on a cold JVM for every run (docs/performance.md).
  @Override
  public boolean equals(Object o) {
    return o instanceof Range r && r.low.equals(low) && r.high.equals(high);
  }

  @Override
  public int hashCode() {
    return 31 * low.hashCode() + high.hashCode();
  }
}
