package dev.headroom.solve;

import static dev.headroom.solve.Fixtures.HERE;
import static dev.headroom.solve.Fixtures.catalog;
import static dev.headroom.solve.Fixtures.host;
import static dev.headroom.solve.Fixtures.mib;
import static dev.headroom.solve.Fixtures.service;
import static dev.headroom.solve.Fixtures.stack;
import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.model.Catalog;
import dev.headroom.model.Claim;
import dev.headroom.model.Estimate;
import dev.headroom.model.Host;
import dev.headroom.model.Range;
import dev.headroom.model.Scenario;
import dev.headroom.model.Stack;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link Report} and {@link HostChoice}: the host to choose per agent count, and claims checked. */
class ReportTest {

  private static Host costed(Host h, String cost) {
    return new Host(h.id(), h.name(), h.arch(), h.memoryTotal(), h.memoryReserved(), h.swap(), h.cpu(), h.gpu(),
        h.thresholds(), cost == null ? null : new BigDecimal(cost), h.source(), h.origin());
  }

  @Test
  void theCheapestHostWhenEveryOneHasACost() {
    Host small = costed(host("small", 1024, 0), "0.50");
    Host big = costed(host("big", 8192, 0), "0.20");
    Host twin = costed(host("twin", 4096, 0), "0.20");
    // 0.20 < 0.50: big or twin; equal costs, so the smaller memory: twin (4 GiB) before big (8 GiB)
    assertThat(HostChoice.preferred(List.of(small, big, twin))).contains(twin);
  }

  @Test
  void theSmallestHostWhenAnyCostIsMissing() {
    Host pi = host("pi", 4096, 0);
    Host cloud = costed(host("cloud", 16384, 0), "0.10");
    Host cloud2 = costed(host("cloud2", 4096, 0), "0.30");
    // pi has no cost: costs cannot be compared, so the least memory: pi and cloud2 (4 GiB both),
    // then the cheaper where both have one, a host without a cost last: cloud2
    assertThat(HostChoice.preferred(List.of(cloud, pi, cloud2))).contains(cloud2);
    assertThat(HostChoice.preferred(List.of(cloud, pi))).contains(pi);
    assertThat(HostChoice.preferred(List.of())).isEmpty();
  }

  private static final Host ZERO = host("zero", 512, 80); // 432 MiB available
  private static final Host FOUR = host("four", 4096, 80); // 4016 MiB available

  private static Catalog catalogWith(Stack s) {
    return catalog(List.of(ZERO, FOUR), List.of(service("app", 200), service("os", 40)), List.of(s));
  }

  @Test
  void picksRunByAgentCount() {
    Stack s = stack("st", List.of("app"), List.of("os"));
    // total(N) = 40 + 200 N; zero fits while ≤ 0.9 × 432 = 388.8 MiB: N = 1 (240); four while ≤ 3614.4: N ≤ 17 (3440)
    Report r = Report.build(catalogWith(s), List.of(ZERO, FOUR), s, List.of(Scenario.CURRENT), 20, Basis.FOOTPRINT,
        Estimate.HIGH, List.of(), RiskOptions.DEFAULT);
    assertThat(r.pick(Scenario.CURRENT, 1)).contains(ZERO);
    assertThat(r.pick(Scenario.CURRENT, 2)).contains(FOUR);
    assertThat(r.runs(Scenario.CURRENT)).containsExactly(
        new Report.Run(1, 1, ZERO), new Report.Run(2, 17, FOUR), new Report.Run(18, 20, null));
    // one agent more than fit: 2 on zero (440 MiB), 18 on four (3640 MiB); no optimization in this catalog
    assertThat(r.advice()).extracting(Report.Advised::agents).containsExactly(2L, 18L);
    assertThat(r.advice()).allSatisfy(a -> assertThat(a.advice().feasible()).isFalse());
    // the risk of that one more: 440 MiB is above 432 available, certainly
    assertThat(r.risks()).extracting(Report.RiskAt::fit).containsExactly(1L, 17L);
    assertThat(r.risks().get(0).risk().overflow().certain()).isTrue();
  }

  @Test
  void claimsAreCheckedOnTheirOwnHostEvenOutsideTheReport() {
    Stack base = stack("st", List.of("app"), List.of("os"));
    List<Claim> claims = List.of(
        // 2 agents: 40 + 400 = 440 MiB on 432: 101.9 %, overflow; the claim says 440 and "fits"
        new Claim("2 agents fit", "zero", 2, "current", Range.exactly(mib(440)), true, "doc", HERE),
        // 1 agent: 240 MiB, 55.6 %, ok; the claim gives 230..240, within? no: 230 < 240
        new Claim("1 agent: 230-240", "zero", 1, "current", mib(230, 240), null, "doc", HERE),
        // on four, which the report leaves out: 17 agents, 3440 MiB, 85.7 %, warn: fits, as claimed
        new Claim("17 fit on four", "four", 17, "current", null, true, "doc", HERE));
    Stack s = new Stack(base.id(), base.name(), false, base.perAgent(), base.shared(), Map.of(), claims, null, HERE);
    Report r = Report.build(catalogWith(s), List.of(ZERO), s, List.of(Scenario.CURRENT), 2, Basis.FOOTPRINT,
        Estimate.HIGH, List.of(), RiskOptions.DEFAULT);
    assertThat(r.claims()).extracting(Report.ClaimCheck::totalAgrees).containsExactly(true, false, null);
    assertThat(r.claims()).extracting(Report.ClaimCheck::fitsAgrees).containsExactly(false, null, true);
    assertThat(r.claims()).extracting(Report.ClaimCheck::agrees).containsExactly(false, false, true);
    assertThat(r.claims().get(2).computed().status()).isEqualTo(Status.WARN);
    assertThat(r.claims().get(0).computed().total()).isEqualTo(Range.exactly(mib(440)));
    assertThat(Optional.ofNullable(r.claims().get(2).host())).contains(FOUR);
  }
}
