package dev.headroom.solve;

import static dev.headroom.solve.Fixtures.catalog;
import static dev.headroom.solve.Fixtures.host;
import static dev.headroom.solve.Fixtures.mib;
import static dev.headroom.solve.Fixtures.service;
import static dev.headroom.solve.Fixtures.stack;

import dev.headroom.model.Catalog;
import dev.headroom.model.Estimate;
import dev.headroom.model.Host;
import dev.headroom.model.Scenario;
import dev.headroom.model.Service;
import dev.headroom.model.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmarks of the solver (bench/jmh.sh, docs/performance.md): the deployment matrix, the
 * Monte-Carlo estimate and the advisor. Not tests: {@code mvn verify} compiles them and never runs them.
 */
public class SolverJmh {

  private static final List<String> IDS = List.of("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9");

  /** A 10-service stack, each service a range (40..60 MiB up to 130..240 MiB). */
  static Catalog stackOfTen(List<Host> hosts) {
    List<Service> services = new ArrayList<>();
    for (int i = 0; i < IDS.size(); i++) {
      services.add(service(IDS.get(i), mib(40 + 10 * i, 60 + 20 * i)));
    }
    return catalog(hosts, services, List.of(stack("bench", IDS.subList(0, 7), IDS.subList(7, 10))));
  }

  /** The matrix of agents 1..{@code agents} on 100 hosts of 1 to 100 GiB, every cell evaluated. */
  @State(Scope.Benchmark)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  @Fork(1)
  public static class Matrix {
    @Param({"1", "10", "100", "1000"})
    public int agents;

    private Planner planner;
    private List<Host> hosts;
    private Stack stack;

    @Setup
    public void setUp() {
      hosts = new ArrayList<>();
      for (int i = 1; i <= 100; i++) {
        hosts.add(host("h" + i, 1024L * i, 64));
      }
      Catalog c = stackOfTen(hosts);
      planner = new Planner(c);
      stack = c.stacks().get("bench");
    }

    /** The matrix and every one of its cells, as rendering it evaluates them: 100 × agents. */
    @Benchmark
    public void matrix(Blackhole bh) {
      MatrixResult m = planner.matrix(hosts, stack, List.of(Scenario.CURRENT), agents, Basis.FOOTPRINT, Estimate.HIGH, List.of());
      for (Host h : hosts) {
        bh.consume(m.maxAgents(Scenario.CURRENT, h));
        for (long n = 1; n <= agents; n++) {
          bh.consume(m.cell(Scenario.CURRENT, h, n));
        }
      }
    }
  }

  /** The risk estimate of the 10-service stack: draws, sort, thresholds, quantiles. */
  @State(Scope.Benchmark)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  @Fork(1)
  public static class MonteCarlo {
    @Param({"10000", "100000", "1000000"})
    public int samples;

    private StackDemand demand;
    private Host host;
    private RiskOptions options;

    @Setup
    public void setUp() {
      host = host("h", 2048, 0);
      Catalog c = stackOfTen(List.of(host));
      demand = new Planner(c).demand(c.stacks().get("bench"), Scenario.CURRENT, Basis.FOOTPRINT, List.of(), true);
      options = new RiskOptions(samples, RiskOptions.DEFAULT_SEED, Distribution.UNIFORM, false);
    }

    @Benchmark
    public RiskResult risk() {
      return Risk.on(Simulation.run(demand, 1, options), host);
    }
  }

  /** The advisor on a catalog of 60 optimizations, the plan needing half of what they can save. */
  @State(Scope.Benchmark)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  @Fork(1)
  public static class Advise {
    private AdvisorBench.Case bench;
    private Advisor advisor;

    @Setup
    public void setUp() {
      bench = AdvisorBench.benchCase(1, "0.5");
      advisor = new Advisor(bench.catalog());
    }

    @Benchmark
    public Advice advise() {
      return advisor.advise(bench.request(), List.of(bench.request().host()));
    }
  }
}
