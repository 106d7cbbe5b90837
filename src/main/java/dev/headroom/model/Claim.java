package dev.headroom.model;

import java.util.Objects;

/**
 * What a document (a seed analysis, a design note) says of a stack on a host, kept beside the stack
 * so that a report can set it against what headroom computes from the same figures.
 *
 * @param says the claim, in the document's words
 * @param scenario the scenario it is about ({@code current} when the file does not say)
 * @param total the demand the document computed, or null when it gives none
 * @param fits what the document concludes: that the agents fit (true), do not (false), or null
 */
public record Claim(String says, String host, long agents, String scenario, Range total, Boolean fits, String source,
    Origin origin) {
  public Claim {
    Objects.requireNonNull(says);
    Objects.requireNonNull(host);
    Objects.requireNonNull(scenario);
    Objects.requireNonNull(origin);
    if (agents < 1) {
      throw new IllegalArgumentException("agents must be at least 1");
    }
  }
}
