package dev.headroom.render;

import dev.headroom.model.Component;
import dev.headroom.model.Host;
import dev.headroom.model.Optimization;
import dev.headroom.model.Scenario;
import dev.headroom.model.Service;
import dev.headroom.solve.Evaluation;
import dev.headroom.solve.MatrixResult;
import dev.headroom.solve.Planner;
import dev.headroom.solve.Report;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code headroom report}: a capacity report a team commits to its repository. Sections: the
 * verdict per host, host budgets, services with their components and optimizations, scenarios, the
 * chart, the deployment matrix, max agents, recommendations, assumptions and sources. Every figure
 * is computed; none is copied from a seed.
 */
public final class ReportMarkdown {
  private ReportMarkdown() {}

  /**
   * How the chart appears: an image file beside the report ({@code chartFile}, a relative link), or
   * a Mermaid block when there is no file.
   */
  public record Chart(String chartFile) {
    public static final Chart MERMAID = new Chart(null);
  }

  public static final String CHART_TITLE = "Memory demand against available memory";

  public static void render(Report r, Chart chart, String generator, PrintWriter out) {
    List<Planner.Member> services = r.services();
    MatrixResult m = r.matrix();
    Scenario first = m.scenarios().get(0);
    out.println("# Capacity report: " + Markdown.escape(r.stack().name()) + " (`" + r.stack().id() + "`)");
    out.println();
    out.println("Hosts " + codes(m.hosts().stream().map(Host::id).toList()) + "; agents 1.." + m.maxAgents() + "; scenarios "
        + codes(m.scenarios().stream().map(Scenario::name).toList()) + ". Demand is the " + m.basis().id()
        + " of each service and the " + m.estimate().id() + " end of its range decides the status. "
        + Markdown.escape(generator) + ".");

    out.println();
    out.println("## Verdict");
    for (Host h : m.hosts()) {
      out.println();
      out.println(verdict(r, h, first));
    }

    out.println();
    out.println("## Host budgets");
    out.println();
    budgets(m, out);

    out.println();
    out.println("## Services");
    out.println();
    services(services, out);

    out.println();
    out.println("## Scenarios");
    out.println();
    for (Scenario sc : m.scenarios()) {
      out.println("- `" + sc.name() + "`: " + Markdown.escape(describe(sc)) + " Per agent "
          + Formats.range(m.demand(sc).perAgent()) + ", shared " + Formats.range(m.demand(sc).shared()) + ".");
    }

    out.println();
    out.println("## Demand against available memory");
    out.println();
    if (chart.chartFile() != null) {
      out.println("![" + CHART_TITLE + "](" + chart.chartFile() + ")");
    } else {
      out.print(MemoryChart.mermaid(m, CHART_TITLE));
    }

    out.println();
    MatrixMarkdown.render(m, out);

    out.println();
    out.println("## Max agents");
    out.println();
    maxAgents(m, out);

    out.println();
    out.println("## Overflow risk");
    out.println();
    out.println("The footprints are ranges. The agents that fit keep even the high end of every range below the"
        + " critical threshold, so they cannot pass it; one agent more is where the ranges straddle it. How likely that"
        + " one more overflows, by Monte Carlo over the ranges (" + RiskText.method(r.riskOptions())
        + "; headroom's docs/risk.md explains the model), with 95% intervals:");
    out.println();
    risks(r, out);

    out.println();
    out.println("## Recommendations");
    out.println();
    out.println("The host to choose for each agent count, of the hosts in this report: " + HOST_RULE);
    out.println();
    for (Scenario sc : m.scenarios()) {
      out.println("- `" + sc.name() + "`: " + runs(r, sc) + ".");
    }
    out.println();
    out.println("To fit one agent more than fit now on each host (scenario `" + first.name() + "`), the set of the catalog's"
        + " optimizations with the least total effort, found exactly (`headroom advise`; optimizations without"
        + " `effort_hours` are not offered):");
    out.println();
    advice(r, out);

    if (!r.claims().isEmpty()) {
      out.println();
      out.println("## Claims checked");
      out.println();
      out.println("What documents say of this stack (the `claims` of its catalog file), set against what headroom computes"
          + " from the same figures. A claim's figure agrees when it lies within the computed range.");
      out.println();
      claims(r, out);
    }

    out.println();
    out.println("## Assumptions");
    out.println();
    out.println("- Available memory is the host's total less what it reserves for the kernel and system.");
    out.println("- A status is the demand's share of available memory: ok up to the host's warn threshold, warn up to"
        + " its critical threshold, critical up to 100 %, overflow beyond. A count of agents fits while its status is"
        + " warn or better.");
    out.println("- Shared services run once per host, per-agent services once per agent; optimizations subtract their"
        + " savings from the component they belong to, never below zero.");
    out.println("- CPU is compressible: CPU demand above the available cores makes the status at least warn (throttling),"
        + " never overflow. GPU memory is checked like memory against the host's GPU.");

    out.println();
    out.println("## Sources");
    out.println();
    sources(m, services, out);
  }

