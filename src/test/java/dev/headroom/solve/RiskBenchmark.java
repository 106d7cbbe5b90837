package dev.headroom.solve;

import static dev.headroom.solve.Fixtures.catalog;
import static dev.headroom.solve.Fixtures.host;
import static dev.headroom.solve.Fixtures.mib;
import static dev.headroom.solve.Fixtures.service;
import static dev.headroom.solve.Fixtures.stack;

import dev.headroom.model.Catalog;
import dev.headroom.model.Host;
import dev.headroom.model.Scenario;
import dev.headroom.model.Service;
import dev.headroom.model.Stack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The risk estimate's speed: 1,000,000 samples of a 10-service stack (one range each), timed end to
 * end (draws, sort, thresholds, quantiles) for each distribution, independent and correlated. Not a
 * test: run it with {@code bench/run.sh} (see bench/README.md). Prints the median of the timed runs
 * after warm-up runs.
 */
public final class RiskBenchmark {
  private RiskBenchmark() {}

  static final int SAMPLES = 1_000_000;
  static final int SERVICES = 10;

  public static void main(String... args) {
    int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 11;
    List<Service> services = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < SERVICES; i++) {
      // 10 services of 40..60 MiB up to 130..240 MiB: every one a range
      services.add(service("s" + i, mib(40 + 10 * i, 60 + 20 * i)));
      ids.add("s" + i);
    }
    Stack st = stack("bench", ids, List.of());
    Host h = host("h", 2048, 0);
    Catalog c = catalog(List.of(h), services, List.of(st));
    StackDemand d = new Planner(c).demand(st, Scenario.CURRENT, Basis.FOOTPRINT, List.of(), true);
    System.out.printf(Locale.ROOT, "%d samples of a %d-service stack, %d warm-up and %d timed runs, java %s, %d cores%n",
        SAMPLES, SERVICES, warmups, runs, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    for (boolean correlated : new boolean[] {false, true}) {
      for (Distribution dist : Distribution.values()) {
        RiskOptions o = new RiskOptions(SAMPLES, RiskOptions.DEFAULT_SEED, dist, correlated);
        double[] ms = new double[runs];
        RiskResult r = null;
        for (int i = 0; i < warmups + runs; i++) {
          long t0 = System.nanoTime();
          r = Risk.on(Simulation.run(d, 1, o), h);
          long t1 = System.nanoTime();
          if (i >= warmups) {
            ms[i - warmups] = (t1 - t0) / 1e6;
          }
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-10s %-11s median %7.1f ms  (min %7.1f, max %7.1f)  p95 total %s%n", dist,
            correlated ? "correlated" : "independent", ms[runs / 2], ms[0], ms[runs - 1], r.p95());
      }
    }
  }
}
