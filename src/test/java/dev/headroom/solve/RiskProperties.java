package dev.headroom.solve;

import static dev.headroom.solve.Fixtures.catalog;
import static dev.headroom.solve.Fixtures.host;
import static dev.headroom.solve.Fixtures.service;
import static dev.headroom.solve.Fixtures.stack;
import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.model.Bytes;
import dev.headroom.model.Catalog;
import dev.headroom.model.Estimate;
import dev.headroom.model.Host;
import dev.headroom.model.Range;
import dev.headroom.model.Scenario;
import dev.headroom.model.Service;
import dev.headroom.model.Stack;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Laws of the risk estimate that hold for any stack, host, seed and shape. */
class RiskProperties {

  @Provide
  Arbitrary<Range> ranges() {
    Arbitrary<Long> low = Arbitraries.longs().between(0, 512 * Bytes.MIB);
    Arbitrary<Long> width = Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(1, 256 * Bytes.MIB));
    return Combinators.combine(low, width).as((l, w) -> new Range(Bytes.of(l), Bytes.of(l + w)));
  }

  private static PlanResult plan(List<Range> perAgent, Range shared, int agents, long hostMib) {
    List<Service> services = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < perAgent.size(); i++) {
      services.add(service("s" + i, perAgent.get(i)));
      ids.add("s" + i);
    }
    services.add(service("shared", shared));
    Stack st = stack("st", ids, List.of("shared"));
    Host h = host("h", hostMib, 0);
    Catalog c = catalog(List.of(h), services, List.of(st));
    return new Planner(c).plan(new PlanRequest(h, st, Scenario.CURRENT, agents, Basis.FOOTPRINT, Estimate.HIGH, List.of()));
  }

  @Property(tries = 200)
  void probabilitiesAreOrderedAndAgreeWithTheExactStatus(
      @ForAll @Size(min = 1, max = 4) List<@From("ranges") Range> perAgent,
      @ForAll("ranges") Range shared,
      @ForAll @IntRange(min = 0, max = 6) int agents,
      @ForAll @IntRange(min = 256, max = 8192) int hostMib,
      @ForAll long seed,
      @ForAll Distribution distribution,
      @ForAll boolean correlated) {
    PlanResult p = plan(perAgent, shared, agents, hostMib);
    RiskResult r = Risk.plan(p, new RiskOptions(200, seed, distribution, correlated));
    // thresholds are ordered (warn ≤ critical ≤ available), so the counts are too
    assertThat(r.overWarn().count()).isGreaterThanOrEqualTo(r.overCritical().count());
    assertThat(r.overCritical().count()).isGreaterThanOrEqualTo(r.overflow().count());
    // the quantiles are ordered and within the exact range
    assertThat(r.p50()).isBetween(p.total().low(), p.total().high());
    assertThat(r.p95()).isBetween(r.p50(), p.total().high());
    assertThat(r.p99()).isBetween(r.p95(), p.total().high());
    // where the high end decides the exact status, the risk says the same with certainty
    Status status = p.memoryStatus();
    if (status.compareTo(Status.OVERFLOW) < 0) {
      assertThat(r.overflow().count()).isZero();
      assertThat(r.overflow().certain()).isTrue();
    }
    if (status.compareTo(Status.CRITICAL) < 0) {
      assertThat(r.overCritical().count()).isZero();
    }
    if (status == Status.OK) {
      assertThat(r.overWarn().count()).isZero();
    }
    // and where even the low end overflows, the overflow is certain
    if (p.total().low().compareTo(p.available()) > 0) {
      assertThat(r.overflow().count()).isEqualTo(200);
      assertThat(r.overflow().certain()).isTrue();
    }
    // the Wilson interval holds the estimate
    for (Probability q : List.of(r.overWarn(), r.overCritical(), r.overflow())) {
      assertThat(q.low95()).isLessThanOrEqualTo(q.estimate());
      assertThat(q.high95()).isGreaterThanOrEqualTo(q.estimate());
    }
  }

  @Property(tries = 50)
  void theSameSeedGivesTheSameResult(
      @ForAll @Size(min = 1, max = 3) List<@From("ranges") Range> perAgent,
      @ForAll("ranges") Range shared,
      @ForAll long seed,
      @ForAll Distribution distribution,
      @ForAll boolean correlated) {
    PlanResult p = plan(perAgent, shared, 2, 1024);
    RiskOptions o = new RiskOptions(300, seed, distribution, correlated);
    assertThat(Risk.plan(p, o)).isEqualTo(Risk.plan(p, o));
  }
}
