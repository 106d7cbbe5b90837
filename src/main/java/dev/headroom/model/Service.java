package dev.headroom.model;

import java.util.List;
import java.util.Objects;

/**
 * A service footprint model. Its memory is the sum of its components; a service written as a single
 * quantity or range has one component named after the service.
 *
 * @param cpu cores, null when unknown
 * @param limits container limits, {@link Resources#NONE} when unset
 * @param reservations container reservations, {@link Resources#NONE} when unset
 */
public record Service(
    String id,
    String name,
    List<Component> components,
    Cpu cpu,
    Bytes gpuMemory,
    Resources limits,
    Resources reservations,
    String source,
    Origin origin) {

  public Service {
    Objects.requireNonNull(id);
    Objects.requireNonNull(origin);
    components = List.copyOf(components);
    if (components.isEmpty()) {
      throw new IllegalArgumentException("service " + id + " has no memory");
    }
    gpuMemory = gpuMemory == null ? Bytes.ZERO : gpuMemory;
    limits = limits == null ? Resources.NONE : limits;
    reservations = reservations == null ? Resources.NONE : reservations;
    name = name == null ? id : name;
  }

  /** The footprint before any optimization: the sum of the components. */
  public Range memory() {
    Range sum = Range.ZERO;
    for (Component c : components) {
      sum = sum.plus(c.size());
    }
    return sum;
  }

  public List<Optimization> optimizations() {
    return components.stream().flatMap(c -> c.optimizations().stream()).toList();
  }
}
