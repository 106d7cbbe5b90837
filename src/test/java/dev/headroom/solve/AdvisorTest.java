package dev.headroom.solve;

import static dev.headroom.solve.Fixtures.HERE;
import static dev.headroom.solve.Fixtures.catalog;
import static dev.headroom.solve.Fixtures.component;
import static dev.headroom.solve.Fixtures.composite;
import static dev.headroom.solve.Fixtures.host;
import static dev.headroom.solve.Fixtures.mib;
import static dev.headroom.solve.Fixtures.scenario;
import static dev.headroom.solve.Fixtures.stack;
import static dev.headroom.solve.Fixtures.withGpu;
import static dev.headroom.solve.Fixtures.withLimits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.model.Bytes;
import dev.headroom.model.Catalog;
import dev.headroom.model.Estimate;
import dev.headroom.model.Host;
import dev.headroom.model.Optimization;
import dev.headroom.model.Range;
import dev.headroom.model.Scenario;
import dev.headroom.model.Service;
import dev.headroom.model.Stack;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The advisor on small catalogs; every expected figure is worked out in the comment beside it. Sizes in MiB. */
class AdvisorTest {

  private static Optimization opt(String id, long savesMib, String hours) {
    return new Optimization(id, mib(savesMib), hours == null ? null : new BigDecimal(hours), null, HERE);
  }

  private static Host priced(Host h, String cost) {
    return new Host(h.id(), h.name(), h.arch(), h.memoryTotal(), h.memoryReserved(), h.swap(), h.cpu(), h.gpu(),
        h.thresholds(), cost == null ? null : new BigDecimal(cost), h.source(), h.origin());
  }

  private static Advice advise(Catalog c, Host h, String stackId, Scenario sc, long agents) {
    return advise(c, h, stackId, sc, agents, Basis.FOOTPRINT, List.of());
  }

  private static Advice advise(Catalog c, Host h, String stackId, Scenario sc, long agents, Basis basis, List<String> apply) {
    Stack s = c.stacks().get(stackId);
    return new Advisor(c).advise(new PlanRequest(h, s, sc, agents, basis, Estimate.HIGH, apply), List.of(h));
  }

  // One shared service of 1000 MiB: base 700 plus three components of 100, each with one optimization.
  private static final Service APP = composite("app",
      component("base", Range.exactly(mib(700))),
      component("a", Range.exactly(mib(100)), opt("quick", 90, "1")),
      component("b", Range.exactly(mib(100)), opt("deep", 100, "1.5")),
      component("c", Range.exactly(mib(100)), opt("tiny", 10, "1")));
  private static final Scenario QUICK_DONE = scenario("quick-done", false, List.of("quick"), Map.of());
  private static final Stack ONE = stack("one", List.of(), List.of("app"), QUICK_DONE);
  // 1000 MiB available: the limit is 0.9 × 1000 = 900 MiB
  private static final Host BOX = host("box", 1000, 0);
  private static final Catalog CATALOG = catalog(List.of(BOX), List.of(APP), List.of(ONE));

  @Test
  void greedyBySavingPerHourIsNotTheAnswer() {
    // total 700 + 3 × 100 = 1000 MiB, limit 900: at least 100 MiB must go.
    // Greedy by MiB per hour: quick 90/1 = 90, deep 100/1.5 = 66.7, tiny 10/1 = 10. It takes quick
    // (90 MiB, not enough), then deep (190 MiB): 1 + 1.5 = 2.5 hours. Exact: deep alone saves
    // 100 MiB for 1.5 hours (quick + tiny also saves 100 MiB, but for 2 hours).
    Advice a = advise(CATALOG, BOX, "one", Scenario.CURRENT, 1);
    assertThat(a.feasibleNow()).isFalse();
    assertThat(a.feasible()).isTrue();
    assertThat(a.choice().apply()).containsExactly("deep");
    assertThat(a.choice().effortHours()).isEqualByComparingTo("1.5");
    // 1000 − 100 = 900 MiB: exactly at the critical threshold, so warn
    assertThat(a.choice().saves()).isEqualTo(Range.exactly(mib(100)));
    assertThat(a.choice().after().total()).isEqualTo(Range.exactly(mib(900)));
    assertThat(a.choice().after().status()).isEqualTo(Status.WARN);
    assertThat(a.limit()).isEqualTo(mib(900));
    assertThat(a.bestPossible()).isNull();
  }

