package dev.headroom.render;

import dev.headroom.model.Bytes;
import dev.headroom.model.ComposeService;
import dev.headroom.solve.GateDiff;
import dev.headroom.solve.GateDiff.Change;
import dev.headroom.solve.GateDiff.ServiceDelta;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The "what changed" part of a check against a base: the same lines for text and markdown, and JSON records. */
public final class CheckDiff {
  private CheckDiff() {}

  /** One line per changed service: {@code api: limit 512 MiB → 1 GiB (+512 MiB)}. */
  static List<String> serviceLines(GateDiff.Result d) {
    List<String> out = new ArrayList<>();
    for (ServiceDelta s : d.changed()) {
      out.add(line(s));
    }
    return out;
  }

  private static String line(ServiceDelta s) {
    ComposeService b = s.before();
    ComposeService a = s.after();
    if (s.change() == Change.ADDED) {
      return s.name() + ": added, " + a.replicas() + " × " + value(a.memLimitOrNull()) + limitDelta(s);
    }
    if (s.change() == Change.REMOVED) {
      return s.name() + ": removed (was " + b.replicas() + " × " + value(b.memLimitOrNull()) + ")" + limitDelta(s);
    }
    List<String> parts = new ArrayList<>();
    if (b.replicas() != a.replicas()) {
      parts.add("replicas " + b.replicas() + " → " + a.replicas());
    }
    if (!java.util.Objects.equals(b.memLimitOrNull(), a.memLimitOrNull())) {
      parts.add("limit " + GateDiff.arrow(b.memLimitOrNull(), a.memLimitOrNull()));
    }
    if (!java.util.Objects.equals(b.memReservationOrNull(), a.memReservationOrNull())) {
      parts.add("reservation " + GateDiff.arrow(b.memReservationOrNull(), a.memReservationOrNull()));
    }
    if (!java.util.Objects.equals(b.cpusLimitOrNull(), a.cpusLimitOrNull())) {
      parts.add("cpus " + GateDiff.arrow(b.cpusLimitOrNull(), a.cpusLimitOrNull()));
    }
    if ((b.gpu() == null) != (a.gpu() == null)) {
      parts.add(a.gpu() == null ? "no longer requests a GPU" : "now requests a GPU");
    }
    if (!java.util.Objects.equals(b.cpusReservationOrNull(), a.cpusReservationOrNull())) {
      parts.add("cpu reservation " + GateDiff.arrow(b.cpusReservationOrNull(), a.cpusReservationOrNull()));
    }
    return s.name() + ": " + String.join(", ", parts) + limitDelta(s);
  }

  private static String limitDelta(ServiceDelta s) {
    Bytes d = s.limitDelta();
    if (d.isZero()) {
      return "";
    }
    return " (" + (d.isNegative() ? "" : "+") + d + " of limits)";
  }

  private static String value(Bytes b) {
    return b == null ? "no limit" : b.toString();
  }

  /** Totals, headroom and agents that fit, before → after. */
  static List<String> summaryLines(GateDiff.Result d, String hostId) {
    List<String> out = new ArrayList<>();
    out.add("memory limits × replicas: " + GateDiff.arrow(d.before().limits(), d.after().limits()) + signed(
        d.after().limits().minus(d.before().limits())));
    if (!d.before().reservations().equals(d.after().reservations())) {
      out.add("reservations: " + GateDiff.arrow(d.before().reservations(), d.after().reservations()));
    }
    if (d.before().cpus().compareTo(d.after().cpus()) != 0) {
      out.add("cpus: " + GateDiff.arrow(d.before().cpus(), d.after().cpus()));
    }
    if (d.headroomBefore() != null) {
      out.add("headroom on " + hostId + ": " + GateDiff.arrow(d.headroomBefore(), d.headroomAfter()));
    }
    if (d.fitBefore() != null || d.fitAfter() != null) {
      out.add((d.template() ? "agents that fit: " : "copies of the stack that fit: ") + fit(d.fitBefore()) + " → "
          + fit(d.fitAfter()));
    }
    return out;
  }

  private static String signed(Bytes delta) {
    if (delta.isZero()) {
      return " (no change)";
    }
    return " (" + (delta.isNegative() ? "" : "+") + delta + ")";
  }

  static String fit(Optional<Long> n) {
    if (n == null) {
      return "?";
    }
    return n.map(String::valueOf).orElse("unbounded");
  }

  // ------------------------------------------------------------------ JSON

  public record Side(long replicas, Long limitBytes, Long reservationBytes, BigDecimal cpus) {}

  public record ServiceOut(String name, String change, Side before, Side after, long limitDeltaBytes) {}

  public record Totals(long limitBytes, long reservationBytes, BigDecimal cpus) {}

  public record Out(
      List<ServiceOut> services, Totals before, Totals after, Long headroomBeforeBytes, Long headroomAfterBytes, Long fitBefore,
      Long fitAfter, boolean template) {}

  static Out json(GateDiff.Result d) {
    List<ServiceOut> services = d.services().stream()
        .map(s -> new ServiceOut(s.name(), s.change().name().toLowerCase(java.util.Locale.ROOT), side(s.before()),
            side(s.after()), s.limitDelta().value()))
        .toList();
    return new Out(services, totals(d.before()), totals(d.after()),
        d.headroomBefore() == null ? null : d.headroomBefore().value(),
        d.headroomAfter() == null ? null : d.headroomAfter().value(),
        d.fitBefore() == null ? null : d.fitBefore().orElse(null), d.fitAfter() == null ? null : d.fitAfter().orElse(null),
        d.template());
  }

  private static Side side(ComposeService s) {
    if (s == null) {
      return null;
    }
    return new Side(s.replicas(), s.memLimitOrNull() == null ? null : s.memLimitOrNull().value(),
        s.memReservationOrNull() == null ? null : s.memReservationOrNull().value(),
        s.cpusLimitOrNull() == null ? null : s.cpusLimitOrNull().cores());
  }

  private static Totals totals(dev.headroom.solve.Gate.Totals t) {
    return new Totals(t.limits().value(), t.reservations().value(), t.cpus().cores());
  }
}
