package dev.headroom.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.model.Bytes;
import org.junit.jupiter.api.Test;

/** The chart's axis: round tops whose quarters are round too. */
class MemoryChartTest {

  @Test
  void theAxisTopIsOneTwoFourOrFiveTimesAPowerOfTenOfAUnit() {
    assertThat(MemoryChart.niceTop(0)).isEqualTo(Bytes.MIB); // at least 1 MiB
    assertThat(MemoryChart.niceTop(Bytes.MIB)).isEqualTo(Bytes.MIB);
    assertThat(MemoryChart.niceTop(Bytes.MIB + 1)).isEqualTo(2 * Bytes.MIB);
    assertThat(MemoryChart.niceTop(766 * Bytes.MIB)).isEqualTo(1000 * Bytes.MIB); // 766 → 1000 MiB
    assertThat(MemoryChart.niceTop(3590 * Bytes.MIB)).isEqualTo(4 * Bytes.GIB); // 3.5 GiB → 4 GiB
    assertThat(MemoryChart.niceTop(12 * Bytes.GIB)).isEqualTo(20 * Bytes.GIB); // 12 → 20 GiB
    assertThat(MemoryChart.niceTop(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE); // 8 EiB cannot round up
  }
}
