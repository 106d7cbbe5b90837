package dev.headroom.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.headroom.model.Bytes;
import dev.headroom.model.Catalog;
import dev.headroom.model.Component;
import dev.headroom.model.Cpu;
import dev.headroom.model.Host;
import dev.headroom.model.Service;
import dev.headroom.model.Stack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Catalog files (DESIGN.md section 2): mapping, validation, problems and layering. */
class CatalogLoaderTest {

  @TempDir Path dir;

  private final CatalogLoader loader = new CatalogLoader(new YamlReader());

  private Path write(String relative, String text) throws IOException {
    return write(dir, relative, text);
  }

  private static Path write(Path root, String relative, String text) throws IOException {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  /** The problems of a load that must fail, formatted one per line. */
  private List<String> problems(boolean builtin, List<Path> catalogs) {
    InputException e = catchThrowableOfType(InputException.class, () -> loader.load(builtin, catalogs));
    assertThat(e).as("expected the load to fail").isNotNull();
    return e.problems().stream().map(Problem::format).toList();
  }

  /** The problems of loading {@link #dir} on top of the built-in catalog. */
  private List<String> problems() {
    return problems(true, List.of(dir));
  }

  private static String name(Path p) {
    return p.toString();
  }

  private static final String TINY_HOST =
      """
      kind: host
      id: %s
      memory:
        total: %s
      """;

  // ------------------------------------------------------------------ built-in catalog

  @Test
  void onlyTheBuiltInPartsACommandNeedsAreRead() throws Exception {
    CatalogLoader.Result hosts = loader.load(Set.of("hosts"), List.of());
    assertThat(hosts.catalog().hosts()).hasSize(5);
    assertThat(hosts.catalog().services()).isEmpty();
    assertThat(hosts.catalog().stacks()).isEmpty();
    assertThat(hosts.fileCount()).isEqualTo(5);
    CatalogLoader.Result services = loader.load(Set.of("services"), List.of());
    assertThat(services.catalog().hosts()).isEmpty();
    assertThat(services.catalog().services()).containsKey("postgres-16-alpine");
    // a user catalog may refer to any built-in file: with one, all of them are read
    Path user = Files.writeString(dir.resolve("stack.yaml"), "kind: stack\nid: mine\nper_agent: [postgres-16-alpine]\n");
    CatalogLoader.Result withUser = loader.load(Set.of("hosts"), List.of(user));
    assertThat(withUser.catalog().stacks()).containsKeys("mine", "booking-agent");
    assertThat(withUser.catalog().services()).containsKey("postgres-16-alpine");
  }

  @Test
  void builtInCatalogLoadsWithItsDefaultStack() {
    Catalog c = loader.load(List.of()).catalog();
    assertThat(c.hosts()).containsKeys("pi-zero-2w", "g4dn-xlarge", "dev-15gb", "pi-4b-4gb", "pi-5-8gb");
    assertThat(c.stacks()).containsKeys("booking-agent", "g4dn-ml", "agent-hive");
    assertThat(c.defaultStack()).isEqualTo("booking-agent");
    Host pi = c.host("pi-zero-2w").orElseThrow();
    // 512 MiB - 80 MiB = 432 MiB = 432 × 1,048,576 = 452,984,832
    assertThat(pi.available().value()).isEqualTo(452_984_832L);
    assertThat(pi.origin().file()).isEqualTo("profiles/hosts/pi-zero-2w.yaml");
    assertThat(pi.origin().line()).isPositive();
  }

  @Test
  void indexListsExactlyTheYamlFilesUnderProfiles() throws IOException {
    Path profiles = Path.of("profiles");
    assertThat(profiles).as("tests run from the project root").isDirectory();
    List<String> onDisk;
    try (Stream<Path> walk = Files.walk(profiles)) {
      onDisk =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
              .map(p -> profiles.relativize(p).toString().replace('\\', '/'))
              .sorted()
              .toList();
    }
    List<String> index = CatalogLoader.builtinIndex();
    assertThat(index).doesNotHaveDuplicates();
    assertThat(index).containsExactlyInAnyOrderElementsOf(onDisk);
  }

  // ------------------------------------------------------------------ one problem per issue

  @Test
  void aModelledServiceHasOneComponentPerPartTracedToItsSettings() throws IOException {
    write("pg.yaml", "kind: service\nid: pg\nmodel: postgres\nsettings:\n  shared_buffers: 16MB\n  max_connections: 20\n");
    Service pg = loader.load(List.of(dir)).catalog().service("pg").orElseThrow();
    assertThat(pg.components()).extracting(Component::name).first().isEqualTo("shared_buffers");
    assertThat(pg.components()).allSatisfy(c -> assertThat(c.origin().line()).isEqualTo(5));
    // the sum is the model's: PostgresModelTest has the arithmetic
    assertThat(pg.memory()).isEqualTo(dev.headroom.runtime.PostgresModel.INSTANCE.footprint(
        java.util.Map.of("shared_buffers", "16MB", "max_connections", "20"), null).total());
  }

  @Test
  void aModelledServiceNeedsWhatItsModelNeeds() throws IOException {
    Path jvm = write("jvm.yaml", "kind: service\nid: jvm\nmodel: jvm\nsettings: {Xss: 512k}\n");
    Path redis = write("redis.yaml", "kind: service\nid: r\nmodel: redis\n");
    Path pg = write("pg.yaml", "kind: service\nid: pg\nmodel: postgres\nsettings: {work_mem: 2mb, shared_bufers: 1GB}\n");
    assertThat(problems()).containsExactlyInAnyOrder(
        name(jvm) + ":4:11: settings: without Xmx the JVM sizes its heap from the container limit: give Xmx or a memory limit",
        name(redis) + ":3:8: model: without maxmemory Redis grows with its data and no footprint follows from its settings:"
            + " give maxmemory",
        name(pg) + ":4:22: settings.work_mem: PostgreSQL reads a number in kB or with a unit B, kB, MB, GB or TB"
            + " (case-sensitive), such as 16MB",
        name(pg) + ":4:27: settings.shared_bufers: unknown key 'shared_bufers'; did you mean 'shared_buffers'? (keys starting"
            + " with x- are free for extensions)");
  }

  @Test
  void catalogUnitMIsRefusedAsMilli() throws IOException {
    Path f = write("bad-unit.yaml", TINY_HOST.formatted("tiny", "512m"));
    assertThat(problems())
        .containsExactly(
            name(f) + ":4:10: memory.total: unit 'm' is not a catalog unit (in Kubernetes 'm' means milli, so catalog files refuse it); write 512MiB");
  }

  @Test
  void duplicateKeysNameBothLines() throws IOException {
    Path f = write("dup.yaml", "kind: host\nid: dup\nid: dup2\nmemory: {total: 1GiB}\n");
    assertThat(problems()).containsExactly(name(f) + ":3:1: id: duplicate key 'id' (first at line 2, again at line 3)");
  }

  @Test
  void unknownKeyHasADidYouMean() throws IOException {
    Path f = write("typo.yaml", "kind: host\nid: typo\nmemory:\n  totl: 1GiB\n");
    List<String> problems = problems();
    assertThat(problems.get(0))
        .isEqualTo(
            name(f) + ":4:3: memory.totl: unknown key 'totl'; did you mean 'total'? (keys starting with x- are free for extensions)");
    // the misspelt key leaves the required one missing, which is said as well
    assertThat(problems)
        .containsExactly(
            problems.get(0), name(f) + ":4:3: memory.total: missing required key 'total' (a memory quantity such as 512MiB)");
  }

  @Test
  void unknownTopLevelKeyWithoutANearName() throws IOException {
    Path f = write("odd.yaml", "kind: host\nid: odd\nmemory: {total: 1GiB}\nflavour: vanilla\n");
    assertThat(problems())
        .containsExactly(name(f) + ":4:1: flavour: unknown key 'flavour' (keys starting with x- are free for extensions)");
  }

  @Test
  void reservedAboveTotalIsRefused() throws IOException {
    Path f = write("over.yaml", "kind: host\nid: over\nmemory:\n  total: 512MiB\n  reserved: 600MiB\n");
    assertThat(problems())
        .containsExactly(name(f) + ":5:13: memory.reserved: reserved 600 MiB is above total 512 MiB; nothing would be available");
  }

  @Test
  void stackNamingAMissingServiceSuggestsTheNearest() throws IOException {
    Path f = write("mine.yaml", "kind: stack\nid: mine\nper_agent: [postgres-16-alpin, backend-dotnet9]\n");
    assertThat(problems())
        .containsExactly(name(f) + ":3:13: per_agent[0]: unknown service 'postgres-16-alpin'; did you mean 'postgres-16-alpine'?");
  }

  @Test
  void scenarioReplacingWithAMissingServiceIsRefused() throws IOException {
    Path f =
        write(
            "mine.yaml",
            "kind: stack\nid: mine\nper_agent: [backend-dotnet9]\nscenarios:\n  aot:\n    replace: {backend-dotnet9: backend-dotnet9-aotx}\n");
    assertThat(problems())
        .containsExactly(
            name(f) + ":6:32: scenarios.aot.replace.backend-dotnet9: unknown service 'backend-dotnet9-aotx' (scenario aot); did you mean 'backend-dotnet9-aot'?");
  }

  @Test
  void scenarioApplyingAnUnknownOptimizationIsRefused() throws IOException {
    Path f =
        write("tuned.yaml", "kind: stack\nid: tuned\nper_agent: [backend-dotnet9]\nscenarios:\n  fast:\n    apply: [gc-tunning]\n");
    assertThat(problems())
        .containsExactly(
            name(f) + ":6:13: scenarios.fast.apply[0]: unknown optimization 'gc-tunning' (scenario fast): no service of the scenario has it; did you mean 'gc-tuning'?");
  }

  @Test
  void aClaimAboutAnUnknownHostOrScenarioIsRefused() throws IOException {
    Path f = write("claims.yaml", "kind: stack\nid: mine\nper_agent: [backend-dotnet9]\nscenarios: {lean: {apply: all}}\n"
        + "claims:\n  - {says: fits, host: pi-zero-2x, agents: 2}\n  - {says: fits, host: pi-zero-2w, agents: 2, scenario: laen}\n");
    assertThat(problems()).containsExactly(
        name(f) + ":7:57: claims[1].scenario: unknown scenario 'laen'; did you mean 'lean'? (the stack's scenarios, or current)",
        name(f) + ":6:24: claims[0].host: unknown host 'pi-zero-2x'; did you mean 'pi-zero-2w'?");
  }

  @Test
  void claimsAreReadWithTheirFigures() throws IOException {
    write("claims.yaml", "kind: stack\nid: mine\nper_agent: [backend-dotnet9]\n"
        + "claims:\n  - {says: '2 agents fit', host: pi-zero-2w, agents: 2, total: 632MB, fits: true, source: doc}\n");
    dev.headroom.model.Claim c = loader.load(true, List.of(dir)).catalog().stacks().get("mine").claims().get(0);
    assertThat(c.says()).isEqualTo("2 agents fit");
    assertThat(c.scenario()).isEqualTo("current");
    assertThat(c.agents()).isEqualTo(2);
    assertThat(c.total()).isEqualTo(dev.headroom.model.Range.exactly(dev.headroom.model.Bytes.mib(632)));
    assertThat(c.fits()).isTrue();
  }

  @Test
  void sameIdTwiceInOneDirectoryNamesBothFiles() throws IOException {
    Path a = write("a.yaml", TINY_HOST.formatted("twin", "1GiB"));
    Path b = write("b.yaml", TINY_HOST.formatted("twin", "2GiB"));
    assertThat(problems()).containsExactly(name(b) + ":2:5: id: host id 'twin' is also defined in " + name(a) + ":2");
  }

  @Test
  void sameIdForDifferentKindsIsFine() throws IOException {
    write("h.yaml", TINY_HOST.formatted("shared-name", "1GiB"));
    write("s.yaml", "kind: service\nid: shared-name\nmemory: 10MiB\n");
    Catalog c = loader.load(List.of(dir)).catalog();
    assertThat(c.host("shared-name")).isPresent();
    assertThat(c.service("shared-name")).isPresent();
  }

  @Test
  void twoDefaultStacksInOneDirectoryAreRefused() throws IOException {
    Path one = write("one.yaml", "kind: stack\nid: one\ndefault: true\nper_agent: [backend-dotnet9]\n");
    Path two = write("two.yaml", "kind: stack\nid: two\ndefault: true\nper_agent: [frontend-nextjs15]\n");
    assertThat(problems())
        .containsExactly(
            name(two) + ":3:10: default: stack 'two' is marked default, and so is 'one' in " + name(one)
                + ":3; only one stack of a catalog can be the default");
  }

  @Test
  void threeDefaultStacksAreTwoProblems() throws IOException {
    Path a = write("a.yaml", "kind: stack\nid: a\ndefault: true\nper_agent: [backend-dotnet9]\n");
    Path b = write("b.yaml", "kind: stack\nid: b\ndefault: true\nper_agent: [backend-dotnet9]\n");
    Path c = write("c.yaml", "kind: stack\nid: c\nper_agent: [backend-dotnet9]\ndefault: true\n");
    assertThat(problems())
        .containsExactly(
            name(b) + ":3:10: default: stack 'b' is marked default, and so is 'a' in " + name(a) + ":3; only one stack of a catalog can be the default",
            name(c) + ":4:10: default: stack 'c' is marked default, and so is 'a' in " + name(a) + ":3; only one stack of a catalog can be the default");
  }

  @Test
  void reservedEqualToTotalLeavesNothingAndIsRefused() throws IOException {
    Path f = write("h.yaml", "kind: host\nid: h\nmemory: {total: 1GiB, reserved: 1GiB}\n");
    assertThat(problems())
        .containsExactly(name(f) + ":3:33: memory.reserved: reserved 1 GiB equals total 1 GiB; nothing would be available");
  }

  @Test
  void aStackWithoutServicesIsRefused() throws IOException {
    Path f = write("s.yaml", "kind: stack\nid: s\nper_agent: []\n");
    assertThat(problems())
        .containsExactly(name(f) + ":1:1: per_agent: a stack needs at least one service in per_agent or shared");
  }

  @Test
  void allInsideAnApplyListIsRefused() throws IOException {
    Path f = write("s.yaml", "kind: stack\nid: s\nper_agent: [backend-dotnet9]\nscenarios:\n  x: {apply: [all]}\n");
    assertThat(problems())
        .containsExactly(name(f) + ":5:15: scenarios.x.apply[0]: 'all' inside a list is not an optimization id; write apply: all to apply every optimization");
  }

  @Test
  void aScenarioThatRunsAServiceTwiceIsRefused() throws IOException {
    // replacing postgres with system-overhead, which the stack already runs as shared
    Path f = write("s.yaml", "kind: stack\nid: s\nper_agent: [postgres-16-alpine]\nshared: [system-overhead]\n"
        + "scenarios:\n  x:\n    replace: {postgres-16-alpine: system-overhead}\n");
    assertThat(problems())
        .containsExactly(name(f) + ":7:5: scenarios.x: service 'system-overhead' would run twice in scenario x"
            + " (a replacement or an addition that is already in the stack)");
  }

  @Test
  void removeActsOnTheStacksOwnServicesOnly() throws IOException {
    Path f = write("s.yaml", "kind: stack\nid: s\nper_agent: [postgres-16-alpine]\n"
        + "scenarios:\n  x:\n    add: {shared: [system-overhead]}\n    remove: [system-overhead]\n");
    assertThat(problems())
        .containsExactly(name(f) + ":7:14: scenarios.x.remove[0]: 'system-overhead' is not a service of stack 's' (scenario x)");
  }

  @Test
  void aBrokenStackStillReportsItsUnknownServices() throws IOException {
    Path f = write("s.yaml", "kind: stack\nid: s\ndefault: yes\nper_agent: [nope]\n");
    assertThat(problems())
        .containsExactly(
            name(f) + ":3:10: default: 'yes' is not a boolean in YAML 1.2 (YAML 1.1 read it as one); write true or false",
            name(f) + ":4:13: per_agent[0]: unknown service 'nope'");
  }

  @Test
  void servicesThatAddUpPastEightExbibytesAreRefusedAtLoad() throws IOException {
    // 5 EiB + 5 EiB = 10 EiB > 2^63 − 1 bytes (just under 8 EiB)
    write("a.yaml", "kind: service\nid: a\nmemory: 5EiB\n");
    write("b.yaml", "kind: service\nid: b\nmemory: 5EiB\n");
    Path st = write("st.yaml", "kind: stack\nid: st\nper_agent: [a, b]\n");
    Path c = write("c.yaml", "kind: service\nid: c\nmemory:\n  components:\n    - {name: x, size: 5EiB}\n"
        + "    - {name: y, size: 5EiB}\n");
    assertThat(problems())
        .containsExactlyInAnyOrder(
            name(c) + ":4:3: memory: the components add up to more than 8 EiB (2^63-1 bytes)",
            name(st) + ":1:1: the services of stack 'st' add up to more than 8 EiB (2^63-1 bytes)");
  }

  @Test
  void gpuMemoryOfZeroIsRefused() throws IOException {
    Path f = write("h.yaml", "kind: host\nid: h\nmemory: {total: 1GiB}\ngpu: {model: none, memory: 0}\n");
    assertThat(problems())
        .containsExactly(name(f) + ":4:28: gpu.memory: GPU memory must be above zero (leave gpu out for a host without a GPU)");
  }

  @Test
  void aBrokenServiceDoesNotMakeItsOptimizationsUnknown() throws IOException {
    Path s = write("s.yaml", "kind: service\nid: sv\nmemory:\n  components:\n"
        + "    - {name: x, size: 512m, optimizations: [{id: tune, saves: 1MiB}]}\n");
    write("st.yaml", "kind: stack\nid: st\nper_agent: [sv]\nscenarios:\n  t: {apply: [tune]}\n");
    assertThat(problems()).hasSize(1).first().asString().startsWith(name(s) + ":5:23: memory.components[0].size: unit 'm'");
  }

  @Test
  void aBrokenStackHasEveryReferenceChecked() throws IOException {
    // a typo under add, plus a remove and an apply that name nothing: all three in one run
    Path f = write("st.yaml", "kind: stack\nid: st\nper_agent: [backend-dotnet9]\nscenarios:\n  t:\n"
        + "    add: {sharde: [system-overhead]}\n    remove: [frontend]\n    apply: [gc-tunning]\n");
    assertThat(problems())
        .containsExactlyInAnyOrder(
            name(f) + ":6:11: scenarios.t.add.sharde: unknown key 'sharde'; did you mean 'shared'? (keys starting with x- are free for extensions)",
            name(f) + ":7:14: scenarios.t.remove[0]: 'frontend' is not a service of stack 'st' (scenario t)",
            name(f) + ":8:13: scenarios.t.apply[0]: unknown optimization 'gc-tunning' (scenario t): no service of the scenario has it; did you mean 'gc-tuning'?");
  }

  @Test
  void upperCaseExtensionsAreCatalogFilesToo() throws IOException {
    write("LAB.YAML", "kind: host\nid: lab\nmemory: {total: 1GiB}\n");
    assertThat(loader.load(List.of(dir)).catalog().hosts()).containsKey("lab");
  }

  @Test
  void theBuiltInCatalogIsNotSubjectToTheUsersFileSizeCap() {
    CatalogLoader tiny = new CatalogLoader(new YamlReader(YamlReader.Limits.defaults().withMaxFileSize(16)));
    assertThat(tiny.load(List.of()).catalog().hosts()).containsKey("pi-zero-2w");
  }

  @Test
  void allIsReservedForTheCommandLine() throws IOException {
    Path h = write("h.yaml", "kind: host\nid: all\nmemory: {total: 1GiB}\n");
    Path st = write("st.yaml", "kind: stack\nid: st\nper_agent: [backend-dotnet9]\nscenarios:\n  all: {apply: all}\n");
    assertThat(problems())
        .containsExactlyInAnyOrder(
            name(h) + ":2:5: id: 'all' is reserved (--host all means every one); pick another host id",
            name(st) + ":5:3: scenarios.all: 'all' is reserved: --scenario all means every scenario; pick another name");
  }

  @Test
  void zeroContainerValuesAreRefusedBecauseComposeReadsThemAsUnset() throws IOException {
    Path f = write("s.yaml", "kind: service\nid: s\nmemory: 100MiB\nlimits: {memory: 0, cpus: 0}\n");
    assertThat(problems())
        .containsExactly(
            name(f) + ":4:18: limits.memory: 0 means no limits in docker compose; leave memory out instead",
            name(f) + ":4:27: limits.cpus: 0 means no limits in docker compose; leave cpus out instead");
  }

  @Test
  void aScenarioThatRemovesEveryServiceIsRefused() throws IOException {
    Path f = write("st.yaml", "kind: stack\nid: st\nper_agent: [backend-dotnet9]\nscenarios:\n  none:\n"
        + "    remove: [backend-dotnet9]\n");
    assertThat(problems())
        .containsExactly(name(f) + ":6:5: scenarios.none: scenario none removes every service; a scenario needs at least one");
  }

  @Test
  void leadingZerosInDecimalsAndCoresAreRefused() throws IOException {
    Path f = write("h.yaml", "kind: host\nid: h\nmemory: {total: 1GiB}\ncpu: {cores: 010}\ncost_per_hour: 007\n");
    assertThat(problems())
        .containsExactly(
            name(f) + ":4:14: cpu.cores: '010' has a leading zero (YAML 1.1 reads 010 as octal, YAML 1.2 as decimal); write it without",
            name(f) + ":5:16: cost_per_hour: '007' has a leading zero (YAML 1.1 reads 010 as octal, YAML 1.2 as decimal); write it without");
  }

  @Test
  void bothZeroThresholdsAreReported() throws IOException {
    Path f = write("h.yaml", "kind: host\nid: h\nmemory: {total: 1GiB}\nthresholds: {warn: 0.8, critical: 0}\n");
    assertThat(problems()).containsExactly(name(f) + ":4:35: thresholds.critical: critical must be above 0");
  }

  @Test
  void wrongKindSuggestsTheNearest() throws IOException {
    Path f = write("hots.yaml", "kind: hots\nid: x\n");
    assertThat(problems()).containsExactly(name(f) + ":1:7: kind: unknown kind 'hots' (expected host, service or stack); did you mean 'host'?");
  }

  @Test
  void missingKind() throws IOException {
    Path f = write("nokind.yaml", "id: x\nmemory: {total: 1GiB}\n");
    assertThat(problems()).containsExactly(name(f) + ":1:1: kind: missing required key 'kind' (host, service or stack)");
  }

  @Test
  void yaml11BooleanIsRefused() throws IOException {
    Path f = write("yes.yaml", "kind: stack\nid: yes-stack\ndefault: yes\nper_agent: [backend-dotnet9]\n");
    assertThat(problems())
        .containsExactly(name(f) + ":3:10: default: 'yes' is not a boolean in YAML 1.2 (YAML 1.1 read it as one); write true or false");
  }

  @Test
  void notAMapping() throws IOException {
    Path f = write("list.yaml", "- kind: host\n");
    assertThat(problems())
        .containsExactly(name(f) + ":1:1: a catalog file is a mapping with kind and id, found a list");
  }

  @Test
  void badIdIsRefused() throws IOException {
    Path f = write("upper.yaml", TINY_HOST.formatted("Pi-Zero", "1GiB"));
    assertThat(problems())
        .containsExactly(
            name(f) + ":2:5: id: 'Pi-Zero' is not a valid id (lower-case letters, digits, '.', '_', '-'; starting with a letter or digit; at most 128 characters)");
  }

  @Test
  void serviceProblemsInNestedPlaces() throws IOException {
    Path f =
        write(
            "svc.yaml",
            """
            kind: service
            id: svc
            memory:
              components:
                - name: runtime
                  size: 60..45MiB
                - name: cache
                  size: 10MiB
                  optimizations:
                    - {id: trim, saves: 5m}
            cpu: 500m
            limits: {memory: 64MiB}
            reservations: {memory: 128MiB}
            """);
    assertThat(problems())
        .containsExactly(
            name(f) + ":6:13: memory.components[0].size: range '60..45MiB' runs backwards: 60 MiB is above 45 MiB",
            name(f) + ":10:29: memory.components[1].optimizations[0].saves: unit 'm' is not a catalog unit (in Kubernetes 'm' means milli, so catalog files refuse it); write 5MiB",
            name(f) + ":11:6: cpu: CPU '500m' uses Kubernetes millicores; write cores as a decimal: 0.5",
            name(f) + ":13:15: reservations: reserved memory 128 MiB is above the limit 64 MiB");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "010       | '010' has a leading zero (YAML 1.1 reads it as octal, YAML 1.2 as decimal); write it without the zero",
        "0x10      | '0x10' is an octal or hexadecimal number; write bytes in decimal or with a unit",
        "0o10      | '0o10' is an octal or hexadecimal number; write bytes in decimal or with a unit",
        "+5        | '+5' has a sign; write the plain number",
        "1e9       | '1e9' is not a memory quantity; write a number and a unit such as 512MiB",
        ".inf      | '.inf' is not a memory quantity; write a number and a unit such as 512MiB",
        "true      | expected a memory quantity such as 512MiB, found the boolean true",
        "[1GiB]    | expected a memory quantity such as 512MiB, found a list",
        "{a: 1}    | expected a memory quantity such as 512MiB, found a mapping",
        "''        | empty memory value; write a quantity such as 512MiB",
        "null      | is empty; expected a memory quantity such as 512MiB",
        "1.5       | '1.5' has no unit and is not a whole number of bytes; write a unit, such as 1.5GiB or 1.5MiB",
        "-1GiB     | memory '-1GiB' is negative",
        "1GiB..2GiB| '1GiB..2GiB' is a range; this field takes a single quantity",
      })
  void yamlNumberFormsThatAreNotByteCountsAreRefused(String value, String reason) throws IOException {
    Path f = write("forms.yaml", TINY_HOST.formatted("forms", value));
    assertThat(problems()).containsExactly(name(f) + ":4:10: memory.total: " + reason);
  }

