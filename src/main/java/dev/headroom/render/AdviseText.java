package dev.headroom.render;

import dev.headroom.model.Bytes;
import dev.headroom.model.Estimate;
import dev.headroom.model.Host;
import dev.headroom.render.TextTable.Align;
import dev.headroom.solve.Advice;
import dev.headroom.solve.Advisor;
import dev.headroom.solve.PlanResult;
import dev.headroom.solve.Status;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code advise} for a terminal: the optimizations (what each saves on its own, its effort, and
 * whether to apply it), the plan now and after, then the candidate hosts and the recommended one.
 */
public final class AdviseText {
  private AdviseText() {}

  public static void render(Advice a, Style style, PrintWriter out) {
    PlanResult now = a.now();
    Host h = now.request().host();
    out.println(style.bold(Style.clean(now.request().stack().id()) + " on " + Style.clean(h.id())) + " ("
        + Style.clean(h.name()) + "): " + Formats.agents(now.agents()) + ", scenario "
        + Style.clean(now.request().scenario().name()) + ", basis " + now.request().basis().id()
        + (now.request().estimate() == Estimate.LOW ? ", low estimate" : ""));
    out.println();
    List<Advice.Candidate> rows = ordered(a);
    if (!rows.isEmpty()) {
      TextTable t = new TextTable(List.of("OPTIMIZATION", "HOURS", "SAVES", "SERVICES", "ADVICE", "SOURCE"),
          Align.LEFT, Align.RIGHT, Align.RIGHT, Align.LEFT, Align.LEFT, Align.LEFT);
      for (Advice.Candidate c : rows) {
        t.row(Style.clean(c.id()), hours(c), Formats.range(c.savesAlone()),
            Style.clean(String.join(", ", c.services())), verdict(a, c), Style.clean(c.origin().toString()));
      }
      out.print(t.render());
      out.println();
    }
    TextTable s = new TextTable(List.of("", ""), Align.LEFT, Align.LEFT);
    for (String[] line : summary(a, style::status)) {
      s.row(line);
    }
    String table = s.render();
    out.print(table.substring(table.indexOf('\n') + 1));
    out.println();
    TextTable ht = new TextTable(List.of("HOST", "AVAILABLE", "COST/HOUR", "UTILIZATION", "STATUS", "MAX AGENTS"),
        Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.LEFT, Align.RIGHT);
    for (Advice.HostOption o : a.hosts()) {
      ht.row(Style.clean(o.host().id()), o.host().available().toString(), cost(o.host()), hostUtilization(a, o),
          style.statusLower(o.evaluation().status()) + MatrixText.raisedBy(o.evaluation()), maxAgents(o.maxAgents()));
    }
    out.print(ht.render());
    out.println();
    out.println("recommended  " + recommended(a));
    smallest(a).ifPresent(x -> out.println("smallest     " + x));
    for (String n : notes(a)) {
      out.println("note: " + Style.clean(n));
    }
  }

