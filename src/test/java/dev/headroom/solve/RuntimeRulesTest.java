package dev.headroom.solve;

import static dev.headroom.solve.Fixtures.host;
import static dev.headroom.solve.Fixtures.mib;
import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.model.Bytes;
import dev.headroom.model.ComposeProject;
import dev.headroom.model.ComposeService;
import dev.headroom.model.ComposeService.Sourced;
import dev.headroom.model.Host;
import dev.headroom.model.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runtime rules, one test each, the arithmetic in comments. */
class RuntimeRulesTest {

  private static final Origin AT = new Origin("compose.yaml", 7, 9);

  private static ComposeService svc(String image, Long limitMib, Map<String, String> env, List<String> command) {
    Map<String, Sourced<String>> e = new LinkedHashMap<>();
    env.forEach((k, v) -> e.put(k, new Sourced<>(v, AT)));
    List<Sourced<String>> c = new ArrayList<>();
    command.forEach(w -> c.add(new Sourced<>(w, AT)));
    return new ComposeService("app", AT, 1, null, false, limitMib == null ? null : new Sourced<>(mib(limitMib), AT), null, null,
        null, null, null, image, List.of(), List.of(), e, c, Map.of());
  }

  private static ComposeProject project(ComposeService s) {
    return new ComposeProject("p", List.of("compose.yaml"), List.of(s), List.of(), List.of(), List.of());
  }

