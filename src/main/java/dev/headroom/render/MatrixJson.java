package dev.headroom.render;

import dev.headroom.model.Host;
import dev.headroom.model.Scenario;
import dev.headroom.render.PlanJson.MemoryRange;
import dev.headroom.solve.MatrixResult;
import dev.headroom.solve.Evaluation;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** {@code matrix --format json}: {@code headroom.matrix/v1} (DESIGN.md section 4), with additions. */
public final class MatrixJson {
  private MatrixJson() {}

  public static final String SCHEMA = "headroom.matrix/v1";

  public record HostOut(String id, String name, long availableBytes) {}

  public record Total(MemoryRange memory, BigDecimal cpu) {}

  public record Utilization(PlanJson.UtilizationMemory memory) {}

  public record Row(String host, String scenario, long agents, Total total, Utilization utilization, String status) {}

  public record MaxAgents(String host, String scenario, Long maxAgents) {}

  public record Out(
      String schema, String stack, String basis, String estimate, long agentsUpTo, List<HostOut> hosts,
      List<String> scenarios, List<Row> rows, List<MaxAgents> maxAgents) {}

  public static Out of(MatrixResult m) {
    List<Row> rows = new ArrayList<>();
    List<MaxAgents> max = new ArrayList<>();
    for (Scenario sc : m.scenarios()) {
      for (Host h : m.hosts()) {
        for (long n = 1; n <= m.maxAgents(); n++) {
          Evaluation c = m.cell(sc, h, n);
          rows.add(new Row(h.id(), sc.name(), n,
              new Total(MemoryRange.of(c.total()), c.cpuTotal() == null ? null : c.cpuTotal().cores()),
              new Utilization(new PlanJson.UtilizationMemory(c.utilizationLow(), c.utilizationHigh())),
              c.status().id()));
        }
        max.add(new MaxAgents(h.id(), sc.name(), m.maxAgents(sc, h).orElse(null)));
      }
    }
    List<HostOut> hosts = m.hosts().stream().map(h -> new HostOut(h.id(), h.name(), h.available().value())).toList();
    return new Out(SCHEMA, m.stack().id(), m.basis().id(), m.estimate().id(), m.maxAgents(), hosts,
        m.scenarios().stream().map(Scenario::name).toList(), rows, max);
  }

  public static void render(MatrixResult m, PrintWriter out) {
    Json.write(of(m), out);
  }
}
