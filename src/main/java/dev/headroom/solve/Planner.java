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

  /** Cells are computed as they are printed, but a matrix nobody can read is refused. */
  public static final long MAX_MATRIX_CELLS = 250_000;

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

  /**
   * The optimization ids in effect: the scenario's, plus {@code --apply}. With {@code strict}, an
   * {@code --apply} id that no service of the scenario has is refused; otherwise it is left out
   * with a note (a matrix applies an id to the scenarios that have it).
   */
  Set<String> appliedIds(List<Member> members, Scenario scenario, List<String> extra, boolean strict, List<String> notes) {
    Set<String> known = knownOptimizations(members);
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
        if (strict) {
          throw new UnknownIdException("optimization", id, "scenario " + scenario.name(), List.copyOf(known));
        }
        notes.add("--apply " + id + ": no service of scenario " + scenario.name() + " has it");
        continue;
      }
      applied.add(id);
    }
    return applied;
  }

  private static Set<String> knownOptimizations(List<Member> members) {
    Set<String> known = new LinkedHashSet<>();
    for (Member m : members) {
      for (Optimization o : m.service().optimizations()) {
        known.add(o.id());
      }
    }
    return known;
  }

  /**
   * What a scenario asks for, before any host or agent count.
   *
   * @param strict refuse {@code --apply} ids the scenario does not have (a single plan), rather than
   *     noting them (a matrix over several scenarios)
   */
  public StackDemand demand(Stack stack, Scenario scenario, Basis basis, List<String> apply, boolean strict) {
    try {
      return sum(stack, scenario, basis, apply, strict);
    } catch (ArithmeticException e) {
      throw new TooLargeException("the services of " + stack.id() + " (scenario " + scenario.name()
          + ") add up to more than 8 EiB (2^63-1 bytes)", e);
    }
  }

  private StackDemand sum(Stack stack, Scenario scenario, Basis basis, List<String> apply, boolean strict) {
    List<Member> members = members(stack, scenario);
    List<String> notes = new ArrayList<>();
    Set<String> applied = appliedIds(members, scenario, apply, strict, notes);
    List<ServiceDemand> demands = new ArrayList<>();
    Range perAgent = Range.ZERO;
    Range shared = Range.ZERO;
    Bytes gpuPerAgent = Bytes.ZERO;
    Bytes gpuShared = Bytes.ZERO;
    Cpu cpuPerAgent = null;
    Cpu cpuShared = null;
    List<String> unknownPerAgent = new ArrayList<>();
    List<String> unknownShared = new ArrayList<>();
    boolean droppedOptimizations = false;
    for (Member m : members) {
      ServiceDemand d = demand(m, basis, applied);
      demands.add(d);
      if (d.note() != null) {
        notes.add(m.service().id() + ": " + d.note());
      }
      droppedOptimizations |= basis != Basis.FOOTPRINT && d.note() == null
          && m.service().optimizations().stream().anyMatch(o -> applied.contains(o.id()));
      boolean perAgentScope = m.scope() == Scope.PER_AGENT;
      if (perAgentScope) {
        perAgent = perAgent.plus(d.memory());
        gpuPerAgent = gpuPerAgent.plus(d.gpuMemory());
      } else {
        shared = shared.plus(d.memory());
        gpuShared = gpuShared.plus(d.gpuMemory());
      }
      if (d.cpu() == null) {
        (perAgentScope ? unknownPerAgent : unknownShared).add(m.service().id());
      } else if (perAgentScope) {
        cpuPerAgent = (cpuPerAgent == null ? Cpu.ZERO : cpuPerAgent).plus(d.cpu());
      } else {
        cpuShared = (cpuShared == null ? Cpu.ZERO : cpuShared).plus(d.cpu());
      }
    }
    for (ServiceDemand d : demands) {
      Bytes limit = d.service().limits().memory();
      if (basis == Basis.FOOTPRINT && limit != null && d.memory().high().compareTo(limit) > 0) {
        notes.add(d.service().id() + ": the footprint (up to " + d.memory().high() + ") is above the container limit of "
            + limit + "; the container would be killed for running out of memory");
      }
    }
    List<String> unknown = new ArrayList<>(unknownPerAgent);
    unknown.addAll(unknownShared);
    if ((cpuPerAgent != null || cpuShared != null) && !unknown.isEmpty()) {
      notes.add("CPU: no figure for " + String.join(", ", unknown) + "; the CPU total leaves "
          + (unknown.size() == 1 ? "it" : "them") + " out");
    }
    if (droppedOptimizations) {
      notes.add("optimizations do not change a container " + (basis == Basis.LIMITS ? "limit" : "reservation")
          + "; with --basis " + basis.id() + " they apply only where the footprint is used");
    }
    return new StackDemand(stack, scenario, basis, demands, perAgent, shared, gpuPerAgent, gpuShared, cpuPerAgent,
        cpuShared, unknownPerAgent, unknownShared, notes);
  }

  /** A scenario's demand on one host with N agents: totals, utilization, statuses (DESIGN.md section 3). */
  public static Evaluation evaluate(StackDemand d, Host host, long agents, Estimate e) {
    try {
      return compute(d, host, agents, e);
    } catch (ArithmeticException overflow) {
      throw new TooLargeException("the demand of " + agents + " agents of " + d.stack().id()
          + " is too large to compute exactly (over 8 EiB, 2^63-1 bytes)", overflow);
    }
  }

  private static Evaluation compute(StackDemand d, Host host, long agents, Estimate e) {
    List<String> notes = new ArrayList<>();
    Range total = Capacity.total(d.shared(), d.perAgent(), agents);
    Bytes available = Capacity.available(host);
    Status memoryStatus = Capacity.status(total.end(e), available, host.thresholds());

    Bytes gpuTotal = d.gpu(agents);
    Status gpuStatus = Capacity.gpuStatus(gpuTotal, host.gpu(), host.thresholds());
    if (!gpuTotal.isZero() && host.gpu() == null) {
      notes.add("GPU: the stack needs " + gpuTotal + " of GPU memory and " + host.id() + " has no GPU");
    }

    Cpu cpu = d.cpu(agents);
    Cpu cpuAvailable = host.cpu() == null ? null : host.cpu().available();
    Cpu cpuOver = cpu != null && cpuAvailable != null ? Capacity.cpuOver(cpu, cpuAvailable) : Cpu.ZERO;
    if (!cpuOver.isZero()) {
      notes.add("CPU: " + cpu + " cores asked for, " + cpuAvailable + " available (" + cpuOver
          + " over): expect throttling; status is at least warn");
    }
    Status status = Capacity.withCpu(memoryStatus.atLeast(gpuStatus), cpuOver);
    return new Evaluation(agents, total, available, Capacity.utilization(total.low(), available),
        Capacity.utilization(total.high(), available), memoryStatus, cpu, cpuAvailable, cpuOver, gpuTotal, gpuStatus,
        status, notes);
  }

  /**
   * Computes one plan.
   *
   * @throws TooLargeException when a sum or product would pass 2^63-1 bytes
   * @throws UnknownIdException when {@code --apply} names an optimization the scenario does not have
   */
  public PlanResult plan(PlanRequest r) {
    StackDemand d = demand(r.stack(), r.scenario(), r.basis(), r.apply(), true);
    Evaluation ev = evaluate(d, r.host(), r.agents(), r.estimate());
    return new PlanResult(r, d, ev, maxAgents(d, r.host(), r.estimate()));
  }

  /** Memory and GPU both bound the agent count; CPU does not (it is compressible). */
  public static Optional<Long> maxAgents(StackDemand d, Host host, Estimate e) {
    Optional<Long> byMemory = maxAgentsByMemory(d, host, e);
    if (!d.needsGpu()) {
      return byMemory;
    }
    Optional<Long> byGpu = maxAgentsByGpu(d, host);
    if (byMemory.isEmpty()) {
      return byGpu;
    }
    if (byGpu.isEmpty()) {
      return byMemory;
    }
    return Optional.of(Math.min(byMemory.get(), byGpu.get()));
  }

  public static Optional<Long> maxAgentsByMemory(StackDemand d, Host host, Estimate e) {
    return Capacity.maxAgents(d.shared().end(e), d.perAgent().end(e), Capacity.available(host),
        host.thresholds().critical());
  }

  /** Empty when the scenario needs no GPU memory per agent; 0 when the host has no GPU. */
  public static Optional<Long> maxAgentsByGpu(StackDemand d, Host host) {
    if (!d.needsGpu()) {
      return Optional.empty();
    }
    if (host.gpu() == null) {
      return Optional.of(0L);
    }
    return Capacity.maxAgents(d.gpuShared(), d.gpuPerAgent(), host.gpu().memory(), host.thresholds().critical());
  }

  /** One service's demand per instance under a basis (one instance; a plan scales per-agent ones). */
  static ServiceDemand demand(Member m, Basis basis, Set<String> applied) {
    long instances = 1;
    Service s = m.service();
    Range footprint = s.memory();
    Range optimized = Range.ZERO;
    List<Optimization> used = new ArrayList<>();
    List<ServiceDemand.ComponentDemand> parts = new ArrayList<>();
    for (Component c : s.components()) {
      Range r = Capacity.optimized(c, applied);
      optimized = optimized.plus(r);
      List<Optimization> here = c.optimizations().stream().filter(o -> applied.contains(o.id())).toList();
      used.addAll(here);
      parts.add(new ServiceDemand.ComponentDemand(c, r, here));
    }
    Resources container = container(s, basis);
    if (container == null) {
      return new ServiceDemand(s, m.scope(), instances, footprint, optimized, used, s.cpu(), s.gpuMemory(), null, parts,
          s.origin());
    }
    Cpu cpu = container.cpus() != null ? container.cpus() : s.cpu();
    String what = basis == Basis.LIMITS ? "limit" : "reservation";
    if (container.memory() == null) {
      return new ServiceDemand(s, m.scope(), instances, footprint, optimized, used, cpu, s.gpuMemory(),
          "no memory " + what + "; the footprint is used", parts, s.origin());
    }
    // the container value stands in for the whole footprint: the components are shown as modelled
    parts.replaceAll(p -> new ServiceDemand.ComponentDemand(p.component(), p.component().size(), List.of()));
    return new ServiceDemand(s, m.scope(), instances, footprint, Range.exactly(container.memory()), List.of(), cpu,
        s.gpuMemory(), null, parts, container.origin());
  }

  /** The container values a basis reads, or null for the footprint. */
  private static Resources container(Service s, Basis basis) {
    return switch (basis) {
      case FOOTPRINT -> null;
      case LIMITS -> s.limits();
      case RESERVATIONS -> s.reservations();
    };
  }

  /**
   * Whether a service's demand under a basis is its footprint, so that optimizations change it;
   * false where a container limit or reservation stands in for it.
   */
  static boolean usesFootprint(Service s, Basis basis) {
    Resources container = container(s, basis);
    return container == null || container.memory() == null;
  }

  // ------------------------------------------------------------------ matrix

  /**
   * Every scenario × host × agent count 1..maxAgents. The demand of a scenario is summed once and
   * evaluated per cell, so a cell costs a few exact additions and comparisons. An {@code --apply}
   * id must belong to at least one of the scenarios; scenarios without it are planned without it.
   */
  public MatrixResult matrix(
      List<Host> hosts, Stack stack, List<Scenario> scenarios, long maxAgents, Basis basis, Estimate estimate,
      List<String> apply) {
    long cells = (long) hosts.size() * scenarios.size() * maxAgents;
    if (cells > MAX_MATRIX_CELLS) {
      throw new TooLargeException("a matrix of " + cells + " cells (" + scenarios.size() + " scenarios × " + hosts.size()
          + " hosts × " + maxAgents + " agent counts) is more than headroom prints (" + MAX_MATRIX_CELLS
          + "); narrow --hosts, --scenario or --max-agents", null);
    }
    checkApplyKnownSomewhere(stack, scenarios, apply);
    List<Optional<Long>> max = new ArrayList<>();
    List<StackDemand> demands = new ArrayList<>();
    for (Scenario sc : scenarios) {
      StackDemand d = demand(stack, sc, basis, apply, false);
      demands.add(d);
      for (Host h : hosts) {
        max.add(maxAgents(d, h, estimate));
        // the largest cell first: if any cell is too large to compute, say so before printing anything
        evaluate(d, h, maxAgents, estimate);
      }
    }
    return new MatrixResult(stack, basis, estimate, hosts, scenarios, maxAgents, demands, max);
  }

  private void checkApplyKnownSomewhere(Stack stack, List<Scenario> scenarios, List<String> apply) {
    Set<String> known = new LinkedHashSet<>();
    for (Scenario sc : scenarios) {
      known.addAll(knownOptimizations(members(stack, sc)));
    }
    for (String id : apply) {
      if (!id.equals(ALL) && !known.contains(id)) {
        String where = scenarios.size() == 1 ? "scenario " + scenarios.get(0).name() : "any scenario of the matrix";
        throw new UnknownIdException("optimization", id, where, List.copyOf(known));
      }
    }
  }
}