  static final String HOST_RULE = "the cheapest by `cost_per_hour` when every host that fits has one, otherwise"
      + " the one with the least available memory that fits.";

  private static String codes(List<String> ids) {
    List<String> out = new ArrayList<>();
    ids.forEach(i -> out.add(Markdown.code(i)));
    return String.join(", ", out);
  }

  // ------------------------------------------------------------------ verdict

  static String verdict(Report r, Host h, Scenario first) {
    MatrixResult m = r.matrix();
    StringBuilder s = new StringBuilder("**" + Markdown.code(h.id()) + "** (" + Markdown.escape(h.name()) + ", "
        + h.available() + " available): ");
    Optional<Long> max = m.maxAgents(first, h);
    s.append(fitSentence(m, first, h, max));
    List<String> others = new ArrayList<>();
    for (Scenario sc : m.scenarios()) {
      if (!sc.name().equals(first.name())) {
        others.add("`" + sc.name() + "` " + m.maxAgents(sc, h).map(String::valueOf).orElse("any number"));
      }
    }
    if (!others.isEmpty()) {
      s.append(" Agents that fit in the other scenarios: ").append(String.join(", ", others)).append('.');
    }
    return s.toString();
  }

  private static String fitSentence(MatrixResult m, Scenario sc, Host h, Optional<Long> max) {
    String where = " (`" + sc.name() + "`)";
    if (max.isEmpty()) {
      return "any number of agents fits" + where + ": an agent adds no memory.";
    }
    long k = max.get();
    if (k == 0) {
      Evaluation one = Planner.evaluate(m.demand(sc), h, 1, m.estimate());
      return "not even 1 agent fits" + where + ": 1 agent needs " + Formats.range(one.total()) + ", "
          + Formats.percent(one.total().end(m.estimate()), one.available(), h.thresholds()) + " of available ("
          + one.status().id() + ").";
    }
    Evaluation at = Planner.evaluate(m.demand(sc), h, k, m.estimate());
    StringBuilder s = new StringBuilder(Formats.agents(k) + (k == 1 ? " fits" : " fit") + where + ": "
        + Formats.range(at.total()) + ", " + Formats.percent(at.total().end(m.estimate()), at.available(), h.thresholds())
        + " of available (" + at.status().id() + ")");
    if (k < Long.MAX_VALUE) {
      Evaluation next = Planner.evaluate(m.demand(sc), h, k + 1, m.estimate());
      s.append("; ").append(Formats.agents(k + 1)).append(" would need ").append(Formats.range(next.total())).append(", ")
          .append(Formats.percent(next.total().end(m.estimate()), next.available(), h.thresholds())).append(" (")
          .append(next.status().id()).append(')');
    }
    return s.append('.').toString();
  }

  // ------------------------------------------------------------------ tables

  private static void budgets(MatrixResult m, PrintWriter out) {
    List<List<String>> rows = new ArrayList<>();
    for (Host h : m.hosts()) {
      rows.add(List.of(Markdown.code(h.id()), h.memoryTotal().toString(), h.memoryReserved().toString(),
          "**" + h.available() + "**", Formats.threshold(h.thresholds().warn()), Formats.threshold(h.thresholds().critical()),
          h.cpu() == null ? "-" : h.cpu().available() + " of " + h.cpu().cores(),
          h.gpu() == null ? "-" : h.gpu().memory() + (h.gpu().model() == null ? "" : " " + Markdown.escape(h.gpu().model())),
          h.costPerHour() == null ? "-" : "$" + h.costPerHour().toPlainString()));
    }
    out.print(Markdown.table(List.of("Host", "Memory", "Reserved", "Available", "Warn above", "Critical above", "Cores",
        "GPU", "Cost/hour"), "lrrrrrrll", rows));
  }