  @Test
  void anAlreadyFeasiblePlanNeedsNothing() {
    // 1000 MiB on 1112 MiB available: 1000 ≤ 0.9 × 1112 = 1000.8, so warn, and it fits as it is
    Host roomy = host("roomy", 1112, 0);
    Advice a = advise(catalog(List.of(roomy), List.of(APP), List.of(ONE)), roomy, "one", Scenario.CURRENT, 1);
    assertThat(a.feasibleNow()).isTrue();
    assertThat(a.choice().apply()).isEmpty();
    assertThat(a.choice().effortHours()).isEqualByComparingTo("0");
    assertThat(a.choice().saves()).isEqualTo(Range.ZERO);
    assertThat(a.choice().after()).isSameAs(a.now());
    // ⌊0.9 × 1112 MiB⌋ = ⌊1000.8 × 1048576⌋ = ⌊1048576000 + 838860.8⌋ = 1049414860 bytes
    assertThat(a.limit()).isEqualTo(Bytes.of(1_049_414_860L));
  }

  @Test
  void whenNoSetIsEnoughItSaysByHowMuch() {
    // 800 MiB available, limit 0.9 × 800 = 720. Everything saves 90 + 100 + 10 = 200: 1000 − 200 =
    // 800 MiB, still 80 MiB above 720
    Host small = host("small", 800, 0);
    Advice a = advise(catalog(List.of(small), List.of(APP), List.of(ONE)), small, "one", Scenario.CURRENT, 1);
    assertThat(a.feasible()).isFalse();
    assertThat(a.choice()).isNull();
    assertThat(a.bestPossible().apply()).containsExactly("deep", "quick", "tiny");
    assertThat(a.bestPossible().effortHours()).isEqualByComparingTo("3.5");
    assertThat(a.bestPossible().after().total()).isEqualTo(Range.exactly(mib(800)));
    assertThat(a.memoryShortfall()).isEqualTo(mib(80));
    assertThat(a.gpuShortfall()).isEqualTo(Bytes.ZERO);
  }

  @Test
  void theCheapestWayToTheMostSavingIsTheBestPossible() {
    // one component of 50 MiB with two optimizations that each save all of it (clamped), and an
    // unrelated one: 1000 MiB, limit 0.9 × 500 = 450. The most that can go is 50 + 10 = 60 MiB; one
    // of the two 50s is enough for it, the cheaper: half (0.5 h), not whole (2 h)
    Service s = composite("s", component("base", Range.exactly(mib(940))),
        component("cache", Range.exactly(mib(50)), opt("whole", 50, "2"), opt("half", 50, "0.5")),
        component("x", Range.exactly(mib(10)), opt("x", 10, "1")));
    Host h = host("h", 500, 0);
    Advice a = advise(catalog(List.of(h), List.of(s), List.of(stack("st", List.of(), List.of("s")))), h, "st",
        Scenario.CURRENT, 1);
    assertThat(a.feasible()).isFalse();
    assertThat(a.bestPossible().apply()).containsExactly("half", "x");
    assertThat(a.bestPossible().saves()).isEqualTo(Range.exactly(mib(60)));
    // 940 − 450 = 490 MiB short
    assertThat(a.memoryShortfall()).isEqualTo(mib(490));
  }