  @Test
  void hr101NodeHeapAtOrAboveTheLimit() {
    // 128 MiB heap in an 80 MiB container: 128 ≥ 80, an error; the fix is tune's: 80 - 45 (the runtime) - 3 × 1 = 32
    List<Finding> f = RuntimeRules.hr101NodeHeapAboveLimit(project(svc(null, 80L,
        Map.of("NODE_OPTIONS", "--max-old-space-size=128 --max-semi-space-size=32"), List.of())));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.rule()).isEqualTo(Rule.HR101);
      assertThat(x.fix()).contains("NODE_OPTIONS=\"--max-old-space-size=32 --max-semi-space-size=1\", up to 80 MiB in all",
          "headroom tune node --limit 80MiB");
      assertThat(x.origin()).isEqualTo(AT);
    });
    // equal is at: 80 MiB heap in 80 MiB; the flag as two words in the command
    assertThat(RuntimeRules.hr101NodeHeapAboveLimit(project(svc("node:20", 80L, Map.of(),
        List.of("node", "--max-old-space-size", "80", "server.js"))))).hasSize(1);
    // 60 MiB in 80 MiB: below; no limit: HR001's business, not this rule's
    assertThat(RuntimeRules.hr101NodeHeapAboveLimit(project(svc(null, 80L, Map.of("NODE_OPTIONS", "--max-old-space-size=60"),
        List.of())))).isEmpty();
    assertThat(RuntimeRules.hr101NodeHeapAboveLimit(project(svc(null, null, Map.of("NODE_OPTIONS", "--max-old-space-size=4096"),
        List.of())))).isEmpty();
  }

  @Test
  void hr101AnUnsetNodeHeapInASmallContainer() {
    // no flag: V8 takes half the limit but at least 256 MiB; in 128 MiB that is 256 ≥ 128: a warning; 128 - 45 - 3 = 80
    assertThat(RuntimeRules.hr101NodeHeapAboveLimit(project(svc("node:20-alpine", 128L, Map.of(), List.of("node", "server.js")))))
        .singleElement().satisfies(x -> {
          assertThat(x.message()).contains("at least 256 MiB");
          assertThat(x.severity()).isEqualTo(Severity.WARNING);
          assertThat(x.fix()).contains("--max-old-space-size=80");
        });
    // 256 MiB: 256 ≥ 256, still; NODE_OPTIONS without the flag marks a Node process too
    assertThat(RuntimeRules.hr101NodeHeapAboveLimit(project(svc("my/app", 256L, Map.of("NODE_OPTIONS", "--enable-source-maps"),
        List.of())))).hasSize(1);
    // 48 MiB: even the leanest Node needs 45 + 3 + 16 = 64 MiB: the fix says so
    assertThat(RuntimeRules.hr101NodeHeapAboveLimit(project(svc("node:20", 48L, Map.of(), List.of())))).singleElement()
        .satisfies(x -> assertThat(x.fix()).startsWith("raise the limit: 48 MiB is too small for Node.js").contains("need 64 MiB"));
    // 512 MiB: half is 256 < 512; not a Node process: nothing
    assertThat(RuntimeRules.hr101NodeHeapAboveLimit(project(svc("node:20", 512L, Map.of(), List.of())))).isEmpty();
    assertThat(RuntimeRules.hr101NodeHeapAboveLimit(project(svc("nginx:1", 64L, Map.of(), List.of())))).isEmpty();
    assertThat(RuntimeRules.hr101NodeHeapAboveLimit(project(svc(null, 64L, Map.of(), List.of("/usr/local/bin/npm", "start")))))
        .hasSize(1);
  }

  @Test
  void hr104DotnetReadsItsGcVariablesAsHexadecimal() {
    // seed 000: 20000 is 0x20000 = 131072; 20000 in hexadecimal is 0x4E20. GCHeapCount with gcServer 0 is ignored
    List<Finding> f = RuntimeRules.hr104SettingsTheImageIgnores(project(svc("mcr.microsoft.com/dotnet/aspnet:9.0", 128L,
        Map.of("DOTNET_gcServer", "0", "DOTNET_GCHeapCount", "2", "DOTNET_GCLOHThreshold", "20000"), List.of())));
    assertThat(f).extracting(Finding::message).containsExactlyInAnyOrder(
        "app: .NET reads DOTNET_GC* values as hexadecimal: DOTNET_GCLOHThreshold=20000 is 0x20000 = 131072",
        "app: DOTNET_GCHeapCount applies to server GC only; with DOTNET_gcServer=0 the workstation GC runs one heap and"
            + " ignores it");
    assertThat(f).extracting(Finding::fix).contains("if the decimal value was meant, write it in hexadecimal:"
        + " DOTNET_GCLOHThreshold=0x4E20");
    // gcServer written as 0x1 is server GC too
    assertThat(RuntimeRules.hr104SettingsTheImageIgnores(project(svc("app", 128L, Map.of("DOTNET_gcServer", "0x1",
        "DOTNET_GCHeapCount", "0x2"), List.of())))).isEmpty();
    // written with 0x, a single digit (the same in both), or under server GC: nothing
    assertThat(RuntimeRules.hr104SettingsTheImageIgnores(project(svc("app", 128L, Map.of("DOTNET_gcServer", "1",
        "DOTNET_GCHeapCount", "2", "DOTNET_GCHeapHardLimit", "0xC800000", "COMPlus_gcConcurrent", "0"), List.of())))).isEmpty();
    // 10 is sixteen: reported
    assertThat(RuntimeRules.hr104SettingsTheImageIgnores(project(svc("app", 128L, Map.of("COMPlus_GCgen0size", "10"),
        List.of())))).singleElement().satisfies(x -> assertThat(x.message()).contains("is 0x10 = 16"));
  }

  @Test
  void hr102JvmHeapAndNonHeapAgainstTheLimit() {
    // -Xmx512m in 512 MiB: low 512 + metaspace 32 + code cache 16 + 20 threads × 1 MiB = 580 > 512: an error
    assertThat(RuntimeRules.hr102JvmAboveLimit(project(svc("eclipse-temurin:21", 512L, Map.of("JAVA_TOOL_OPTIONS", "-Xmx512m"),
        List.of())))).singleElement().satisfies(x -> {
          assertThat(x.severity()).isEqualTo(Severity.ERROR);
          assertThat(x.message()).contains("580..1140 MiB"); // high: 512 + 128 + 240 + 250 + 10
        });
    // -Xmx256m in 512: low 324 fits, high 256 + 128 + 240 + 250 + 10 = 884 does not: a warning
    assertThat(RuntimeRules.hr102JvmAboveLimit(project(svc("app", 512L, Map.of("JAVA_OPTS", "-Xmx256m"), List.of()))))
        .singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.WARNING));
    // every region bounded: 128 + 64 + 32 + 250 × 256 KiB (62.5 MiB) + 8 = 294.5 MiB ≤ 512: nothing
    assertThat(RuntimeRules.hr102JvmAboveLimit(project(svc("app", 512L, Map.of(), List.of("java", "-Xmx128m", "-Xss256k",
        "-XX:MaxMetaspaceSize=64m", "-XX:ReservedCodeCacheSize=32m", "-XX:MaxDirectMemorySize=8m", "-jar", "app.jar")))))
        .isEmpty();
    // MaxRAMPercentage=75 of 1024 MiB: heap 768; high 768 + 628 = 1396 > 1024: a warning
    assertThat(RuntimeRules.hr102JvmAboveLimit(project(svc("app", 1024L,
        Map.of("JDK_JAVA_OPTIONS", "-XX:MaxRAMPercentage=75"), List.of())))).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("heap of 768 MiB"));
    // no heap given: the rule does not guess
    assertThat(RuntimeRules.hr102JvmAboveLimit(project(svc("eclipse-temurin:21", 256L, Map.of(), List.of("java", "-jar", "a.jar")))))
        .isEmpty();
    assertThat(dev.headroom.runtime.JvmModel.bytes("2g")).isEqualTo(Bytes.of(2 * Bytes.GIB));
    assertThat(dev.headroom.runtime.JvmModel.bytes("2gb")).isNull();
  }

  @Test
  void hr103PostgresSettingsAgainstTheLimit() {
    // shared_buffers=8GB with 100 connections: idle wal 16 (its cap) + 25 = 41 MiB; in 12 MiB even idle is above
    assertThat(RuntimeRules.hr103PostgresSettingsAboveLimit(project(svc("postgres:16", 12L, Map.of(),
        List.of("postgres", "-c", "shared_buffers=8GB"))))).singleElement().satisfies(x -> {
          assertThat(x.severity()).isEqualTo(Severity.ERROR);
          assertThat(x.message()).contains("41..", "even idle");
        });
    // the defaults, 29..1287 MiB (PostgresModelTest), in 160 MiB: warm, 128 + 4 + 35 = 167 MiB > 160: a warning
    assertThat(RuntimeRules.hr103PostgresSettingsAboveLimit(project(svc("postgres:16", 160L, Map.of(), List.of()))))
        .singleElement().satisfies(x -> {
          assertThat(x.severity()).isEqualTo(Severity.WARNING);
          assertThat(x.message()).contains("29..1287 MiB", "warm, with shared_buffers filled, it needs 167 MiB");
        });
    // in 512 MiB: warm fits; busy, 167 + 100 × 3 + 100 × 5 = 967 MiB does not: a note
    assertThat(RuntimeRules.hr103PostgresSettingsAboveLimit(project(svc("postgres:16", 512L, Map.of(), List.of()))))
        .singleElement().satisfies(x -> {
          assertThat(x.severity()).isEqualTo(Severity.INFO);
          assertThat(x.message()).contains("with every connection sorting it needs 967 MiB");
        });
    // in 1 GiB: 967 fits; only parallel workers, autovacuum and an index build at once (1287) pass it: nothing
    assertThat(RuntimeRules.hr103PostgresSettingsAboveLimit(project(svc("postgres:16", 1024L, Map.of(), List.of())))).isEmpty();
    // settings in the command: busy 16 + 0.5 + 27 + 20 × 3 + 20 × 2.5 + 8 × (2.5 + 3) + 1 × 16 + 16 = 229.5 MiB ≤ 300: none
    assertThat(RuntimeRules.hr103PostgresSettingsAboveLimit(project(svc("postgres:16", 300L, Map.of(),
        List.of("postgres", "-c", "shared_buffers=16MB", "-c", "max_connections=20", "-c", "work_mem=2MB",
            "-c", "maintenance_work_mem=16MB", "-c", "autovacuum_max_workers=1"))))).isEmpty();
    // a mounted postgresql.conf named by -c config_file=..., the command's own -c winning over it
    ComposeService conf = new ComposeService("db", AT, 1, null, false, new Sourced<>(mib(300), AT), null, null, null, null, null,
        "postgres:16", List.of(), List.of(), Map.of(),
        List.of(new Sourced<>("postgres", AT), new Sourced<>("-c", AT), new Sourced<>("config_file=/etc/pg.conf", AT),
            new Sourced<>("-c", AT), new Sourced<>("autovacuum_max_workers=1", AT)),
        Map.of("/etc/pg.conf", new Sourced<>("shared_buffers = 16MB\nmax_connections = 20\nwork_mem = 2MB\n"
            + "maintenance_work_mem = 16MB\nautovacuum_max_workers = 6\n", AT)));
    assertThat(RuntimeRules.hr103PostgresSettingsAboveLimit(project(conf))).isEmpty();
    // --config-file=... names the file as -c config_file=... does; only the name's dashes become underscores
    ComposeService dashed = new ComposeService("db", AT, 1, null, false, new Sourced<>(mib(256), AT), null, null, null, null,
        null, "postgres:16", List.of(), List.of(), Map.of(),
        List.of(new Sourced<>("postgres", AT), new Sourced<>("--config-file=/etc/my-pg.conf", AT)),
        Map.of("/etc/my-pg.conf", new Sourced<>("shared_buffers = 512MB\n", AT)));
    // warm: 512 + 16 + 35 = 563 MiB > 256: a warning (the defaults would give none at 256 MiB warm: 167)
    assertThat(RuntimeRules.hr103PostgresSettingsAboveLimit(project(dashed))).singleElement()
        .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.WARNING));
  }

  @Test
  void hr104PostgresVariablesTheOfficialImageIgnores() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("POSTGRES_PASSWORD", "x"); // the image reads this one
    env.put("POSTGRES_SHARED_BUFFERS", "16MB");
    env.put("POSTGRES_MAX_CONNECTIONS", "20");
    assertThat(RuntimeRules.hr104SettingsTheImageIgnores(project(svc("postgres:16-alpine", 80L, env, List.of()))))
        .singleElement().satisfies(x -> {
          assertThat(x.message()).contains("ignores POSTGRES_SHARED_BUFFERS, POSTGRES_MAX_CONNECTIONS").doesNotContain("PASSWORD");
          assertThat(x.fix()).contains("command: [\"postgres\", \"-c\", \"shared_buffers=16MB\", \"-c\", \"max_connections=20\"]");
        });
    // docker.io/library/postgres is the same image; bitnami/postgresql reads its own variables: not this rule's
    assertThat(RuntimeRules.hr104SettingsTheImageIgnores(project(svc("docker.io/library/postgres@sha256:ab", 80L, env,
        List.of())))).hasSize(1);
    assertThat(RuntimeRules.hr104SettingsTheImageIgnores(project(svc("bitnami/postgresql:16", 80L, env, List.of())))).isEmpty();
    assertThat(RuntimeRules.hr104SettingsTheImageIgnores(project(svc("postgres:16", 80L, Map.of("POSTGRES_DB", "a"),
        List.of())))).isEmpty();
  }

  private static ComposeService redis(Long limitMib, List<String> command, Map<String, String> files) {
    Map<String, Sourced<String>> f = new LinkedHashMap<>();
    files.forEach((k, v) -> f.put(k, new Sourced<>(v, new Origin("redis.conf", 1, 1))));
    List<Sourced<String>> c = new ArrayList<>();
    command.forEach(w -> c.add(new Sourced<>(w, AT)));
    return new ComposeService("cache", AT, 1, null, false, new Sourced<>(mib(limitMib), AT), null, null, null, null, null,
        "redis:7-alpine", List.of(), List.of(), Map.of(), c, f);
  }

  @Test
  void hr105RedisMaxmemoryAtOrAboveTheLimit() {
    // seed 002: maxmemory 1gb (1 GiB, Redis's gb is 1024^3) in a 512 MiB container; the line of the file
    Finding f = RuntimeRules.hr105RedisMaxmemoryAboveLimit(project(redis(512L, List.of("redis-server", "/etc/redis.conf"),
        Map.of("/etc/redis.conf", "# memory\nmaxmemory 1gb\nmaxmemory-policy allkeys-lru\n")))).get(0);
    assertThat(f.origin()).isEqualTo(new Origin("redis.conf", 2, 1));
    assertThat(f.fix()).endsWith("maxmemory 384mb"); // 512 × 3/4
    // the command wins over the file: --maxmemory 256mb is below 512 MiB
    assertThat(RuntimeRules.hr105RedisMaxmemoryAboveLimit(project(redis(512L,
        List.of("redis-server", "/etc/redis.conf", "--maxmemory", "256mb"), Map.of("/etc/redis.conf", "maxmemory 1gb\n")))))
        .isEmpty();
    // equal is at; 0 is no maxmemory at all (not this rule's)
    assertThat(RuntimeRules.hr105RedisMaxmemoryAboveLimit(project(redis(512L, List.of("redis-server", "--maxmemory", "512mb"),
        Map.of())))).hasSize(1);
    assertThat(RuntimeRules.hr105RedisMaxmemoryAboveLimit(project(redis(512L, List.of("redis-server", "--maxmemory", "0"),
        Map.of())))).isEmpty();
    // Redis's units: 1g is 10^9, 1gb 2^30; 1k 1000, 1kb 1024
    assertThat(dev.headroom.runtime.RedisModel.bytes("1g")).isEqualTo(Bytes.of(1_000_000_000));
    assertThat(dev.headroom.runtime.RedisModel.bytes("1GB")).isEqualTo(Bytes.of(Bytes.GIB));
    assertThat(dev.headroom.runtime.RedisModel.bytes("3kb")).isEqualTo(Bytes.of(3072));
    assertThat(dev.headroom.runtime.RedisModel.bytes("lots")).isNull();
  }

  @Test
  void hr106WorkersAboveTheHostsCores() {
    Host four = Fixtures.withCpu(host("h", 16_384, 0), "4", "0.5");
    // 16 > 4 cores (the machine's cores, not the 3.5 available): a warning; 4 workers is not above
    assertThat(RuntimeRules.hr106WorkersAboveCores(project(svc("app", 1024L, Map.of("MAX_QUEUE_WORKERS", "16"), List.of())),
        four)).singleElement().satisfies(x -> assertThat(x.message()).contains("MAX_QUEUE_WORKERS=16 starts 16 workers on h's 4 cores"));
    assertThat(RuntimeRules.hr106WorkersAboveCores(project(svc("app", 1024L, Map.of("WEB_WORKERS", "4"), List.of())), four))
        .isEmpty();
    // the flag forms: --workers=8, --workers 8, -w 8
    for (List<String> cmd : List.of(List.of("gunicorn", "--workers=8"), List.of("uvicorn", "--workers", "8"),
        List.of("gunicorn", "-w", "8", "app:app"))) {
      assertThat(RuntimeRules.hr106WorkersAboveCores(project(svc("app", 1024L, Map.of(), cmd)), four)).as(cmd.toString()).hasSize(1);
    }
    // a host without CPU figures: nothing to compare with
    assertThat(RuntimeRules.hr106WorkersAboveCores(project(svc("app", 1024L, Map.of("MAX_QUEUE_WORKERS", "16"), List.of())),
        host("n", 1024, 0))).isEmpty();
  }

  @Test
  void hr107ApplicationThresholdAboveTheLimit() {
    // MEMORY_THRESHOLD_MB=14336 is 14336 MiB = 14 GiB, above 7 GiB: an error
    assertThat(RuntimeRules.hr107ThresholdAboveLimit(project(svc("app", 7168L, Map.of("MEMORY_THRESHOLD_MB", "14336"),
        List.of())))).singleElement().satisfies(x -> assertThat(x.message()).contains("up to 14 GiB, above the container's"
            + " memory limit of 7 GiB"));
    // 5120 MiB in 7 GiB: below; PYTHON_MEMORY_LIMIT without a unit in its name is MiB: 8192 MiB = 8 GiB, above
    assertThat(RuntimeRules.hr107ThresholdAboveLimit(project(svc("app", 7168L, Map.of("MEMORY_THRESHOLD_MB", "5120"),
        List.of())))).isEmpty();
    assertThat(RuntimeRules.hr107ThresholdAboveLimit(project(svc("app", 7168L, Map.of("PYTHON_MEMORY_LIMIT", "8192"),
        List.of())))).hasSize(1);
    // a value with its own unit, as docker reads sizes: 8g = 8 GiB
    assertThat(RuntimeRules.threshold("8g", null)).isEqualTo(Bytes.of(8 * Bytes.GIB));
    assertThat(RuntimeRules.threshold("2", "GB")).isEqualTo(Bytes.of(2 * Bytes.GIB));
    assertThat(RuntimeRules.threshold("lots", null)).isNull();
    // equal is not above
    assertThat(RuntimeRules.hr107ThresholdAboveLimit(project(svc("app", 7168L, Map.of("APP_MEMORY_LIMIT_MB", "7168"),
        List.of())))).isEmpty();
  }

  @Test
  void aServiceWithoutSuchSettingsHasNoFinding() {
    ComposeService clean = svc("postgres:16", 1024L, Map.of("POSTGRES_PASSWORD", "x", "NODE_ENV", "production", "LOG_LEVEL", "info"),
        List.of("postgres", "-c", "shared_buffers=128MB", "-c", "max_connections=20"));
    Host h = Fixtures.withCpu(host("h", 16_384, 0), "4", "0");
    assertThat(Gate.check(project(clean), h, Gate.Config.DEFAULT).findings())
        .extracting(Finding::rule).doesNotContain(Rule.HR101, Rule.HR102, Rule.HR103, Rule.HR104, Rule.HR105, Rule.HR106, Rule.HR107);
  }
}
