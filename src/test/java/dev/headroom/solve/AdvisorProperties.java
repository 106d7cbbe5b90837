package dev.headroom.solve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.model.Bytes;
import dev.headroom.model.Catalog;
import dev.headroom.model.Component;
import dev.headroom.model.Estimate;
import dev.headroom.model.Host;
import dev.headroom.model.Optimization;
import dev.headroom.model.Origin;
import dev.headroom.model.Range;
import dev.headroom.model.Resources;
import dev.headroom.model.Scenario;
import dev.headroom.model.Service;
import dev.headroom.model.Stack;
import dev.headroom.model.Thresholds;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The advisor against brute force: on random small catalogs (up to 12 optimization ids, shared
 * between services, per-agent and shared services, ranges, clamping, GPU, container limits,
 * scenarios that apply some ids), every subset of the offered ids is planned with the {@link
 * Planner}, and the best by the advisor's own order (hours, then fewer, then the larger saving,
 * then id order) must be what the advisor picks.
 */
class AdvisorProperties {

  private static final Origin HERE = new Origin("random.yaml", 1, 1);
  private static final String[] HOURS = {"0", "0.25", "0.5", "1", "1", "1", "1.2", "2", "2", "3"};

  /** One random instance: a catalog, a request, and what the advisor ranks. */
  record Instance(Catalog catalog, PlanRequest request) {}

  static Instance instance(long seed) {
    Random r = new Random(seed);
    int nIds = r.nextInt(13);
    int nServices = 1 + r.nextInt(4);
    boolean limits = r.nextInt(5) == 0;
    boolean gpus = r.nextInt(8) == 0;
    // components first, then each id on one or two of them (once per service, as the loader requires)
    List<List<Range>> sizes = new ArrayList<>();
    List<List<List<Optimization>>> opts = new ArrayList<>();
    for (int s = 0; s < nServices; s++) {
      List<Range> sz = new ArrayList<>();
      List<List<Optimization>> os = new ArrayList<>();
      for (int c = 0, n = 1 + r.nextInt(4); c < n; c++) {
        long low = r.nextInt(120);
        long high = low + (r.nextBoolean() ? 0 : r.nextInt(60));
        sz.add(new Range(Bytes.mib(low), Bytes.mib(high)));
        os.add(new ArrayList<>());
      }
      sizes.add(sz);
      opts.add(os);
    }
    for (int i = 0; i < nIds; i++) {
      String id = "o" + (char) ('a' + i);
      Set<Integer> onServices = new LinkedHashSet<>();
      for (int k = 0, n = r.nextInt(4) == 0 ? 2 : 1; k < n; k++) {
        int s = r.nextInt(nServices);
        if (!onServices.add(s)) {
          continue;
        }
        String hours = r.nextInt(10) == 0 ? null : HOURS[r.nextInt(HOURS.length)];
        List<List<Optimization>> os = opts.get(s);
        os.get(r.nextInt(os.size())).add(new Optimization(id, Bytes.mib(r.nextInt(100)),
            hours == null ? null : new BigDecimal(hours), null, HERE));
      }
    }
    List<Service> services = new ArrayList<>();
    List<String> perAgent = new ArrayList<>();
    List<String> shared = new ArrayList<>();
    for (int s = 0; s < nServices; s++) {
      String sid = "s" + s;
      List<Component> components = new ArrayList<>();
      for (int c = 0; c < sizes.get(s).size(); c++) {
        components.add(new Component("c" + c, sizes.get(s).get(c), opts.get(s).get(c), HERE));
      }
      Bytes gpu = gpus && r.nextBoolean() ? Bytes.mib(1 + r.nextInt(10)) : Bytes.ZERO;
      Resources lim = limits && r.nextBoolean() ? new Resources(Bytes.mib(1 + r.nextInt(200)), null, HERE) : null;
      services.add(new Service(sid, sid, components, null, gpu, lim, null, null, HERE));
      (r.nextBoolean() ? perAgent : shared).add(sid);
    }
    Set<String> known = new LinkedHashSet<>();
    services.forEach(x -> x.optimizations().forEach(o -> known.add(o.id())));
    Scenario scenario = Scenario.CURRENT;
    if (!known.isEmpty() && r.nextInt(3) == 0) {
      List<String> apply = known.stream().filter(x -> r.nextInt(3) == 0).toList();
      scenario = new Scenario("some", false, apply, Map.of(), List.of(), List.of(), List.of(), null, HERE);
    }
    Map<String, Scenario> scenarios = scenario.equals(Scenario.CURRENT) ? Map.of() : Map.of(scenario.name(), scenario);
    Stack stack = new Stack("st", "st", true, perAgent, shared, scenarios, null, HERE);
    long agents = r.nextInt(5);
    Estimate estimate = r.nextInt(4) == 0 ? Estimate.LOW : Estimate.HIGH;
    Basis basis = limits ? Basis.LIMITS : Basis.FOOTPRINT;
    // a limit between what the plan needs with everything applied (minus a little) and as it is
    // (plus a little), so that some sets fit and some do not
    Planner probe = new Planner(catalogOf(List.of(), services, stack));
    long asIs = total(probe, stack, scenario, basis, List.of(), agents, estimate);
    long best = total(probe, stack, scenario, basis, List.copyOf(known), agents, estimate);
    long target = best + (asIs - best) * (r.nextInt(15) - 2) / 10;
    String[][] thresholds = {{"0.80", "0.90"}, {"0.5", "0.75"}, {"0.9", "1"}, {"0.95", "0.95"}};
    String[] t = thresholds[r.nextInt(thresholds.length)];
    long memory = Math.max(Bytes.MIB, new BigDecimal(Math.max(target, 0)).divide(new BigDecimal(t[1]), 0,
        java.math.RoundingMode.CEILING).longValueExact() + r.nextInt(3) - 1);
    Host.Gpu gpu = r.nextInt(10) < 7 ? new Host.Gpu("g", Bytes.mib(1 + r.nextInt(30))) : null;
    Host host = new Host("h", "h", null, Bytes.of(memory), Bytes.ZERO, null, null, gpu,
        new Thresholds(new BigDecimal(t[0]), new BigDecimal(t[1])), null, null, HERE);
    Catalog catalog = catalogOf(List.of(host), services, stack);
    return new Instance(catalog, new PlanRequest(host, stack, scenario, agents, basis, estimate, List.of()));
  }

