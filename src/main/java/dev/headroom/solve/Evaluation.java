package dev.headroom.solve;

import dev.headroom.model.Bytes;
import dev.headroom.model.Cpu;
import dev.headroom.model.Range;
import java.math.BigDecimal;
import java.util.List;

/**
 * A {@link StackDemand} evaluated for one host and N agents: DESIGN.md section 3.
 *
 * @param cpuTotal null when no service gives a CPU figure
 * @param cpuAvailable null when the host profile gives no CPU
 * @param notes host-specific notes (CPU over, GPU missing, CPU figures missing)
 */
public record Evaluation(
    long agents,
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
    List<String> notes) {

  public Evaluation {
    notes = List.copyOf(notes);
  }
}
