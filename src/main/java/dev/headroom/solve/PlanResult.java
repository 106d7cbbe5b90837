package dev.headroom.solve;

import dev.headroom.model.Bytes;
import dev.headroom.model.Cpu;
import dev.headroom.model.Range;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A computed plan: the scenario's demand, evaluated on one host for N agents (DESIGN.md section 3),
 * every figure exact.
 *
 * @param maxAgents empty when per-agent demand is zero (unbounded)
 */
public record PlanResult(PlanRequest request, StackDemand demand, Evaluation evaluation, Optional<Long> maxAgents) {

  public long agents() {
    return request.agents();
  }

  /** The services with their instance counts for this plan (per-agent ones × N). */
  public List<ServiceDemand> services() {
    List<ServiceDemand> out = new ArrayList<>();
    for (ServiceDemand d : demand.services()) {
      out.add(d.withInstances(d.scope() == Scope.PER_AGENT ? request.agents() : 1));
    }
    return out;
  }

  public Range perAgent() {
    return demand.perAgent();
  }

  public Range shared() {
    return demand.shared();
  }

  public Range total() {
    return evaluation.total();
  }

  public Bytes available() {
    return evaluation.available();
  }

  public BigDecimal utilizationLow() {
    return evaluation.utilizationLow();
  }

  public BigDecimal utilizationHigh() {
    return evaluation.utilizationHigh();
  }

  public Status memoryStatus() {
    return evaluation.memoryStatus();
  }

  public Cpu cpuTotal() {
    return evaluation.cpuTotal();
  }

  public Cpu cpuAvailable() {
    return evaluation.cpuAvailable();
  }

  public Cpu cpuOver() {
    return evaluation.cpuOver();
  }

  public Bytes gpuTotal() {
    return evaluation.gpuTotal();
  }

  public Status gpuStatus() {
    return evaluation.gpuStatus();
  }

  public Status status() {
    return evaluation.status();
  }

  /** The scenario's notes, then the host's. */
  public List<String> notes() {
    List<String> all = new ArrayList<>(demand.notes());
    all.addAll(evaluation.notes());
    return all;
  }

  /** available − total.high: the conservative headroom; negative is overflow. */
  public Bytes headroomWorst() {
    return Capacity.headroom(available(), total().high());
  }

  /** available − total.low. */
  public Bytes headroomBest() {
    return Capacity.headroom(available(), total().low());
  }
}