  // A per-agent worker (100 MiB, w saves 30) and a shared db (200 MiB, d saves 50), both 1 hour.
  private static final Service WORKER = composite("worker", component("heap", Range.exactly(mib(100)), opt("w", 30, "1")));
  private static final Service DB = composite("db", component("buffers", Range.exactly(mib(200)), opt("d", 50, "1")));
  private static final Stack PAIR = stack("pair", List.of("worker"), List.of("db"));

  @Test
  void aPerAgentSavingCountsOncePerAgent() {
    // N = 3: total 200 + 3 × 100 = 500 on 500 MiB, limit 450: 50 MiB must go. w saves 3 × 30 = 90,
    // d saves 50: both are enough for 1 hour each, so the larger saving wins: w
    Host h = host("h", 500, 0);
    Catalog c = catalog(List.of(h), List.of(WORKER, DB), List.of(PAIR));
    Advice three = advise(c, h, "pair", Scenario.CURRENT, 3);
    assertThat(three.candidates()).extracting(Advice.Candidate::id).containsExactly("w", "d");
    assertThat(three.candidates().get(0).savesAlone()).isEqualTo(Range.exactly(mib(90)));
    assertThat(three.candidates().get(1).savesAlone()).isEqualTo(Range.exactly(mib(50)));
    assertThat(three.choice().apply()).containsExactly("w");
    assertThat(three.choice().saves()).isEqualTo(Range.exactly(mib(90)));

    // N = 1: total 200 + 100 = 300 on 300 MiB, limit 270: 30 MiB must go. w saves 30, d saves 50:
    // again a tie on hours and count, and now d saves more
    Host h1 = host("h1", 300, 0);
    Advice one = advise(catalog(List.of(h1), List.of(WORKER, DB), List.of(PAIR)), h1, "pair", Scenario.CURRENT, 1);
    assertThat(one.choice().apply()).containsExactly("d");
  }

  @Test
  void anIdOnSeveralServicesSavesOnEachAndCostsTheSumOfItsEfforts() {
    // "slim" on the per-agent worker (saves 30, 1 h) and on the shared db (saves 50, 2 h): one
    // decision, 3 hours, saving 2 × 30 + 50 = 110 MiB with N = 2
    Service worker = composite("worker", component("heap", Range.exactly(mib(100)), opt("slim", 30, "1")));
    Service db = composite("db", component("buffers", Range.exactly(mib(200)), opt("slim", 50, "2")));
    // total 200 + 2 × 100 = 400 on 400 MiB, limit 360: 40 must go
    Host h = host("h", 400, 0);
    Advice a = advise(catalog(List.of(h), List.of(worker, db), List.of(PAIR)), h, "pair", Scenario.CURRENT, 2);
    assertThat(a.candidates()).hasSize(1);
    Advice.Candidate slim = a.candidates().get(0);
    assertThat(slim.services()).containsExactly("worker", "db");
    assertThat(slim.effortHours()).isEqualByComparingTo("3");
    assertThat(slim.savesAlone()).isEqualTo(Range.exactly(mib(110)));
    assertThat(a.choice().apply()).containsExactly("slim");
    assertThat(a.choice().after().total()).isEqualTo(Range.exactly(mib(290)));
  }

