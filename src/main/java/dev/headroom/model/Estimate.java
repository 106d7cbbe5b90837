package dev.headroom.model;

/** Which end of a demand range decides the status: the conservative {@link #HIGH} by default. */
public enum Estimate {
  LOW,
  HIGH;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The lower-case id, as written on the command line. */
  @Override
  public String toString() {
    return id();
  }
}
