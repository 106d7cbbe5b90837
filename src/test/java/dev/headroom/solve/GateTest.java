package dev.headroom.solve;

import static dev.headroom.solve.Fixtures.host;
import static dev.headroom.solve.Fixtures.mib;
import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.model.ComposeProject;
import dev.headroom.model.ComposeService;
import dev.headroom.model.ComposeService.GpuRequest;
import dev.headroom.model.ComposeService.Sourced;
import dev.headroom.model.Cpu;
import dev.headroom.model.Host;
import dev.headroom.model.Origin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per gate rule, the arithmetic in the comments. */
class GateTest {

  private static final Origin AT = new Origin("compose.yaml", 3, 3);

  /** A service: limit and reservation in MiB (null = unset), cpus as text (null = unset). */
  private static ComposeService svc(String name, long replicas, Long limitMib, Long reservationMib, String cpus) {
    return new ComposeService(name, AT, replicas, null, false,
        limitMib == null ? null : new Sourced<>(mib(limitMib), AT),
        reservationMib == null ? null : new Sourced<>(mib(reservationMib), AT),
        cpus == null ? null : new Sourced<>(Cpu.of(cpus), AT), null, null, null, "img", List.of(), List.of());
  }

  private static ComposeService gpu(String name, long replicas, Long gpuMib) {
    return new ComposeService(name, AT, replicas, null, false, new Sourced<>(mib(10), AT), null, null, null,
        new GpuRequest(1, AT), gpuMib == null ? null : new Sourced<>(mib(gpuMib), AT), "img", List.of(), List.of());
  }

  private static ComposeProject project(ComposeService... services) {
    return new ComposeProject("p", List.of("compose.yaml"), Arrays.asList(services), List.of(), List.of(), List.of());
  }

  private static List<Finding> check(ComposeProject p, Host h) {
    return Gate.check(p, h, Gate.Config.DEFAULT).findings();
  }

  private static List<Finding> only(List<Finding> fs, Rule r) {
    return fs.stream().filter(f -> f.rule() == r).toList();
  }

  @Test
  void totalsCountReplicas() {
    // limits 80 × 1 + 128 × 3 = 464; reservations 64 × 1 = 64; cpus 0.5 + 0.8 × 3 = 2.9
    Gate.Totals t = Gate.totals(project(svc("db", 1, 80L, 64L, "0.5"), svc("api", 3, 128L, null, "0.8")));
    assertThat(t.limits()).isEqualTo(mib(464));
    assertThat(t.reservations()).isEqualTo(mib(64));
    assertThat(t.cpus()).isEqualTo(Cpu.of("2.9"));
    assertThat(t.withoutReservation()).isEqualTo(1);
  }

  @Test
  void hr001FlagsEachServiceWithoutALimit() {
    List<Finding> f = only(check(project(svc("a", 1, 80L, null, null), svc("b", 2, null, null, null)), null), Rule.HR001);
    assertThat(f).extracting(Finding::service).containsExactly("b");
    assertThat(f.get(0).severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void hr002ReservationAboveLimitSaysByHowMuch() {
    // 300 − 256 = 44 MiB above
    List<Finding> f = only(check(project(svc("api", 1, 256L, 300L, null)), null), Rule.HR002);
    assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).contains("44 MiB above its limit of 256 MiB"));
  }

