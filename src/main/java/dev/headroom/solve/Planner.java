package dev.headroom.solve;

import dev.headroom.model.Bytes;
import dev.headroom.model.Catalog;
import dev.headroom.model.Component;
import dev.headroom.model.Cpu;
import dev.headroom.model.Estimate;
import dev.headroom.model.Host;
import dev.headroom.model.Optimization;
import dev.headroom.model.Range;
import dev.headroom.model.Resources;
import dev.headroom.model.Scenario;
import dev.headroom.model.Service;
import dev.headroom.model.Stack;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes plans and matrices from the catalog (DESIGN.md section 3). Pure: no I/O, no state beyond
 * the catalog it was given.
 */
public final class Planner {

  /** The value of {@code --apply} that applies every optimization. */
  public static final String ALL = "all";

  private final Map<String, Service> services;

  public Planner(Catalog catalog) {
    this.services = catalog.services();
  }

  /** A service of a scenario and where it runs. */
  public record Member(Service service, Scope scope) {}

  /** The services a scenario runs, in stack order: removed, replaced (in place), then added. */
  public List<Member> members(Stack stack, Scenario scenario) {
    List<Member> out = new ArrayList<>();
    for (String id : stack.perAgent()) {
      addMember(out, id, Scope.PER_AGENT, scenario);
    }
    for (String id : stack.shared()) {
      addMember(out, id, Scope.SHARED, scenario);
    }
    for (String id : scenario.addPerAgent()) {
      out.add(new Member(service(id), Scope.PER_AGENT));
    }
    for (String id : scenario.addShared()) {
      out.add(new Member(service(id), Scope.SHARED));
    }
    return out;
  }

  private void addMember(List<Member> out, String id, Scope scope, Scenario scenario) {
    if (scenario.remove().contains(id)) {
      return;
    }
    out.add(new Member(service(scenario.replace().getOrDefault(id, id)), scope));
  }

  private Service service(String id) {
    Service s = services.get(id);
    if (s == null) {
      // the loader checks every reference, so this is a bug, not an input error
      throw new IllegalStateException("service " + id + " is not in the catalog");
    }
    return s;
  }

  /** The optimization ids in effect: the scenario's plus {@code --apply}; unknown ids are refused. */
  public Set<String> appliedIds(List<Member> members, Scenario scenario, List<String> extra) {
    Set<String> known = new LinkedHashSet<>();
    for (Member m : members) {
      for (Optimization o : m.service().optimizations()) {
        known.add(o.id());
      }
    }
    Set<String> applied = new LinkedHashSet<>();
    if (scenario.applyAll() || extra.contains(ALL)) {
      applied.addAll(known);
    }
    applied.addAll(scenario.apply());
    for (String id : extra) {
      if (id.equals(ALL)) {
        continue;
      }
      if (!known.contains(id)) {
        throw new UnknownIdException("optimization", id, List.copyOf(known));
      }
      applied.add(id);
    }
    return applied;
  }

  /**
   * Computes one plan.
   *
   * @throws TooLargeException when a sum or product would pass 2^63-1 bytes
   * @throws UnknownIdException when {@code --apply} names an optimization the scenario does not have
   */
  public PlanResult plan(PlanRequest r) {
    try {
      return compute(r);
    } catch (ArithmeticException e) {
      throw new TooLargeException(
          "the demand of " + r.agents() + " agents of " + r.stack().id() + " is too large to compute exactly (over 8 EiB, 2^63-1 bytes)", e);
    }
  }

