package dev.headroom.solve;

import dev.headroom.model.Estimate;
import dev.headroom.model.Host;
import dev.headroom.model.Scenario;
import dev.headroom.model.Stack;
import java.util.List;
import java.util.Objects;

/**
 * One plan to compute.
 *
 * @param apply ad-hoc optimization ids ({@code --apply}), on top of the scenario's; "all" applies every one
 */
public record PlanRequest(
    Host host, Stack stack, Scenario scenario, long agents, Basis basis, Estimate estimate, List<String> apply) {

  public PlanRequest {
    Objects.requireNonNull(host);
    Objects.requireNonNull(stack);
    scenario = scenario == null ? Scenario.CURRENT : scenario;
    basis = basis == null ? Basis.FOOTPRINT : basis;
    estimate = estimate == null ? Estimate.HIGH : estimate;
    apply = List.copyOf(apply == null ? List.of() : apply);
    if (agents < 0) {
      throw new IllegalArgumentException("agents must not be negative");
    }
  }
}
