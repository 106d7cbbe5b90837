package dev.headroom.solve;

import dev.headroom.model.Catalog;
import dev.headroom.model.Claim;
import dev.headroom.model.Estimate;
import dev.headroom.model.Host;
import dev.headroom.model.Scenario;
import dev.headroom.model.Stack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * What a capacity report says, computed: the deployment matrix of a stack over hosts, scenarios and
 * agents 1..N, and for every scenario and agent count the host to choose ({@link HostChoice}).
 * Rendering is elsewhere; nothing here is text.
 *
 * @param matrix every scenario × host × agent count
 * @param services every service any of the scenarios runs, once, in the order they first appear
 * @param picks per scenario (in matrix order), per agent count 1..N: the host to choose, empty when
 *     no host of the report fits that many agents
 * @param claims the stack's claims, each checked on its own host (which need not be in the report)
 * @param risks per scenario and host, in matrix order
 * @param advice per host, with the first scenario
 */
public record Report(Stack stack, MatrixResult matrix, List<Planner.Member> services, List<List<Optional<Host>>> picks,
    List<ClaimCheck> claims, RiskOptions riskOptions, List<RiskAt> risks, List<Advised> advice) {

  public Report {
    services = List.copyOf(services);
    picks = picks.stream().map(List::copyOf).toList();
    claims = List.copyOf(claims);
    risks = List.copyOf(risks);
    advice = List.copyOf(advice);
  }

  /**
   * The least effort that fits one agent more than fit on a host with the report's first scenario
   * ({@link Advisor}); null {@code advice} when any number of agents fits.
   */
  public record Advised(Host host, long agents, Advice advice) {}

  /**
   * The overflow risk of a scenario on a host with one agent more than fit there by the
   * conservative rule ({@code fit + 1}): at {@code fit} the high end is below the critical threshold,
   * so nothing can overflow; one more is where the ranges straddle it. Null {@code risk} when any
   * number of agents fits.
   */
  public record RiskAt(Scenario scenario, Host host, long fit, RiskResult risk) {}

  /**
   * A claim of the stack set against headroom's plan for the same host, scenario and agents.
   *
   * @param fitsAgrees null when the claim concludes nothing; else whether its conclusion matches
   * @param totalAgrees null when the claim gives no figure; else whether it lies within the computed range
   */
  public record ClaimCheck(Claim claim, Host host, Evaluation computed, Boolean fitsAgrees, Boolean totalAgrees) {
    public boolean agrees() {
      return !Boolean.FALSE.equals(fitsAgrees) && !Boolean.FALSE.equals(totalAgrees);
    }
  }

  /**
   * The report of {@code stack} on {@code hosts} for agents 1..{@code maxAgents}, every scenario given,
   * {@code apply} added to each (as in a matrix).
   */
  public static Report build(Catalog catalog, List<Host> hosts, Stack stack, List<Scenario> scenarios, long maxAgents,
      Basis basis, Estimate estimate, List<String> apply, RiskOptions riskOptions) {
    Planner planner = new Planner(catalog);
    MatrixResult m = planner.matrix(hosts, stack, scenarios, maxAgents, basis, estimate, apply);
    Map<String, Planner.Member> services = new LinkedHashMap<>();
    for (Scenario sc : scenarios) {
      planner.members(stack, sc).forEach(mem -> services.putIfAbsent(mem.service().id(), mem));
    }
    List<List<Optional<Host>>> picks = new ArrayList<>();
    for (Scenario sc : scenarios) {
      List<Optional<Host>> perCount = new ArrayList<>();
      for (long n = 1; n <= maxAgents; n++) {
        List<Host> fitting = new ArrayList<>();
        for (Host h : hosts) {
          if (m.cell(sc, h, n).status().fits()) {
            fitting.add(h);
          }
        }
        perCount.add(HostChoice.preferred(fitting));
      }
      picks.add(perCount);
    }
    List<ClaimCheck> checks = new ArrayList<>();
    for (Claim c : stack.claims()) {
      Host h = catalog.hosts().get(c.host());
      Scenario sc = stack.scenario(c.scenario()).orElseThrow();
      StackDemand d = planner.demand(stack, sc, basis, List.of(), false);
      Evaluation ev = Planner.evaluate(d, h, c.agents(), estimate);
      Boolean fits = c.fits() == null ? null : c.fits() == ev.status().fits();
      Boolean total = c.total() == null ? null
          : c.total().low().compareTo(ev.total().low()) >= 0 && c.total().high().compareTo(ev.total().high()) <= 0;
      checks.add(new ClaimCheck(c, h, ev, fits, total));
    }
    List<RiskAt> risks = new ArrayList<>();
    for (Scenario sc : scenarios) {
      Map<Long, Simulation> runs = new LinkedHashMap<>(); // one simulation per agent count, shared by the hosts
      for (Host h : hosts) {
        Optional<Long> fit = m.maxAgents(sc, h);
        if (fit.isEmpty()) {
          risks.add(new RiskAt(sc, h, Long.MAX_VALUE, null));
          continue;
        }
        Simulation sim = runs.computeIfAbsent(fit.get() + 1, k -> Simulation.run(m.demand(sc), k, riskOptions));
        risks.add(new RiskAt(sc, h, fit.get(), Risk.on(sim, h)));
      }
    }
    List<Advised> advice = new ArrayList<>();
    Advisor advisor = new Advisor(catalog);
    Scenario first = scenarios.get(0);
    for (Host h : hosts) {
      Optional<Long> fit = m.maxAgents(first, h);
      if (fit.isEmpty()) {
        advice.add(new Advised(h, Long.MAX_VALUE, null));
        continue;
      }
      PlanRequest one = new PlanRequest(h, stack, first, fit.get() + 1, basis, estimate, apply);
      advice.add(new Advised(h, fit.get() + 1, advisor.advise(one, List.of(h))));
    }
    return new Report(stack, m, List.copyOf(services.values()), picks, checks, riskOptions, risks, advice);
  }

  /** The host to choose for {@code agents} agents under {@code scenario}; empty when none fits. */
  public Optional<Host> pick(Scenario scenario, long agents) {
    return picks.get(matrix.scenarioIndex(scenario)).get((int) (agents - 1));
  }

  /**
   * The picks of a scenario as runs of agent counts with the same answer, in order: {@code 1..1
   * pi-zero-2w, 2..5 pi-4b-4gb, 6..8 none}.
   */
  public List<Run> runs(Scenario scenario) {
    List<Run> out = new ArrayList<>();
    List<Optional<Host>> p = picks.get(matrix.scenarioIndex(scenario));
    long from = 1;
    for (int i = 1; i <= p.size(); i++) {
      if (i == p.size() || !sameHost(p.get(i), p.get(i - 1))) {
        out.add(new Run(from, i, p.get(i - 1).orElse(null)));
        from = i + 1L;
      }
    }
    return out;
  }

  /** The same pick: both none, or hosts of one id (ids are unique in a matrix). */
  private static boolean sameHost(Optional<Host> a, Optional<Host> b) {
    return a.map(Host::id).equals(b.map(Host::id));
  }

  /** Agent counts {@code from..to} (inclusive) whose pick is {@code host} (null: none fits). */
  public record Run(long from, long to, Host host) {}
}