  @Test
  void savingsNeverTakeAComponentBelowZero() {
    // cache 10..20 MiB with a and b (15 MiB each, 1 h), x 100 MiB with c (18 MiB, 2 h). Critical
    // 100 %, 95 MiB available: the high end 20 + 100 = 120 must lose 25.
    // Added up, a + b would save 30 for 2 hours; clamped they save only the 20 the cache has.
    // c alone saves 18. So three hours: a + c or b + c, each 15 + 18 = 33; a tie in hours,
    // count and saving, and a comes before b.
    Service s = composite("s",
        component("cache", mib(10, 20), opt("a", 15, "1"), opt("b", 15, "1")),
        component("x", Range.exactly(mib(100)), opt("c", 18, "2")));
    Host h = host("h", 95, 0, "0.9", "1");
    Advice adv = advise(catalog(List.of(h), List.of(s), List.of(stack("st", List.of(), List.of("s")))), h, "st",
        Scenario.CURRENT, 1);
    assertThat(adv.choice().apply()).containsExactly("a", "c");
    assertThat(adv.choice().effortHours()).isEqualByComparingTo("3");
    // low end: cache max(0, 10 − 15) = 0 and x 82: saves 10 + 18 = 28; high: 15 + 18 = 33
    assertThat(adv.choice().saves()).isEqualTo(mib(28, 33));
    // on its own, a saves 10 at the low end (all of it) and 15 at the high end
    assertThat(adv.candidates()).filteredOn(c -> c.id().equals("a")).singleElement()
        .extracting(Advice.Candidate::savesAlone).isEqualTo(mib(10, 15));
  }

  @Test
  void tiesPreferFewerOptimizations() {
    // 1000 MiB, limit 900: 100 must go. one (100 MiB, 2 h) or two + three (50 MiB each, 1 h each):
    // both 2 hours, one optimization is fewer
    Service s = composite("s", component("base", Range.exactly(mib(700))),
        component("p", Range.exactly(mib(100)), opt("one", 100, "2")),
        component("q", Range.exactly(mib(100)), opt("two", 50, "1")),
        component("r", Range.exactly(mib(100)), opt("three", 50, "1")));
    Advice a = advise(catalog(List.of(BOX), List.of(s), List.of(stack("st", List.of(), List.of("s")))), BOX, "st",
        Scenario.CURRENT, 1);
    assertThat(a.choice().apply()).containsExactly("one");
  }

  @Test
  void optimizationsTheScenarioAppliesAreDone() {
    // quick-done applies quick: 1000 − 90 = 910, limit 900: 10 more must go. tiny (1 h) does it;
    // deep would too, for 1.5 h. quick is done, not offered and not counted
    Advice a = advise(CATALOG, BOX, "one", QUICK_DONE, 1);
    assertThat(a.alreadyApplied()).containsExactly("quick");
    assertThat(a.candidates()).extracting(Advice.Candidate::id).containsExactly("deep", "tiny");
    assertThat(a.choice().apply()).containsExactly("tiny");
    assertThat(a.choice().effortHours()).isEqualByComparingTo("1");
    assertThat(a.choice().after().total()).isEqualTo(Range.exactly(mib(900)));
    // --apply counts as done the same way
    Advice b = advise(CATALOG, BOX, "one", Scenario.CURRENT, 1, Basis.FOOTPRINT, List.of("quick"));
    assertThat(b.alreadyApplied()).containsExactly("quick");
    assertThat(b.choice().apply()).containsExactly("tiny");
  }

  @Test
  void anUnknownApplyIdIsRefused() {
    assertThatThrownBy(() -> advise(CATALOG, BOX, "one", Scenario.CURRENT, 1, Basis.FOOTPRINT, List.of("quik")))
        .isInstanceOf(UnknownIdException.class);
  }

  @Test
  void gpuMemoryCannotBeOptimizedAway() {
    // memory: 1000 MiB on 1000, limit 900 (deep fixes it); GPU: 12 GiB asked for, 10 GiB on the
    // host, limit 0.9 × 10 = 9 GiB: 12 − 9 = 3 GiB over, whatever is applied
    Service gpuApp = withGpu(APP, 12 * 1024);
    Host h = withGpu(host("gpu-box", 1000, 0), 10 * 1024);
    Advice a = advise(catalog(List.of(h), List.of(gpuApp), List.of(ONE)), h, "one", Scenario.CURRENT, 1);
    assertThat(a.feasible()).isFalse();
    assertThat(a.gpuShortfall()).isEqualTo(Bytes.gib(3));
    // memory alone could be fixed, and the best possible set does that
    assertThat(a.memoryShortfall()).isEqualTo(Bytes.ZERO);
    assertThat(a.bestPossible().apply()).containsExactly("deep");
    assertThat(a.bestPossible().after().gpuStatus()).isEqualTo(Status.OVERFLOW);
  }

