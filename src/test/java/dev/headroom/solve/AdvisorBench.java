package dev.headroom.solve;

import dev.headroom.model.Bytes;
import dev.headroom.model.Catalog;
import dev.headroom.model.Component;
import dev.headroom.model.Estimate;
import dev.headroom.model.Host;
import dev.headroom.model.Optimization;
import dev.headroom.model.Origin;
import dev.headroom.model.Range;
import dev.headroom.model.Scenario;
import dev.headroom.model.Service;
import dev.headroom.model.Stack;
import dev.headroom.model.Thresholds;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Times {@link Advisor#advise} on generated catalogs with 60 optimizations (bench/README.md). Not a
 * test: run it with {@code bench/advisor.sh}, or as a main class on the test class path.
 *
 * <p>Each catalog: 8 services (5 per agent, 3 shared) of 8 components each, 60 optimization ids
 * with efforts from 0.5 to 8 hours and savings from 1 to 64 MiB, one in five of them on two
 * services, several on one component (so savings clamp), 3 agents. The host is sized so that the
 * plan must lose a quarter, half, three quarters or nine tenths of all the optimizations can save.
 */
public final class AdvisorBench {
  private AdvisorBench() {}

  private static final Origin HERE = new Origin("generated.yaml", 1, 1);
  private static final String[] HOURS = {"0.5", "1", "1.5", "2", "3", "4", "6", "8"};
  private static final int OPTIMIZATIONS = 60;
  private static final long AGENTS = 3;

  record Case(String name, Catalog catalog, PlanRequest request) {}

  static Catalog catalog(long seed) {
    Random r = new Random(seed);
    int nServices = 8;
    List<List<Range>> sizes = new ArrayList<>();
    List<List<List<Optimization>>> opts = new ArrayList<>();
    for (int s = 0; s < nServices; s++) {
      List<Range> sz = new ArrayList<>();
      List<List<Optimization>> os = new ArrayList<>();
      for (int c = 0; c < 8; c++) {
        long low = 16L + r.nextInt(240);
        sz.add(new Range(Bytes.mib(low), Bytes.mib(low + r.nextInt(64))));
        os.add(new ArrayList<>());
      }
      sizes.add(sz);
      opts.add(os);
    }
    for (int i = 0; i < OPTIMIZATIONS; i++) {
      String id = String.format(Locale.ROOT, "opt-%02d", i);
      int first = r.nextInt(nServices);
      int copies = r.nextInt(5) == 0 ? 2 : 1;
      for (int k = 0; k < copies; k++) {
        int s = (first + k * (1 + r.nextInt(nServices - 1))) % nServices;
        opts.get(s).get(r.nextInt(8)).add(new Optimization(id, Bytes.mib(1 + r.nextInt(64)),
            new BigDecimal(HOURS[r.nextInt(HOURS.length)]), null, HERE));
      }
    }
    Map<String, Service> services = new LinkedHashMap<>();
    List<String> perAgent = new ArrayList<>();
    List<String> shared = new ArrayList<>();
    for (int s = 0; s < nServices; s++) {
      String sid = "svc-" + s;
      List<Component> components = new ArrayList<>();
      for (int c = 0; c < 8; c++) {
        components.add(new Component("part-" + c, sizes.get(s).get(c), opts.get(s).get(c), HERE));
      }
      services.put(sid, new Service(sid, sid, components, null, null, null, null, null, HERE));
      (s < 5 ? perAgent : shared).add(sid);
    }
    Stack stack = new Stack("bench", "bench", true, perAgent, shared, Map.of(), null, HERE);
    return new Catalog(Map.of(), services, Map.of(stack.id(), stack), stack.id());
  }

  /** A host whose limit leaves {@code fraction} of the most that can be saved still to save. */
  static Case benchCase(long seed, String fraction) {
    Catalog base = catalog(seed);
    Stack stack = base.stacks().get("bench");
    Planner p = new Planner(base);
    long asIs = total(p.demand(stack, Scenario.CURRENT, Basis.FOOTPRINT, List.of(), true));
    long best = total(p.demand(stack, Scenario.CURRENT, Basis.FOOTPRINT, List.of(Planner.ALL), true));
    BigDecimal limit = BigDecimal.valueOf(asIs).subtract(new BigDecimal(fraction).multiply(BigDecimal.valueOf(asIs - best)));
    long available = limit.divide(new BigDecimal("0.9"), 0, RoundingMode.FLOOR).longValueExact();
    Host host = new Host("bench-host", "bench-host", null, Bytes.of(available), Bytes.ZERO, null, null, null,
        Thresholds.DEFAULT, null, null, HERE);
    Catalog c = new Catalog(Map.of(host.id(), host), base.services(), base.stacks(), base.defaultStack());
    return new Case("seed " + seed + ", need " + fraction, c,
        new PlanRequest(host, stack, Scenario.CURRENT, AGENTS, Basis.FOOTPRINT, Estimate.HIGH, List.of()));
  }

  private static long total(StackDemand d) {
    return Capacity.total(d.shared(), d.perAgent(), AGENTS).high().value();
  }

  /** Median of {@code runs} timed calls after {@code warmup} untimed ones, in nanoseconds. */
  static long median(Case c, int warmup, int runs) {
    Advisor advisor = new Advisor(c.catalog());
    List<Host> hosts = List.of(c.request().host());
    for (int i = 0; i < warmup; i++) {
      advisor.advise(c.request(), hosts);
    }
    long[] t = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      advisor.advise(c.request(), hosts);
      t[i] = System.nanoTime() - start;
    }
    Arrays.sort(t);
    return t[runs / 2];
  }

  public static void main(String... args) {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 11;
    String[] fractions = {"0.25", "0.5", "0.75", "0.9"};
    List<Long> medians = new ArrayList<>();
    System.out.printf(Locale.ROOT, "%-22s %8s %10s %6s %8s%n", "case", "median", "hours", "opts", "status");
    for (long seed = 1; seed <= seeds; seed++) {
      for (String f : fractions) {
        Case c = benchCase(seed, f);
        long m = median(c, 3, runs);
        medians.add(m);
        Advice a = new Advisor(c.catalog()).advise(c.request(), List.of(c.request().host()));
        long offered = a.candidates().stream().filter(Advice.Candidate::offered).count();
        if (offered != OPTIMIZATIONS) {
          throw new IllegalStateException("expected " + OPTIMIZATIONS + " optimizations, got " + offered);
        }
        System.out.printf(Locale.ROOT, "%-22s %6.1fms %10s %6d %8s%n", c.name(), m / 1e6,
            a.feasible() ? a.choice().effortHours().toPlainString() : "-", a.feasible() ? a.choice().apply().size() : 0,
            a.feasible() ? a.choice().after().status().id() : "none");
      }
    }
    long[] all = medians.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(Locale.ROOT, "%d cases of %d optimizations: median of medians %.1f ms, slowest %.1f ms%n",
        all.length, OPTIMIZATIONS, all[all.length / 2] / 1e6, all[all.length - 1] / 1e6);
  }
}
