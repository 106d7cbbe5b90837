package dev.headroom.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.model.Bytes;
import dev.headroom.model.Range;
import dev.headroom.runtime.RuntimeModel.Demand;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JVM, Node.js, Redis and .NET models, forward and reverse, the arithmetic in comments. */
class RuntimeModelsTest {

  // ------------------------------------------------------------------ JVM

  @Test
  void jvmHeapFollowsHotSpotErgonomicsOnTheLimit() {
    // small: 50 % of 128 MiB = 64 MiB < 124.8 MiB, so MinRAMPercentage wins, even over MaxRAMPercentage=75
    assertThat(JvmModel.heap(Map.of(), Bytes.mib(128))).isEqualTo(Bytes.mib(64));
    assertThat(JvmModel.heap(Map.of("MaxRAMPercentage", "75"), Bytes.mib(128))).isEqualTo(Bytes.mib(64));
    // 256 MiB: 50 % = 128 MiB ≥ 124.8 MiB, so max(25 % = 64, 124.8) = 124.8 MiB, aligned up to 2 MiB: 126 (measured: 126)
    assertThat(JvmModel.heap(Map.of(), Bytes.mib(256))).isEqualTo(Bytes.mib(126));
    // 400 MiB × 75 % = 300 MiB; 1 GiB × 25 % = 256 MiB (measured: 300 and 256)
    assertThat(JvmModel.heap(Map.of("MaxRAMPercentage", "75"), Bytes.mib(400))).isEqualTo(Bytes.mib(300));
    assertThat(JvmModel.heap(Map.of(), Bytes.gib(1))).isEqualTo(Bytes.mib(256));
    // -Xmx wins over any percentage
    assertThat(JvmModel.heap(Map.of("Xmx", "1g", "MaxRAMPercentage", "75"), Bytes.mib(400))).isEqualTo(Bytes.gib(1));
  }

  @Test
  void jvmFootprintAddsTheNonHeapRegions() {
    // low: 256 + 32 + 16 + 20 × 1 + 0 = 324; high: 256 + 128 + 240 + 250 × 1 + 10 = 884 MiB
    assertThat(JvmModel.INSTANCE.footprint(Map.of("Xmx", "256m"), null).total())
        .isEqualTo(new Range(Bytes.mib(324), Bytes.mib(884)));
    // bounded: low 128 + 32 + 16 + 20 × 0.25 = 181; high 128 + 64 + 32 + 100 × 0.25 + 8 = 257 MiB
    assertThat(JvmModel.INSTANCE.footprint(Map.of("Xmx", "128m", "Xss", "256k", "threads", "100", "MaxMetaspaceSize", "64m",
        "ReservedCodeCacheSize", "32m", "MaxDirectMemorySize", "8m"), null).total())
        .isEqualTo(new Range(Bytes.mib(181), Bytes.mib(257)));
  }

  @Test
  void jvmOptionsAreReadAsTheJvmReadsThem() {
    assertThat(JvmModel.option("-Xmx512m")).isEqualTo(Map.entry("Xmx", "512m"));
    assertThat(JvmModel.option("-XX:MaxRAMPercentage=75.0")).isEqualTo(Map.entry("MaxRAMPercentage", "75.0"));
    assertThat(JvmModel.option("-XX:+UseG1GC")).isNull();
    assertThat(JvmModel.INSTANCE.problem("Xmx", "2gb")).contains("k, m, g or t");
    assertThat(JvmModel.INSTANCE.problem("MaxRAMPercentage", "101")).contains("0 to 100");
    assertThat(JvmModel.INSTANCE.incomplete(Map.of(), null)).contains("give Xmx or a memory limit");
  }