  /** The summary lines: now, the limit, the advice and the plan after it. */
  static List<String[]> summary(Advice a, Function<Status, String> status) {
    PlanResult now = a.now();
    Estimate e = now.request().estimate();
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"now", planLine(now, status)});
    lines.add(new String[] {"limit", limit(a)});
    if (!a.alreadyApplied().isEmpty()) {
      lines.add(new String[] {"applied", count(a.alreadyApplied().size()) + " already applied by the scenario"
          + (now.request().apply().isEmpty() ? "" : " or --apply") + ": " + Style.clean(String.join(", ", a.alreadyApplied()))});
    }
    if (a.feasibleNow()) {
      lines.add(new String[] {"advice", "it fits as it is: nothing to apply (0 hours)"});
      return lines;
    }
    if (a.feasible()) {
      Advice.Choice c = a.choice();
      lines.add(new String[] {"advice", set(c)});
      lines.add(new String[] {"saves", Formats.range(c.saves()) + " for " + Formats.agents(now.agents())});
      lines.add(new String[] {"after", planLine(c.after(), status)});
      lines.add(new String[] {"max agents", maxAgents(now.maxAgents()) + " now, " + maxAgents(c.after().maxAgents())
          + " after"});
      return lines;
    }
    lines.add(new String[] {"advice", "no set of optimizations is enough: " + shortBecause(a)});
    Advice.Choice b = a.bestPossible();
    if (b.apply().isEmpty()) {
      lines.add(new String[] {"best", now.memoryStatus().fits() ? "nothing to apply: memory fits as it is"
          : "nothing: no offered optimization saves memory in this plan"});
    } else {
      lines.add(new String[] {"best", set(b)});
      lines.add(new String[] {"saves", Formats.range(b.saves()) + " for " + Formats.agents(now.agents())});
      lines.add(new String[] {"after", planLine(b.after(), status)});
    }
    if (!a.memoryShortfall().isZero()) {
      BigDecimal over = b.after().total().end(e).toBigDecimal().subtract(Advisor.exactLimit(now.request().host()));
      lines.add(new String[] {"short by", decimalBytes(over) + ": memory at the " + e.id()
          + " estimate stays that far above the limit"});
    }
    if (!a.gpuShortfall().isZero()) {
      lines.add(new String[] {"short by", gpuShort(a)});
    }
    return lines;
  }

  /** {@code 3 optimizations, 3 hours of effort: --apply a,b,c}: ready for {@code headroom plan}. */
  static String set(Advice.Choice c) {
    return count(c.apply().size()) + ", " + hoursText(c.effortHours()) + " of effort: --apply "
        + Style.clean(String.join(",", c.apply()));
  }

  /** {@code 648..766 MiB, 177.3% of available: OVERFLOW}. */
  static String planLine(PlanResult p, Function<Status, String> status) {
    Host h = p.request().host();
    Estimate e = p.request().estimate();
    String u = Formats.percent(p.total().end(e), p.available(), h.thresholds());
    return Formats.range(p.total()) + ", " + u + " of available" + (e == Estimate.LOW ? " at the low end" : "") + ": "
        + status.apply(p.status()) + PlanText.statusReason(p);
  }

  /** {@code 388.8 MiB at the high estimate (critical 90% of 432 MiB available)}. */
  static String limit(Advice a) {
    Host h = a.now().request().host();
    return decimalBytes(Advisor.exactLimit(h)) + " at the " + a.now().request().estimate().id() + " estimate (critical "
        + Formats.threshold(h.thresholds().critical()) + " of " + a.now().available() + " available)";
  }

  /** Why no set is enough, in a few words. */
  static String shortBecause(Advice a) {
    List<String> why = new ArrayList<>();
    if (!a.memoryShortfall().isZero()) {
      why.add("even the most the offered optimizations can save leaves memory above the limit");
    }
    if (!a.gpuShortfall().isZero()) {
      why.add(a.now().request().host().gpu() == null ? "the stack needs GPU memory and the host has none"
          : "GPU memory is above the limit");
    }
    return String.join("; ", why);
  }

  /**
   * {@code 6.6 GiB of GPU memory: 21 GiB of 16 GiB, the limit is 90%; no optimization saves GPU
   * memory}, or all of it on a host without a GPU.
   */
  static String gpuShort(Advice a) {
    Host h = a.now().request().host();
    String none = "; no optimization saves GPU memory";
    if (h.gpu() == null) {
      return a.gpuShortfall() + " of GPU memory: the host has no GPU" + none;
    }
    BigDecimal over = a.now().gpuTotal().toBigDecimal().subtract(h.thresholds().critical().multiply(h.gpu().memory().toBigDecimal()));
    return decimalBytes(over) + " of GPU memory: " + a.now().gpuTotal() + " of " + h.gpu().memory() + ", the limit is "
        + Formats.threshold(h.thresholds().critical()) + none;
  }

  /** The rows of the optimization table: the set (or the best possible one) first, then the rest offered, then the others. */
  static List<Advice.Candidate> ordered(Advice a) {
    return a.candidates().stream().sorted(Comparator.comparingInt(c -> rank(a, c))).toList();
  }

  private static int rank(Advice a, Advice.Candidate c) {
    if (inSet(a, c)) {
      return 0;
    }
    if (!c.offered()) {
      return 3;
    }
    return saves(a, c) ? 1 : 2;
  }

  static boolean inSet(Advice a, Advice.Candidate c) {
    Advice.Choice shown = a.choice() != null ? a.choice() : a.bestPossible();
    return shown != null && shown.apply().contains(c.id());
  }

  private static boolean saves(Advice a, Advice.Candidate c) {
    return !c.savesAlone().end(a.now().request().estimate()).isZero();
  }

  /** {@code apply}, {@code best possible}, blank (not needed), {@code saves nothing here}, {@code effort unknown}. */
  static String verdict(Advice a, Advice.Candidate c) {
    if (inSet(a, c)) {
      return a.feasible() ? "apply" : "best possible";
    }
    if (!c.offered()) {
      return "effort unknown";
    }
    return saves(a, c) ? "" : "saves nothing here";
  }

  static String hours(Advice.Candidate c) {
    return c.effortHours() == null ? "?" : c.effortHours().toPlainString();
  }

  /** {@code 1 hour}, {@code 10 hours}, {@code 0.5 hours}. */
  static String hoursText(BigDecimal h) {
    return h.toPlainString() + (h.compareTo(BigDecimal.ONE) == 0 ? " hour" : " hours");
  }

  static String count(int n) {
    return n == 1 ? "1 optimization" : n + " optimizations";
  }

  static String cost(Host h) {
    return h.costPerHour() == null ? "" : "$" + h.costPerHour().toPlainString();
  }

  static String hostUtilization(Advice a, Advice.HostOption o) {
    Estimate e = a.now().request().estimate();
    return Formats.percent(o.evaluation().total().end(e), o.evaluation().available(), o.host().thresholds());
  }

  static String maxAgents(Optional<Long> max) {
    return max.map(String::valueOf).orElse("unbounded");
  }

  /** The recommended host and why it. */
  static String recommended(Advice a) {
    Optional<Host> r = a.recommendedHost();
    if (r.isEmpty()) {
      return "none: no candidate host fits as it is (" + a.hosts().size()
          + (a.hosts().size() == 1 ? " candidate)" : " candidates)");
    }
    Host h = r.get();
    boolean allPriced = a.hosts().stream().filter(Advice.HostOption::fits).allMatch(o -> o.host().costPerHour() != null);
    if (allPriced) {
      return Style.clean(h.id()) + ", the cheapest host that fits as it is ($" + h.costPerHour().toPlainString()
          + " an hour)";
    }
    return Style.clean(h.id()) + ", the smallest host that fits as it is (" + h.available() + " available; "
        + "costs are compared only when every host that fits has a cost_per_hour)";
  }

  /** The smallest host that fits, when it is not the recommended one (a priced host came first). */
  static Optional<String> smallest(Advice a) {
    Optional<Advice.HostOption> s = smallestFitting(a);
    if (s.isEmpty() || a.recommended() == null || s.get().host().id().equals(a.recommended().id())) {
      return Optional.empty();
    }
    Host h = s.get().host();
    return Optional.of(Style.clean(h.id()) + " fits with the least memory (" + h.available() + " available, "
        + (h.costPerHour() == null ? "no cost_per_hour" : "$" + h.costPerHour().toPlainString() + " an hour") + ")");
  }

  static Optional<Advice.HostOption> smallestFitting(Advice a) {
    return a.hosts().stream().filter(Advice.HostOption::fits)
        .min(Comparator.comparing((Advice.HostOption o) -> o.host().available()).thenComparing(o -> o.host().id()));
  }

  /** The plan's notes, then one about optimizations whose effort is unknown. */
  static List<String> notes(Advice a) {
    List<String> notes = new ArrayList<>(a.now().notes());
    List<String> unknown = a.candidates().stream().filter(c -> !c.offered()).map(Advice.Candidate::id).sorted().toList();
    if (!unknown.isEmpty()) {
      notes.add(unknown.size() + (unknown.size() == 1 ? " optimization has" : " optimizations have")
          + " no effort_hours and " + (unknown.size() == 1 ? "is" : "are") + " not offered: " + String.join(", ", unknown));
    }
    return notes;
  }

  /**
   * An exact amount of bytes that may have a fraction (a threshold times a size), in the largest
   * binary unit in which it has at most three decimals: {@code 388.8 MiB}; {@code 1.5 B} if none.
   */
  static String decimalBytes(BigDecimal bytes) {
    BigDecimal b = bytes.stripTrailingZeros();
    if (b.scale() <= 0) {
      return new Bytes(b.toBigIntegerExact().longValueExact()).toString();
    }
    String sign = b.signum() < 0 ? "-" : "";
    BigDecimal abs = b.abs();
    String[] names = {"EiB", "PiB", "TiB", "GiB", "MiB", "KiB"};
    for (int i = 0; i < names.length; i++) {
      BigDecimal unit = new BigDecimal(BigInteger.ONE.shiftLeft(10 * (names.length - i)));
      if (abs.compareTo(unit) < 0) {
        continue;
      }
      // dividing by a power of two always terminates
      BigDecimal scaled = abs.divide(unit).stripTrailingZeros();
      if (scaled.scale() <= 3) {
        return sign + (scaled.scale() < 0 ? scaled.setScale(0) : scaled).toPlainString() + " " + names[i];
      }
    }
    return sign + abs.toPlainString() + " B";
  }
}
