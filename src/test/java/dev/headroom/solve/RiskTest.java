package dev.headroom.solve;

import static dev.headroom.solve.Fixtures.catalog;
import static dev.headroom.solve.Fixtures.component;
import static dev.headroom.solve.Fixtures.composite;
import static dev.headroom.solve.Fixtures.host;
import static dev.headroom.solve.Fixtures.mib;
import static dev.headroom.solve.Fixtures.service;
import static dev.headroom.solve.Fixtures.stack;
import static dev.headroom.solve.Fixtures.withLimits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.model.Bytes;
import dev.headroom.model.Catalog;
import dev.headroom.model.Estimate;
import dev.headroom.model.Host;
import dev.headroom.model.Range;
import dev.headroom.model.Scenario;
import dev.headroom.model.Service;
import dev.headroom.model.Stack;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.junit.jupiter.api.Test;

/**
 * The Monte-Carlo risk estimate against answers known in closed form, at fixed seeds.
 *
 * <p>Tolerance: an estimated probability p̂ of n samples has standard error sqrt(p(1 − p)/n); each
 * check allows 4 of them (plus 1e-12 for p = 0 or 1). At a fixed seed the outcome is fixed, so a
 * check cannot be flaky; with a fresh seed a correct sampler would fail one such check about once in
 * 16,000 (two-sided normal tail beyond 4σ: 6.3e-5).
 */
class RiskTest {

  private static final int N = 100_000;
  private static final long W = Bytes.MIB; // width of the unit ranges: sums are in units of 1 MiB

  /** A stack of per-agent services, one range each, for one agent; the simulation of its total. */
  private static Simulation simulate(List<Range> ranges, RiskOptions o) {
    return Simulation.run(demand(ranges), 1, o);
  }

  @Test
  void progressIsToldOfEverySampleAndChangesNoFigure() {
    // 100,001 samples: one report at 65,536, the rest (34,465) at the end
    for (boolean correlated : new boolean[] {false, true}) {
      RiskOptions o = new RiskOptions(100_001, 7, Distribution.PERT, correlated);
      long[] told = new long[2];
      Simulation quiet = simulate(unitRanges(3), o);
      Simulation watched = simulate(unitRanges(3), o.withProgress(n -> {
        told[0] += n;
        told[1]++;
      }));
      assertThat(told[0]).isEqualTo(100_001);
      assertThat(told[1]).isEqualTo(2);
      for (int p : new int[] {1, 50, 95, 99}) {
        assertThat(watched.quantile(p)).isEqualTo(quiet.quantile(p));
      }
    }
  }

