package dev.headroom.solve;

import dev.headroom.model.Bytes;
import dev.headroom.model.Cpu;
import dev.headroom.model.Range;
import dev.headroom.model.Scenario;
import dev.headroom.model.Stack;
import java.util.List;

/**
 * What one scenario of a stack asks for, before any host or agent count: the per-agent and shared
 * sums of memory, GPU memory and CPU. A plan or a matrix cell evaluates it for a host and N agents.
 *
 * @param services one entry per service, per instance ({@code instances} is 1 for shared, and the
 *     per-agent entries are scaled by the plan)
 * @param cpuPerAgent null when no per-agent service gives a CPU figure
 * @param cpuShared null when no shared service gives a CPU figure
 * @param cpuUnknownPerAgent per-agent services without a CPU figure
 * @param cpuUnknownShared shared services without a CPU figure
 * @param notes what the reader should know whatever the host (basis fallbacks, ignored --apply ids)
 */
public record StackDemand(
    Stack stack,
    Scenario scenario,
    Basis basis,
    List<ServiceDemand> services,
    Range perAgent,
    Range shared,
    Bytes gpuPerAgent,
    Bytes gpuShared,
    Cpu cpuPerAgent,
    Cpu cpuShared,
    List<String> cpuUnknownPerAgent,
    List<String> cpuUnknownShared,
    List<String> notes) {

  public StackDemand {
    services = List.copyOf(services);
    cpuUnknownPerAgent = List.copyOf(cpuUnknownPerAgent);
    cpuUnknownShared = List.copyOf(cpuUnknownShared);
    notes = List.copyOf(notes);
  }

  /** Whether any service of the scenario gives a CPU figure. */
  public boolean hasCpu() {
    return cpuPerAgent != null || cpuShared != null;
  }

  /** CPU for N agents, exact; null when no service gives a figure. */
  public Cpu cpu(long agents) {
    if (!hasCpu()) {
      return null;
    }
    Cpu shared = cpuShared == null ? Cpu.ZERO : cpuShared;
    return cpuPerAgent == null ? shared : shared.plus(cpuPerAgent.times(agents));
  }

  /** GPU memory for N agents: gpuShared + N × gpuPerAgent. */
  public Bytes gpu(long agents) {
    return gpuShared.plus(gpuPerAgent.times(agents));
  }

  public boolean needsGpu() {
    return !gpuShared.isZero() || !gpuPerAgent.isZero();
  }
}