  private static void services(List<Planner.Member> services, PrintWriter out) {
    List<List<String>> rows = new ArrayList<>();
    for (Planner.Member mem : services) {
      Service s = mem.service();
      rows.add(List.of("**" + Markdown.code(s.id()) + "**", mem.scope().id(), Formats.range(s.memory()),
          s.cpu() == null ? "-" : s.cpu().toString(), limits(s), Markdown.escape(s.name())));
      if (s.components().size() > 1 || !s.optimizations().isEmpty()) {
        for (Component c : s.components()) {
          rows.add(List.of("↳ " + Markdown.escape(c.name()), "", Formats.range(c.size()), "", "",
              Markdown.escape(optimizations(c.optimizations()))));
        }
      }
    }
    out.print(Markdown.table(List.of("Service", "Scope", "Memory", "CPU", "Container limit", "What / optimizations"),
        "llrrrl", rows));
  }

  private static String limits(Service s) {
    if (s.limits().memory() == null && s.limits().cpus() == null) {
      return "-";
    }
    List<String> parts = new ArrayList<>();
    if (s.limits().memory() != null) {
      parts.add(s.limits().memory().toString());
    }
    if (s.limits().cpus() != null) {
      parts.add(s.limits().cpus() + " CPU");
    }
    return String.join(", ", parts);
  }

  static String optimizations(List<Optimization> os) {
    List<String> out = new ArrayList<>();
    for (Optimization o : os) {
      out.add(o.id() + " saves " + o.saves() + (o.effortHours() == null ? "" : " (" + o.effortHours().toPlainString() + " h)"));
    }
    return String.join("; ", out);
  }

  private static void maxAgents(MatrixResult m, PrintWriter out) {
    List<String> headers = new ArrayList<>(List.of("Scenario"));
    StringBuilder align = new StringBuilder("l");
    for (Host h : m.hosts()) {
      headers.add(Markdown.code(h.id()));
      align.append('r');
    }
    List<List<String>> rows = new ArrayList<>();
    for (Scenario sc : m.scenarios()) {
      List<String> row = new ArrayList<>(List.of("`" + sc.name() + "`"));
      for (Host h : m.hosts()) {
        row.add(m.maxAgents(sc, h).map(String::valueOf).orElse("unbounded"));
      }
      rows.add(row);
    }
    out.print(Markdown.table(headers, align.toString(), rows));
  }

  private static void risks(Report r, PrintWriter out) {
    List<List<String>> rows = new ArrayList<>();
    for (Report.RiskAt at : r.risks()) {
      if (at.risk() == null) {
        rows.add(List.of("`" + at.scenario().name() + "`", Markdown.code(at.host().id()), "any number", "-", "-", "-", "-"));
        continue;
      }
      rows.add(List.of("`" + at.scenario().name() + "`", Markdown.code(at.host().id()), Long.toString(at.fit()),
          Formats.agents(at.fit() + 1) + ": " + Formats.range(at.risk().total()),
          chance(at.risk().overCritical()), chance(at.risk().overflow()), RiskText.approx(at.risk().p95())));
    }
    out.print(Markdown.table(List.of("Scenario", "Host", "Fit", "One more", "p > critical", "p overflow", "p95 total"),
        "llrllll", rows));
  }

  private static void advice(Report r, PrintWriter out) {
    List<List<String>> rows = new ArrayList<>();
    for (Report.Advised ad : r.advice()) {
      if (ad.advice() == null) {
        rows.add(List.of(Markdown.code(ad.host().id()), "any number fits", "-", "-", "-"));
        continue;
      }
      dev.headroom.solve.Advice a = ad.advice();
      String agents = Formats.agents(ad.agents());
      if (a.feasible()) {
        dev.headroom.solve.Advice.Choice c = a.choice();
        rows.add(List.of(Markdown.code(ad.host().id()), agents,
            c.apply().isEmpty() ? "nothing" : String.join(", ", c.apply().stream().map(Markdown::code).toList()),
            c.effortHours().toPlainString() + " h",
            Formats.range(c.after().total()) + ", " + Formats.percent(c.after().total().end(r.matrix().estimate()),
                c.after().available(), ad.host().thresholds()) + " (" + c.after().status().id() + ")"));
      } else {
        String why;
        if (!a.gpuShortfall().isZero()) {
          why = "GPU memory is short; no optimization saves GPU memory";
        } else {
          dev.headroom.solve.PlanResult closest = a.bestPossible() == null ? a.now() : a.bestPossible().after();
          java.math.BigDecimal over = closest.total().end(r.matrix().estimate()).toBigDecimal()
              .subtract(dev.headroom.solve.Advisor.exactLimit(ad.host()));
          why = "short by " + AdviseText.decimalBytes(over) + " even with every optimization offered";
        }
        rows.add(List.of(Markdown.code(ad.host().id()), agents, "no set is enough", "-", why));
      }
    }
    out.print(Markdown.table(List.of("Host", "Agents", "Apply", "Effort", "After"), "lrlrl", rows));
  }