  @Test
  void fileOverTheSizeCapIsRefusedBeforeParsing() throws IOException {
    Path f = write("big.yaml", TINY_HOST.formatted("big", "1GiB") + "# " + "x".repeat(2000) + "\n[broken\n");
    CatalogLoader small = new CatalogLoader(new YamlReader(YamlReader.Limits.defaults().withMaxFileSize(1024)));
    InputException e = catchThrowableOfType(InputException.class, () -> small.load(false, List.of(dir)));
    assertThat(e.problems()).extracting(Problem::format).singleElement().asString()
        .startsWith(name(f) + ": file is ")
        .endsWith("larger than the 1 KiB limit; refused before parsing (raise it with --max-file-size)");
  }

  @Test
  void aStackNamingABrokenServiceReportsOnlyTheBrokenService() throws IOException {
    Path svc = write("svc.yaml", "kind: service\nid: broken-svc\nmemory: 12 parsecs\n");
    write("stack.yaml", "kind: stack\nid: uses-broken\nper_agent: [broken-svc]\n");
    assertThat(problems())
        .containsExactly(
            name(svc) + ":3:9: memory: unknown unit 'parsecs' in '12 parsecs'; catalog units are B, KiB, MiB, GiB, TiB (also Ki/KB, Mi/MB, Gi/GB, Ti/TB)");
  }

