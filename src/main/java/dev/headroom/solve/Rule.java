package dev.headroom.solve;

/**
 * The rules of the compose gate, documented in {@code docs/rules.md}. Each has a default severity;
 * {@code .headroom.yaml} can change it, and a service can ignore a rule with {@code x-headroom:
 * {ignore: [HR001]}}.
 */
public enum Rule {
  HR001("memory-limit-missing", Severity.WARNING, false, "a service has no memory limit"),
  HR002("reservation-above-limit", Severity.ERROR, false, "a reservation is above its limit"),
  HR003("limits-over-budget", Severity.ERROR, true, "the memory limits × replicas exceed the host's budget"),
  HR004("reservations-over-available", Severity.ERROR, true, "the memory reservations exceed the available memory"),
  HR005("cpu-oversubscribed", Severity.WARNING, true, "the CPU limits × replicas exceed the available cores"),
  HR006("cpus-above-host", Severity.ERROR, true, "one service asks for more CPUs than the host has"),
  HR007("compose-refuses", Severity.ERROR, false, "docker compose refuses the file"),
  HR008("gpu-memory-over-budget", Severity.ERROR, true, "GPU memory exceeds the host's GPU");

  private final String slug;
  private final Severity defaultSeverity;
  private final boolean needsHost;
  private final String title;

  Rule(String slug, Severity defaultSeverity, boolean needsHost, String title) {
    this.slug = slug;
    this.defaultSeverity = defaultSeverity;
    this.needsHost = needsHost;
    this.title = title;
  }

  public String id() {
    return name();
  }

  public String slug() {
    return slug;
  }

  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  /** Whether the rule compares against a host (it is skipped without {@code --host}). */
  public boolean needsHost() {
    return needsHost;
  }

  public String title() {
    return title;
  }
}
