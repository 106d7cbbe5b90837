package dev.headroom.solve;

import static dev.headroom.solve.Fixtures.component;
import static dev.headroom.solve.Fixtures.host;
import static dev.headroom.solve.Fixtures.mib;
import static dev.headroom.solve.Fixtures.opt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.model.Bytes;
import dev.headroom.model.Cpu;
import dev.headroom.model.Host;
import dev.headroom.model.Range;
import dev.headroom.model.Thresholds;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One test per capacity rule; every expected figure is worked out in the comment beside it. */
class CapacityTest {

  private static final Thresholds DEFAULT = Thresholds.DEFAULT;

  @Test
  void availableIsTotalMinusReserved() {
    // 512 MiB − 80 MiB = 432 MiB
    assertThat(Capacity.available(host("pi", 512, 80))).isEqualTo(mib(432));
  }

  @Test
  void totalIsSharedPlusAgentsTimesPerAgent() {
    // shared 40..60, per agent 608..706, N = 2: 40 + 2 × 608 = 1256, 60 + 2 × 706 = 1472
    assertThat(Capacity.total(mib(40, 60), mib(608, 706), 2)).isEqualTo(mib(1256, 1472));
    // N = 0: only the shared part
    assertThat(Capacity.total(mib(40, 60), mib(608, 706), 0)).isEqualTo(mib(40, 60));
  }

