package dev.headroom.solve;

import java.util.Locale;

/**
 * What a service's demand is: its footprint model (default), or its container limits or
 * reservations where set (falling back to the footprint, and saying so, where not).
 */
public enum Basis {
  FOOTPRINT,
  LIMITS,
  RESERVATIONS;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The lower-case id, as written on the command line. */
  @Override
  public String toString() {
    return id();
  }
}