  @Test
  void severalBrokenFilesAreReportedInOneException() throws IOException {
    Path a = write("a-unit.yaml", TINY_HOST.formatted("a", "512m"));
    Path b = write("b-dup.yaml", "kind: host\nid: b\nid: b\nmemory: {total: 1GiB}\n");
    Path c = write("c-kind.yaml", "kind: hots\nid: c\n");
    Path d = write("sub/d-yes.yaml", "kind: stack\nid: d\ndefault: yes\nper_agent: [backend-dotnet9]\n");
    Path e = write("sub/deeper/e-syntax.yaml", "kind: host\nid: [unclosed\n");
    Path f = write("f-missing.yaml", "kind: stack\nid: f\nper_agent: [no-such-service-anywhere]\n");
    List<String> problems = problems();
    assertThat(problems).hasSize(6);
    assertThat(problems.get(0)).startsWith(name(a) + ":4:10: memory.total: ");
    assertThat(problems.get(1)).startsWith(name(b) + ":3:1: id: duplicate key 'id'");
    assertThat(problems.get(2)).startsWith(name(c) + ":1:7: kind: unknown kind 'hots'");
    assertThat(problems)
        .anySatisfy(p -> assertThat(p).startsWith(name(d) + ":3:10: default: 'yes' is not a boolean"))
        .anySatisfy(p -> assertThat(p).startsWith(name(e) + ":").contains("YAML syntax"))
        .anySatisfy(p -> assertThat(p).isEqualTo(name(f) + ":3:13: per_agent[0]: unknown service 'no-such-service-anywhere'"));
  }

