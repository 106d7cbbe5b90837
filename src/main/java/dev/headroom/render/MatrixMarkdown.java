package dev.headroom.render;

import dev.headroom.model.Host;
import dev.headroom.model.Scenario;
import dev.headroom.solve.MatrixResult;
import dev.headroom.solve.MatrixRisk;
import dev.headroom.solve.Evaluation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code matrix --format markdown}: one table per scenario, agents down, hosts across. */
public final class MatrixMarkdown {
  private MatrixMarkdown() {}

  public static void render(MatrixResult m, PrintWriter out) {
    render(m, null, out);
  }

  /** With {@code risk} (null without {@code --risk}), each cell ends with the chance of overflow. */
  public static void render(MatrixResult m, MatrixRisk risk, PrintWriter out) {
    out.println("## Deployment matrix: " + Markdown.escape(m.stack().id()));
    out.println();
    out.println("Agents 1.." + m.maxAgents() + ", basis " + m.basis().id() + ", the " + m.estimate().id()
        + " estimate decides the status. Cells: utilization of available memory, status"
        + (risk == null ? "." : ", and p, the chance that the total is above the available memory (Monte Carlo for each row: "
            + RiskText.method(risk.options()) + ")."));
    for (Scenario sc : m.scenarios()) {
      out.println();
      out.println("### Scenario `" + sc.name() + "`" + (sc.description() == null ? "" : ": " + Markdown.escape(sc.description())));
      out.println();
      List<String> headers = new ArrayList<>(List.of("Agents", "Demand"));
      StringBuilder align = new StringBuilder("rr");
      for (Host h : m.hosts()) {
        headers.add("`" + h.id() + "` (" + h.available() + ")");
        align.append('r');
      }
      List<List<String>> rows = new ArrayList<>();
      for (long n = 1; n <= m.maxAgents(); n++) {
        List<String> row = new ArrayList<>();
        row.add(Long.toString(n));
        row.add(Formats.range(m.cell(sc, m.hosts().get(0), n).total()));
        for (Host h : m.hosts()) {
          Evaluation c = m.cell(sc, h, n);
          String status = c.status().fits() ? c.status().id() : "**" + c.status().id() + "**";
          row.add(Formats.percent(c.total().end(m.estimate()), c.available(), h.thresholds()) + " " + status
              + MatrixText.raisedBy(c) + (risk == null ? "" : ", " + RiskText.cell(risk.cell(sc, h, n))));
        }
        rows.add(row);
      }
      List<String> max = new ArrayList<>(List.of("**max**", ""));
      for (Host h : m.hosts()) {
        max.add("**" + m.maxAgents(sc, h).map(String::valueOf).orElse("unbounded") + "**");
      }
      rows.add(max);
      out.print(Markdown.table(headers, align.toString(), rows));
      if (!m.demand(sc).notes().isEmpty()) {
        out.println();
        for (String n : m.demand(sc).notes()) {
          out.println("> " + Markdown.escape(n));
        }
      }
    }
  }
}
