package dev.headroom.runtime;

import dev.headroom.model.Range;
import java.util.List;

/** A runtime's memory from its settings: the parts and their sum (low: idle; high: the settings' ceiling). */
public record Footprint(Range total, List<Part> parts) {
  public Footprint {
    parts = List.copyOf(parts);
  }

  /** The sum of the parts; {@link ArithmeticException} past 2^63-1 bytes. */
  public static Footprint of(List<Part> parts) {
    Range total = Range.ZERO;
    for (Part p : parts) {
      total = total.plus(p.memory());
    }
    return new Footprint(total, parts);
  }

  /** The parts in words, {@code name low..high; ...}, for a finding's message. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    for (Part p : parts) {
      b.append(b.length() == 0 ? "" : "; ").append(p.name()).append(' ').append(p.memory());
    }
    return b.toString();
  }
}
