package dev.headroom.solve;

import dev.headroom.model.Bytes;
import dev.headroom.model.Host;
import dev.headroom.model.Scenario;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The Monte-Carlo risk of a plan or a matrix (docs/risk.md): the chance that the total memory passes
 * the warn threshold, the critical threshold and the available memory, with the footprint ranges
 * drawn from a {@link Distribution}. The demand does not depend on the host, so one simulation of a
 * scenario with N agents answers every host; and it is the same simulation, with the same seed, in
 * a plan and in the row of a matrix.
 */
public final class Risk {
  private Risk() {}

  /** The risk of a computed plan. */
  public static RiskResult plan(PlanResult p, RiskOptions o) {
    Simulation s = Simulation.run(p.demand(), p.agents(), o);
    return on(s, p.request().host());
  }

  /** One simulation's figures against a host's thresholds. */
  public static RiskResult on(Simulation s, Host h) {
    Bytes available = Capacity.available(h);
    BigDecimal a = available.toBigDecimal();
    return new RiskResult(s.options(), s.total(), s.drawsPerSample(),
        s.above(h.thresholds().warn().multiply(a)), s.above(h.thresholds().critical().multiply(a)), s.above(a),
        s.quantile(50), s.quantile(95), s.quantile(99));
  }

  /**
   * Every cell of a matrix: one simulation per scenario and agent count, evaluated for each host.
   * The draws of the whole matrix are counted, and refused past {@link RiskOptions#MAX_DRAWS}, before
   * any is made.
   */
  public static MatrixRisk matrix(MatrixResult m, RiskOptions o) {
    long work = 0;
    for (StackDemand d : m.demands()) {
      for (long n = 1; n <= m.maxAgents(); n++) {
        long w = Simulation.work(Simulation.pieces(d, n), o);
        work = w == Long.MAX_VALUE ? w : saturatedAdd(work, w);
      }
    }
    if (work > RiskOptions.MAX_DRAWS) {
      throw Simulation.tooMuch(work, o);
    }
    List<RiskResult> cells = new ArrayList<>();
    for (Scenario sc : m.scenarios()) {
      StackDemand d = m.demand(sc);
      for (long n = 1; n <= m.maxAgents(); n++) {
        Simulation s = Simulation.run(Simulation.pieces(d, n), o);
        for (Host h : m.hosts()) {
          cells.add(on(s, h));
        }
      }
    }
    return new MatrixRisk(m, o, cells);
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }
}
