package dev.headroom.model;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A number of CPU cores, exact: a {@link BigDecimal} with at most nine decimals (docker's nano-CPU
 * resolution), never a double. {@code 80 × 0.1} is exactly {@code 8}.
 */
public record Cpu(BigDecimal cores) implements Comparable<Cpu> {

  public static final Cpu ZERO = new Cpu(BigDecimal.ZERO);
  /** Docker stores CPUs as nano-CPUs: nine decimals is the finest meaningful value. */
  public static final int MAX_SCALE = 9;

  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,18}(\\.[0-9]{1,9})?|\\.[0-9]{1,9}");

  public Cpu {
    if (cores == null) {
      throw new IllegalArgumentException("cores must not be null");
    }
    if (cores.signum() < 0) {
      throw new IllegalArgumentException("cores must not be negative: " + cores.toPlainString());
    }
    cores = normalize(cores);
  }

  private static BigDecimal normalize(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  public static Cpu of(String decimal) {
    return parse(decimal);
  }

  public static Cpu ofMillis(long millis) {
    return new Cpu(BigDecimal.valueOf(millis, 3));
  }

  /**
   * Reads a plain decimal number of cores: {@code 2}, {@code 0.5}, {@code .25}. No sign, no exponent,
   * at most nine decimals.
   */
  public static Cpu parse(String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      throw new QuantityException("empty CPU value; write a number of cores such as 0.5");
    }
    if (t.startsWith("-")) {
      throw new QuantityException("CPU '" + text + "' is negative; write a number of cores ≥ 0");
    }
    if (t.endsWith("m") && DECIMAL.matcher(t.substring(0, t.length() - 1)).matches()) {
      BigDecimal cores = new BigDecimal(t.substring(0, t.length() - 1)).movePointLeft(3);
      throw new QuantityException(
          "CPU '" + text + "' uses Kubernetes millicores; write cores as a decimal: " + normalize(cores).toPlainString());
    }
    if (!DECIMAL.matcher(t).matches()) {
      if (t.matches("[0-9]*\\.[0-9]{10,}")) {
        throw new QuantityException("CPU '" + text + "' has more than " + MAX_SCALE + " decimals");
      }
      throw new QuantityException("CPU '" + text + "' is not a decimal number of cores (such as 0.5 or 2)");
    }
    return new Cpu(new BigDecimal(t));
  }

  public Cpu plus(Cpu o) {
    return new Cpu(cores.add(o.cores));
  }

  public Cpu minus(Cpu o) {
    return new Cpu(cores.subtract(o.cores));
  }

  public Cpu times(long n) {
    return new Cpu(cores.multiply(BigDecimal.valueOf(n)));
  }

  public boolean isZero() {
    return cores.signum() == 0;
  }

  @Override
  public int compareTo(Cpu o) {
    return cores.compareTo(o.cores);
  }

  /** Plain decimal, no exponent, no trailing zeros: {@code 0.5}, {@code 8}. */
  @Override
  public String toString() {
    return cores.toPlainString();
  }

  // equals and hashCode are written out: a record's generated ones are set up through method
  // handles on first call, milliseconds on a cold JVM for every run (docs/performance.md).
  @Override
  public boolean equals(Object o) {
    return o instanceof Cpu c && c.cores.equals(cores);
  }

  @Override
  public int hashCode() {
    return cores.hashCode();
  }
}
