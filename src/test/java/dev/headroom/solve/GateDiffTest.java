package dev.headroom.solve;

import static dev.headroom.solve.Fixtures.host;
import static dev.headroom.solve.Fixtures.mib;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.model.Bytes;
import dev.headroom.model.ComposeProject;
import dev.headroom.model.ComposeService;
import dev.headroom.model.ComposeService.Sourced;
import dev.headroom.model.Origin;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateDiffTest {

  private static final Origin AT = new Origin("c.yaml", 1, 1);

  private static ComposeService svc(String name, long replicas, long limitMib) {
    return new ComposeService(name, AT, replicas, null, false, new Sourced<>(mib(limitMib), AT), null, null, null, null, null,
        "img", List.of(), List.of());
  }

  private static ComposeProject project(ComposeService... s) {
    return new ComposeProject("p", List.of(), Arrays.asList(s), List.of(), List.of(), List.of());
  }

  @Test
  void deltasTotalsHeadroomAndCopiesThatFit() {
    ComposeProject base = project(svc("api", 2, 512), svc("old", 1, 128));
    ComposeProject head = project(svc("api", 2, 1024), svc("cache", 1, 256));
    GateDiff.Result d = GateDiff.compare(base, head, host("h", 4096, 80), null, null);
    assertThat(d.services()).extracting(GateDiff.ServiceDelta::name, GateDiff.ServiceDelta::change)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("api", GateDiff.Change.CHANGED),
            org.assertj.core.groups.Tuple.tuple("cache", GateDiff.Change.ADDED),
            org.assertj.core.groups.Tuple.tuple("old", GateDiff.Change.REMOVED));
    // api: 2 × (1024 − 512) = +1024 MiB; old: −128 MiB
    assertThat(d.services().get(0).limitDelta()).isEqualTo(mib(1024));
    assertThat(d.services().get(2).limitDelta()).isEqualTo(mib(-128));
    // limits 1024 + 128 = 1152 → 2048 + 256 = 2304; available 4016
    assertThat(d.before().limits()).isEqualTo(mib(1152));
    assertThat(d.after().limits()).isEqualTo(mib(2304));
    assertThat(d.headroomBefore()).isEqualTo(mib(4016 - 1152));
    assertThat(d.headroomAfter()).isEqualTo(mib(4016 - 2304));
    // copies: floor(0.9 × 4016 / 1152) = floor(3.13) = 3 → floor(3614.4 / 2304) = 1
    assertThat(d.fitBefore()).contains(3L);
    assertThat(d.fitAfter()).contains(1L);
  }

  @Test
  void templatesUseTheGatesCountsAndUnchangedServicesAreSame() {
    ComposeProject p = project(svc("a", 1, 100));
    GateDiff.Result d = GateDiff.compare(p, p, host("h", 1000, 0), 3L, 2L);
    assertThat(d.changed()).isEmpty();
    assertThat(d.template()).isTrue();
    assertThat(d.fitBefore()).contains(3L);
    assertThat(d.fitAfter()).contains(2L);
  }

  private static ComposeService big(String name, long replicas) {
    // 4 EiB = 2^62 bytes
    return new ComposeService(name, AT, replicas, null, false, new Sourced<>(Bytes.of(4 * Bytes.EIB), AT), null, null, null, null,
        null, "img", List.of(), List.of());
  }

  @Test
  void limitsPastEightEibAreTooLargeNotAnArithmeticException() {
    ComposeProject small = project(svc("api", 1, 512));
    // 2 × 4 EiB = 2^63 bytes, one more than a long holds: in the totals of the base
    assertThatThrownBy(() -> GateDiff.compare(project(big("a", 1), big("b", 1)), small, host("h", 4096, 80), null, null))
        .isInstanceOf(TooLargeException.class)
        .hasMessageContaining("the base")
        .hasMessageContaining("8 EiB");
    // and in one service's limit × replicas
    assertThatThrownBy(() -> GateDiff.compare(project(big("a", 2)), small, null, null, null))
        .isInstanceOf(TooLargeException.class);
    GateDiff.ServiceDelta d = new GateDiff.ServiceDelta("a", GateDiff.Change.REMOVED, big("a", 3), null);
    assertThatThrownBy(d::limitDelta).isInstanceOf(TooLargeException.class).hasMessageContaining("a");
  }
}
