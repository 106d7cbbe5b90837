package dev.headroom.solve;

import java.util.Locale;

/** How full a host is, in increasing order of trouble (DESIGN.md section 3). */
public enum Status {
  /** utilization at or below the warn threshold. */
  OK,
  /** above warn, at or below critical. */
  WARN,
  /** above critical, at or below 100 %. */
  CRITICAL,
  /** above 100 %: it does not fit. */
  OVERFLOW;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Status atLeast(Status other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /** A plan at this status still counts as fitting for "max agents": at most warn. */
  public boolean fits() {
    return compareTo(WARN) <= 0;
  }
}
