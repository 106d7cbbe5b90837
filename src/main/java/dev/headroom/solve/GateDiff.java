package dev.headroom.solve;

import dev.headroom.model.Bytes;
import dev.headroom.model.ComposeProject;
import dev.headroom.model.ComposeService;
import dev.headroom.model.Cpu;
import dev.headroom.model.Host;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a pull request changes: per-service deltas between the base project and the new one, the
 * totals and the headroom before and after, and how many agents (or copies of the stack) fit before
 * and after. Pure.
 */
public final class GateDiff {
  private GateDiff() {}

  /** How a service changed. */
  public enum Change {
    ADDED,
    REMOVED,
    CHANGED,
    SAME
  }

  /** One service before and after; a side is null where the service does not exist. */
  public record ServiceDelta(String name, Change change, ComposeService before, ComposeService after) {

    /**
     * Memory limits × replicas after minus before (services without a limit count 0).
     *
     * @throws TooLargeException when a side's limit × replicas passes 2^63-1 bytes
     */
    public Bytes limitDelta() {
      return total(after).minus(total(before));
    }

    private Bytes total(ComposeService s) {
      if (s == null || s.memLimit() == null) {
        return Bytes.ZERO;
      }
      try {
        return s.memLimit().value().times(s.replicas());
      } catch (ArithmeticException e) {
        throw new TooLargeException("the memory limit × replicas of " + name + " add up to more than 8 EiB (2^63-1 bytes)", e);
      }
    }
  }

  /**
   * The comparison.
   *
   * @param headroomBefore available − limits before (null without a host)
   * @param fitBefore agents (templates) or copies of the stack that fit before; empty when unbounded,
   *     null when not known (no host)
   */
  public record Result(
      List<ServiceDelta> services,
      Gate.Totals before,
      Gate.Totals after,
      Bytes headroomBefore,
      Bytes headroomAfter,
      Optional<Long> fitBefore,
      Optional<Long> fitAfter,
      boolean template) {

    public Result {
      services = List.copyOf(services);
    }

    public List<ServiceDelta> changed() {
      return services.stream().filter(d -> d.change() != Change.SAME).toList();
    }
  }

  /**
   * Compares {@code base} and {@code head}. {@code fitBefore}/{@code fitAfter} come from the caller
   * for agent templates (the gate's largest passing count); otherwise they are the copies of the
   * whole stack whose limits fit under the host's critical threshold.
   *
   * @throws TooLargeException when a side's limits (or reservations) add up past 2^63-1 bytes
   */
  public static Result compare(ComposeProject base, ComposeProject head, Host host, Long templateFitBefore,
      Long templateFitAfter) {
    Map<String, ComposeService> before = byName(base);
    Map<String, ComposeService> after = byName(head);
    List<ServiceDelta> deltas = new ArrayList<>();
    for (ComposeService s : head.services()) {
      ComposeService b = before.get(s.name());
      deltas.add(new ServiceDelta(s.name(), b == null ? Change.ADDED : same(b, s) ? Change.SAME : Change.CHANGED, b, s));
    }
    for (ComposeService b : base.services()) {
      if (!after.containsKey(b.name())) {
        deltas.add(new ServiceDelta(b.name(), Change.REMOVED, b, null));
      }
    }
    Gate.Totals tb = totals(base, "the base (before the change)");
    Gate.Totals ta = totals(head, head.name());
    deltas.forEach(ServiceDelta::limitDelta); // past 2^63-1 here, not half-way through a report
    Bytes hb = host == null ? null : Capacity.headroom(Capacity.available(host), tb.limits());
    Bytes ha = host == null ? null : Capacity.headroom(Capacity.available(host), ta.limits());
    boolean template = templateFitBefore != null || templateFitAfter != null;
    Optional<Long> fb = template ? Optional.ofNullable(templateFitBefore) : copies(tb, host);
    Optional<Long> fa = template ? Optional.ofNullable(templateFitAfter) : copies(ta, host);
    return new Result(deltas, tb, ta, hb, ha, fb, fa, template);
  }

  private static Gate.Totals totals(ComposeProject p, String what) {
    try {
      return Gate.totals(p);
    } catch (ArithmeticException e) {
      throw new TooLargeException("the limits of " + what + " add up to more than 8 EiB (2^63-1 bytes)", e);
    }
  }

  /** Copies of a stack whose limits fit under the critical threshold: floor(critical × available / limits). */
  static Optional<Long> copies(Gate.Totals t, Host host) {
    if (host == null) {
      return null;
    }
    return Capacity.maxAgents(Bytes.ZERO, t.limits(), Capacity.available(host), host.thresholds().critical());
  }

  private static boolean same(ComposeService a, ComposeService b) {
    return a.replicas() == b.replicas() && Objects.equals(a.memLimitOrNull(), b.memLimitOrNull())
        && Objects.equals(a.memReservationOrNull(), b.memReservationOrNull())
        && Objects.equals(a.cpusLimitOrNull(), b.cpusLimitOrNull())
        && Objects.equals(a.cpusReservationOrNull(), b.cpusReservationOrNull()) && (a.gpu() == null) == (b.gpu() == null);
  }

  private static Map<String, ComposeService> byName(ComposeProject p) {
    Map<String, ComposeService> m = new LinkedHashMap<>();
    p.services().forEach(s -> m.put(s.name(), s));
    return m;
  }

  /** {@code 512 MiB → 1 GiB}, {@code - → 256 MiB}. */
  public static String arrow(Bytes before, Bytes after) {
    return (before == null ? "-" : before.toString()) + " → " + (after == null ? "-" : after.toString());
  }

  public static String arrow(Cpu before, Cpu after) {
    return (before == null ? "-" : before.toString()) + " → " + (after == null ? "-" : after.toString());
  }
}
