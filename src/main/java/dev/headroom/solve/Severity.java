package dev.headroom.solve;

import java.util.Locale;

/** How much a finding of the compose gate matters; {@link #OFF} switches a rule off. */
public enum Severity {
  ERROR,
  WARNING,
  INFO,
  OFF;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return id();
  }

  /** At least as serious as {@code other} (ERROR is the most serious). */
  public boolean atLeast(Severity other) {
    return compareTo(other) <= 0;
  }
}
