package dev.headroom.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    // idle: wal 128/32 = 4 MiB + server 20 MiB + 100 × 60 KiB = 25.86, rounded down to 25: 29 MiB
    // (shared_buffers is charged as it is touched); busy: 128 + 4 + (24 MiB + 100 × 110 KiB = 34.7, up to 35)
    // + 100 × 3 + 100 × 4 × 5/4 + 8 × (5 + 3) + 3 × 64 + 64 = 167 + 300 + 500 + 64 + 256 = 1287 MiB
    Footprint f = PostgresModel.INSTANCE.footprint(Map.of(), null);
    assertThat(f.total()).isEqualTo(new Range(Bytes.mib(29), Bytes.mib(1287)));
  }

  @Test
  void theFootprintContainsTheMeasuredServers() {
    // bench/fidelity.sh, docs/models.md: idle and peak footprints (MiB) of three servers under load
    assertContains(Map.of("shared_buffers", "128MB", "work_mem", "4MB", "maintenance_work_mem", "64MB",
        "max_connections", "100"), 31.1, 771.0);
    assertContains(Map.of("shared_buffers", "16MB", "wal_buffers", "4MB", "work_mem", "2MB", "maintenance_work_mem", "16MB",
        "max_connections", "20"), 26.2, 154.6);
    assertContains(Map.of("shared_buffers", "256MB", "work_mem", "16MB", "maintenance_work_mem", "256MB", "wal_buffers",
        "16MB", "max_connections", "200"), 48.5, 1139.7);
  }

  private static void assertContains(Map<String, String> settings, double idleMib, double peakMib) {
    Range r = PostgresModel.INSTANCE.footprint(settings, null).total();
    assertThat(r.low().value()).isLessThanOrEqualTo((long) (idleMib * Bytes.MIB));
    assertThat(r.high().value()).isGreaterThanOrEqualTo((long) (peakMib * Bytes.MIB));
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
    // idle: wal 4 + (20 + 20 × 60 KiB = 21.2, down to 21) = 25; busy: 16 + 4 + (24 + 20 × 110 KiB = 26.1, up to 27)
    // + 20 × 3 + 20 × 2 × 5/4 + 8 × (2.5 + 3) + 3 × 8 + 8 = 47 + 60 + 50 + 44 + 32 = 233
    Footprint f = PostgresModel.INSTANCE.footprint(Map.of("shared_buffers", "16MB", "wal_buffers", "4MB",
        "work_mem", "2MB", "maintenance_work_mem", "8MB", "max_connections", "20", "effective_cache_size", "64MB"), null);
    assertThat(f.total()).isEqualTo(new Range(Bytes.mib(25), Bytes.mib(233)));
  }

  @Test
  void tuneKeepsPgtunesProportionsWhileWorkMemCanStayAtOneMegabyte() throws TooSmall {
    // 1 GiB, 100 connections: shared 256, maintenance 64, 8 parallel and 3 autovacuum workers leave
    // 1024 - (256 + 8 + 35 + 300 + 8 × 3 + 3 × 64 + 64) = 145 MiB for 108 sorts × 5/4: 1.07 MB, so 1MB
    Tuning t = PostgresModel.INSTANCE.tune(Bytes.gib(1), RuntimeModel.Demand.NONE, Map.of());
    assertThat(t.settings()).containsEntry("shared_buffers", "256MB").containsEntry("work_mem", "1MB")
        .containsEntry("max_parallel_workers", "8");
    // 80 MiB, 2 connections: only the leanest rung leaves 1MB: 80 - (16 + 0.5 + 25 + 6 + 8 + 8) = 16.5 MiB for 2 sorts: 6MB
    assertThat(PostgresModel.INSTANCE.tune(Bytes.mib(80), new RuntimeModel.Demand(2L, null), Map.of()).settings())
        .containsEntry("work_mem", "6MB").containsEntry("max_parallel_workers", "0").containsEntry("autovacuum_max_workers", "1");
    // 80 MiB, 20 connections: the leanest needs 16 + 0.5 + 27 + 60 + 20 × 1.25 + 8 + 8 = 144.5 MiB; 5 connections fit
    assertThatThrownBy(() -> PostgresModel.INSTANCE.tune(Bytes.mib(80), new RuntimeModel.Demand(20L, null), Map.of()))
        .isInstanceOf(TooSmall.class).hasMessageContaining("need 144.5 MiB").hasMessageContaining("--connections 5");
  }
}