  @Test
  void gpuMemoryOnAHostWithoutAGpuIsAllShort() {
    // 10 MiB of GPU memory, no GPU: all 10 MiB short; memory fits as it is (1000 on 1112)
    Service gpuApp = withGpu(APP, 10);
    Host h = host("no-gpu", 1112, 0);
    Advice a = advise(catalog(List.of(h), List.of(gpuApp), List.of(ONE)), h, "one", Scenario.CURRENT, 1);
    assertThat(a.feasibleNow()).isFalse();
    assertThat(a.feasible()).isFalse();
    assertThat(a.gpuShortfall()).isEqualTo(mib(10));
    assertThat(a.bestPossible().apply()).isEmpty();
  }

  @Test
  void optimizationsWithoutEffortAreNotOffered() {
    // free saves 100 MiB but gives no effort_hours: not offered. The rest is as in the greedy case
    Service s = composite("s", component("base", Range.exactly(mib(700))),
        component("a", Range.exactly(mib(100)), opt("quick", 90, "1")),
        component("b", Range.exactly(mib(100)), opt("deep", 100, "1.5")),
        component("c", Range.exactly(mib(100)), opt("free", 100, null)));
    Advice a = advise(catalog(List.of(BOX), List.of(s), List.of(stack("st", List.of(), List.of("s")))), BOX, "st",
        Scenario.CURRENT, 1);
    Advice.Candidate free = a.candidates().stream().filter(c -> c.id().equals("free")).findFirst().orElseThrow();
    assertThat(free.offered()).isFalse();
    assertThat(free.effortHours()).isNull();
    assertThat(free.savesAlone()).isEqualTo(Range.exactly(mib(100)));
    assertThat(a.choice().apply()).containsExactly("deep");
  }

  @Test
  void anIdWhoseEffortIsUnknownOnOneOfItsServicesIsNotOffered() {
    Service worker = composite("worker", component("heap", Range.exactly(mib(100)), opt("slim", 30, "1")));
    Service db = composite("db", component("buffers", Range.exactly(mib(200)), opt("slim", 50, null)));
    Host h = host("h", 400, 0);
    Advice a = advise(catalog(List.of(h), List.of(worker, db), List.of(PAIR)), h, "pair", Scenario.CURRENT, 2);
    assertThat(a.candidates().get(0).offered()).isFalse();
    assertThat(a.feasible()).isFalse();
    assertThat(a.bestPossible().apply()).isEmpty();
  }

  @Test
  void aContainerLimitIsNotOptimized() {
    // --basis limits: app has a 950 MiB limit, which stands in for its footprint: no optimization
    // changes it. 950 > 900, and nothing saves anything
    Service limited = withLimits(APP, 950L, null);
    Advice a = advise(catalog(List.of(BOX), List.of(limited), List.of(ONE)), BOX, "one", Scenario.CURRENT, 1,
        Basis.LIMITS, List.of());
    assertThat(a.candidates()).allSatisfy(c -> assertThat(c.savesAlone()).isEqualTo(Range.ZERO));
    assertThat(a.feasible()).isFalse();
    assertThat(a.memoryShortfall()).isEqualTo(mib(50));
  }

  @Test
  void zeroAgentsLeavesOnlyTheSharedServices() {
    // N = 0: the worker's w saves 0 × 30 = 0; db 200 on 200 MiB, limit 180: d (50) does it
    Host h = host("h", 200, 0);
    Advice a = advise(catalog(List.of(h), List.of(WORKER, DB), List.of(PAIR)), h, "pair", Scenario.CURRENT, 0);
    assertThat(a.candidates()).filteredOn(c -> c.id().equals("w")).singleElement()
        .extracting(Advice.Candidate::savesAlone).isEqualTo(Range.ZERO);
    assertThat(a.choice().apply()).containsExactly("d");
  }

