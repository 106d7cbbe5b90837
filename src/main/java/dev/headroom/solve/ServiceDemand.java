package dev.headroom.solve;

import dev.headroom.model.Bytes;
import dev.headroom.model.Cpu;
import dev.headroom.model.Optimization;
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
    String note) {

  public ServiceDemand {
    applied = List.copyOf(applied);
  }

  public Range totalMemory() {
    return memory.times(instances);
  }
}