  @Test
  void jvmTuneTakesTheFirstRungThatLeavesAQuarterForTheHeap() throws TooSmall {
    // 1 GiB, 250 threads: rung 1 leaves 1024 - (128 + 240 + 250 + 10) = 396 MiB ≥ 256: taken
    Tuning t = JvmModel.INSTANCE.tune(Bytes.gib(1), Demand.NONE, Map.of());
    assertThat(t.settings()).containsEntry("Xmx", "396m").containsEntry("ReservedCodeCacheSize", "240m");
    assertThat(t.footprint().total().high()).isEqualTo(Bytes.gib(1));
    // 512 MiB: rung 2 leaves 512 - 420 = 92 < 128; rung 3: 512 - (64 + 32 + 125 + 10) = 281
    assertThat(JvmModel.INSTANCE.tune(Bytes.mib(512), Demand.NONE, Map.of()).settings()).containsEntry("Xmx", "281m")
        .containsEntry("Xss", "512k");
    // 128 MiB with 250 threads: the leanest rung needs 48 + 16 + 62.5 + 5 + 16 = 147.5 MiB
    assertThatThrownBy(() -> JvmModel.INSTANCE.tune(Bytes.mib(128), Demand.NONE, Map.of()))
        .isInstanceOf(TooSmall.class).hasMessageContaining("need 147.5 MiB")
        // 128 - 48 - 16 - 5 - 16 = 43 MiB of stacks: 172 threads × 256 KiB = 43 MiB
        .hasMessageContaining("--threads 172");
  }

  // ------------------------------------------------------------------ Node.js

  @Test
  void nodeDefaultsFollowTheMemoryItSees() {
    // measured on Node 20: 100 MiB → old 256, semi 1; 600 MiB → 300, 4; 2 GiB → 1024, 8; 24 GiB → 4096, 16
    assertThat(NodeModel.defaultOld(Bytes.mib(100))).isEqualTo(256);
    assertThat(NodeModel.defaultSemi(Bytes.mib(100))).isEqualTo(1);
    assertThat(NodeModel.defaultOld(Bytes.mib(600))).isEqualTo(300);
    assertThat(NodeModel.defaultSemi(Bytes.mib(600))).isEqualTo(4);
    assertThat(NodeModel.defaultOld(Bytes.gib(2))).isEqualTo(1024);
    assertThat(NodeModel.defaultSemi(Bytes.gib(2))).isEqualTo(8);
    assertThat(NodeModel.defaultOld(Bytes.gib(24))).isEqualTo(4096);
    assertThat(NodeModel.defaultSemi(Bytes.gib(24))).isEqualTo(16);
  }

  @Test
  void nodeFootprintIsBaselineOldSpaceAndThreeSemiSpaces() {
    // seed 000: --max-old-space-size=128 --max-semi-space-size=32: low 30; high 45 + 128 + 3 × 32 = 269 MiB
    assertThat(NodeModel.INSTANCE.footprint(Map.of("max-old-space-size", "128", "max-semi-space-size", "32"), null).total())
        .isEqualTo(new Range(Bytes.mib(30), Bytes.mib(269)));
    // unset in 80 MiB: old 256, semi 1: high 45 + 256 + 3 = 304 MiB
    assertThat(NodeModel.INSTANCE.footprint(Map.of(), Bytes.mib(80)).total().high()).isEqualTo(Bytes.mib(304));
  }

  @Test
  void nodeTuneGivesTheOldSpaceWhatIsLeft() throws TooSmall {
    // 80 MiB: semi 1 (under 512 MiB); old 80 - 45 - 3 = 32
    assertThat(NodeModel.INSTANCE.tune(Bytes.mib(80), Demand.NONE, Map.of()).settings())
        .containsEntry("max-old-space-size", "32").containsEntry("max-semi-space-size", "1");
    // 1 GiB: semi 4; old 1024 - 45 - 12 = 967
    assertThat(NodeModel.INSTANCE.tune(Bytes.gib(1), Demand.NONE, Map.of()).settings()).containsEntry("max-old-space-size", "967");
    // 60 MiB: 60 - 45 - 3 = 12 < 16; the minimum is 45 + 3 + 16 = 64 MiB
    assertThatThrownBy(() -> NodeModel.INSTANCE.tune(Bytes.mib(60), Demand.NONE, Map.of()))
        .isInstanceOf(TooSmall.class).hasMessageContaining("need 64 MiB");
  }

  // ------------------------------------------------------------------ Redis

