package dev.headroom.solve;

import dev.headroom.model.Bytes;
import dev.headroom.model.Host;
import dev.headroom.model.Origin;
import dev.headroom.model.Range;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Advisor} found for one plan: the cheapest set of optimizations that makes it fit, and
 * the hosts it fits on as it is (docs/advisor.md).
 *
 * @param now the plan as asked for: the scenario, with {@code --apply}, and nothing else
 * @param limit the most the plan may use at the estimate end and still fit: ⌊critical ×
 *     available⌋ bytes (a whole number of bytes fits exactly when it is at most this)
 * @param alreadyApplied optimization ids the scenario or {@code --apply} applies: done, cost 0
 * @param candidates every other optimization id of the scenario's services, the largest saving
 *     alone first, then by id
 * @param choice the set to apply; empty when the plan fits now; null when no set is enough
 * @param bestPossible when no set is enough: the cheapest set that comes closest (the most memory
 *     that can be saved, or, when only GPU memory is short, what memory needs); otherwise null
 * @param memoryShortfall what the best possible set still leaves above {@code limit}; zero when
 *     memory fits
 * @param gpuShortfall GPU memory above ⌊critical × gpu.memory⌋ (all of it on a host without a
 *     GPU); no optimization saves GPU memory
 * @param hosts the candidate hosts, in the order of {@link HostChoice#order}
 * @param recommended the host {@link HostChoice} prefers of those that fit as they are; null when
 *     none does
 */
public record Advice(
    PlanResult now,
    Bytes limit,
    List<String> alreadyApplied,
    List<Candidate> candidates,
    Choice choice,
    Choice bestPossible,
    Bytes memoryShortfall,
    Bytes gpuShortfall,
    List<HostOption> hosts,
    Host recommended) {

  public Advice {
    alreadyApplied = List.copyOf(alreadyApplied);
    candidates = List.copyOf(candidates);
    hosts = List.copyOf(hosts);
  }

  /** Whether the plan fits as it is (status ok or warn). */
  public boolean feasibleNow() {
    return now.status().fits();
  }

  /** Whether some set of the offered optimizations makes the plan fit. */
  public boolean feasible() {
    return choice != null;
  }

  public Optional<Host> recommendedHost() {
    return Optional.ofNullable(recommended);
  }

  /**
   * One optimization id that could still be applied.
   *
   * @param effortHours the sum of its {@code effort_hours} over the services that have it; null
   *     when one of them does not say (such an id is not offered)
   * @param savesAlone what it saves on its own for the whole plan (N agents), at each end; in
   *     company it may save less, where it shares a component with another
   * @param services the scenario's services that have it
   * @param origin where the first of them declares it
   */
  public record Candidate(String id, BigDecimal effortHours, Range savesAlone, List<String> services, Origin origin) {
    public Candidate {
      services = List.copyOf(services);
    }

    /** Offered to the search: its effort is known. */
    public boolean offered() {
      return effortHours != null;
    }
  }

  /**
   * A set of optimizations and the plan with them.
   *
   * @param apply the ids to apply, in id order
   * @param effortHours their effort together
   * @param saves what they save together, for the whole plan, at each end: the plan's total now
   *     minus its total after
   * @param after the plan with them applied, computed by the {@link Planner}
   */
  public record Choice(List<String> apply, BigDecimal effortHours, Range saves, PlanResult after) {
    public Choice {
      apply = List.copyOf(apply);
    }
  }

  /** A candidate host and the plan's status on it, without any further optimization. */
  public record HostOption(Host host, Evaluation evaluation, Optional<Long> maxAgents) {
    public boolean fits() {
      return evaluation.status().fits();
    }
  }
}
