package dev.headroom.solve;

import static dev.headroom.solve.Fixtures.catalog;
import static dev.headroom.solve.Fixtures.component;
import static dev.headroom.solve.Fixtures.composite;
import static dev.headroom.solve.Fixtures.host;
import static dev.headroom.solve.Fixtures.mib;
import static dev.headroom.solve.Fixtures.opt;
import static dev.headroom.solve.Fixtures.scenario;
import static dev.headroom.solve.Fixtures.service;
import static dev.headroom.solve.Fixtures.stack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.model.Catalog;
import dev.headroom.model.Cpu;
import dev.headroom.model.Estimate;
import dev.headroom.model.Host;
import dev.headroom.model.Range;
import dev.headroom.model.Scenario;
import dev.headroom.model.Service;
import dev.headroom.model.Stack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The planner end to end on small catalogs; arithmetic in the comments. */
class PlannerTest {

  // A booking-like stack: db 400, app 100..160 (cache component 10..20 saves 15), web 80..120; shared sys 40..60.
  private static final Service DB = service("db", 400);
  private static final Service APP =
      composite("app", component("runtime", mib(90, 140), opt("gc", 5)), component("cache", mib(10, 20), opt("cache", 15)));
  private static final Service APP_AOT = service("app-aot", mib(65, 85));
  private static final Service WEB = service("web", mib(80, 120));
  private static final Service SYS = service("sys", mib(40, 60));
  private static final Service EXTRA = service("extra", 10);
  private static final Scenario OPTIMIZED = scenario("optimized", true, List.of(), Map.of("app", "app-aot"));
  private static final Scenario GC_ONLY = scenario("gc-only", false, List.of("gc"), Map.of());
  private static final Stack STACK = stack("s", List.of("db", "app", "web"), List.of("sys"), OPTIMIZED, GC_ONLY);
  private static final Host PI = host("pi", 512, 80); // 432 MiB available
  private static final Catalog CATALOG =
      catalog(List.of(PI), List.of(DB, APP, APP_AOT, WEB, SYS, EXTRA), List.of(STACK));

  private final Planner planner = new Planner(CATALOG);

  private PlanResult plan(Host h, Scenario sc, long agents, Basis basis, Estimate e, List<String> apply) {
    return planner.plan(new PlanRequest(h, STACK, sc, agents, basis, e, apply));
  }

  private PlanResult plan(long agents) {
    return plan(PI, Scenario.CURRENT, agents, Basis.FOOTPRINT, Estimate.HIGH, List.of());
  }

  @Test
  void currentScenarioSumsPerAgentAndShared() {
    PlanResult p = plan(2);
    // per agent: 400 + 100..160 + 80..120 = 580..680
    assertThat(p.perAgent()).isEqualTo(mib(580, 680));
    // total: 40..60 + 2 × 580..680 = 1200..1420
    assertThat(p.total()).isEqualTo(mib(1200, 1420));
    // headroom: 432 − 1420 = −988 worst, 432 − 1200 = −768 best
    assertThat(p.headroomWorst()).isEqualTo(mib(-988));
    assertThat(p.headroomBest()).isEqualTo(mib(-768));
    assertThat(p.status()).isEqualTo(Status.OVERFLOW);
    // 1 agent: 60 + 680 = 740 > 388.8 (0.9 × 432): none fit
    assertThat(p.maxAgents()).contains(0L);
    assertThat(p.services()).extracting(d -> d.service().id()).containsExactly("db", "app", "web", "sys");
    assertThat(p.services()).extracting(ServiceDemand::instances).containsExactly(2L, 2L, 2L, 1L);
  }

  @Test
  void scenarioAppliesAllOptimizationsAndReplacesInPlace() {
    PlanResult p = plan(PI, OPTIMIZED, 1, Basis.FOOTPRINT, Estimate.HIGH, List.of());
    // app is replaced by app-aot (no optimizations of its own), so "all" applies nothing to it
    assertThat(p.services()).extracting(d -> d.service().id()).containsExactly("db", "app-aot", "web", "sys");
    // per agent: 400 + 65..85 + 80..120 = 545..605; total 40..60 + 545..605 = 585..665
    assertThat(p.total()).isEqualTo(mib(585, 665));
  }

