package dev.headroom.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.headroom.model.Host;
import dev.headroom.model.Scenario;
import dev.headroom.render.PlanJson.MemoryRange;
import dev.headroom.solve.MatrixResult;
import dev.headroom.solve.MatrixRisk;
import dev.headroom.solve.Evaluation;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/** {@code matrix --format json}: {@code headroom.matrix/v1} (DESIGN.md section 4), with additions. */
public final class MatrixJson {
  private MatrixJson() {}

  public static final String SCHEMA = "headroom.matrix/v1";

  public record HostOut(String id, String name, long availableBytes) {}

  public record Total(MemoryRange memory, BigDecimal cpu) {}

  public record Utilization(PlanJson.UtilizationMemory memory) {}

  public record Gpu(long memoryBytes, String status) {}

  /** One cell; {@code risk} only with {@code --risk}. */
  public record Row(
      String host, String scenario, long agents, Total total, Utilization utilization, String status, String memoryStatus,
      Gpu gpu, @JsonInclude(JsonInclude.Include.NON_NULL) RiskJson.Out risk) {}

  public record MaxAgents(String host, String scenario, Long maxAgents) {}

  public record Note(String scenario, String note) {}

  public record Out(
      String schema, String stack, String basis, String estimate, long agentsUpTo, List<HostOut> hosts,
      List<String> scenarios, List<Row> rows, List<MaxAgents> maxAgents, List<Note> notes) {}

  public static Out of(MatrixResult m) {
    return of(m, null);
  }

  /** With {@code risk} (null without {@code --risk}), every row gains a {@code "risk"} key. */
  public static Out of(MatrixResult m, MatrixRisk risk) {
    List<MaxAgents> max = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    for (Scenario sc : m.scenarios()) {
      for (Host h : m.hosts()) {
        max.add(new MaxAgents(h.id(), sc.name(), m.maxAgents(sc, h).orElse(null)));
      }
      m.demand(sc).notes().forEach(n -> notes.add(new Note(sc.name(), n)));
    }
    List<HostOut> hosts = m.hosts().stream().map(h -> new HostOut(h.id(), h.name(), h.available().value())).toList();
    return new Out(SCHEMA, m.stack().id(), m.basis().id(), m.estimate().id(), m.maxAgents(), hosts,
        m.scenarios().stream().map(Scenario::name).toList(), new Rows(m, risk), max, notes);
  }

  /** The rows in scenario, host, agents order, each computed when it is written: nothing is held. */
  private static final class Rows extends AbstractList<Row> {
    private final MatrixResult m;
    private final MatrixRisk risk;
    private final int perScenario;

    Rows(MatrixResult m, MatrixRisk risk) {
      this.m = m;
      this.risk = risk;
      this.perScenario = (int) (m.hosts().size() * m.maxAgents());
    }

    @Override
    public Row get(int i) {
      Scenario sc = m.scenarios().get(i / perScenario);
      int r = i % perScenario;
      Host h = m.hosts().get((int) (r / m.maxAgents()));
      long n = r % m.maxAgents() + 1;
      Evaluation c = m.cell(sc, h, n);
      return new Row(h.id(), sc.name(), n,
          new Total(MemoryRange.of(c.total()), c.cpuTotal() == null ? null : c.cpuTotal().cores()),
          new Utilization(new PlanJson.UtilizationMemory(c.utilizationLow(), c.utilizationHigh())),
          c.status().id(), c.memoryStatus().id(),
          c.gpuTotal().isZero() ? null : new Gpu(c.gpuTotal().value(), c.gpuStatus().id()),
          risk == null ? null : RiskJson.of(risk.cell(sc, h, n)));
    }

    @Override
    public int size() {
      return perScenario * m.scenarios().size();
    }
  }

  public static void render(MatrixResult m, PrintWriter out) {
    render(m, null, out);
  }

  public static void render(MatrixResult m, MatrixRisk risk, PrintWriter out) {
    Json.write(of(m, risk), out);
  }
}