  /** "15.61% (15.10..16.12%)", or a plain "0%" / "100%" when certain. */
  private static String chance(dev.headroom.solve.Probability p) {
    return p.certain() ? RiskText.percent(p, 2) : RiskText.percent(p, 2) + " (" + RiskText.interval(p) + ")";
  }

  private static String runs(Report r, Scenario sc) {
    List<String> parts = new ArrayList<>();
    for (Report.Run run : r.runs(sc)) {
      String counts = run.from() == run.to() ? Formats.agents(run.from())
          : run.from() + "–" + run.to() + " agents";
      parts.add(counts + ": " + (run.host() == null ? "none of these hosts" : Markdown.code(run.host().id())));
    }
    return String.join("; ", parts);
  }

  private static void claims(Report r, PrintWriter out) {
    List<List<String>> rows = new ArrayList<>();
    for (Report.ClaimCheck c : r.claims()) {
      Evaluation ev = c.computed();
      String computed = Formats.agents(c.claim().agents()) + " on " + Markdown.code(c.host().id()) + ", `"
          + c.claim().scenario() + "`: " + Formats.range(ev.total()) + ", "
          + Formats.percent(ev.total().end(r.matrix().estimate()), ev.available(), c.host().thresholds()) + " of "
          + ev.available() + ", " + ev.status().id();
      List<String> why = new ArrayList<>();
      if (Boolean.FALSE.equals(c.totalAgrees())) {
        why.add("the figure is " + Formats.range(ev.total()) + ", not " + Formats.range(c.claim().total()));
      }
      if (Boolean.FALSE.equals(c.fitsAgrees())) {
        why.add(c.claim().fits() ? "it does not fit (" + ev.status().id() + ")" : "it fits (" + ev.status().id() + ")");
      }
      String seed = (c.claim().total() == null ? "" : Formats.range(c.claim().total()) + "; ")
          + (c.claim().fits() == null ? "no conclusion" : c.claim().fits() ? "fits" : "does not fit");
      rows.add(List.of(Markdown.escape(c.claim().says()), Markdown.escape(c.claim().source() == null ? "-" : c.claim().source()),
          seed, computed, c.agrees() ? "agrees" : "**differs**: " + String.join("; ", why)));
    }
    out.print(Markdown.table(List.of("Claim", "Where", "It says", "headroom computes", "Verdict"), "lllll", rows));
  }

  // ------------------------------------------------------------------ scenarios and sources

  static String describe(Scenario sc) {
    List<String> parts = new ArrayList<>();
    if (sc.description() != null) {
      parts.add(sc.description().strip().replaceAll("[.]$", ""));
    }
    if (sc.applyAll()) {
      parts.add("every optimization applied");
    } else if (!sc.apply().isEmpty()) {
      parts.add("applies " + String.join(", ", sc.apply()));
    }
    for (Map.Entry<String, String> e : sc.replace().entrySet()) {
      parts.add(e.getValue() + " instead of " + e.getKey());
    }
    if (!sc.addPerAgent().isEmpty()) {
      parts.add("adds per agent " + String.join(", ", sc.addPerAgent()));
    }
    if (!sc.addShared().isEmpty()) {
      parts.add("adds once " + String.join(", ", sc.addShared()));
    }
    if (!sc.remove().isEmpty()) {
      parts.add("removes " + String.join(", ", sc.remove()));
    }
    return parts.isEmpty() ? "the stack as modelled." : String.join("; ", parts) + ".";
  }

  private static void sources(MatrixResult m, List<Planner.Member> services, PrintWriter out) {
    List<List<String>> rows = new ArrayList<>();
    for (Host h : m.hosts()) {
      rows.add(List.of("host " + Markdown.code(h.id()), Markdown.escape(h.source() == null ? "-" : h.source()),
          Markdown.code(h.origin().toString())));
    }
    for (Planner.Member mem : services) {
      Service s = mem.service();
      rows.add(List.of("service " + Markdown.code(s.id()), Markdown.escape(s.source() == null ? "-" : s.source()),
          Markdown.code(s.origin().toString())));
    }
    rows.add(List.of("stack " + Markdown.code(m.stack().id()),
        Markdown.escape(m.stack().source() == null ? "-" : m.stack().source()), Markdown.code(m.stack().origin().toString())));
    out.print(Markdown.table(List.of("Figures of", "Source", "File"), "lll", rows));
  }
}