  private static StackDemand demand(List<Range> ranges) {
    List<Service> services = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < ranges.size(); i++) {
      services.add(service("s" + i, ranges.get(i)));
      ids.add("s" + i);
    }
    Stack st = stack("st", ids, List.of());
    Catalog c = catalog(List.of(host("h", 1024, 0)), services, List.of(st));
    return new Planner(c).demand(st, Scenario.CURRENT, Basis.FOOTPRINT, List.of(), true);
  }

  /** n ranges [0, 1 MiB]: the total in MiB is the sum of n standard uniforms. */
  private static List<Range> unitRanges(int n) {
    List<Range> r = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      r.add(new Range(Bytes.ZERO, Bytes.of(W)));
    }
    return r;
  }

  private static RiskOptions options(Distribution d, boolean correlated, long seed) {
    return new RiskOptions(N, seed, d, correlated);
  }

  /** P(total > x MiB), with x in MiB as a decimal. */
  private static Probability above(Simulation s, String mib) {
    return s.above(new BigDecimal(mib).multiply(BigDecimal.valueOf(W)));
  }

  private static void assertNear(Probability p, double expected) {
    double se = Math.sqrt(expected * (1 - expected) / p.samples());
    assertThat(p.estimate()).as("P(total > %s) of %d samples", p.threshold(), p.samples())
        .isCloseTo(expected, within(4 * se + 1e-12));
    assertThat(p.certain()).isFalse();
  }

  /**
   * The Irwin-Hall CDF, P(U1 + ... + Un ≤ x) = (1/n!) Σ_{k=0}^{⌊x⌋} (−1)^k C(n, k) (x − k)^n, in
   * doubles (n ≤ 10: every term below 10^10, so the sum keeps 6 digits to spare).
   */
  private static double irwinHall(int n, double x) {
    double sum = 0;
    double binom = 1;
    for (int k = 0; k <= Math.floor(x) && k <= n; k++) {
      sum += (k % 2 == 0 ? 1 : -1) * binom * Math.pow(x - k, n);
      binom = binom * (n - k) / (k + 1);
    }
    double factorial = 1;
    for (int i = 2; i <= n; i++) {
      factorial *= i;
    }
    return sum / factorial;
  }

  // ------------------------------------------------------------------ independent uniform: Irwin-Hall

  @Test
  void oneUniformRange() {
    Simulation s = simulate(unitRanges(1), RiskOptions.DEFAULT);
    // P(U > x) = 1 − x
    assertNear(above(s, "0.25"), 0.75);
    assertNear(above(s, "0.5"), 0.5);
    assertNear(above(s, "0.9"), 0.1);
    assertNear(above(s, "0.99"), 0.01);
  }

  @Test
  void twoUniformRanges() {
    Simulation s = simulate(unitRanges(2), RiskOptions.DEFAULT);
    // F(x) = x²/2 on [0, 1]: P(S > 0.5) = 1 − 0.125 = 0.875
    assertNear(above(s, "0.5"), 0.875);
    // F(1) = 1/2
    assertNear(above(s, "1"), 0.5);
    // F(x) = 1 − (2 − x)²/2 on [1, 2]: P(S > 1.5) = 0.25²·2 = (0.5)²/2 = 0.125
    assertNear(above(s, "1.5"), 0.125);
    // P(S > 1.9) = 0.1²/2 = 0.005
    assertNear(above(s, "1.9"), 0.005);
  }

  @Test
  void threeUniformRanges() {
    Simulation s = simulate(unitRanges(3), RiskOptions.DEFAULT);
    // F(x) = x³/6 on [0, 1]: P(S > 0.9) = 1 − 0.729/6 = 1 − 0.1215 = 0.8785
    assertNear(above(s, "0.9"), 0.8785);
    // F(x) = (−2x³ + 9x² − 9x + 3)/6 on [1, 2]: at 1.5, (−6.75 + 20.25 − 13.5 + 3)/6 = 3/6 = 1/2
    assertNear(above(s, "1.5"), 0.5);
    // at 1.2: (−3.456 + 12.96 − 10.8 + 3)/6 = 1.704/6 = 0.284: P = 0.716
    assertNear(above(s, "1.2"), 0.716);
    // F(x) = 1 − (3 − x)³/6 on [2, 3]: P(S > 2.5) = 0.125/6 = 0.0208333...
    assertNear(above(s, "2.5"), 0.125 / 6);
    assertThat(irwinHall(3, 1.2)).isCloseTo(0.284, within(1e-12));
  }

  @Test
  void tenUniformRanges() {
    Simulation s = simulate(unitRanges(10), RiskOptions.DEFAULT);
    // symmetric about 5: P(S > 5) = 1/2
    assertNear(above(s, "5"), 0.5);
    // F(6) = (1/10!) [6^10 − 10·5^10 + 45·4^10 − 120·3^10 + 210·2^10 − 252·1^10]
    //      = (60466176 − 97656250 + 47185920 − 7085880 + 215040 − 252) / 3628800
    //      = 3124754 / 3628800 = 0.86110...
    assertThat(irwinHall(10, 6)).isCloseTo(3124754.0 / 3628800, within(1e-12));
    assertNear(above(s, "6"), 1 - 3124754.0 / 3628800);
    assertNear(above(s, "7"), 1 - irwinHall(10, 7));
    assertNear(above(s, "4.2"), 1 - irwinHall(10, 4.2));
  }

  @Test
  void irwinHallQuantilesWithinTheirStandardError() {
    Simulation s = simulate(unitRanges(2), RiskOptions.DEFAULT);
    // two uniforms: the p-quantile above 1 solves (2 − x)²/2 = 1 − p: x = 2 − sqrt(2(1 − p))
    // the standard error of a sample quantile is sqrt(p(1 − p)/n) / f(x), f(x) = 2 − x above 1
    for (int percent : new int[] {50, 95, 99}) {
      double p = percent / 100.0;
      double x = 2 - Math.sqrt(2 * (1 - p));
      double se = Math.sqrt(p * (1 - p) / N) / (2 - x);
      double got = (double) s.quantile(percent).value() / W;
      assertThat(got).as("p%d", percent).isCloseTo(x, within(4 * se + 1.0 / W));
    }
  }

  // ------------------------------------------------------------------ constants are exact

  @Test
  void aConstantStackIsCertain() {
    // 100 + 200 + 300 = 600 MiB, every range a single value: no draw, every answer exact
    Simulation s = simulate(List.of(Range.exactly(mib(100)), Range.exactly(mib(200)), Range.exactly(mib(300))),
        RiskOptions.DEFAULT);
    assertThat(s.drawsPerSample()).isZero();
    Probability below = above(s, "599.999");
    assertThat(below.count()).isEqualTo(N);
    assertThat(below.certain()).isTrue();
    assertThat(below.fraction()).isEqualByComparingTo("1");
    // exactly at the threshold is not above it
    Probability at = above(s, "600");
    assertThat(at.count()).isZero();
    assertThat(at.certain()).isTrue();
    assertThat(at.low95()).isZero();
    assertThat(at.high95()).isZero();
    assertThat(s.quantile(50)).isEqualTo(mib(600));
    assertThat(s.quantile(99)).isEqualTo(mib(600));
  }

  @Test
  void thresholdsOutsideTheRangeAreCertainWhateverTheShape() {
    for (Distribution d : Distribution.values()) {
      Simulation s = simulate(unitRanges(3), options(d, false, 7));
      // the total lies in [0, 3] MiB
      assertThat(above(s, "3").count()).isZero();
      assertThat(above(s, "3").certain()).isTrue();
      assertThat(above(s, "-0.001").count()).isEqualTo(N);
      assertThat(above(s, "-0.001").certain()).isTrue();
      assertThat(above(s, "0").certain()).isFalse();
    }
  }

  // ------------------------------------------------------------------ correlated

  @Test
  void correlatedUniformRangesMakeAUniformTotal() {
    // 100..200 + 50..250 + 10..20 MiB, all at one quantile: uniform on [160, 470] MiB
    Simulation s = simulate(List.of(mib(100, 200), mib(50, 250), mib(10, 20)), options(Distribution.UNIFORM, true, 1));
    assertThat(s.drawsPerSample()).isEqualTo(1);
    // P(total > 400) = (470 − 400) / (470 − 160) = 70/310
    assertNear(above(s, "400"), 70.0 / 310);
    // P(total > 200) = 270/310
    assertNear(above(s, "200"), 270.0 / 310);
    // the p95 is 160 + 0.95 × 310 = 454.5 MiB; standard error sqrt(0.95 × 0.05 / n) × 310 MiB
    double se = Math.sqrt(0.95 * 0.05 / N) * 310;
    assertThat((double) s.quantile(95).value() / W).isCloseTo(454.5, within(4 * se));
  }

  @Test
  void correlationWidensTheTail() {
    // ten ranges 0..1 MiB: independent, P(S > 8) = 1 − F(8) is about 1.1e-4; correlated it is 2/10
    Simulation ind = simulate(unitRanges(10), RiskOptions.DEFAULT);
    Simulation cor = simulate(unitRanges(10), options(Distribution.UNIFORM, true, 42));
    assertNear(above(ind, "8"), 1 - irwinHall(10, 8));
    assertNear(above(cor, "8"), 0.2);
  }

  // ------------------------------------------------------------------ triangular and PERT

  /** Mean and variance of the samples of one range [a, a + w] against the shape's. */
  private static void assertMoments(Distribution d, double meanFraction, double varianceFraction) {
    // a 1000 MiB range from 500 MiB: the excess over 500 MiB is w × X with X on [0, 1]
    Simulation s = simulate(List.of(mib(500, 1500)), options(d, false, 3));
    double w = 1000.0 * W;
    double[] x = s.excess();
    double sum = 0;
    for (double v : x) {
      sum += v / w;
    }
    double mean = sum / x.length;
    double ss = 0;
    for (double v : x) {
      ss += (v / w - mean) * (v / w - mean);
    }
    double variance = ss / (x.length - 1);
    // standard error of the mean sqrt(σ²/n); of the variance σ² sqrt((κ − 1)/n) with kurtosis κ ≤ 3
    assertThat(mean).as("%s mean", d).isCloseTo(meanFraction, within(4 * Math.sqrt(varianceFraction / N)));
    assertThat(variance).as("%s variance", d).isCloseTo(varianceFraction, within(4 * varianceFraction * Math.sqrt(2.0 / N)));
  }

  @Test
  void shapesHaveTheirMeansAndVariances() {
    // uniform on [0, 1]: mean 1/2, variance 1/12
    assertMoments(Distribution.UNIFORM, 0.5, 1.0 / 12);
    // triangular (0, 1/2, 1): mean (0 + 1/2 + 1)/3 = 1/2, variance (a² + b² + c² − ab − ac − bc)/18
    //   = (0 + 1/4 + 1 − 0 − 0 − 1/2)/18 = (3/4)/18 = 1/24
    assertMoments(Distribution.TRIANGULAR, 0.5, 1.0 / 24);
    // PERT, Beta(3, 3): mean α/(α + β) = 1/2, variance αβ/((α + β)²(α + β + 1)) = 9/(36 × 7) = 1/28
    assertMoments(Distribution.PERT, 0.5, 1.0 / 28);
  }

  @Test
  void shapesHaveTheirQuantiles() {
    // the p95 of the total 500 + 1000 × X MiB; the sample quantile's standard error is
    // sqrt(p(1 − p)/n) / f(x) for the density f of X
    double p = 0.95;
    // triangular: f(x) = 4(1 − x) above the mode, so 1 − F(x) = 2(1 − x)² = 0.05 and
    // x = 1 − sqrt(0.025) = 0.841886...
    double tri = 1 - Math.sqrt(0.025);
    checkQuantile(Distribution.TRIANGULAR, tri, 4 * (1 - tri));
    // PERT: Commons Math's Beta(3, 3) inverse CDF, f(x) = 30x²(1 − x)²
    double pert = new BetaDistribution(3, 3).inverseCumulativeProbability(p);
    checkQuantile(Distribution.PERT, pert, 30 * pert * pert * (1 - pert) * (1 - pert));
  }

  private static void checkQuantile(Distribution d, double x, double density) {
    Simulation s = simulate(List.of(mib(500, 1500)), options(d, false, 11));
    double se = Math.sqrt(0.95 * 0.05 / N) / density;
    double got = ((double) s.quantile(95).value() / W - 500) / 1000;
    assertThat(got).as("%s p95", d).isCloseTo(x, within(4 * se));
  }

  // ------------------------------------------------------------------ seeds

  @Test
  void theSameSeedGivesTheSameFigures() {
    for (Distribution d : Distribution.values()) {
      RiskOptions o = options(d, false, 12345);
      Simulation a = simulate(unitRanges(4), o);
      Simulation b = simulate(unitRanges(4), o);
      assertThat(a.excess()).isEqualTo(b.excess());
    }
  }

  @Test
  void differentSeedsGiveDifferentButConsistentFigures() {
    Simulation a = simulate(unitRanges(3), options(Distribution.UNIFORM, false, 1));
    Simulation b = simulate(unitRanges(3), options(Distribution.UNIFORM, false, 2));
    assertThat(a.excess()).isNotEqualTo(b.excess());
    // both within 4 standard errors of F(1.2) = 0.284
    assertNear(above(a, "1.2"), 0.716);
    assertNear(above(b, "1.2"), 0.716);
    // and of each other: the difference of two independent estimates has variance 2p(1 − p)/n
    double diff = above(a, "1.2").estimate() - above(b, "1.2").estimate();
    assertThat(Math.abs(diff)).isLessThan(4 * Math.sqrt(2 * 0.716 * 0.284 / N));
  }

  @Test
  void splitMixIsTheAlgorithmOfSplittableRandom() {
    for (long seed : new long[] {0, 42, -7, Long.MAX_VALUE}) {
      SplitMix64 ours = new SplitMix64(seed);
      java.util.SplittableRandom jdk = new java.util.SplittableRandom(seed);
      for (int i = 0; i < 1000; i++) {
        assertThat(ours.nextDouble()).isEqualTo(jdk.nextDouble());
      }
    }
  }

  // ------------------------------------------------------------------ what is drawn

  @Test
  void eachComponentOfEachInstanceIsDrawn() {
    // app: two ranged components and a constant one; 3 agents: 2 × 3 = 6 draws; sys (shared): 1
    Service app = composite("app", component("runtime", mib(90, 140)), component("cache", mib(10, 20)),
        component("fixed", mib(5, 5)));
    Service sys = service("sys", mib(40, 60));
    Stack st = stack("st", List.of("app"), List.of("sys"));
    Catalog c = catalog(List.of(host("h", 1024, 0)), List.of(app, sys), List.of(st));
    StackDemand d = new Planner(c).demand(st, Scenario.CURRENT, Basis.FOOTPRINT, List.of(), true);
    assertThat(Simulation.pieces(d, 3).draws(false)).isEqualTo(7);
    assertThat(Simulation.pieces(d, 3).draws(true)).isEqualTo(1);
    // 0 agents: the shared service alone
    assertThat(Simulation.pieces(d, 0).draws(false)).isEqualTo(1);
    // total 40..60 + 3 × 105..165 = 355..555 MiB
    assertThat(Simulation.pieces(d, 3).total()).isEqualTo(mib(355, 555));
  }

  @Test
  void aContainerLimitIsOneValue() {
    // --basis limits: app's 128 MiB limit replaces its two ranged components; sys has no limit
    Service app = withLimits(composite("app", component("runtime", mib(90, 140)), component("cache", mib(10, 20))), 128L,
        null);
    Service sys = service("sys", mib(40, 60));
    Stack st = stack("st", List.of("app"), List.of("sys"));
    Catalog c = catalog(List.of(host("h", 1024, 0)), List.of(app, sys), List.of(st));
    StackDemand d = new Planner(c).demand(st, Scenario.CURRENT, Basis.LIMITS, List.of(), true);
    assertThat(Simulation.pieces(d, 2).draws(false)).isEqualTo(1);
    assertThat(Simulation.pieces(d, 2).total()).isEqualTo(mib(296, 316));
  }

  @Test
  void tooManyDrawsAreRefusedBeforeAnyIsMade() {
    StackDemand d = demand(unitRanges(1));
    // one per-agent range × 100,000 agents × 10,000,000 samples = 10^12 draws
    RiskOptions o = new RiskOptions(RiskOptions.MAX_SAMPLES, 1, Distribution.UNIFORM, false);
    assertThatThrownBy(() -> Simulation.run(d, 100_000, o)).isInstanceOf(TooLargeException.class)
        .hasMessageContaining("1000000000000 draws");
    // correlated, one draw per sample whatever the agent count
    RiskOptions cor = new RiskOptions(1000, 1, Distribution.UNIFORM, true);
    assertThat(Simulation.run(d, 100_000, cor).drawsPerSample()).isEqualTo(1);
  }

  @Test
  void samplesOutsideTheBoundsAreRefused() {
    assertThatThrownBy(() -> new RiskOptions(99, 1, Distribution.UNIFORM, false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RiskOptions(RiskOptions.MAX_SAMPLES + 1, 1, Distribution.UNIFORM, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ------------------------------------------------------------------ plans and matrices

  @Test
  void aPlanAndTheRowOfAMatrixAgree() {
    Service db = service("db", mib(300, 400));
    Service web = service("web", mib(80, 120));
    Stack st = stack("st", List.of("db", "web"), List.of());
    Host a = host("a", 1024, 0);
    Host b = host("b", 2048, 0);
    Catalog c = catalog(List.of(a, b), List.of(db, web), List.of(st));
    Planner planner = new Planner(c);
    RiskOptions o = new RiskOptions(5000, 9, Distribution.TRIANGULAR, false);
    MatrixResult m = planner.matrix(List.of(a, b), st, List.of(Scenario.CURRENT), 3, Basis.FOOTPRINT, Estimate.HIGH,
        List.of());
    MatrixRisk mr = Risk.matrix(m, o);
    for (Host h : List.of(a, b)) {
      for (long n = 1; n <= 3; n++) {
        PlanResult p = planner.plan(new PlanRequest(h, st, Scenario.CURRENT, n, Basis.FOOTPRINT, Estimate.HIGH, List.of()));
        assertThat(mr.cell(Scenario.CURRENT, h, n)).isEqualTo(Risk.plan(p, o));
      }
    }
    // 2 agents on a (1024 MiB): total 760..1040; warn 819.2, critical 921.6, overflow 1024 all inside
    RiskResult r = mr.cell(Scenario.CURRENT, a, 2);
    assertThat(r.overWarn().estimate()).isGreaterThan(r.overCritical().estimate());
    assertThat(r.overCritical().estimate()).isGreaterThan(r.overflow().estimate());
    assertThat(r.overflow().certain()).isFalse();
  }
}
