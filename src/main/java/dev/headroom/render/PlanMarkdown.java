package dev.headroom.render;

import dev.headroom.model.Host;
import dev.headroom.solve.PlanResult;
import dev.headroom.solve.RiskResult;
import dev.headroom.solve.ServiceDemand;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code plan --format markdown}: a section a team can paste into a pull request or a report. */
public final class PlanMarkdown {
  private PlanMarkdown() {}

  public static void render(PlanResult p, PrintWriter out) {
    render(p, false, out);
  }

  /** With {@code components}, each service is followed by its components. */
  public static void render(PlanResult p, boolean components, PrintWriter out) {
    render(p, components, null, out);
  }

  /** With {@code risk} (null without {@code --risk}), a risk section follows the summary. */
  public static void render(PlanResult p, boolean components, RiskResult risk, PrintWriter out) {
    Host h = p.request().host();
    out.println("## " + p.request().stack().id() + " on " + h.id() + ": "
        + p.status().id());
    out.println();
    out.println(Formats.agents(p.agents()) + ", scenario `" + p.request().scenario().name() + "`, basis "
        + p.request().basis().id() + ", " + p.request().estimate().id() + " estimate. " + Markdown.escape(h.name()) + ": "
        + h.memoryTotal() + " total, " + h.memoryReserved() + " reserved, **" + p.available() + " available**.");
    out.println();
    List<List<String>> rows = new ArrayList<>();
    for (ServiceDemand d : p.services()) {
      rows.add(List.of(
          "`" + d.service().id() + "`",
          d.scope().id(),
          Long.toString(d.instances()),
          Formats.range(d.memory()),
          Formats.range(d.totalMemory()),
          PlanText.optimizations(d),
          Markdown.escape(d.origin().toString())));
      if (components && (d.components().size() > 1 || !d.applied().isEmpty())) {
        for (ServiceDemand.ComponentDemand c : d.components()) {
          rows.add(List.of("↳ " + Markdown.escape(c.component().name()), "", "", Formats.range(c.memory()), "",
              Markdown.escape(PlanText.applied(c)), Markdown.escape(c.component().origin().toString())));
        }
      }
    }
    out.print(Markdown.table(List.of("Service", "Scope", "N", "Each", "Total", "Optimizations", "Source"), "llrrrrl", rows));
    out.println();
    List<List<String>> summary = new ArrayList<>();
    summary.add(List.of("Per agent", Formats.range(p.perAgent())));
    if (!p.shared().isZero()) {
      summary.add(List.of("Shared", Formats.range(p.shared())));
    }
    summary.add(List.of("Total", Formats.range(p.total())));
    summary.add(List.of("Available", p.available() + " (" + Markdown.escape(h.origin().toString()) + ")"));
    summary.add(List.of("Headroom", PlanText.headroom(p)));
    summary.add(List.of("Utilization", PlanText.utilization(p)));
    if (p.cpuTotal() != null || h.cpu() != null) {
      summary.add(List.of("CPU", PlanText.cpu(p)));
    }
    if (!p.gpuTotal().isZero()) {
      summary.add(List.of("GPU", PlanText.gpu(p) + " " + p.gpuStatus().id()));
    }
    summary.add(List.of("Status", "**" + p.status().id() + "**" + PlanText.statusReason(p)));
    summary.add(List.of("Max agents", PlanText.maxAgents(p)));
    out.print(Markdown.table(List.of("", ""), "ll", summary));
    if (risk != null) {
      risk(risk, h, out);
    }
    if (!p.notes().isEmpty()) {
      out.println();
      for (String n : p.notes()) {
        out.println("> " + Markdown.escape(n));
      }
    }
  }

  /** The risk section: one row per threshold, then the quantiles. */
  static void risk(RiskResult r, Host h, PrintWriter out) {
    out.println();
    out.println("### Risk");
    out.println();
    out.println("Monte-Carlo estimate: " + RiskText.method(r.options()) + ".");
    out.println();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("Total above warn (" + Formats.threshold(h.thresholds().warn()) + ")",
        RiskText.threshold(r.overWarn().threshold()), RiskText.event(r.overWarn(), r)));
    rows.add(List.of("Total above critical (" + Formats.threshold(h.thresholds().critical()) + ")",
        RiskText.threshold(r.overCritical().threshold()), RiskText.event(r.overCritical(), r)));
    rows.add(List.of("Overflow: total above available", RiskText.threshold(r.overflow().threshold()),
        RiskText.event(r.overflow(), r)));
    out.print(Markdown.table(List.of("Event", "Threshold", "Probability"), "lrl", rows));
    out.println();
    out.println("Total memory: " + RiskText.quantiles(r) + ".");
  }
}