  @Test
  void problemsAcrossCatalogDirectoriesAreReportedTogether() throws IOException {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    Path a = write(first, "a.yaml", TINY_HOST.formatted("a", "1g"));
    Path b = write(second, "b.yaml", TINY_HOST.formatted("b", "1k"));
    assertThat(problems(false, List.of(first, second)))
        .containsExactly(
            name(a) + ":4:10: memory.total: unit 'g' is not a catalog unit (a single letter is ambiguous between dialects); write 1GiB",
            name(b) + ":4:10: memory.total: unit 'k' is not a catalog unit (a single letter is ambiguous between dialects); write 1KiB");
  }

  @Test
  void missingOrEmptyCatalogDirectory() throws IOException {
    Path missing = dir.resolve("nowhere");
    assertThat(problems(false, List.of(missing))).containsExactly(name(missing) + ": no such file or directory (given as a catalog)");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Files.writeString(empty.resolve("README.md"), "not a catalog file\n");
    assertThat(problems(false, List.of(empty))).containsExactly(name(empty) + ": holds no .yaml or .yml files");
  }

  @Test
  void hiddenFilesAndDirectoriesAreSkipped() throws IOException {
    write("host.yml", TINY_HOST.formatted("visible", "1GiB"));
    write(".hidden.yaml", "this: [is broken\n");
    write(".git/config.yaml", "also: [broken\n");
    Catalog c = loader.load(false, List.of(dir)).catalog();
    assertThat(c.hosts()).containsOnlyKeys("visible");
  }