  @Test
  void totalOverflowIsAnErrorNotAWrapAround() {
    Range huge = Range.exactly(new Bytes(Long.MAX_VALUE / 2 + 1));
    // 2 × (2^62 + ...) > 2^63 − 1
    assertThatThrownBy(() -> Capacity.total(Range.ZERO, huge, 2)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void optimizationSavesFromBothEndsNeverBelowZero() {
    // In-memory cache 10..20 MiB saving 15: low max(0, 10 − 15) = 0, high 20 − 15 = 5
    var c = component("cache", mib(10, 20), opt("cache-limits", 15));
    assertThat(Capacity.optimized(c, List.of("cache-limits"))).isEqualTo(mib(0, 5));
    // not applied: unchanged
    assertThat(Capacity.optimized(c, List.of())).isEqualTo(mib(10, 20));
  }

  @Test
  void twoOptimizationsOnOneComponentAddUp() {
    // 100 − 30 − 50 = 20
    var c = component("heap", Range.exactly(mib(100)), opt("a", 30), opt("b", 50));
    assertThat(Capacity.optimized(c, List.of("a", "b"))).isEqualTo(Range.exactly(mib(20)));
  }

  @Test
  void headroomIsAvailableMinusDemandAndNegativeOnOverflow() {
    // 432 − 1472 = −1040
    assertThat(Capacity.headroom(mib(432), mib(1472))).isEqualTo(mib(-1040));
    // 4016 − 706 = 3310
    assertThat(Capacity.headroom(mib(4016), mib(706))).isEqualTo(mib(3310));
  }

  @Test
  void utilizationIsAReportedFigureRoundedHalfUp() {
    // 1472 / 432 = 3.4074074... → 3.407407 at six decimals
    assertThat(Capacity.utilization(mib(1472), mib(432))).isEqualByComparingTo("3.407407");
    // 4 GiB / 12 GiB = 0.3333333... → 0.333333
    assertThat(Capacity.utilization(Bytes.gib(4), Bytes.gib(12))).isEqualByComparingTo("0.333333");
    // 0 / x = 0
    assertThat(Capacity.utilization(Bytes.ZERO, mib(432))).isEqualByComparingTo("0");
  }

  @Test
  void statusOkUpToAndIncludingWarn() {
    // warn 0.80 × 1000 MiB = 800 MiB: exactly 800 is still ok
    assertThat(Capacity.status(mib(800), mib(1000), DEFAULT)).isEqualTo(Status.OK);
    // one byte more is warn
    assertThat(Capacity.status(mib(800).plus(new Bytes(1)), mib(1000), DEFAULT)).isEqualTo(Status.WARN);
  }

  @Test
  void statusAtExactlyCriticalIsWarn() {
    // critical 0.90 × 1000 MiB = 900 MiB exactly: u = 0.9 is not above critical, so warn
    assertThat(Capacity.status(mib(900), mib(1000), DEFAULT)).isEqualTo(Status.WARN);
    // 900 MiB + 1 byte: critical
    assertThat(Capacity.status(mib(900).plus(new Bytes(1)), mib(1000), DEFAULT)).isEqualTo(Status.CRITICAL);
  }

  @Test
  void statusAtExactlyAvailableIsCriticalAndOneByteMoreOverflows() {
    // u = 1 exactly: critical (overflow is u > 1)
    assertThat(Capacity.status(mib(1000), mib(1000), DEFAULT)).isEqualTo(Status.CRITICAL);
    assertThat(Capacity.status(mib(1000).plus(new Bytes(1)), mib(1000), DEFAULT)).isEqualTo(Status.OVERFLOW);
  }

  @Test
  void statusUsesExactDecimalsNotDoubles() {
    // 0.1 + 0.2 trap: warn 0.3 of 10 bytes is exactly 3 bytes, ok at 3
    Thresholds t = new Thresholds(new BigDecimal("0.3"), new BigDecimal("0.7"));
    assertThat(Capacity.status(new Bytes(3), new Bytes(10), t)).isEqualTo(Status.OK);
    assertThat(Capacity.status(new Bytes(4), new Bytes(10), t)).isEqualTo(Status.WARN);
    // 0.7 × 10 = 7: at 7 still warn
    assertThat(Capacity.status(new Bytes(7), new Bytes(10), t)).isEqualTo(Status.WARN);
  }

  @Test
  void gpuDemandWithoutGpuOverflows() {
    assertThat(Capacity.gpuStatus(mib(1), null, DEFAULT)).isEqualTo(Status.OVERFLOW);
    assertThat(Capacity.gpuStatus(Bytes.ZERO, null, DEFAULT)).isEqualTo(Status.OK);
    // 15 GiB of 16 GiB = 0.9375 > 0.90: critical
    assertThat(Capacity.gpuStatus(Bytes.gib(15), new Host.Gpu("T4", Bytes.gib(16)), DEFAULT)).isEqualTo(Status.CRITICAL);
  }

  @Test
  void cpuOverIsHowFarAboveAvailable() {
    // 5.75 − 3.5 = 2.25 cores over
    assertThat(Capacity.cpuOver(Cpu.of("5.75"), Cpu.of("3.5"))).isEqualTo(Cpu.of("2.25"));
    // 3.5 of 3.5: nothing over
    assertThat(Capacity.cpuOver(Cpu.of("3.5"), Cpu.of("3.5"))).isEqualTo(Cpu.ZERO);
  }

  @Test
  void cpuOverMakesTheStatusAtLeastWarnButNeverLowersIt() {
    assertThat(Capacity.withCpu(Status.OK, Cpu.of("0.1"))).isEqualTo(Status.WARN);
    assertThat(Capacity.withCpu(Status.OVERFLOW, Cpu.of("0.1"))).isEqualTo(Status.OVERFLOW);
    assertThat(Capacity.withCpu(Status.OK, Cpu.ZERO)).isEqualTo(Status.OK);
  }

  @Test
  void maxAgentsIsTheLargestNAtOrBelowCritical() {
    // Pi 4B: 0.90 × 4016 MiB = 3614.4 MiB; (3614.4 − 60) / 706 = 5.03 → 5
    assertThat(Capacity.maxAgents(mib(60), mib(706), mib(4016), new BigDecimal("0.90"))).contains(5L);
  }

  @Test
  void maxAgentsCountsAnAgentThatLandsExactlyOnCritical() {
    // 0.90 × 1000 = 900; (900 − 0) / 300 = 3 exactly: 3 agents are at u = 0.9, which is warn, so 3 fit
    assertThat(Capacity.maxAgents(Bytes.ZERO, mib(300), mib(1000), new BigDecimal("0.90"))).contains(3L);
  }

  @Test
  void maxAgentsIsZeroWhenOneAgentDoesNotFit() {
    // Pi Zero: 0.90 × 432 = 388.8; (388.8 − 60) / 706 < 1 → 0
    assertThat(Capacity.maxAgents(mib(60), mib(706), mib(432), new BigDecimal("0.90"))).contains(0L);
    // shared alone above the limit: 0 as well
    assertThat(Capacity.maxAgents(mib(500), mib(1), mib(432), new BigDecimal("0.90"))).contains(0L);
  }

  @Test
  void maxAgentsIsUnboundedWithoutPerAgentDemand() {
    assertThat(Capacity.maxAgents(mib(100), Bytes.ZERO, mib(432), new BigDecimal("0.90"))).isEqualTo(Optional.empty());
    // ...unless even the shared part does not fit
    assertThat(Capacity.maxAgents(mib(400), Bytes.ZERO, mib(432), new BigDecimal("0.90"))).contains(0L);
  }
}