  private static long total(
      Planner p, Stack stack, Scenario sc, Basis basis, List<String> apply, long agents, Estimate e) {
    StackDemand d = p.demand(stack, sc, basis, apply, false);
    return Capacity.total(d.shared(), d.perAgent(), agents).end(e).value();
  }

  private static Catalog catalogOf(List<Host> hosts, List<Service> services, Stack stack) {
    Map<String, Host> h = new LinkedHashMap<>();
    hosts.forEach(x -> h.put(x.id(), x));
    Map<String, Service> s = new LinkedHashMap<>();
    services.forEach(x -> s.put(x.id(), x));
    return new Catalog(h, s, Map.of(stack.id(), stack), stack.id());
  }

  /** A subset as brute force sees it. */
  record Tried(List<String> ids, BigDecimal hours, long saving, boolean fits, boolean memoryFits) {}

  /** The advisor's order: hours, fewer, larger saving, then the set holding the first id where they differ. */
  static final Comparator<Tried> ORDER =
      Comparator.comparing(Tried::hours)
          .thenComparingInt(t -> t.ids().size())
          .thenComparing(Tried::saving, Comparator.reverseOrder())
          .thenComparing(Tried::ids, AdvisorProperties::lexicographic);

  private static int lexicographic(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** Every subset of the offered ids, each planned by the Planner. */
  static List<Tried> bruteForce(Instance in) {
    PlanRequest r = in.request();
    Planner planner = new Planner(in.catalog());
    Set<String> done = new LinkedHashSet<>(r.scenario().apply());
    // an id's effort: the sum over the services of the stack that have it; unknown if one does not say
    Map<String, BigDecimal> effort = new LinkedHashMap<>();
    Set<String> unknown = new LinkedHashSet<>();
    for (String sid : concat(r.stack().perAgent(), r.stack().shared())) {
      for (Optimization o : in.catalog().services().get(sid).optimizations()) {
        if (o.effortHours() == null) {
          unknown.add(o.id());
        } else {
          effort.merge(o.id(), o.effortHours(), BigDecimal::add);
        }
      }
    }
    List<String> offered = effort.keySet().stream().filter(id -> !unknown.contains(id) && !done.contains(id)).sorted().toList();
    PlanResult now = planner.plan(r);
    Estimate e = r.estimate();
    List<Tried> out = new ArrayList<>();
    for (int mask = 0; mask < 1 << offered.size(); mask++) {
      List<String> set = new ArrayList<>();
      BigDecimal hours = BigDecimal.ZERO;
      for (int i = 0; i < offered.size(); i++) {
        if ((mask & 1 << i) != 0) {
          set.add(offered.get(i));
          hours = hours.add(effort.get(offered.get(i)));
        }
      }
      PlanResult p = planner.plan(new PlanRequest(r.host(), r.stack(), r.scenario(), r.agents(), r.basis(), e, set));
      long saving = now.total().end(e).value() - p.total().end(e).value();
      boolean memoryFits = Capacity.status(p.total().end(e), p.available(), r.host().thresholds()).fits();
      out.add(new Tried(set, hours, saving, p.status().fits(), memoryFits));
    }
    return out;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Property(tries = 1000)
  void theExactAnswerIsTheBestOfAllSubsets(@ForAll long seed) {
    Instance in = instance(seed);
    Advice a = new Advisor(in.catalog()).advise(in.request(), List.of(in.request().host()));
    List<Tried> all = bruteForce(in);

    List<Tried> fitting = all.stream().filter(Tried::fits).toList();
    assertThat(a.feasible()).as("feasible, seed %d", seed).isEqualTo(!fitting.isEmpty());
    assertThat(a.feasibleNow()).as("feasible now, seed %d", seed).isEqualTo(all.get(0).fits());
    if (!fitting.isEmpty()) {
      Tried best = fitting.stream().min(ORDER).orElseThrow();
      assertThat(a.choice().apply()).as("the set, seed %d", seed).isEqualTo(best.ids());
      assertThat(a.choice().effortHours()).as("hours, seed %d", seed).isEqualByComparingTo(best.hours());
      assertThat(a.choice().saves().end(in.request().estimate()).value()).as("saving, seed %d", seed)
          .isEqualTo(best.saving());
      return;
    }
    // no set is enough: the best possible fixes memory when that can be done, else saves the most
    List<Tried> memoryFits = all.stream().filter(Tried::memoryFits).toList();
    Tried expected;
    if (!memoryFits.isEmpty()) {
      expected = memoryFits.stream().min(ORDER).orElseThrow();
    } else {
      long most = all.stream().mapToLong(Tried::saving).max().orElseThrow();
      expected = all.stream().filter(t -> t.saving() == most).min(ORDER).orElseThrow();
    }
    assertThat(a.bestPossible().apply()).as("the best possible set, seed %d", seed).isEqualTo(expected.ids());
    assertThat(a.memoryShortfall().isZero()).as("memory shortfall, seed %d", seed).isEqualTo(!memoryFits.isEmpty());
  }
}
