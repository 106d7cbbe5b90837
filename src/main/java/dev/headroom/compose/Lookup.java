package dev.headroom.compose;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a variable's value comes from: the environment, a {@code .env} file, a test's map. Empty
 * means unset, which is not the same as set to the empty string ({@code ${A-x}} tells them apart).
 */
@FunctionalInterface
public interface Lookup {

  Optional<String> get(String name);

  /** Nothing is set. */
  static Lookup none() {
    return name -> Optional.empty();
  }

  /** The entries of {@code values}, read when asked (a later change to the map is seen). */
  static Lookup of(Map<String, String> values) {
    Objects.requireNonNull(values, "values");
    return name -> Optional.ofNullable(values.get(name));
  }

  /** This lookup first, then {@code other} for a name this one does not set. */
  default Lookup orElse(Lookup other) {
    Objects.requireNonNull(other, "other");
    return name -> {
      Optional<String> value = get(name);
      return value.isPresent() ? value : other.get(name);
    };
  }
}
