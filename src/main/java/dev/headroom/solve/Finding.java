package dev.headroom.solve;

import dev.headroom.model.Origin;
import java.util.Objects;

/**
 * One thing the compose gate found: which rule, how serious, which service (null for the whole
 * project), what and how far, how to fix it, and the file and line it points at.
 */
public record Finding(Rule rule, Severity severity, String service, String message, String fix, Origin origin) {
  public Finding {
    Objects.requireNonNull(rule);
    Objects.requireNonNull(severity);
    Objects.requireNonNull(message);
    origin = origin == null ? Origin.NONE : origin;
  }

  Finding withSeverity(Severity s) {
    return new Finding(rule, s, service, message, fix, origin);
  }
}
