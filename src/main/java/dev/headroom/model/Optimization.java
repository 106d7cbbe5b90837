package dev.headroom.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A change that saves memory on one component.
 *
 * @param effortHours null when the catalog does not say
 */
public record Optimization(String id, Bytes saves, BigDecimal effortHours, String note, Origin origin) {
  public Optimization {
    Objects.requireNonNull(id);
    Objects.requireNonNull(saves);
    Objects.requireNonNull(origin);
    if (saves.isNegative()) {
      throw new IllegalArgumentException("saving must not be negative");
    }
  }
}