  @Test
  void aSingleFileCanBeACatalog() throws IOException {
    Path f = write("one.yaml", TINY_HOST.formatted("single", "2GiB"));
    Catalog c = loader.load(false, List.of(f)).catalog();
    // 2 × 1,073,741,824 = 2,147,483,648
    assertThat(c.host("single").orElseThrow().memoryTotal().value()).isEqualTo(2_147_483_648L);
  }

  // ------------------------------------------------------------------ layering

  @Test
  void userHostOverridesTheBuiltInOne() throws IOException {
    write("pi.yaml", TINY_HOST.formatted("pi-zero-2w", "1GiB"));
    Catalog c = loader.load(List.of(dir)).catalog();
    Host pi = c.host("pi-zero-2w").orElseThrow();
    assertThat(pi.memoryTotal()).isEqualTo(Bytes.gib(1));
    assertThat(pi.memoryReserved()).isEqualTo(Bytes.ZERO);
    assertThat(pi.origin().file()).isEqualTo(name(dir.resolve("pi.yaml")));
    // the other built-in hosts are still there
    assertThat(c.hosts()).containsKeys("g4dn-xlarge", "dev-15gb");
  }

  @Test
  void userServiceOverridesTheBuiltInOneInBuiltInStacks() throws IOException {
    write("pg.yaml", "kind: service\nid: postgres-16-alpine\nmemory: 1GiB\n");
    Catalog c = loader.load(List.of(dir)).catalog();
    Service pg = c.service("postgres-16-alpine").orElseThrow();
    assertThat(pg.memory().high()).isEqualTo(Bytes.gib(1));
    assertThat(c.stack("booking-agent").orElseThrow().perAgent()).contains("postgres-16-alpine");
  }

