package dev.headroom.solve;

/** Whether a service runs once per agent or once per host. */
public enum Scope {
  PER_AGENT("per-agent"),
  SHARED("shared");

  private final String id;

  Scope(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