  @Test
  void redisFootprintCountsFragmentationAndTheCopyASaveMakes() {
    // maxmemory 1gb with Redis's default save points: high 12 + 1024 + 204.8 → 205 (whole MiB) + 1024 = 2265 MiB
    assertThat(RedisModel.INSTANCE.footprint(Map.of("maxmemory", "1gb"), null).total())
        .isEqualTo(new Range(Bytes.mib(8), Bytes.mib(2265)));
    // no persistence: 12 + 100 + 20 = 132 MiB
    assertThat(RedisModel.INSTANCE.footprint(Map.of("maxmemory", "100mb", "save", "", "appendonly", "no"), null).total().high())
        .isEqualTo(Bytes.mib(132));
    // measured (bench/fidelity.sh): 64mb peaked at 72.4 MiB, 256mb at 266.3, idle 10.4: inside 8..89 and 8..320
    assertThat(RedisModel.INSTANCE.footprint(Map.of("maxmemory", "64mb", "save", ""), null).total())
        .isEqualTo(new Range(Bytes.mib(8), Bytes.mib(89)));
    assertThat(RedisModel.INSTANCE.footprint(Map.of("maxmemory", "256mb", "save", ""), null).total())
        .isEqualTo(new Range(Bytes.mib(8), Bytes.mib(320)));
    // 1g is 10^9 bytes, not 2^30
    assertThat(RedisModel.bytes("1g")).isEqualTo(Bytes.of(1_000_000_000));
    assertThat(RedisModel.INSTANCE.incomplete(Map.of(), null)).contains("give maxmemory");
    assertThat(RedisModel.INSTANCE.incomplete(Map.of("maxmemory", "0"), null)).contains("give maxmemory");
  }

  @Test
  void redisTuneLeavesRoomForASave() throws TooSmall {
    // 256 MiB persisting: (256 - 12) / 2.2 = 110.9 → 110mb; high 12 + 110 + 22 + 110 = 254 MiB
    Tuning t = RedisModel.INSTANCE.tune(Bytes.mib(256), Demand.NONE, Map.of());
    assertThat(t.settings()).containsEntry("maxmemory", "110mb");
    assertThat(t.footprint().total().high()).isEqualTo(Bytes.mib(254));
    // without saves: (256 - 12) / 1.2 = 203.3 → 203; high 12 + 203 + 41 (40.6 rounded up) = 256, the limit
    assertThat(RedisModel.INSTANCE.tune(Bytes.mib(256), Demand.NONE, Map.of("save", "")).settings())
        .containsEntry("maxmemory", "203mb");
  }

  // ------------------------------------------------------------------ .NET

  @Test
  void dotnetReadsHexadecimalAndDefaultsToThreeQuartersOfTheLimit() {
    assertThat(DotnetModel.hex("0xC800000")).isEqualTo(200 * Bytes.MIB);
    assertThat(DotnetModel.hex("20000")).isEqualTo(0x20000L);
    assertThat(DotnetModel.INSTANCE.problem("GCHeapHardLimitPercent", "75")).contains("117");
    // 128 MiB, nothing set: max(20 MiB, 75 % = 96 MiB) = 96; high 50 + 96 = 146 MiB
    assertThat(DotnetModel.INSTANCE.footprint(Map.of(), Bytes.mib(128)).total()).isEqualTo(new Range(Bytes.mib(20),
        Bytes.mib(146)));
    // 0x32 = 50 % of 128 MiB = 64; a 16 MiB limit still gets 20 MiB by default
    assertThat(DotnetModel.heap(Map.of("GCHeapHardLimitPercent", "0x32"), Bytes.mib(128))).isEqualTo(Bytes.mib(64));
    assertThat(DotnetModel.heap(Map.of(), Bytes.mib(16))).isEqualTo(Bytes.mib(20));
  }

  @Test
  void dotnetTuneGivesTheHeapWhatTheBaselineLeaves() throws TooSmall {
    // 128 - 50 = 78 MiB = 0x4E00000
    assertThat(DotnetModel.INSTANCE.tune(Bytes.mib(128), Demand.NONE, Map.of()).settings())
        .containsEntry("GCHeapHardLimit", "0x4E00000");
    assertThatThrownBy(() -> DotnetModel.INSTANCE.tune(Bytes.mib(60), Demand.NONE, Map.of()))
        .isInstanceOf(TooSmall.class).hasMessageContaining("need 66 MiB");
  }
}