  @Test
  void laterCatalogDirectoryOverridesAnEarlierOne() throws IOException {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    write(first, "lab.yaml", TINY_HOST.formatted("lab", "1GiB"));
    write(second, "lab.yaml", TINY_HOST.formatted("lab", "2GiB"));
    assertThat(loader.load(false, List.of(first, second)).catalog().host("lab").orElseThrow().memoryTotal())
        .isEqualTo(Bytes.gib(2));
    assertThat(loader.load(false, List.of(second, first)).catalog().host("lab").orElseThrow().memoryTotal())
        .isEqualTo(Bytes.gib(1));
    // one id across two layers is not a duplicate
    assertThat(loader.load(true, List.of(first, second)).fileCount()).isEqualTo(CatalogLoader.builtinIndex().size() + 2);
  }

  @Test
  void userStackMarkedDefaultBecomesTheDefault() throws IOException {
    write("mine.yaml", "kind: stack\nid: mine\ndefault: true\nper_agent: [backend-dotnet9]\nshared: [system-overhead]\n");
    Catalog c = loader.load(List.of(dir)).catalog();
    assertThat(c.defaultStack()).isEqualTo("mine");
    Stack mine = c.stack("mine").orElseThrow();
    assertThat(mine.perAgent()).containsExactly("backend-dotnet9");
    assertThat(mine.shared()).containsExactly("system-overhead");
    // the built-in default is still a stack, just not the default
    assertThat(c.stack("booking-agent")).isPresent();
  }

