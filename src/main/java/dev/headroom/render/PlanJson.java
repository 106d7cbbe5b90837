package dev.headroom.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.headroom.model.Bytes;
import dev.headroom.model.Cpu;
import dev.headroom.model.Host;
import dev.headroom.model.Optimization;
import dev.headroom.model.Range;
import dev.headroom.solve.PlanResult;
import dev.headroom.solve.RiskResult;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code plan --format json}: the {@code headroom.plan/v1} object of DESIGN.md section 4, through
 * output records whose component names are the JSON keys (snake_case). Keys may be added, never
 * renamed.
 */
public final class PlanJson {
  private PlanJson() {}

  public static final String SCHEMA = "headroom.plan/v1";

  public record MemoryRange(long lowBytes, long highBytes) {
    static MemoryRange of(Range r) {
      return new MemoryRange(r.low().value(), r.high().value());
    }
  }

  public record HostMemory(long totalBytes, long reservedBytes, long availableBytes) {}

  public record HostCpu(BigDecimal cores, BigDecimal available) {}

  public record HostGpu(String model, long memoryBytes) {}

  public record Thresholds(BigDecimal warn, BigDecimal critical) {}

  public record HostOut(
      String id, String name, String arch, HostMemory memory, HostCpu cpu, HostGpu gpu, Thresholds thresholds,
      String source, String origin) {
    static HostOut of(Host h) {
      return new HostOut(
          h.id(), h.name(), h.arch(),
          new HostMemory(h.memoryTotal().value(), h.memoryReserved().value(), h.available().value()),
          h.cpu() == null ? null : new HostCpu(h.cpu().cores().cores(), h.cpu().available().cores()),
          h.gpu() == null ? null : new HostGpu(h.gpu().model(), h.gpu().memory().value()),
          new Thresholds(h.thresholds().warn(), h.thresholds().critical()),
          h.source(), h.origin().toString());
    }
  }

  public record Memory(MemoryRange memory) {}

  public record AppliedOptimization(String id, long savesBytes, String origin) {}

  public record ComponentOut(String name, MemoryRange size, MemoryRange memory, List<String> applied, String origin) {}

  public record ServiceOut(
      String id, String name, String scope, long instances, MemoryRange memory, MemoryRange footprint,
      List<AppliedOptimization> applied, BigDecimal cpu, long gpuMemoryBytes, String note, String source, String origin,
      List<ComponentOut> components) {}

  public record Total(MemoryRange memory, BigDecimal cpu, Long gpuMemoryBytes) {}

  public record HeadroomMemory(long worstBytes, long bestBytes) {}

  public record Headroom(HeadroomMemory memory) {}

  public record UtilizationMemory(BigDecimal low, BigDecimal high) {}

  public record Utilization(UtilizationMemory memory) {}

  public record Out(
      String schema,
      HostOut host,
      String stack,
      String scenario,
      long agents,
      String basis,
      String estimate,
      List<ServiceOut> services,
      Memory perAgent,
      Memory shared,
      Total total,
      Headroom headroom,
      Utilization utilization,
      String status,
      String memoryStatus,
      String gpuStatus,
      Long maxAgents,
      List<String> notes,
      @JsonInclude(JsonInclude.Include.NON_NULL) RiskJson.Out risk) {}

  public static Out of(PlanResult p) {
    return of(p, null);
  }

  /** With {@code risk} (null without {@code --risk}), the object gains a {@code "risk"} key. */
  public static Out of(PlanResult p, RiskResult risk) {
    List<ServiceOut> services =
        p.services().stream()
            .map(d -> new ServiceOut(
                d.service().id(), d.service().name(), d.scope().id(), d.instances(), MemoryRange.of(d.memory()),
                MemoryRange.of(d.footprint()), d.applied().stream().map(PlanJson::applied).toList(),
                d.cpu() == null ? null : d.cpu().cores(), d.gpuMemory().value(), d.note(), d.service().source(),
                d.origin().toString(),
                d.components().stream()
                    .map(c -> new ComponentOut(c.component().name(), MemoryRange.of(c.component().size()),
                        MemoryRange.of(c.memory()), c.applied().stream().map(Optimization::id).toList(),
                        c.component().origin().toString()))
                    .toList()))
            .toList();
    Cpu cpu = p.cpuTotal();
    Bytes gpu = p.gpuTotal();
    return new Out(
        SCHEMA,
        HostOut.of(p.request().host()),
        p.request().stack().id(),
        p.request().scenario().name(),
        p.agents(),
        p.request().basis().id(),
        p.request().estimate().id(),
        services,
        new Memory(MemoryRange.of(p.perAgent())),
        new Memory(MemoryRange.of(p.shared())),
        new Total(MemoryRange.of(p.total()), cpu == null ? null : cpu.cores(), gpu.isZero() ? null : gpu.value()),
        new Headroom(new HeadroomMemory(p.headroomWorst().value(), p.headroomBest().value())),
        new Utilization(new UtilizationMemory(p.utilizationLow(), p.utilizationHigh())),
        p.status().id(),
        p.memoryStatus().id(),
        p.gpuStatus().id(),
        p.maxAgents().orElse(null),
        p.notes(),
        risk == null ? null : RiskJson.of(risk));
  }

  private static AppliedOptimization applied(Optimization o) {
    return new AppliedOptimization(o.id(), o.saves().value(), o.origin().toString());
  }

  public static void render(PlanResult p, PrintWriter out) {
    render(p, null, out);
  }

  public static void render(PlanResult p, RiskResult risk, PrintWriter out) {
    Json.write(of(p, risk), out);
  }
}
