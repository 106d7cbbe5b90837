package dev.headroom.render;

import dev.headroom.model.Host;
import dev.headroom.model.Scenario;
import dev.headroom.render.TextTable.Align;
import dev.headroom.solve.MatrixResult;
import dev.headroom.solve.MatrixRisk;
import dev.headroom.solve.Evaluation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The deployment matrix for a terminal: one row per scenario and agent count, one column per host.
 * Demand does not depend on the host, so it is a column of its own; each host cell is utilization
 * and status.
 */
public final class MatrixText {
  private MatrixText() {}

  public static void render(MatrixResult m, Style style, PrintWriter out) {
    render(m, null, style, out);
  }

  /** With {@code risk} (null without {@code --risk}), each cell ends with the chance of overflow. */
  public static void render(MatrixResult m, MatrixRisk risk, Style style, PrintWriter out) {
    out.println(style.bold(Style.clean(m.stack().id()) + ": deployment matrix") + ", agents 1.." + m.maxAgents() + ", basis "
        + m.basis().id() + ", " + m.estimate().id() + " estimate decides the status");
    if (risk != null) {
      out.println("risk: p = P(total > available); Monte Carlo for each row, " + RiskText.method(risk.options()));
    }
    out.println();
    List<String> headers = new ArrayList<>(List.of("SCENARIO", "AGENTS", "DEMAND"));
    List<Align> align = new ArrayList<>(List.of(Align.LEFT, Align.RIGHT, Align.RIGHT));
    for (Host h : m.hosts()) {
      headers.add(Style.clean(h.id()));
      align.add(Align.RIGHT);
    }
    TextTable t = new TextTable(headers, align.toArray(new Align[0]));
    List<String> avail = new ArrayList<>(List.of("", "", "available"));
    for (Host h : m.hosts()) {
      avail.add(h.available().toString());
    }
    t.row(avail.toArray(new String[0]));
    for (Scenario sc : m.scenarios()) {
      t.row(blank(headers.size()));
      for (long n = 1; n <= m.maxAgents(); n++) {
        List<String> row = new ArrayList<>();
        row.add(Style.clean(sc.name()));
        row.add(Long.toString(n));
        row.add(Formats.range(m.cell(sc, m.hosts().get(0), n).total()));
        for (Host h : m.hosts()) {
          row.add(cell(m, h, m.cell(sc, h, n), style) + (risk == null ? "" : "  " + RiskText.cell(risk.cell(sc, h, n))));
        }
        t.row(row.toArray(new String[0]));
      }
      List<String> max = new ArrayList<>(List.of(Style.clean(sc.name()), "max", ""));
      for (Host h : m.hosts()) {
        max.add(m.maxAgents(sc, h).map(String::valueOf).orElse("unbounded"));
      }
      t.row(max.toArray(new String[0]));
    }
    out.print(t.render());
    for (Scenario sc : m.scenarios()) {
      for (String n : m.demand(sc).notes()) {
        out.println("note (" + Style.clean(sc.name()) + "): " + Style.clean(n));
      }
    }
  }

  /**
   * {@code 89.4% warn}: the utilization at the end that decides the status, and the status, marked
   * {@code (cpu)} or {@code (gpu)} when that resource, not memory, raised it.
   */
  static String cell(MatrixResult m, Host h, Evaluation c, Style style) {
    return Formats.percent(c.total().end(m.estimate()), c.available(), h.thresholds()) + " "
        + style.statusLower(c.status()) + raisedBy(c);
  }

  static String raisedBy(Evaluation c) {
    if (c.status().compareTo(c.memoryStatus()) <= 0) {
      return "";
    }
    return c.gpuStatus().compareTo(c.memoryStatus()) > 0 && c.gpuStatus() == c.status() ? " (gpu)" : " (cpu)";
  }

  private static String[] blank(int n) {
    String[] r = new String[n];
    java.util.Arrays.fill(r, "");
    return r;
  }
}
