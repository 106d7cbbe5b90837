package dev.headroom.solve;

import dev.headroom.model.Estimate;
import dev.headroom.model.Host;
import dev.headroom.model.Scenario;
import dev.headroom.model.Stack;
import java.util.List;
import java.util.Optional;

/**
 * A deployment matrix: an evaluation for every scenario × host × agent count 1..maxAgents.
 *
 * @param demands one per scenario
 * @param cells in scenario, host, agents order
 * @param maxAgentsFit one per scenario × host
 */
public record MatrixResult(
    Stack stack,
    Basis basis,
    Estimate estimate,
    List<Host> hosts,
    List<Scenario> scenarios,
    long maxAgents,
    List<StackDemand> demands,
    List<Evaluation> cells,
    List<Optional<Long>> maxAgentsFit) {

  public MatrixResult {
    hosts = List.copyOf(hosts);
    scenarios = List.copyOf(scenarios);
    demands = List.copyOf(demands);
    cells = List.copyOf(cells);
    maxAgentsFit = List.copyOf(maxAgentsFit);
  }

  public Evaluation cell(Scenario scenario, Host host, long agents) {
    int s = scenarios.indexOf(scenario);
    int h = hosts.indexOf(host);
    return cells.get((int) ((s * (long) hosts.size() + h) * maxAgents + (agents - 1)));
  }

  public Optional<Long> maxAgents(Scenario scenario, Host host) {
    return maxAgentsFit.get(scenarios.indexOf(scenario) * hosts.size() + hosts.indexOf(host));
  }
}
