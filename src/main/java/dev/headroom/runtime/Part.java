package dev.headroom.runtime;

import dev.headroom.model.Range;
import java.util.Objects;

/**
 * One part of a runtime's footprint: what it is, its low..high range, and whether the range is an
 * estimate of headroom's (true) or follows from a setting and the runtime's documentation (false).
 */
public record Part(String name, Range memory, boolean estimate) {
  public Part {
    Objects.requireNonNull(name);
    Objects.requireNonNull(memory);
  }
}
