package dev.headroom.render;

import dev.headroom.model.Bytes;
import dev.headroom.model.Estimate;
import dev.headroom.model.Host;
import dev.headroom.solve.Capacity;
import dev.headroom.solve.PlanResult;
import dev.headroom.solve.RiskResult;
import dev.headroom.solve.Planner;
import dev.headroom.solve.ServiceDemand;
import dev.headroom.solve.Status;
import dev.headroom.render.TextTable.Align;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plan for a terminal: the per-service table, then the sums, the verdict and max agents. */
public final class PlanText {
  private PlanText() {}

  public static void render(PlanResult p, Style style, PrintWriter out) {
    render(p, style, false, out);
  }

  /** With {@code components}, each service is followed by its components, their optimizations and sources. */
  public static void render(PlanResult p, Style style, boolean components, PrintWriter out) {
    render(p, style, components, null, out);
  }

  /** With {@code risk} (null without {@code --risk}), the summary ends with the risk estimate. */
  public static void render(PlanResult p, Style style, boolean components, RiskResult risk, PrintWriter out) {
    Host h = p.request().host();
    out.println(style.bold(Style.clean(p.request().stack().id()) + " on " + Style.clean(h.id())) + " (" + Style.clean(h.name()) + "): "
        + Formats.agents(p.agents()) + ", scenario " + Style.clean(p.request().scenario().name()) + ", basis "
        + p.request().basis().id() + (p.request().estimate() == Estimate.LOW ? ", low estimate" : ""));
    out.println();
    TextTable t =
        new TextTable(
            List.of("SERVICE", "SCOPE", "N", "EACH", "TOTAL", "OPTS", "SOURCE"),
            Align.LEFT, Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.LEFT);
    for (ServiceDemand d : p.services()) {
      t.row(Style.clean(d.service().id()), d.scope().id(), Long.toString(d.instances()), Formats.range(d.memory()),
          Formats.range(d.totalMemory()), optimizations(d), Style.clean(d.origin().toString()));
      if (components && d.components().size() > 1 || components && !d.applied().isEmpty()) {
        for (ServiceDemand.ComponentDemand c : d.components()) {
          t.row("  " + Style.clean(c.component().name()), "", "", Formats.range(c.memory()), "", applied(c),
              Style.clean(c.component().origin().toString()));
        }
      }
    }
    out.print(t.render());
    out.println();
    Bytes avail = p.available();
    TextTable s = new TextTable(List.of("", ""), Align.LEFT, Align.LEFT);
    s.row("per agent", Formats.range(p.perAgent()));
    if (!p.shared().isZero()) {
      s.row("shared", Formats.range(p.shared()));
    }
    s.row("total", Formats.range(p.total()) + " for " + Formats.agents(p.agents()));
    s.row("available", avail + " (" + h.memoryTotal() + " total - " + h.memoryReserved() + " reserved, "
        + Style.clean(h.origin().toString()) + ")");
    s.row("headroom", headroom(p));
    s.row("utilization", utilization(p));
    if (p.cpuTotal() != null || h.cpu() != null) {
      s.row("cpu", cpu(p));
    }
    if (!p.gpuTotal().isZero()) {
      s.row("gpu", gpu(p) + " " + style.statusLower(p.gpuStatus()));
    }
    s.row("status", style.status(p.status()) + statusReason(p));
    s.row("max agents", maxAgents(p));
    if (risk != null) {
      for (List<String> r : RiskText.rows(risk, h)) {
        s.row(r.toArray(new String[0]));
      }
    }
    String table = s.render();
    // the header row of this two-column table is empty: drop it
    out.print(table.substring(table.indexOf('\n') + 1));
    for (String n : p.notes()) {
      out.println("note: " + Style.clean(n));
    }
  }

  /** "4/4": optimizations applied of those the service has; empty when it has none. */
  static String optimizations(ServiceDemand d) {
    int available = d.service().optimizations().size();
    return available == 0 ? "" : d.applied().size() + "/" + available;
  }