  @Test
  void namedOptimizationsApplyOnlyThemselves() {
    PlanResult p = plan(PI, GC_ONLY, 1, Basis.FOOTPRINT, Estimate.HIGH, List.of());
    // app: runtime 90..140 − 5 = 85..135, cache 10..20 → 95..155
    assertThat(p.services().get(1).memory()).isEqualTo(mib(95, 155));
    assertThat(p.services().get(1).footprint()).isEqualTo(mib(100, 160));
    assertThat(p.services().get(1).applied()).extracting(o -> o.id()).containsExactly("gc");
  }

  @Test
  void adHocApplyAddsToTheScenario() {
    PlanResult p = plan(PI, GC_ONLY, 1, Basis.FOOTPRINT, Estimate.HIGH, List.of("cache"));
    // runtime 85..135, cache max(0, 10 − 15)..20 − 15 = 0..5 → 85..140
    assertThat(p.services().get(1).memory()).isEqualTo(mib(85, 140));
  }

  @Test
  void applyAllAppliesEveryOptimization() {
    PlanResult p = plan(PI, Scenario.CURRENT, 1, Basis.FOOTPRINT, Estimate.HIGH, List.of("all"));
    assertThat(p.services().get(1).memory()).isEqualTo(mib(85, 140));
  }

  @Test
  void unknownOptimizationIsRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> plan(PI, Scenario.CURRENT, 1, Basis.FOOTPRINT, Estimate.HIGH, List.of("gcc")))
        .isInstanceOf(UnknownIdException.class)
        .satisfies(e -> assertThat(((UnknownIdException) e).known()).containsExactly("gc", "cache"));
  }

  @Test
  void addAndRemoveChangeTheServices() {
    Scenario sc = new Scenario("lean", false, List.of(), Map.of(), List.of("extra"), List.of(), List.of("web"), null,
        Fixtures.HERE);
    Stack st = stack("s2", List.of("db", "app", "web"), List.of("sys"), sc);
    Planner pl = new Planner(catalog(List.of(PI), List.of(DB, APP, APP_AOT, WEB, SYS, EXTRA), List.of(st)));
    PlanResult p = pl.plan(new PlanRequest(PI, st, sc, 2, Basis.FOOTPRINT, Estimate.HIGH, List.of()));
    assertThat(p.services()).extracting(d -> d.service().id()).containsExactly("db", "app", "sys", "extra");
    // per agent 400 + 100..160 + 10 = 510..570; total 40..60 + 2 × 510..570 = 1060..1200
    assertThat(p.total()).isEqualTo(mib(1060, 1200));
  }

  @Test
  void limitsBasisUsesLimitsAndFallsBackToTheFootprintSayingSo() {
    Service db = Fixtures.withLimits(DB, 80L, 64L);
    Stack st = stack("s3", List.of("db", "web"), List.of());
    Planner pl = new Planner(catalog(List.of(PI), List.of(db, WEB), List.of(st)));
    PlanResult p = pl.plan(new PlanRequest(PI, st, null, 1, Basis.LIMITS, Estimate.HIGH, List.of()));
    // db at its 80 MiB limit, web has none: 80..120 footprint → 160..200
    assertThat(p.total()).isEqualTo(mib(160, 200));
    assertThat(p.notes()).containsExactly("web: no memory limit; the footprint is used");
    PlanResult r = pl.plan(new PlanRequest(PI, st, null, 1, Basis.RESERVATIONS, Estimate.HIGH, List.of()));
    // 64 + 80..120 = 144..184
    assertThat(r.total()).isEqualTo(mib(144, 184));
  }

  @Test
  void lowEstimateDecidesTheStatusFromTheLowEnd() {
    Host h = host("h", 1000, 0);
    Stack st = stack("s4", List.of("web"), List.of());
    Planner pl = new Planner(catalog(List.of(h), List.of(WEB), List.of(st)));
    // web 80..120 × 8 = 640..960: high 960 / 1000 = 0.96 critical, low 640 / 1000 = 0.64 ok
    assertThat(pl.plan(new PlanRequest(h, st, null, 8, Basis.FOOTPRINT, Estimate.HIGH, List.of())).status())
        .isEqualTo(Status.CRITICAL);
    PlanResult low = pl.plan(new PlanRequest(h, st, null, 8, Basis.FOOTPRINT, Estimate.LOW, List.of()));
    assertThat(low.status()).isEqualTo(Status.OK);
    // max agents by the low end: 900 / 80 = 11.25 → 11; by the high end 900 / 120 = 7.5 → 7
    assertThat(low.maxAgents()).contains(11L);
    assertThat(pl.plan(new PlanRequest(h, st, null, 8, Basis.FOOTPRINT, Estimate.HIGH, List.of())).maxAgents()).contains(7L);
  }

  @Test
  void cpuAboveAvailableCoresRaisesOkToWarn() {
    Host h = Fixtures.withCpu(host("h", 4096, 0), "4", "0.5");
    // 10 MiB each, so memory stays ok (36 × 10 = 360 MiB of 4096)
    Service a = Fixtures.withCpu(service("a", 10), "0.1");
    Stack st = stack("s5", List.of("a"), List.of());
    Planner pl = new Planner(catalog(List.of(h), List.of(a), List.of(st)));
    // 35 × 0.1 = 3.5 cores exactly: not over
    PlanResult at = pl.plan(new PlanRequest(h, st, null, 35, Basis.FOOTPRINT, Estimate.HIGH, List.of()));
    assertThat(at.cpuTotal()).isEqualTo(Cpu.of("3.5"));
    assertThat(at.status()).isEqualTo(Status.OK);
    // 36 × 0.1 = 3.6 > 3.5: 0.1 over → warn
    PlanResult over = pl.plan(new PlanRequest(h, st, null, 36, Basis.FOOTPRINT, Estimate.HIGH, List.of()));
    assertThat(over.cpuOver()).isEqualTo(Cpu.of("0.1"));
    assertThat(over.status()).isEqualTo(Status.WARN);
    assertThat(over.notes()).anyMatch(n -> n.startsWith("CPU: 3.6 cores asked for, 3.5 available (0.1 over)"));
  }

  @Test
  void eightyTimesATenthOfACoreIsExactlyEight() {
    Host h = Fixtures.withCpu(host("h", 100_000, 0), "8", "0");
    Service a = Fixtures.withCpu(service("a", 1), "0.1");
    Stack st = stack("s6", List.of("a"), List.of());
    PlanResult p = new Planner(catalog(List.of(h), List.of(a), List.of(st)))
        .plan(new PlanRequest(h, st, null, 80, Basis.FOOTPRINT, Estimate.HIGH, List.of()));
    assertThat(p.cpuTotal()).isEqualTo(Cpu.of("8"));
    assertThat(p.cpuOver()).isEqualTo(Cpu.ZERO);
  }

  @Test
  void gpuMemoryBoundsStatusAndMaxAgents() {
    Host h = Fixtures.withGpu(host("h", 100_000, 0), 16 * 1024);
    Service ml = Fixtures.withGpu(service("ml", 100), 4 * 1024);
    Stack st = stack("s7", List.of("ml"), List.of());
    Planner pl = new Planner(catalog(List.of(h), List.of(ml), List.of(st)));
    // 4 agents × 4 GiB = 16 GiB = 100 % of the GPU: critical
    PlanResult p = pl.plan(new PlanRequest(h, st, null, 4, Basis.FOOTPRINT, Estimate.HIGH, List.of()));
    assertThat(p.gpuStatus()).isEqualTo(Status.CRITICAL);
    assertThat(p.status()).isEqualTo(Status.CRITICAL);
    // memory allows 0.9 × 100000 / 100 = 900; GPU 0.9 × 16 / 4 = 3.6 → 3
    assertThat(p.maxAgents()).contains(3L);
    // without a GPU, GPU demand overflows and nothing fits
    Host noGpu = host("n", 100_000, 0);
    PlanResult q = pl.plan(new PlanRequest(noGpu, st, null, 1, Basis.FOOTPRINT, Estimate.HIGH, List.of()));
    assertThat(q.status()).isEqualTo(Status.OVERFLOW);
    assertThat(q.maxAgents()).contains(0L);
    assertThat(q.notes()).anyMatch(n -> n.contains("has no GPU"));
  }

  @Test
  void onlySharedServicesMeanUnboundedAgents() {
    Stack st = stack("s8", List.of(), List.of("sys"));
    PlanResult p = new Planner(catalog(List.of(PI), List.of(SYS), List.of(st)))
        .plan(new PlanRequest(PI, st, null, 3, Basis.FOOTPRINT, Estimate.HIGH, List.of()));
    assertThat(p.maxAgents()).isEmpty();
    assertThat(p.total()).isEqualTo(mib(40, 60));
  }

  @Test
  void matrixHasOneCellPerScenarioHostAndAgentCount() {
    Host big = host("big", 4096, 96); // 4000 available
    MatrixResult m = planner.matrix(List.of(PI, big), STACK, List.of(Scenario.CURRENT, OPTIMIZED), 3, Basis.FOOTPRINT,
        Estimate.HIGH, List.of());
    assertThat(m.demands()).hasSize(2);
    assertThat(m.maxAgentsFit()).hasSize(2 * 2);
    // current on big with 3 agents: 60 + 3 × 680 = 2100 of 4000 = 52.5 %
    Evaluation c = m.cell(Scenario.CURRENT, big, 3);
    assertThat(c.total().high()).isEqualTo(mib(2100));
    assertThat(c.utilizationHigh()).isEqualByComparingTo("0.525");
    // max agents on big: (3600 − 60) / 680 = 5.2 → 5
    assertThat(m.maxAgents(Scenario.CURRENT, big)).contains(5L);
    // optimized per agent high 605: (3600 − 60) / 605 = 5.85 → 5
    assertThat(m.maxAgents(OPTIMIZED, big)).contains(5L);
  }

  @Test
  void everyMatrixCellIsThePlanOfTheSameCase() {
    Host big = Fixtures.withCpu(host("big", 4096, 96), "2", "0");
    List<Scenario> scenarios = List.of(Scenario.CURRENT, OPTIMIZED, GC_ONLY);
    for (Estimate e : Estimate.values()) {
      MatrixResult m = planner.matrix(List.of(PI, big), STACK, scenarios, 6, Basis.FOOTPRINT, e, List.of());
      for (Scenario sc : scenarios) {
        for (Host h : List.of(PI, big)) {
          for (long n = 1; n <= 6; n++) {
            PlanResult p = plan(h, sc, n, Basis.FOOTPRINT, e, List.of());
            assertThat(m.cell(sc, h, n)).isEqualTo(p.evaluation());
          }
          assertThat(m.maxAgents(sc, h)).isEqualTo(plan(h, sc, 1, Basis.FOOTPRINT, e, List.of()).maxAgents());
        }
      }
    }
  }

  @Test
  void aMatrixNobodyCouldReadIsRefusedBeforeAnythingIsComputed() {
    // 2 scenarios × 1 host × 200,000 agent counts = 400,000 cells > 250,000
    assertThatThrownBy(() -> planner.matrix(List.of(PI), STACK, List.of(Scenario.CURRENT, OPTIMIZED), 200_000,
            Basis.FOOTPRINT, Estimate.HIGH, List.of()))
        .isInstanceOf(TooLargeException.class)
        .hasMessageStartingWith("a matrix of 400000 cells (2 scenarios × 1 hosts × 200000 agent counts)");
  }

  @Test
  void matrixAppliesAnIdOnlyWhereAScenarioHasIt() {
    Scenario noApp = scenario("no-app", false, List.of(), Map.of("app", "app-aot"));
    Stack st = stack("s9", List.of("db", "app", "web"), List.of("sys"), noApp);
    Planner pl = new Planner(catalog(List.of(PI), List.of(DB, APP, APP_AOT, WEB, SYS), List.of(st)));
    MatrixResult m = pl.matrix(List.of(PI), st, List.of(Scenario.CURRENT, noApp), 1, Basis.FOOTPRINT, Estimate.HIGH,
        List.of("gc"));
    // current: app 100..160 − 5 = 95..155; per agent 400 + 95..155 + 80..120 = 575..675, + sys 40..60
    assertThat(m.cell(Scenario.CURRENT, PI, 1).total()).isEqualTo(mib(615, 735));
    assertThat(m.demands().get(1).notes()).containsExactly("--apply gc: no service of scenario no-app has it");
    // an id no scenario has is refused
    assertThatThrownBy(() -> pl.matrix(List.of(PI), st, List.of(noApp), 1, Basis.FOOTPRINT, Estimate.HIGH, List.of("gc")))
        .isInstanceOf(UnknownIdException.class)
        .hasMessage("unknown optimization 'gc' in scenario no-app");
  }

  @Test
  void aServiceRangeSurvivesIntoTheTotalUnchanged() {
    Range r = plan(1).services().get(2).totalMemory();
    assertThat(r).isEqualTo(mib(80, 120));
  }
}
