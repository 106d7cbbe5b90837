package dev.headroom.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.model.Bytes;
import dev.headroom.model.Cpu;
import dev.headroom.model.Range;
import dev.headroom.model.Units;
import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * parse(format(x)) = x for every dialect headroom writes a value in: the catalog (ranges and CPU),
 * compose sizes, Kubernetes quantities, and the settings tune prints for PostgreSQL, the JVM, Redis
 * and .NET. A tuned setting that read back as another value would be a wrong number in a file the
 * user pastes. (The catalog's byte sizes have their own laws in UnitsProperties.)
 */
class DialectProperties {

  @Property(tries = 1000)
  void catalogRangesReadBack(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long low,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long extra) {
    // low + extra ≤ 2 × (2^63-1)/2 ≤ 2^63-1: no overflow
    Range r = new Range(Bytes.of(low), Bytes.of(low + extra));
    assertThat(Units.parseCatalogRange(r.toString())).as(r.toString()).isEqualTo(r);
  }

  @Property(tries = 1000)
  void cpuReadsBack(@ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long units, @ForAll @IntRange(min = 0, max = 9) int scale) {
    // units × 10^-scale: up to nine decimals, as docker counts nanoCPUs
    Cpu c = Cpu.of(BigDecimal.valueOf(units, scale).toPlainString());
    assertThat(Cpu.parse(c.toString())).as(c.toString()).isEqualTo(c);
  }

  @Property(tries = 1000)
  void composeSizesReadBack(@ForAll @LongRange(min = 1, max = 1L << 53) long bytes,
      @ForAll @LongRange(min = 1, max = (1L << 43) - 1) long mib) {
    // an integer string is bytes; n m is n MiB (n < 2^43, so n × 2^20 < 2^63). go-units reads a
    // string as a float64, as headroom does after it: past 2^53 a string loses its last bits
    // (9007199254740993 reads as ...992), which is docker compose's value, so the law stops there
    assertThat(Units.parseComposeBytes(Long.toString(bytes)).value()).isEqualTo(bytes);
    assertThat(Units.parseComposeBytes(mib + "m").value()).isEqualTo(mib * Bytes.MIB);
  }

  @Property(tries = 1000)
  void kubernetesQuantitiesReadBack(@ForAll @LongRange(min = 0, max = (1L << 43) - 1) long mib) {
    assertThat(Units.parseKubernetesBytes(mib + "Mi").value()).isEqualTo(mib * Bytes.MIB);
    assertThat(Units.parseKubernetesBytes(Long.toString(mib)).value()).isEqualTo(mib);
  }

  @Property(tries = 1000)
  void postgresSizesReadBack(@ForAll @LongRange(min = 1, max = (1L << 40)) long kib) {
    // work_mem is read in kB; pgSize writes the largest of GB, MB, kB that divides the value
    long bytes = kib * Bytes.KIB;
    assertThat(PostgresModel.value("work_mem", PostgresModel.pgSize(bytes))).as(PostgresModel.pgSize(bytes)).isEqualTo(bytes);
  }

  @Property(tries = 1000)
  void jvmSizesReadBack(@ForAll @LongRange(min = 0, max = (1L << 43) - 1) long mib) {
    // tune writes -Xmx and the other sizes in m (MiB)
    assertThat(JvmModel.bytes(mib + "m").value()).isEqualTo(mib * Bytes.MIB);
  }

  @Property(tries = 1000)
  void redisSizesReadBack(@ForAll @LongRange(min = 0, max = (1L << 43) - 1) long mib) {
    // tune writes maxmemory in mb (MiB); Redis reads m as 10^6, the trap the law pins down
    assertThat(RedisModel.bytes(mib + "mb").value()).isEqualTo(mib * Bytes.MIB);
    assertThat(RedisModel.bytes(mib + "m").value()).isEqualTo(mib * 1_000_000);
  }

  @Property(tries = 1000)
  void dotnetHexReadsBack(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long v) {
    String written = "0x" + Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
    assertThat(DotnetModel.hex(written)).as(written).isEqualTo(v);
  }
}
