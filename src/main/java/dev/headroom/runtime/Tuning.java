package dev.headroom.runtime;

import java.util.List;
import java.util.Map;

/**
 * Settings chosen for a limit (those pinned by the user kept as given), the footprint they give,
 * whether its high end fits the limit, and notes on the choice.
 */
public record Tuning(Map<String, String> settings, Footprint footprint, boolean fits, List<String> notes) {
  public Tuning {
    settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    notes = List.copyOf(notes);
  }
}
