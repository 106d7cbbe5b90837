package dev.headroom.solve;

import dev.headroom.model.Estimate;
import dev.headroom.model.Host;
import dev.headroom.model.Scenario;
import dev.headroom.model.Stack;
import java.util.List;
import java.util.Optional;

/**
 * A deployment matrix: a plan for every scenario × host × agent count 1..maxAgents.
 *
 * @param cells in scenario, host, agents order
 * @param summaries one plan per scenario × host (1 agent), for max agents
 */
public record MatrixResult(
    Stack stack,
    Basis basis,
    Estimate estimate,
    List<Host> hosts,
    List<Scenario> scenarios,
    long maxAgents,
    List<PlanResult> cells,
    List<PlanResult> summaries) {

  public MatrixResult {
    hosts = List.copyOf(hosts);
    scenarios = List.copyOf(scenarios);
    cells = List.copyOf(cells);
    summaries = List.copyOf(summaries);
  }

  public PlanResult cell(Scenario scenario, Host host, long agents) {
    int s = scenarios.indexOf(scenario);
    int h = hosts.indexOf(host);
    return cells.get((int) ((s * (long) hosts.size() + h) * maxAgents + (agents - 1)));
  }

  public Optional<Long> maxAgents(Scenario scenario, Host host) {
    int s = scenarios.indexOf(scenario);
    int h = hosts.indexOf(host);
    return summaries.get(s * hosts.size() + h).maxAgents();
  }
}