  @Test
  void laterDirectoryDefaultWinsOverAnEarlierDirectoryDefault() throws IOException {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    write(first, "a.yaml", "kind: stack\nid: a\ndefault: true\nper_agent: [backend-dotnet9]\n");
    write(second, "b.yaml", "kind: stack\nid: b\ndefault: true\nper_agent: [backend-dotnet9]\n");
    assertThat(loader.load(List.of(first, second)).catalog().defaultStack()).isEqualTo("b");
    assertThat(loader.load(List.of(second, first)).catalog().defaultStack()).isEqualTo("a");
  }

  @Test
  void aUserStackNotMarkedDefaultLeavesTheBuiltInDefault() throws IOException {
    write("mine.yaml", "kind: stack\nid: mine\nper_agent: [backend-dotnet9]\n");
    assertThat(loader.load(List.of(dir)).catalog().defaultStack()).isEqualTo("booking-agent");
  }

  // ------------------------------------------------------------------ x- keys

  @Test
  void extensionKeysAreAcceptedEverywhere() throws IOException {
    write(
        "host.yaml",
        """
        x-top: 1
        kind: host
        id: ext-host
        memory: {total: 1GiB, reserved: 100MiB, x-note: kernel}
        cpu: {cores: 2, x-smt: true}
        gpu: {model: T4, memory: 16GiB, x-driver: 535}
        thresholds: {warn: 0.7, critical: 0.85, x-why: [a, b]}
        """);
    write(
        "service.yaml",
        """
        kind: service
        id: ext-svc
        x-owner: {team: core}
        memory:
          x-measured: 2024-01-01
          components:
            - name: runtime
              size: 45..60MiB
              x-component-note: hi
              optimizations:
                - {id: gc, saves: 5MiB, x-ticket: 12}
        limits: {memory: 128MiB, cpus: 0.8, x-l: 1}
        reservations: {memory: 96MiB, cpus: 0.5, x-r: 1}
        """);
    write(
        "stack.yaml",
        """
        kind: stack
        id: ext-stack
        x-anchors:
          common: &common [ext-svc]
        per_agent: *common
        scenarios:
          tuned:
            apply: [gc]
            x-scenario-note: faster
            add: {shared: [system-overhead], x-add: 1}
        """);
    Catalog c = loader.load(List.of(dir)).catalog();
    Host h = c.host("ext-host").orElseThrow();
    // 1 GiB - 100 MiB = 1,073,741,824 - 104,857,600 = 968,884,224
    assertThat(h.available().value()).isEqualTo(968_884_224L);
    assertThat(h.cpu().cores()).isEqualTo(Cpu.of("2"));
    assertThat(h.gpu().memory()).isEqualTo(Bytes.gib(16));
    assertThat(h.thresholds().warn()).isEqualByComparingTo("0.7");
    Service s = c.service("ext-svc").orElseThrow();
    // 45 × 1,048,576 = 47,185,920; 60 × 1,048,576 = 62,914,560
    assertThat(s.memory().low().value()).isEqualTo(47_185_920L);
    assertThat(s.memory().high().value()).isEqualTo(62_914_560L);
    assertThat(s.optimizations()).extracting(o -> o.id()).containsExactly("gc");
    assertThat(s.limits().cpus()).isEqualTo(Cpu.of("0.8"));
    Stack st = c.stack("ext-stack").orElseThrow();
    assertThat(st.perAgent()).containsExactly("ext-svc");
    assertThat(st.scenario("tuned").orElseThrow().addShared()).containsExactly("system-overhead");
  }
}
