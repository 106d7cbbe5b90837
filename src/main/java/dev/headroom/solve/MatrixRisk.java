package dev.headroom.solve;

import dev.headroom.model.Host;
import dev.headroom.model.Scenario;
import java.util.List;

/** The risk of every cell of a matrix, in scenario, agent count, host order. */
public record MatrixRisk(MatrixResult matrix, RiskOptions options, List<RiskResult> cells) {

  public MatrixRisk {
    cells = List.copyOf(cells);
  }

  public RiskResult cell(Scenario scenario, Host host, long agents) {
    int s = matrix.scenarioIndex(scenario);
    int h = matrix.hostIndex(host);
    long row = s * matrix.maxAgents() + (agents - 1);
    return cells.get(Math.toIntExact(row * matrix.hosts().size() + h));
  }
}