  private PlanResult compute(PlanRequest r) {
    List<Member> members = members(r.stack(), r.scenario());
    Set<String> applied = appliedIds(members, r.scenario(), r.apply());
    List<ServiceDemand> demands = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Range perAgent = Range.ZERO;
    Range shared = Range.ZERO;
    Cpu cpu = null;
    List<String> cpuUnknown = new ArrayList<>();
    Bytes gpuPerAgent = Bytes.ZERO;
    Bytes gpuShared = Bytes.ZERO;
    for (Member m : members) {
      long instances = m.scope() == Scope.PER_AGENT ? r.agents() : 1;
      ServiceDemand d = demand(m, instances, r.basis(), applied);
      demands.add(d);
      if (d.note() != null) {
        notes.add(m.service().id() + ": " + d.note());
      }
      if (m.scope() == Scope.PER_AGENT) {
        perAgent = perAgent.plus(d.memory());
        gpuPerAgent = gpuPerAgent.plus(d.gpuMemory());
      } else {
        shared = shared.plus(d.memory());
        gpuShared = gpuShared.plus(d.gpuMemory());
      }
      if (d.cpu() != null) {
        cpu = (cpu == null ? Cpu.ZERO : cpu).plus(d.cpu().times(instances));
      } else if (instances > 0) {
        cpuUnknown.add(m.service().id());
      }
    }
    Host host = r.host();
    Range total = Capacity.total(shared, perAgent, r.agents());
    Bytes available = Capacity.available(host);
    Estimate e = r.estimate();
    Status memoryStatus = Capacity.status(total.end(e), available, host.thresholds());

    Bytes gpuTotal = gpuShared.plus(gpuPerAgent.times(r.agents()));
    Status gpuStatus = Capacity.gpuStatus(gpuTotal, host.gpu(), host.thresholds());
    if (!gpuTotal.isZero() && host.gpu() == null) {
      notes.add("GPU: the stack needs " + gpuTotal + " of GPU memory and " + host.id() + " has no GPU");
    }

    Cpu cpuAvailable = host.cpu() == null ? null : host.cpu().available();
    Cpu cpuOver = cpu != null && cpuAvailable != null ? Capacity.cpuOver(cpu, cpuAvailable) : Cpu.ZERO;
    if (!cpuOver.isZero()) {
      notes.add("CPU: " + cpu + " cores asked for, " + cpuAvailable + " available (" + cpuOver
          + " over): expect throttling; status is at least warn");
    }
    if (cpu != null && !cpuUnknown.isEmpty()) {
      notes.add("CPU: no figure for " + String.join(", ", cpuUnknown) + "; the CPU total leaves " + (cpuUnknown.size() == 1 ? "it" : "them") + " out");
    }
    Status status = Capacity.withCpu(memoryStatus.atLeast(gpuStatus), cpuOver);

    Optional<Long> maxAgents =
        maxAgents(shared.end(e), perAgent.end(e), gpuShared, gpuPerAgent, host);
    return new PlanResult(
        r, demands, perAgent, shared, total, available,
        Capacity.utilization(total.low(), available), Capacity.utilization(total.high(), available),
        memoryStatus, cpu, cpuAvailable, cpuOver, gpuTotal, gpuStatus, status, maxAgents, notes);
  }

  /** Memory and GPU both bound the agent count; CPU does not (it is compressible). */
  static Optional<Long> maxAgents(Bytes shared, Bytes perAgent, Bytes gpuShared, Bytes gpuPerAgent, Host host) {
    Optional<Long> byMemory =
        Capacity.maxAgents(shared, perAgent, Capacity.available(host), host.thresholds().critical());
    if (gpuShared.isZero() && gpuPerAgent.isZero()) {
      return byMemory;
    }
    Optional<Long> byGpu =
        host.gpu() == null
            ? Optional.of(0L)
            : Capacity.maxAgents(gpuShared, gpuPerAgent, host.gpu().memory(), host.thresholds().critical());
    if (byMemory.isEmpty()) {
      return byGpu;
    }
    if (byGpu.isEmpty()) {
      return byMemory;
    }
    return Optional.of(Math.min(byMemory.get(), byGpu.get()));
  }

  /** One service's demand per instance under a basis. */
  static ServiceDemand demand(Member m, long instances, Basis basis, Set<String> applied) {
    Service s = m.service();
    Range footprint = s.memory();
    Range optimized = Range.ZERO;
    List<Optimization> used = new ArrayList<>();
    for (Component c : s.components()) {
      optimized = optimized.plus(Capacity.optimized(c, applied));
      for (Optimization o : c.optimizations()) {
        if (applied.contains(o.id())) {
          used.add(o);
        }
      }
    }
    Resources container =
        switch (basis) {
          case FOOTPRINT -> null;
          case LIMITS -> s.limits();
          case RESERVATIONS -> s.reservations();
        };
    if (container == null) {
      return new ServiceDemand(s, m.scope(), instances, footprint, optimized, used, s.cpu(), s.gpuMemory(), null);
    }
    Cpu cpu = container.cpus() != null ? container.cpus() : s.cpu();
    String what = basis == Basis.LIMITS ? "limit" : "reservation";
    if (container.memory() == null) {
      return new ServiceDemand(s, m.scope(), instances, footprint, optimized, used, cpu, s.gpuMemory(),
          "no memory " + what + "; the footprint is used");
    }
    return new ServiceDemand(s, m.scope(), instances, footprint, Range.exactly(container.memory()), List.of(), cpu,
        s.gpuMemory(), null);
  }

  // ------------------------------------------------------------------ matrix

  /** Plans for agents 1..maxAgents on every host and scenario. */
  public MatrixResult matrix(
      List<Host> hosts, Stack stack, List<Scenario> scenarios, long maxAgents, Basis basis, Estimate estimate,
      List<String> apply) {
    List<PlanResult> cells = new ArrayList<>();
    List<PlanResult> summaries = new ArrayList<>();
    for (Scenario sc : scenarios) {
      for (Host h : hosts) {
        PlanRequest base = new PlanRequest(h, stack, sc, 0, basis, estimate, apply);
        summaries.add(plan(base.withAgents(1)));
        for (long n = 1; n <= maxAgents; n++) {
          cells.add(plan(base.withAgents(n)));
        }
      }
    }
    return new MatrixResult(stack, basis, estimate, hosts, scenarios, maxAgents, cells, summaries);
  }
}