  // ------------------------------------------------------------------ hosts

  @Test
  void theCheapestHostWhenEveryHostThatFitsHasACostElseTheSmallest() {
    // the plan is 1000 MiB (limit 0.9 × available):
    //   tiny     $0.01  100 MiB  does not fit
    //   cheap    $0.10 2000 MiB  fits (1000 ≤ 1800)
    //   dear     $0.50 4000 MiB  fits
    //   own-s        -  1500 MiB  fits (1000 ≤ 1350), the smallest that fits
    //   own-b        -  8000 MiB  fits
    Host tiny = priced(host("tiny", 100, 0), "0.01");
    Host cheap = priced(host("cheap", 2000, 0), "0.10");
    Host dear = priced(host("dear", 4000, 0), "0.5");
    Host ownS = host("own-s", 1500, 0);
    Host ownB = host("own-b", 8000, 0);
    Catalog c = catalog(List.of(ownB, dear, tiny, ownS, cheap), List.of(APP), List.of(ONE));
    Stack s = c.stacks().get("one");
    PlanRequest r = new PlanRequest(tiny, s, Scenario.CURRENT, 1, Basis.FOOTPRINT, Estimate.HIGH, List.of());
    Advice a = new Advisor(c).advise(r, List.of(ownB, dear, tiny, ownS, cheap));
    // not every candidate has a cost: listed by available memory (HostChoice)
    assertThat(a.hosts()).extracting(o -> o.host().id()).containsExactly("tiny", "own-s", "cheap", "dear", "own-b");
    assertThat(a.hosts()).extracting(Advice.HostOption::fits).containsExactly(false, true, true, true, true);
    // own-s and own-b fit and have no cost, so costs cannot be compared: the smallest that fits, own-s
    assertThat(a.recommended().id()).isEqualTo("own-s");
    // only priced hosts: the cheapest that fits, cheap ($0.10; tiny, $0.01, does not fit)
    assertThat(new Advisor(c).advise(r, List.of(dear, tiny, cheap)).recommended().id()).isEqualTo("cheap");
    // the stack is all shared: no per-agent demand, so max agents is unbounded where it fits
    assertThat(a.hosts().get(2).maxAgents()).isEmpty();

    // without prices: the smallest that fits
    Advice unpriced = new Advisor(c).advise(r, List.of(ownB, ownS));
    assertThat(unpriced.recommended().id()).isEqualTo("own-s");
    // nothing fits: no recommendation
    assertThat(new Advisor(c).advise(r, List.of(tiny)).recommendedHost()).isEmpty();
  }

  @Test
  void theSearchAgreesWithThePlannerOnEveryCandidateSet() {
    // every subset of the three optimizations of APP, planned by the Planner, against the advisor's
    // figure for the one it picks: 2^3 plans
    Planner planner = new Planner(CATALOG);
    List<List<String>> fitting = new ArrayList<>();
    String[] ids = {"deep", "quick", "tiny"};
    for (int mask = 0; mask < 8; mask++) {
      List<String> set = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        if ((mask & 1 << i) != 0) {
          set.add(ids[i]);
        }
      }
      PlanResult p = planner.plan(new PlanRequest(BOX, ONE, Scenario.CURRENT, 1, Basis.FOOTPRINT, Estimate.HIGH, set));
      if (p.status().fits()) {
        fitting.add(set);
      }
    }
    // deep; deep + quick; deep + tiny; quick + tiny; all three
    assertThat(fitting).hasSize(5);
    fitting.sort(Comparator.comparing(List::size));
    assertThat(advise(CATALOG, BOX, "one", Scenario.CURRENT, 1).choice().apply()).isEqualTo(fitting.get(0));
  }
}
