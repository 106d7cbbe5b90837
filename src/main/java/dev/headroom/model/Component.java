package dev.headroom.model;

import java.util.List;
import java.util.Objects;

/** One part of a service's memory, with the optimizations that shrink it. */
public record Component(String name, Range size, List<Optimization> optimizations, Origin origin) {
  public Component {
    Objects.requireNonNull(name);
    Objects.requireNonNull(size);
    Objects.requireNonNull(origin);
    optimizations = List.copyOf(optimizations);
  }
}
