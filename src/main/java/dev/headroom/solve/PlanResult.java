package dev.headroom.solve;

import dev.headroom.model.Bytes;
import dev.headroom.model.Cpu;
import dev.headroom.model.Range;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A computed plan: DESIGN.md section 3, every figure exact.
 *
 * @param cpuTotal null when no service of the stack gives a CPU figure
 * @param cpuAvailable null when the host profile gives no CPU
 * @param utilizationLow {@code total.low / available}, rounded for display
 * @param utilizationHigh {@code total.high / available}, rounded for display
 * @param maxAgents empty when per-agent demand is zero (unbounded)
 * @param notes things the reader should know (fallbacks, CPU over, GPU missing)
 */
public record PlanResult(
    PlanRequest request,
    List<ServiceDemand> services,
    Range perAgent,
    Range shared,
    Range total,
    Bytes available,
    BigDecimal utilizationLow,
    BigDecimal utilizationHigh,
    Status memoryStatus,
    Cpu cpuTotal,
    Cpu cpuAvailable,
    Cpu cpuOver,
    Bytes gpuTotal,
    Status gpuStatus,
    Status status,
    Optional<Long> maxAgents,
    List<String> notes) {

  public PlanResult {
    services = List.copyOf(services);
    notes = List.copyOf(notes);
  }

  /** available − total.high: the conservative headroom; negative is overflow. */
  public Bytes headroomWorst() {
    return Capacity.headroom(available, total.high());
  }

  /** available − total.low. */
  public Bytes headroomBest() {
    return Capacity.headroom(available, total.low());
  }

  public long agents() {
    return request.agents();
  }
}
