package dev.headroom.render;

import dev.headroom.model.Host;
import dev.headroom.render.PlanJson.MemoryRange;
import dev.headroom.render.PlanJson.UtilizationMemory;
import dev.headroom.solve.Advice;
import dev.headroom.solve.PlanResult;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code advise --format json}: the {@code headroom.advise/v1} object (docs/advisor.md,
 * docs/schema/advise.schema.json), through output records whose component names are the JSON keys.
 * Keys may be added, never renamed.
 *
 * <p>When no set of optimizations is enough, {@code optimizations.apply} and the figures after it
 * are null, {@code limited_by} says what stays over ({@code memory}, {@code gpu}) and {@code
 * best_possible} is the set that comes closest.
 */
public final class AdviseJson {
  private AdviseJson() {}

  public static final String SCHEMA = "headroom.advise/v1";

  /**
   * The plan as asked for.
   *
   * @param limitBytes the most the plan may use at the estimate end: ⌊critical × available⌋
   */
  public record Now(
      String status, MemoryRange total, UtilizationMemory utilization, long availableBytes, long limitBytes,
      String gpuStatus, Long maxAgents) {}

  /** A set of optimizations and the plan with it. */
  public record SetOut(
      List<String> apply, BigDecimal effortHours, MemoryRange saves, MemoryRange total, UtilizationMemory utilization,
      String status, Long maxAgents) {
    static SetOut of(Advice.Choice c) {
      PlanResult p = c.after();
      return new SetOut(c.apply(), c.effortHours(), MemoryRange.of(c.saves()), MemoryRange.of(p.total()),
          new UtilizationMemory(p.utilizationLow(), p.utilizationHigh()), p.status().id(), p.maxAgents().orElse(null));
    }
  }

  /**
   * What the best possible set leaves over: memory above ⌊critical × available⌋ at the estimate end,
   * GPU memory above ⌊critical × gpu.memory⌋ (all of it without a GPU); whole bytes.
   */
  public record Shortfall(long memoryBytes, long gpuBytes) {}

  /**
   * One optimization id that could still be applied.
   *
   * @param effortHours null when unknown (then it is not offered)
   * @param savesAlone what it saves on its own, for the whole plan
   */
  public record CandidateOut(
      String id, BigDecimal effortHours, boolean offered, boolean selected, MemoryRange savesAlone,
      List<String> services, String origin) {}

  public record Optimizations(
      boolean feasible,
      List<String> apply,
      BigDecimal effortHours,
      MemoryRange saves,
      String statusAfter,
      UtilizationMemory utilizationAfter,
      MemoryRange totalAfter,
      Long maxAgentsAfter,
      List<String> limitedBy,
      Shortfall shortfall,
      SetOut bestPossible,
      List<String> alreadyApplied,
      List<String> effortUnknown,
      List<CandidateOut> candidates) {}

  public record HostOut(
      String id, String name, String status, boolean fits, BigDecimal costPerHour, Long maxAgents, long availableBytes,
      UtilizationMemory utilization) {}

  public record Out(
      String schema,
      String host,
      long agents,
      String stack,
      String scenario,
      String basis,
      String estimate,
      boolean feasibleNow,
      Now now,
      Optimizations optimizations,
      List<HostOut> hosts,
      String recommendedHost,
      String smallestFittingHost,
      List<String> notes) {}

  public static Out of(Advice a) {
    PlanResult now = a.now();
    Now n = new Now(now.status().id(), MemoryRange.of(now.total()),
        new UtilizationMemory(now.utilizationLow(), now.utilizationHigh()), now.available().value(), a.limit().value(),
        now.gpuStatus().id(), now.maxAgents().orElse(null));
    List<CandidateOut> candidates = new ArrayList<>();
    for (Advice.Candidate c : AdviseText.ordered(a)) {
      candidates.add(new CandidateOut(c.id(), c.effortHours(), c.offered(), a.feasible() && AdviseText.inSet(a, c),
          MemoryRange.of(c.savesAlone()), c.services(), c.origin().toString()));
    }
    List<String> unknown = a.candidates().stream().filter(c -> !c.offered()).map(Advice.Candidate::id).sorted().toList();
    Optimizations o;
    if (a.feasible()) {
      Advice.Choice c = a.choice();
      PlanResult p = c.after();
      o = new Optimizations(true, c.apply(), c.effortHours(), MemoryRange.of(c.saves()), p.status().id(),
          new UtilizationMemory(p.utilizationLow(), p.utilizationHigh()), MemoryRange.of(p.total()),
          p.maxAgents().orElse(null), List.of(), null, null, a.alreadyApplied(), unknown, candidates);
    } else {
      List<String> limitedBy = new ArrayList<>();
      if (!a.memoryShortfall().isZero()) {
        limitedBy.add("memory");
      }
      if (!a.gpuShortfall().isZero()) {
        limitedBy.add("gpu");
      }
      o = new Optimizations(false, null, null, null, null, null, null, null, limitedBy,
          new Shortfall(a.memoryShortfall().value(), a.gpuShortfall().value()), SetOut.of(a.bestPossible()),
          a.alreadyApplied(), unknown, candidates);
    }
    List<HostOut> hosts = new ArrayList<>();
    for (Advice.HostOption h : a.hosts()) {
      Host x = h.host();
      hosts.add(new HostOut(x.id(), x.name(), h.evaluation().status().id(), h.fits(), x.costPerHour(),
          h.maxAgents().orElse(null), x.available().value(),
          new UtilizationMemory(h.evaluation().utilizationLow(), h.evaluation().utilizationHigh())));
    }
    return new Out(SCHEMA, now.request().host().id(), now.agents(), now.request().stack().id(),
        now.request().scenario().name(), now.request().basis().id(), now.request().estimate().id(), a.feasibleNow(), n,
        o, hosts, a.recommendedHost().map(Host::id).orElse(null),
        AdviseText.smallestFitting(a).map(h -> h.host().id()).orElse(null), AdviseText.notes(a));
  }

  public static void render(Advice a, PrintWriter out) {
    Json.write(of(a), out);
  }
}
