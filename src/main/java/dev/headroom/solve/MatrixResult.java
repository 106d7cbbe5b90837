package dev.headroom.solve;

import dev.headroom.model.Estimate;
import dev.headroom.model.Host;
import dev.headroom.model.Scenario;
import dev.headroom.model.Stack;
import java.util.List;
import java.util.Optional;

/**
 * A deployment matrix: every scenario × host × agent count 1..maxAgents. A scenario's demand is
 * summed once; each cell is evaluated when it is asked for, so a large matrix costs no memory.
 *
 * @param demands one per scenario
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
    List<Optional<Long>> maxAgentsFit) {

  public MatrixResult {
    hosts = List.copyOf(hosts);
    scenarios = List.copyOf(scenarios);
    demands = List.copyOf(demands);
    maxAgentsFit = List.copyOf(maxAgentsFit);
  }

  public StackDemand demand(Scenario scenario) {
    return demands.get(scenarios.indexOf(scenario));
  }

  public Evaluation cell(Scenario scenario, Host host, long agents) {
    return Planner.evaluate(demand(scenario), host, agents, estimate);
  }

  public Optional<Long> maxAgents(Scenario scenario, Host host) {
    return maxAgentsFit.get(scenarios.indexOf(scenario) * hosts.size() + hosts.indexOf(host));
  }
}
