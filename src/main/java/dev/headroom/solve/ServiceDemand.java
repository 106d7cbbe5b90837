package dev.headroom.solve;

import dev.headroom.model.Bytes;
import dev.headroom.model.Component;
import dev.headroom.model.Cpu;
import dev.headroom.model.Optimization;
import dev.headroom.model.Origin;
import dev.headroom.model.Range;
import dev.headroom.model.Service;
import java.util.List;

/**
 * One service in a plan, per instance.
 *
 * @param footprint the model's memory before optimizations
 * @param memory what the plan counts (after optimizations, or the limit or reservation)
 * @param applied the optimizations that were applied
 * @param cpu per instance, null when unknown
 * @param note why the basis fell back to the footprint, or null
 * @param components the footprint's components after optimizations (the footprint's breakdown even
 *     where a container value is used instead)
 * @param origin where {@code memory} comes from: the footprint's {@code memory:} line, or the
 *     {@code limits:}/{@code reservations:} line when the basis uses a container value
 */
public record ServiceDemand(
    Service service,
    Scope scope,
    long instances,
    Range footprint,
    Range memory,
    List<Optimization> applied,
    Cpu cpu,
    Bytes gpuMemory,
    String note,
    List<ComponentDemand> components,
    Origin origin) {

  /** One component of a footprint, after the optimizations applied to it. */
  public record ComponentDemand(Component component, Range memory, List<Optimization> applied) {
    public ComponentDemand {
      applied = List.copyOf(applied);
    }
  }

  public ServiceDemand {
    applied = List.copyOf(applied);
    components = List.copyOf(components);
  }

  /** The same demand for another instance count. */
  public ServiceDemand withInstances(long n) {
    return new ServiceDemand(service, scope, n, footprint, memory, applied, cpu, gpuMemory, note, components, origin);
  }

  public Range totalMemory() {
    return memory.times(instances);
  }
}