  @Test
  void hr003IsErrorAboveAvailableAndCriticalAndWarningAboveWarn() {
    Host h = host("h", 1000, 0); // warn 800 MiB, critical 900 MiB
    // 400 × 2 = 800: exactly warn, ok
    assertThat(only(check(project(svc("a", 2, 400L, null, null)), h), Rule.HR003)).isEmpty();
    // 401 × 2 = 802 > 800: warning
    assertThat(only(check(project(svc("a", 2, 401L, null, null)), h), Rule.HR003)).singleElement()
        .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.WARNING));
    // 451 × 2 = 902 > 900: error (critical)
    assertThat(only(check(project(svc("a", 2, 451L, null, null)), h), Rule.HR003)).singleElement()
        .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.ERROR));
    // 600 × 2 = 1200 > 1000: error, over by 200 MiB
    assertThat(only(check(project(svc("a", 2, 600L, null, null)), h), Rule.HR003)).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("1200 MiB", "over by 200 MiB"));
  }

  @Test
  void hr004ReservationsAboveAvailableCannotStart() {
    Host h = host("h", 512, 80); // 432 available
    // 64 × 7 = 448 > 432: over by 16
    assertThat(only(check(project(svc("a", 7, 80L, 64L, null)), h), Rule.HR004)).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("448 MiB", "over by 16 MiB"));
    // 64 × 6 = 384 ≤ 432
    assertThat(only(check(project(svc("a", 6, 80L, 64L, null)), h), Rule.HR004)).isEmpty();
  }

  @Test
  void hr005CpuLimitsAboveAvailableCores() {
    Host h = Fixtures.withCpu(host("h", 100_000, 0), "4", "0.5"); // 3.5 available
    // 0.5 × 7 = 3.5: not over
    assertThat(only(check(project(svc("a", 7, 10L, null, "0.5")), h), Rule.HR005)).isEmpty();
    // 0.5 × 8 = 4 > 3.5: 0.5 over
    assertThat(only(check(project(svc("a", 8, 10L, null, "0.5")), h), Rule.HR005)).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("4 cores, 0.5 above the 3.5 available"));
  }

  @Test
  void hr006OneServiceAboveTheHostsCores() {
    Host h = Fixtures.withCpu(host("h", 100_000, 0), "4", "0.5");
    // 4 cpus on a 4-core host is allowed (docker compares with the machine's cores, not the reserve)
    assertThat(only(check(project(svc("a", 1, 10L, null, "4")), h), Rule.HR006)).isEmpty();
    assertThat(only(check(project(svc("a", 1, 10L, null, "4.01")), h), Rule.HR006)).hasSize(1);
  }

  @Test
  void hr007ReportsEachComposeRefusal() {
    ComposeProject p = new ComposeProject("p", List.of(), List.of(svc("a", 1, 10L, null, null)), List.of(),
        List.of(new ComposeProject.ComposeError("services.a: can't set distinct values on 'scale' and 'deploy.replicas'", "a", AT)),
        List.of());
    assertThat(only(check(p, null), Rule.HR007)).singleElement()
        .satisfies(x -> assertThat(x.message()).endsWith("can't set distinct values on 'scale' and 'deploy.replicas'"));
  }

  @Test
  void hr008GpuMemoryAgainstTheHostsGpu() {
    Host h = Fixtures.withGpu(host("h", 100_000, 0), 16 * 1024);
    // 4 GiB × 3 = 12 GiB of 16 GiB = 75 %: ok
    assertThat(only(check(project(gpu("ml", 3, 4096L)), h), Rule.HR008)).isEmpty();
    // 4 GiB × 4 = 16 GiB = 100 %: error (above critical 90 %)
    assertThat(only(check(project(gpu("ml", 4, 4096L)), h), Rule.HR008)).singleElement()
        .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.ERROR));
    // unknown GPU memory: warning asking for x-headroom.gpu_memory
    assertThat(only(check(project(gpu("ml", 1, null)), h), Rule.HR008)).singleElement()
        .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.WARNING));
    // no GPU on the host: error
    assertThat(only(check(project(gpu("ml", 1, 1024L)), host("n", 100_000, 0)), Rule.HR008)).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("has no GPU"));
  }

  @Test
  void hr008MoreGpuDevicesThanTheHostHas() {
    Host h = Fixtures.withGpu(host("h", 100_000, 0), 16 * 1024);
    ComposeService two = new ComposeService("ml", AT, 1, null, false, new Sourced<>(mib(10), AT), null, null, null,
        new GpuRequest(2, AT), new Sourced<>(mib(1024), AT), "img", List.of(), List.of());
    // count: 2 on a one-GPU host: docker cannot start it; 1 GiB of 16 GiB is fine otherwise
    assertThat(only(check(project(two), h), Rule.HR008)).singleElement().satisfies(x -> {
      assertThat(x.severity()).isEqualTo(Severity.ERROR);
      assertThat(x.message()).isEqualTo("ml requests 2 GPU devices and h has one: docker cannot start it");
    });
    // count: all is every GPU the host has: one
    ComposeService all = new ComposeService("ml", AT, 1, null, false, new Sourced<>(mib(10), AT), null, null, null,
        new GpuRequest(GpuRequest.ALL, AT), new Sourced<>(mib(1024), AT), "img", List.of(), List.of());
    assertThat(only(check(project(all), h), Rule.HR008)).isEmpty();
  }

  @Test
  void severitiesCanBeChangedOrSwitchedOffAndServicesCanIgnoreARule() {
    ComposeProject p = project(svc("a", 1, null, null, null));
    Gate.Config cfg = new Gate.Config(Map.of(Rule.HR001, Severity.ERROR));
    assertThat(Gate.check(p, null, cfg).findings()).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.ERROR));
    assertThat(Gate.check(p, null, new Gate.Config(Map.of(Rule.HR001, Severity.OFF))).findings()).isEmpty();
    ComposeService ignoring = new ComposeService("a", AT, 1, null, false, null, null, null, null, null, null, "img", List.of(),
        List.of("HR001"));
    assertThat(Gate.check(project(ignoring), null, Gate.Config.DEFAULT).findings()).isEmpty();
  }

  @Test
  void hostRulesDoNotRunWithoutAHost() {
    List<Finding> f = check(project(svc("a", 100, 1000L, 1000L, "64")), null);
    assertThat(f).extracting(Finding::rule).doesNotContain(Rule.HR003, Rule.HR004, Rule.HR005, Rule.HR006, Rule.HR008);
  }

  @Test
  void largestPassingFindsTheBoundaryWithFewChecks() {
    List<Long> asked = new ArrayList<>();
    Gate.Template t = Gate.largestPassing(2, Long.MAX_VALUE, n -> {
      asked.add(n);
      return n <= 37;
    });
    assertThat(t.maxPassing()).isEqualTo(37);
    // doubling 1, 2, 4, 8, 16, 32, 64 then bisection between 32 and 64: 48, 40, 36, 38, 37
    assertThat(asked).hasSizeLessThan(15);
    assertThat(Gate.largestPassing(1, Long.MAX_VALUE, n -> false).maxPassing()).isZero();
    assertThat(Gate.largestPassing(1, Long.MAX_VALUE, n -> true)).satisfies(x -> {
      assertThat(x.maxPassing()).isEqualTo(Gate.MAX_TEMPLATE_AGENTS);
      assertThat(x.capped()).isTrue();
    });
  }

  @Test
  void copiesOfATemplateSayAFindingOnce() {
    Finding a1 = new Finding(Rule.HR101, Severity.ERROR, "agent1", "agent1: heap 128 MiB above 80 MiB", "fix agent1", AT);
    Finding a2 = new Finding(Rule.HR101, Severity.ERROR, "agent2", "agent2: heap 128 MiB above 80 MiB", "fix agent2", AT);
    Finding a12 = new Finding(Rule.HR101, Severity.ERROR, "agent12", "agent12: heap 128 MiB above 80 MiB", "fix agent12", AT);
    // another figure is another finding, even at the same place; so is another service name
    Finding other = new Finding(Rule.HR101, Severity.ERROR, "agent3", "agent3: heap 128 MiB above 96 MiB", "fix agent3", AT);
    Finding web = new Finding(Rule.HR101, Severity.ERROR, "web", "web: heap 128 MiB above 80 MiB", "fix web", AT);
    assertThat(Gate.collapseCopies(List.of(a1, a2, a12, other, web))).extracting(Finding::message).containsExactly(
        "agent1: heap 128 MiB above 80 MiB (and in 2 more copies: agent2, agent12)",
        "agent3: heap 128 MiB above 96 MiB",
        "web: heap 128 MiB above 80 MiB");
  }

  @Test
  void largestPassingNeverAsksPastTheCapOfTheTemplate() {
    // a template whose copies would pass the node cap past 100 agents: 1, 2, 4, ..., 64, then 100
    List<Long> asked = new ArrayList<>();
    Gate.Template t = Gate.largestPassing(3, 100, n -> asked.add(n));
    assertThat(t.maxPassing()).isEqualTo(100);
    assertThat(t.capped()).isTrue();
    assertThat(asked).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 100L);
  }
}