  /** {@code -112 MiB pg-shared-buffers}: what was applied to a component. */
  static String applied(ServiceDemand.ComponentDemand c) {
    if (c.applied().isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (var o : c.applied()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(Style.clean(o.id()));
    }
    return sb.toString();
  }

  static String headroom(PlanResult p) {
    Bytes worst = p.headroomWorst();
    Bytes best = p.headroomBest();
    if (worst.equals(best)) {
      return worst.isNegative() ? worst + " (over by " + new Bytes(-worst.value()) + ")" : worst.toString();
    }
    return worst + " worst, " + best + " best";
  }

  static String utilization(PlanResult p) {
    Host h = p.request().host();
    String low = Formats.percent(p.total().low(), p.available(), h.thresholds());
    String high = Formats.percent(p.total().high(), p.available(), h.thresholds());
    String u = p.total().isExact() ? high : low + ".." + high;
    return u + " of available (warn " + Formats.threshold(h.thresholds().warn()) + ", critical "
        + Formats.threshold(h.thresholds().critical()) + ")";
  }

  static String cpu(PlanResult p) {
    String avail = p.cpuAvailable() == null ? "the host profile gives no cores" : p.cpuAvailable() + " cores available";
    if (p.cpuTotal() == null) {
      return "no CPU figures in the stack (" + avail + ")";
    }
    String over = p.cpuOver().isZero() ? "" : ", " + p.cpuOver() + " over";
    return p.cpuTotal() + " cores asked for, " + avail + over;
  }

  /** {@code 14 GiB of 16 GiB GPU memory (87.5%):}. */
  static String gpu(PlanResult p) {
    Host h = p.request().host();
    if (h.gpu() == null) {
      return p.gpuTotal() + " of GPU memory, and the host has no GPU:";
    }
    return p.gpuTotal() + " of " + h.gpu().memory() + " GPU memory ("
        + Formats.percent(p.gpuTotal(), h.gpu().memory(), h.thresholds()) + "):";
  }

  /** Why the status is what it is, when it is not plain memory: what overflows, or what raised it. */
  static String statusReason(PlanResult p) {
    Estimate e = p.request().estimate();
    List<String> why = new ArrayList<>();
    if (p.memoryStatus() == Status.OVERFLOW) {
      why.add("memory over by " + p.total().end(e).minus(p.available()) + " at the " + e.id() + " estimate");
    }
    Host h = p.request().host();
    if (p.gpuStatus() == Status.OVERFLOW) {
      why.add(h.gpu() == null ? "GPU memory needed, the host has none"
          : "GPU memory over by " + p.gpuTotal().minus(h.gpu().memory()));
    } else if (p.gpuStatus().compareTo(p.memoryStatus()) > 0) {
      why.add("GPU memory is " + p.gpuStatus().id());
    }
    if (!p.cpuOver().isZero() && p.memoryStatus().atLeast(p.gpuStatus()).compareTo(Status.WARN) < 0) {
      why.add("CPU over the available cores");
    }
    return why.isEmpty() ? "" : " (" + String.join("; ", why) + ")";
  }

  /**
   * "0 (1 agent would need up to 766 MiB, 177.3% of available; the limit is 90%)": why one more
   * agent does not fit, naming the resource that binds (memory or GPU memory).
   */
  static String maxAgents(PlanResult p) {
    if (p.maxAgents().isEmpty()) {
      return p.request().estimate() == Estimate.LOW && !p.perAgent().high().isZero()
          ? "unbounded (no per-agent demand at the low estimate)"
          : "unbounded (no per-agent demand)";
    }
    long n = p.maxAgents().get();
    if (n == Long.MAX_VALUE) {
      return Long.toString(n);
    }
    Host h = p.request().host();
    Estimate e = p.request().estimate();
    String critical = Formats.threshold(h.thresholds().critical());
    String next = Formats.agents(n + 1);
    try {
      boolean gpuBinds = Planner.maxAgentsByGpu(p.demand(), h).map(g -> g == n).orElse(false)
          && !Planner.maxAgentsByMemory(p.demand(), h, e).map(m -> m == n).orElse(false);
      if (gpuBinds) {
        Bytes gpu = p.demand().gpu(n + 1);
        if (h.gpu() == null) {
          return n + " (the stack needs GPU memory and the host has no GPU)";
        }
        return n + " (" + next + " would need " + gpu + " of " + h.gpu().memory() + " GPU memory, "
            + Formats.percent(gpu, h.gpu().memory(), h.thresholds()) + "; the limit is " + critical + ")";
      }
      Bytes mem = Capacity.total(p.shared(), p.perAgent(), n + 1).end(e);
      return n + " (" + next + " would need " + (e == Estimate.HIGH ? "up to " : "") + mem + ", "
          + Formats.percent(mem, p.available(), h.thresholds()) + " of available; the limit is " + critical + ")";
    } catch (ArithmeticException overflow) {
      return Long.toString(n);
    }
  }
}
