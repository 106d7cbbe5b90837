package dev.headroom.solve;

import dev.headroom.model.Host;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which of several hosts that fit to recommend. When every one of them has a {@code cost_per_hour},
 * the cheapest (ties: the smaller available memory, then the id). When any lacks a cost, costs
 * cannot be compared, so the one with the least available memory, the smallest machine that does
 * the job (ties: the cheaper, a host without a cost after one with, then the id).
 */
public final class HostChoice {
  private HostChoice() {}

  private static final Comparator<Host> BY_MEMORY = Comparator.comparing(Host::available);
  private static final Comparator<Host> BY_ID = Comparator.comparing(Host::id);
  private static final Comparator<Host> BY_COST =
      Comparator.comparing(Host::costPerHour, Comparator.nullsLast(Comparator.<BigDecimal>naturalOrder()));

  /** The host to recommend among {@code fitting}; empty when the list is. */
  public static Optional<Host> preferred(List<Host> fitting) {
    return fitting.stream().min(order(fitting));
  }

  /** The order {@link #preferred} takes its first from: by cost when every host has one, else by memory. */
  public static Comparator<Host> order(List<Host> hosts) {
    boolean allCosted = hosts.stream().allMatch(h -> h.costPerHour() != null);
    if (allCosted) {
      return BY_COST.thenComparing(BY_MEMORY).thenComparing(BY_ID);
    }
    return BY_MEMORY.thenComparing(BY_COST).thenComparing(BY_ID);
  }
}
