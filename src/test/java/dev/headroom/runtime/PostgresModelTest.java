package dev.headroom.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.model.Bytes;
import dev.headroom.model.Range;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PostgreSQL's memory from its settings, the arithmetic in comments. */
class PostgresModelTest {

  @Test
  void valuesAreReadInTheSettingsOwnUnit() {
    // shared_buffers counts 8 kB blocks: 16384 × 8 kB = 128 MiB; work_mem counts kB: 4096 kB = 4 MiB
    assertThat(PostgresModel.value("shared_buffers", "16384")).isEqualTo(128 * Bytes.MIB);
    assertThat(PostgresModel.value("work_mem", "4096")).isEqualTo(4 * Bytes.MIB);
    assertThat(PostgresModel.value("shared_buffers", "'256MB'")).isEqualTo(256 * Bytes.MIB);
    assertThat(PostgresModel.value("maintenance_work_mem", "1GB")).isEqualTo(Bytes.GIB);
    assertThat(PostgresModel.value("max_connections", "200")).isEqualTo(200L);
    assertThat(PostgresModel.value("wal_buffers", "-1")).isEqualTo(-1L);
    // PostgreSQL's units are case-sensitive: mb is not one
    assertThat(PostgresModel.value("work_mem", "16mb")).isNull();
  }

  @Test
  void aConfFileIsReadWithItsCommentsAndQuotes() {
    Map<String, String> s = PostgresModel.parseConf("""
        # a comment
        shared_buffers = '256MB'      # 25% of system RAM
        max_connections 20
        log_line_prefix = '%m # %p '  # a # inside quotes stays
        work_mem = 2MB
        work_mem = 8MB                # the later line wins
        """);
    assertThat(s).containsEntry("shared_buffers", "'256MB'").containsEntry("max_connections", "20")
        .containsEntry("log_line_prefix", "'%m # %p '").containsEntry("work_mem", "8MB");
  }

  @Test
  void theDefaultsGiveTheFootprintOfAStockServer() {
    // idle: wal 128/32 = 4 MiB + baseline 10 = 14 MiB (shared_buffers is charged as it is touched);
    // busy: 128 + 4 + 20 + 100 × 10 MiB + 100 × 4 MiB + 3 × 64 MiB = 152 + 1000 + 400 + 192 = 1744 MiB
    Footprint f = PostgresModel.INSTANCE.footprint(Map.of(), null);
    assertThat(f.total()).isEqualTo(new Range(Bytes.mib(14), Bytes.mib(1744)));
  }

  @Test
  void walBuffersFollowSharedBuffersBetweenItsBounds() {
    // -1 is 1/32 of shared_buffers: 16 MiB / 32 = 512 KiB; at least 64 kB (1 MiB / 32 = 32 KiB → 64 KiB); at most 16 MiB
    assertThat(wal("16MB")).isEqualTo(512 * Bytes.KIB);
    assertThat(wal("1MB")).isEqualTo(64 * Bytes.KIB);
    assertThat(wal("8GB")).isEqualTo(16 * Bytes.MIB);
  }

  private static long wal(String shared) {
    return PostgresModel.INSTANCE.footprint(Map.of("shared_buffers", shared), null).parts().get(1).memory().high().value();
  }

  @Test
  void seed000sPiSettingsFitIts80MiBContainerOnlyWhenIdle() {
    // idle: wal 4 + baseline 10 = 14; busy: 16 + 4 + 20 + 20 × 10 + 20 × 2 + 3 × 64 = 40 + 200 + 40 + 192 = 472
    Footprint f = PostgresModel.INSTANCE.footprint(Map.of("shared_buffers", "16MB", "wal_buffers", "4MB",
        "work_mem", "2MB", "max_connections", "20", "effective_cache_size", "64MB"), null);
    assertThat(f.total()).isEqualTo(new Range(Bytes.mib(14), Bytes.mib(472)));
  }
}
