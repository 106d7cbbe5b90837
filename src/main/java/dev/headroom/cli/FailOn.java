package dev.headroom.cli;

import dev.headroom.solve.Status;
import java.util.Locale;

/** {@code --fail-on}: the status at or above which a plan exits 1. */
public enum FailOn {
  WARN(Status.WARN),
  CRITICAL(Status.CRITICAL),
  OVERFLOW(Status.OVERFLOW),
  NEVER(null);

  private final Status threshold;

  FailOn(Status threshold) {
    this.threshold = threshold;
  }

  public boolean fails(Status s) {
    return threshold != null && s.compareTo(threshold) >= 0;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
