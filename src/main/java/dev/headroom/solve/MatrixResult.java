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
    return demands.get(scenarioIndex(scenario));
  }

  /**
   * Where a scenario is in {@link #scenarios}, by name (unique in a stack): a record's own equals
   * would compare every field, and on a cold JVM its first call costs milliseconds of method-handle
   * set-up (docs/performance.md).
   */
  public int scenarioIndex(Scenario scenario) {
    for (int i = 0; i < scenarios.size(); i++) {
      if (scenarios.get(i).name().equals(scenario.name())) {
        return i;
      }
    }
    throw new IllegalArgumentException("scenario '" + scenario.name() + "' is not in the matrix");
  }

  /** Where a host is in {@link #hosts}, by id (unique in a matrix). */
  public int hostIndex(Host host) {
    for (int i = 0; i < hosts.size(); i++) {
      if (hosts.get(i).id().equals(host.id())) {
        return i;
      }
    }
    throw new IllegalArgumentException("host '" + host.id() + "' is not in the matrix");
  }

  public Evaluation cell(Scenario scenario, Host host, long agents) {
    return Planner.evaluate(demand(scenario), host, agents, estimate);
  }

  public Optional<Long> maxAgents(Scenario scenario, Host host) {
    return maxAgentsFit.get(scenarioIndex(scenario) * hosts.size() + hostIndex(host));
  }
}
