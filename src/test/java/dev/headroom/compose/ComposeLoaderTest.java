package dev.headroom.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.fail;

import dev.headroom.load.InputException;
import dev.headroom.load.Source;
import dev.headroom.load.YamlNode;
import dev.headroom.load.YamlReader;
import dev.headroom.model.Bytes;
import dev.headroom.model.ComposeProject;
import dev.headroom.model.ComposeProject.ComposeError;
import dev.headroom.model.ComposeService;
import dev.headroom.model.ComposeService.GpuRequest;
import dev.headroom.model.Cpu;
import dev.headroom.model.Origin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The loader's own semantics, one behaviour per test, each checked against compose-go v2 (loader,
 * override, types, validate) and the compose specification. Files are written to a temporary
 * directory that is also the working directory, so messages name them as {@code compose.yaml}.
 */
class ComposeLoaderTest {

  private static final long MIB = 1L << 20;
  private static final long GIB = 1L << 30;

  @TempDir Path dir;

  // ===================================================================== helpers

  private void write(String name, String text) {
    Path p = dir.resolve(name);
    try {
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ComposeLoader.Options options(List<String> files, List<String> envFiles, List<String> profiles,
      Map<String, String> environment) {
    return new ComposeLoader.Options(files.stream().map(Path::of).toList(), null, envFiles.stream().map(Path::of).toList(),
        profiles, environment, dir, null);
  }

  private ComposeProject load(ComposeLoader.Options options) {
    return new ComposeLoader(options).load();
  }

  private ComposeProject load(String... files) {
    return load(options(List.of(files), List.of(), List.of(), Map.of()));
  }

  /** compose.yaml with this text, loaded alone. */
  private ComposeProject compose(String text) {
    write("compose.yaml", text);
    return load("compose.yaml");
  }

  /** compose's errors without the fixes headroom adds (those are tested in {@code FixesOfComposesErrors}). */
  private static List<ComposeError> withoutFixes(ComposeProject p) {
    return p.errors().stream().map(e -> new ComposeError(e.message(), e.service(), e.origin())).toList();
  }

  /** The one problem that refuses the project, as it is printed. */
  private String refusal(ComposeLoader.Options options) {
    try {
      ComposeProject p = load(options);
      return fail("loaded, with errors " + p.errors());
    } catch (InputException e) {
      assertThat(e.problems()).hasSize(1);
      return e.problems().get(0).format();
    }
  }

  private String refusal(String... files) {
    return refusal(options(List.of(files), List.of(), List.of(), Map.of()));
  }

  private String composeRefusal(String text) {
    write("compose.yaml", text);
    return refusal("compose.yaml");
  }

  private static ComposeService service(ComposeProject p, String name) {
    return p.services().stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseGet(() -> fail("no active service " + name + " in " + p.services().stream().map(ComposeService::name).toList()));
  }

  private static ComposeService web(ComposeProject p) {
    assertThat(p.errors()).isEmpty();
    return service(p, "web");
  }

  private static List<String> errors(ComposeProject p) {
    return p.errors().stream().map(ComposeError::message).toList();
  }

  private static Bytes bytes(long n) {
    return Bytes.of(n);
  }

  private static Origin at(String file, int line, int column) {
    return new Origin(file, line, column);
  }

  // ===================================================================== memory

  @Nested
  class Memory {

    @Test
    void memLimitAlone() {
      ComposeService web = web(compose("""
          services:
            web:
              image: nginx
              mem_limit: 512m
          """));
      assertThat(web.memLimitOrNull()).isEqualTo(bytes(512 * MIB));
      assertThat(web.memLimit().origin()).isEqualTo(at("compose.yaml", 4, 16));
    }

    @Test
    void deployLimitAlone() {
      ComposeService web = web(compose("""
          services:
            web:
              image: nginx
              deploy:
                resources:
                  limits:
                    memory: 1g
          """));
      assertThat(web.memLimitOrNull()).isEqualTo(bytes(GIB));
      assertThat(web.memLimit().origin()).isEqualTo(at("compose.yaml", 7, 19));
    }

    @Test
    void memLimitAndDeployLimitEqualAreAccepted() {
      // compose compares the bytes: 1g and 1024m are the same limit
      ComposeService web = web(compose("""
          services:
            web:
              image: nginx
              mem_limit: 1g
              deploy:
                resources:
                  limits:
                    memory: 1024m
          """));
      assertThat(web.memLimitOrNull()).isEqualTo(bytes(GIB));
    }

    @Test
    void memLimitAndDeployLimitDifferentIsComposesError() {
      ComposeProject p = compose("""
          services:
            web:
              image: nginx
              mem_limit: 1g
              deploy:
                resources:
                  limits:
                    memory: 2g
          """);
      assertThat(withoutFixes(p)).containsExactly(new ComposeError(
          "services.web: can't set distinct values on 'mem_limit' and 'deploy.resources.limits.memory'", "web",
          at("compose.yaml", 4, 16)));
    }

    @Test
    void memLimitBesideDeployLimitsWithoutMemoryIsComposesError() {
      // validate.go compares mem_limit with limits.memory whenever deploy.resources.limits exists:
      // an absent memory there is 0, which differs from 1g
      ComposeProject p = compose("""
          services:
            web:
              image: nginx
              mem_limit: 1g
              deploy:
                resources:
                  limits:
                    cpus: "1"
          """);
      assertThat(errors(p)).containsExactly(
          "services.web: can't set distinct values on 'mem_limit' and 'deploy.resources.limits.memory'");
    }

    @Test
    void memLimitBesideDeployWithoutLimitsIsAccepted() {
      ComposeService web = web(compose("""
          services:
            web:
              image: nginx
              mem_limit: 1g
              deploy:
                replicas: 2
          """));
      assertThat(web.memLimitOrNull()).isEqualTo(bytes(GIB));
      assertThat(web.replicas()).isEqualTo(2);
    }

    @Test
    void memReservationAlone() {
      ComposeService web = web(compose("""
          services:
            web:
              image: nginx
              mem_reservation: 256m
          """));
      assertThat(web.memReservationOrNull()).isEqualTo(bytes(256 * MIB));
      assertThat(web.memLimit()).isNull();
    }

    @Test
    void deployReservationAlone() {
      ComposeService web = web(compose("""
          services:
            web:
              image: nginx
              deploy:
                resources:
                  reservations:
                    memory: 256m
          """));
      assertThat(web.memReservationOrNull()).isEqualTo(bytes(256 * MIB));
    }

    @Test
    void memReservationAndDeployReservationEqualAreAccepted() {
      ComposeService web = web(compose("""
          services:
            web:
              image: nginx
              mem_reservation: 268435456
              deploy:
                resources:
                  reservations:
                    memory: 256m
          """));
      assertThat(web.memReservationOrNull()).isEqualTo(bytes(256 * MIB));
    }

    @Test
    void memReservationAndDeployReservationDifferentIsComposesError() {
      ComposeProject p = compose("""
          services:
            web:
              image: nginx
              mem_reservation: 128m
              deploy:
                resources:
                  reservations:
                    memory: 256m
          """);
      assertThat(withoutFixes(p)).containsExactly(new ComposeError(
          "services.web: can't set distinct values on 'mem_reservation' and 'deploy.resources.reservations.memory'", "web",
          at("compose.yaml", 4, 22)));
    }

    @Test
    void memReservationBesideDeployReservationsWithoutMemoryIsComposesError() {
      // a GPU reservation makes deploy.resources.reservations exist, and its memory is then 0
      ComposeProject p = compose("""
          services:
            web:
              image: nginx
              mem_reservation: 1g
              deploy:
                resources:
                  reservations:
                    devices:
                      - capabilities: [gpu]
          """);
      assertThat(errors(p)).containsExactly(
          "services.web: can't set distinct values on 'mem_reservation' and 'deploy.resources.reservations.memory'");
    }

    @Test
    void yamlIntegerIsBytes() {
      ComposeService web = web(compose("""
          services:
            web:
              image: nginx
              mem_limit: 1073741824
          """));
      assertThat(web.memLimitOrNull()).isEqualTo(bytes(1_073_741_824L));
    }

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({
      "512m, 536870912",
      "512M, 536870912",
      "512MB, 536870912",
      "512mib, 536870912",
      "1g, 1073741824",
      // go-units multiplies the float, then truncates: 1.5 × 2^30
      "1.5g, 1610612736",
      "'1 g', 1073741824",
      "100k, 102400",
      "'1024', 1024",
      "'1024b', 1024",
    })
    void stringsReadAsGoUnitsRamInBytes(String text, long expected) {
      ComposeService web = web(compose("""
          services:
            web:
              image: nginx
              mem_limit: "%s"
          """.formatted(text)));
      assertThat(web.memLimitOrNull()).isEqualTo(bytes(expected));
    }

    @Test
    void zeroIsUnsetAndNotComparedWithTheDeployLimit() {
      // compose: s.MemLimit != 0 guards the comparison; 0 is docker's "no limit"
      ComposeProject p = compose("""
          services:
            web:
              image: nginx
              mem_limit: 0
              mem_reservation: "0"
            api:
              image: nginx
              mem_limit: 0
              deploy:
                resources:
                  limits:
                    memory: 1g
          """);
      assertThat(p.errors()).isEmpty();
      assertThat(service(p, "web").memLimit()).isNull();
      assertThat(service(p, "web").memReservation()).isNull();
      assertThat(service(p, "api").memLimitOrNull()).isEqualTo(bytes(GIB));
    }

    @Test
    void kubernetesSuffixesAreRefusedWithTheFix() {
      assertThat(composeRefusal("""
          services:
            web:
              image: nginx
              mem_limit: 512Mi
          """)).isEqualTo("compose.yaml:4:16: services.web.mem_limit: invalid suffix 'Mi' in '512Mi':"
              + " docker compose refuses Kubernetes-style units; write 512M or 512MiB");
      assertThat(composeRefusal("""
          services:
            web:
              image: nginx
              deploy:
                resources:
                  limits:
                    memory: 1Gi
          """)).isEqualTo("compose.yaml:7:19: services.web.deploy.resources.limits.memory: invalid suffix 'Gi' in '1Gi':"
              + " docker compose refuses Kubernetes-style units; write 1G or 1GiB");
    }

    @Test
    void yamlFloatIsReportedAsIgnoredByCompose() {
      // types.UnitBytes decodes int64, uint64 and string; a float leaves the limit at 0
      ComposeProject p = compose("""
          services:
            web:
              image: nginx
              mem_limit: 1.5
          """);
      // not an error of compose's (HR007): compose runs the service without a limit, so does headroom
      assertThat(p.errors()).isEmpty();
      assertThat(p.warnings()).containsExactly("compose.yaml:4:16: services.web.mem_limit: 1.5 is a YAML float, which"
          + " docker compose ignores: no value is set; write an integer number of bytes or a string such as \"1.5g\"");
      assertThat(service(p, "web").memLimit()).isNull();
    }

    @Test
    void negativeIsRefused() {
      assertThat(composeRefusal("""
          services:
            web:
              image: nginx
              mem_limit: -1
          """)).isEqualTo("compose.yaml:4:16: services.web.mem_limit: must not be negative");
      assertThat(composeRefusal("""
          services:
            web:
              image: nginx
              mem_reservation: "-1g"
          """)).isEqualTo("compose.yaml:4:22: services.web.mem_reservation: invalid size: '-1g' is negative");
    }
  }

  // ===================================================================== cpus

  @Nested
  class Cpus {

    @Test
    void yamlNumber() {
      ComposeService web = web(compose("""
          services:
            web:
              image: nginx
              cpus: 0.5
          """));
      assertThat(web.cpusLimitOrNull()).isEqualTo(Cpu.of("0.5"));
      assertThat(web.cpusLimit().origin()).isEqualTo(at("compose.yaml", 4, 11));
    }

    @Test
    void stringIsCastToANumber() {
      ComposeService web = web(compose("""
          services:
            web:
              image: nginx
              cpus: "0.5"
          """));
      assertThat(web.cpusLimitOrNull()).isEqualTo(Cpu.of("0.5"));
    }

    @Test
    void deployLimitsAndReservations() {
      ComposeService web = web(compose("""
          services:
            web:
              image: nginx
              deploy:
                resources:
                  limits:
                    cpus: "1.5"
                  reservations:
                    cpus: '0.25'
          """));
      assertThat(web.cpusLimitOrNull()).isEqualTo(Cpu.of("1.5"));
      assertThat(web.cpusReservationOrNull()).isEqualTo(Cpu.of("0.25"));
      assertThat(web.cpusReservation().origin()).isEqualTo(at("compose.yaml", 9, 17));
    }

    @Test
    void cpusAndDeployLimitEqualAreAccepted() {
      ComposeService web = web(compose("""
          services:
            web:
              image: nginx
              cpus: 0.5
              deploy:
                resources:
                  limits:
                    cpus: "0.50"
          """));
      assertThat(web.cpusLimitOrNull()).isEqualTo(Cpu.of("0.5"));
    }

    @Test
    void cpusAndDeployLimitDifferentIsComposesError() {
      ComposeProject p = compose("""
          services:
            web:
              image: nginx
              cpus: 0.5
              deploy:
                resources:
                  limits:
                    cpus: "1"
          """);
      assertThat(withoutFixes(p)).containsExactly(new ComposeError(
          "services.web: can't set distinct values on 'cpus' and 'deploy.resources.limits.cpus'", "web",
          at("compose.yaml", 4, 11)));
    }

    @Test
    void cpusBesideDeployLimitsWithoutCpusIsComposesError() {
      // as for memory: NanoCPUs is 0 when limits has no cpus, and 0 differs from 0.5
      ComposeProject p = compose("""
          services:
            web:
              image: nginx
              cpus: 0.5
              deploy:
                resources:
                  limits:
                    memory: 1g
          """);
      assertThat(errors(p)).containsExactly(
          "services.web: can't set distinct values on 'cpus' and 'deploy.resources.limits.cpus'");
    }

    @Test
    void millicoresAreRefused() {
      // services.*.cpus is cast with strconv.ParseFloat after interpolation; compose's message
      assertThat(composeRefusal("""
          services:
            web:
              image: nginx
              cpus: "500m"
          """)).isEqualTo("compose.yaml:4:11: services.web.cpus: error while interpolating services.web.cpus:"
              + " failed to cast to expected type: strconv.ParseFloat: parsing \"500m\": invalid syntax");
      // deploy.resources.limits.cpus is not a cast path; compose's NanoCPUs refuses it too
      assertThat(composeRefusal("""
          services:
            web:
              image: nginx
              deploy:
                resources:
                  limits:
                    cpus: 500m
          """)).isEqualTo("compose.yaml:7:17: services.web.deploy.resources.limits.cpus:"
              + " CPU '500m' uses Kubernetes millicores; write cores as a decimal: 0.5");
    }
    private Cpu deployCpus(String value) {
      return web(compose("services:\n  web:\n    image: a\n    deploy: {resources: {limits: {cpus: " + value + "}}}\n"))
          .cpusLimitOrNull();
    }

    @Test
    void goFloatSpellingsAreRead() {
      // NanoCPUs goes through strconv.ParseFloat: every spelling it takes is a number of CPUs
      assertThat(deployCpus("\".5\"")).isEqualTo(Cpu.of("0.5"));
      assertThat(deployCpus("\"5.\"")).isEqualTo(Cpu.of("5"));
      assertThat(deployCpus("\"+1\"")).isEqualTo(Cpu.of("1"));
      assertThat(deployCpus("\"1e-1\"")).isEqualTo(Cpu.of("0.1"));
      assertThat(deployCpus("2.5E+1")).isEqualTo(Cpu.of("25"));
      // a YAML integer in hexadecimal or octal, as docker compose's YAML library reads it: 0x10 = 16, 0o10 = 8
      assertThat(deployCpus("0x10")).isEqualTo(Cpu.of("16"));
      assertThat(deployCpus("0o10")).isEqualTo(Cpu.of("8"));
    }

    @Test
    void decimalsPastANanoCpuAreDroppedAndTinyValuesAreUnset() {
      // docker counts nanoCPUs: 0.1234567899 is 123,456,789 of them
      assertThat(deployCpus("0.1234567899")).isEqualTo(Cpu.of("0.123456789"));
      // 1e-10 is less than one nanoCPU: 0, which means no limit; an exponent of -99999 too, at once
      assertThat(deployCpus("1e-10")).isNull();
      assertThat(deployCpus("\"1e-99999\"")).isNull();
      assertThat(deployCpus("\"0e999999999999\"")).isNull();
    }

    @Test
    void infiniteAbsurdAndNegativeCpusAreRefused() {
      String file = "services:\n  web:\n    image: a\n    deploy: {resources: {limits: {cpus: %s}}}\n";
      assertThat(composeRefusal(file.formatted(".inf")))
          .isEqualTo("compose.yaml:4:41: services.web.deploy.resources.limits.cpus: '.inf' is not a number of CPUs such as 0.5");
      assertThat(composeRefusal(file.formatted("\"NaN\"")))
          .isEqualTo("compose.yaml:4:41: services.web.deploy.resources.limits.cpus: 'NaN' is not a number of CPUs such as 0.5");
      assertThat(composeRefusal(file.formatted("1e99999"))).isEqualTo("compose.yaml:4:41: services.web.deploy.resources"
          + ".limits.cpus: 1e99999 CPUs is more than any host has (at most 1000000000)");
      assertThat(composeRefusal(file.formatted("-0.5")))
          .isEqualTo("compose.yaml:4:41: services.web.deploy.resources.limits.cpus: CPU '-0.5' is negative; write a number of"
              + " cores ≥ 0");
      assertThat(composeRefusal(file.formatted("\"" + "1".repeat(65) + "\"")))
          .endsWith("is not a number of CPUs such as 0.5");
    }
  }

  // ===================================================================== replicas

  @Nested
  class Replicas {

    @Test
    void noneIsOne() {
      ComposeService web = web(compose("""
          services:
            web:
              image: nginx
          """));
      assertThat(web.replicas()).isEqualTo(1);
      assertThat(web.replicasOrigin()).isNull();
      assertThat(web.global()).isFalse();
    }

    @Test
    void scale() {
      ComposeService web = web(compose("""
          services:
            web:
              image: nginx
              scale: 3
          """));
      assertThat(web.replicas()).isEqualTo(3);
      assertThat(web.replicasOrigin()).isEqualTo(at("compose.yaml", 4, 12));
    }

    @Test
    void deployReplicas() {
      ComposeService web = web(compose("""
          services:
            web:
              image: nginx
              deploy:
                replicas: 4
          """));
      assertThat(web.replicas()).isEqualTo(4);
      assertThat(web.replicasOrigin()).isEqualTo(at("compose.yaml", 5, 17));
    }

    @Test
    void scaleAndDeployReplicasEqualAreAccepted() {
      ComposeService web = web(compose("""
          services:
            web:
              image: nginx
              scale: 2
              deploy:
                replicas: 2
          """));
      assertThat(web.replicas()).isEqualTo(2);
    }

    @Test
    void scaleAndDeployReplicasDifferentIsComposesError() {
      ComposeProject p = compose("""
          services:
            web:
              image: nginx
              scale: 2
              deploy:
                replicas: 3
          """);
      assertThat(withoutFixes(p)).containsExactly(new ComposeError(
          "services.web: can't set distinct values on 'scale' and 'deploy.replicas'", "web", at("compose.yaml", 4, 12)));
    }

    @Test
    void globalModeIsOne() {
      ComposeService web = web(compose("""
          services:
            web:
              image: nginx
              deploy:
                mode: global
          """));
      assertThat(web.replicas()).isEqualTo(1);
      assertThat(web.global()).isTrue();
    }

    @Test
    void interpolatedStringIsCastToAnInteger() {
      write(".env", "N=3\n");
      ComposeService web = web(compose("""
          services:
            web:
              image: nginx
              deploy:
                replicas: ${N}
          """));
      assertThat(web.replicas()).isEqualTo(3);
    }

    @Test
    void unsetVariableFailsTheCastAsInCompose() {
      assertThat(composeRefusal("""
          services:
            web:
              image: nginx
              deploy:
                replicas: ${N}
          """)).isEqualTo("compose.yaml:5:17: services.web.deploy.replicas: error while interpolating"
              + " services.web.deploy.replicas: failed to cast to expected type: strconv.Atoi: parsing \"\": invalid syntax");
    }

    @Test
    void negativeIsRefused() {
      assertThat(composeRefusal("""
          services:
            web:
              image: nginx
              scale: -1
          """)).isEqualTo("compose.yaml:4:12: services.web.scale: must be greater than or equal to 0");
    }

    @Test
    void plainIntegersAreReadAsDockerComposesYamlLibraryReadsThem() {
      // go-yaml v3 reads a plain integer with strconv.ParseInt(s, 0, 64): 010 is octal 8, 0x10 is 16, 0o10 is 8;
      // 09 is no octal and becomes the float 9
      assertThat(web(compose("services:\n  web: {image: a, scale: 010}\n")).replicas()).isEqualTo(8);
      assertThat(web(compose("services:\n  web: {image: a, scale: 0x10}\n")).replicas()).isEqualTo(16);
      assertThat(web(compose("services:\n  web: {image: a, scale: 0o10}\n")).replicas()).isEqualTo(8);
      assertThat(web(compose("services:\n  web: {image: a, scale: 09}\n")).replicas()).isEqualTo(9);
      assertThat(web(compose("services:\n  web: {image: a, mem_limit: 0x100000}\n")).memLimitOrNull())
          .isEqualTo(bytes(MIB));
    }

    @Test
    void quotedIntegersAreCastInBaseTen() {
      // compose casts a string under scale with strconv.Atoi: "010" is 10, whatever the same digits mean unquoted
      assertThat(web(compose("services:\n  web: {image: a, scale: \"010\"}\n")).replicas()).isEqualTo(10);
      assertThat(web(compose("services:\n  web: {image: a, deploy: {replicas: \"+3\"}}\n")).replicas()).isEqualTo(3);
      assertThat(composeRefusal("services:\n  web: {image: a, scale: \"99999999999999999999\"}\n"))
          .isEqualTo("compose.yaml:2:26: services.web.scale: error while interpolating services.web.scale: failed to cast"
              + " to expected type: strconv.Atoi: parsing \"99999999999999999999\": value out of range");
      assertThat(composeRefusal("services:\n  web: {image: a, scale: 99999999999999999999}\n"))
          .isEqualTo("compose.yaml:2:26: services.web.scale: 99999999999999999999 is out of range (more than 2^63-1)");
    }
  }

  // ===================================================================== interpolation

  @Nested
  class Interpolating {

    @Test
    void processEnvironmentWinsOverDotEnv() {
      write(".env", "TAG=from-dotenv\nOTHER=kept\n");
      write("compose.yaml", """
          services:
            web:
              image: "nginx:${TAG}-${OTHER}"
          """);
      ComposeService web = web(load(options(List.of("compose.yaml"), List.of(), List.of(), Map.of("TAG", "from-process"))));
      assertThat(web.image()).isEqualTo("nginx:from-process-kept");
    }

    @Test
    void envFileOptionReplacesDotEnv() {
      write(".env", "TAG=from-dotenv\nONLY_IN_DOTENV=x\n");
      write("other.env", "TAG=from-other\n");
      write("compose.yaml", """
          services:
            web:
              image: "nginx:${TAG}${ONLY_IN_DOTENV:-}"
          """);
      ComposeProject p = load(options(List.of("compose.yaml"), List.of("other.env"), List.of(), Map.of()));
      assertThat(web(p).image()).isEqualTo("nginx:from-other");
      assertThat(p.files()).containsExactly("other.env", "compose.yaml");
    }

    @Test
    void missingRequiredVariableIsRefusedWhereItIsWritten() {
      assertThat(composeRefusal("""
          services:
            web:
              image: "nginx:${TAG:?need TAG}"
          """)).isEqualTo("compose.yaml:3:12: services.web.image: required variable TAG is missing a value: need TAG");
    }

    @Test
    void doubleDollarIsALiteralDollar() {
      ComposeService web = web(compose("""
          services:
            web:
              image: "registry/app$$1"
          """));
      assertThat(web.image()).isEqualTo("registry/app$1");
    }

    @Test
    void keysAreNotInterpolated() {
      write("compose.yaml", """
          services:
            ${NAME}:
              image: nginx
          """);
      // the key stays ${NAME}, which is no service name: docker compose refuses it in its schema check
      assertThat(refusal(options(List.of("compose.yaml"), List.of(), List.of(), Map.of("NAME", "api"))))
          .isEqualTo("compose.yaml:2:3: services.${NAME}: additional properties '${NAME}' not allowed");
    }

    @Test
    void extensionSectionsAreInterpolatedToo() {
      // compose-go interpolates the whole file before anything reads it, x- keys included
      assertThat(composeRefusal("""
          x-defaults:
            image: "${REGISTRY:?set REGISTRY}/app"
          services:
            web:
              image: nginx
          """)).isEqualTo("compose.yaml:2:10: x-defaults.image: required variable REGISTRY is missing a value: set REGISTRY");
    }

    @Test
    void unsetVariableWarnsAndIsEmpty() {
      ComposeProject p = compose("""
          services:
            web:
              image: "nginx${SUFFIX}"
          """);
      assertThat(web(p).image()).isEqualTo("nginx");
      assertThat(p.warnings()).containsExactly("The \"SUFFIX\" variable is not set. Defaulting to a blank string.");
    }
  }

  // ===================================================================== YAML: anchors, merge keys, documents

  @Nested
  class Yaml {

    @Test
    void mergeKeyTakesTheAnchorAndExplicitKeysWin() {
      ComposeProject p = compose("""
          x-base: &base
            image: nginx
            mem_limit: 1g
            cpus: 0.5
          services:
            web:
              <<: *base
              mem_limit: 2g
            worker:
              <<: *base
          """);
      assertThat(p.errors()).isEmpty();
      ComposeService web = service(p, "web");
      assertThat(web.image()).isEqualTo("nginx");
      assertThat(web.memLimitOrNull()).isEqualTo(bytes(2 * GIB));
      assertThat(web.memLimit().origin()).isEqualTo(at("compose.yaml", 8, 16));
      assertThat(web.cpusLimitOrNull()).isEqualTo(Cpu.of("0.5"));
      ComposeService worker = service(p, "worker");
      assertThat(worker.memLimitOrNull()).isEqualTo(bytes(GIB));
      // a value reached through an alias is where the anchor wrote it
      assertThat(worker.memLimit().origin()).isEqualTo(at("compose.yaml", 3, 14));
    }

    @Test
    void documentsOfOneFileAreMergedInOrder() {
      ComposeProject p = compose("""
          services:
            web:
              image: nginx
              mem_limit: 1g
          ---
          services:
            web:
              mem_limit: 2g
            worker:
              image: busybox
          """);
      assertThat(p.errors()).isEmpty();
      assertThat(p.services()).extracting(ComposeService::name).containsExactly("web", "worker");
      assertThat(service(p, "web").image()).isEqualTo("nginx");
      assertThat(service(p, "web").memLimitOrNull()).isEqualTo(bytes(2 * GIB));
      assertThat(service(p, "web").memLimit().origin()).isEqualTo(at("compose.yaml", 8, 16));
    }
  }

  // ===================================================================== several -f files

  @Nested
  class SeveralFiles {

    @Test
    void mappingsMergeKeyByKeyAndTheLaterFileWins() {
      write("compose.yaml", """
          services:
            web:
              image: nginx
              deploy:
                resources:
                  limits:
                    memory: 1g
                    cpus: "1"
          """);
      write("override.yaml", """
          services:
            web:
              deploy:
                resources:
                  limits:
                    memory: 2g
          """);
      ComposeService web = web(load("compose.yaml", "override.yaml"));
      assertThat(web.image()).isEqualTo("nginx");
      assertThat(web.memLimitOrNull()).isEqualTo(bytes(2 * GIB));
      assertThat(web.memLimit().origin()).isEqualTo(at("override.yaml", 6, 19));
      assertThat(web.cpusLimitOrNull()).isEqualTo(Cpu.of("1"));
      assertThat(web.cpusLimit().origin()).isEqualTo(at("compose.yaml", 8, 17));
    }

    @Test
    void listsAreAppended() {
      write("compose.yaml", """
          services:
            web:
              image: nginx
              profiles: [a]
          """);
      write("override.yaml", """
          services:
            web:
              profiles: [b]
          """);
      ComposeProject p = load(options(List.of("compose.yaml", "override.yaml"), List.of(), List.of("b"), Map.of()));
      assertThat(web(p).profiles()).containsExactly("a", "b");
    }

    @Test
    void extensionKeysAreReplacedWhole() {
      // override.mergeMappings: a key starting with x- is taken from the later file, not merged
      write("compose.yaml", """
          services:
            web:
              image: nginx
              x-headroom:
                gpu_memory: 4GiB
                ignore: [HR001]
          """);
      write("override.yaml", """
          services:
            web:
              x-headroom:
                ignore: [HR002]
          """);
      ComposeService web = web(load("compose.yaml", "override.yaml"));
      assertThat(web.ignore()).containsExactly("HR002");
      assertThat(web.gpuMemory()).isNull();
    }

    @Test
    void dependsOnAndNetworksMergeAcrossListAndMappingForms() {
      // override.mergeDependsOn and mergeNetworks turn both forms into mappings before merging
      write("compose.yaml", """
          services:
            web:
              image: nginx
              depends_on: [db]
              networks: [front]
          """);
      write("override.yaml", """
          services:
            web:
              depends_on:
                cache:
                  condition: service_healthy
              networks:
                back:
                  aliases: [api]
          """);
      ComposeProject p = load("compose.yaml", "override.yaml");
      assertThat(errors(p)).containsExactly(
          "service \"web\" refers to undefined network front",
          "service \"web\" refers to undefined network back",
          "service \"web\" depends on undefined service \"db\"",
          "service \"web\" depends on undefined service \"cache\"");
    }

    @Test
    void nullInALaterFileKeepsTheValue() {
      // override.mergeYaml: a null override returns the base value; only !reset removes a key
      write("compose.yaml", """
          services:
            web:
              image: nginx
              mem_limit: 1g
              deploy:
                replicas: 3
          """);
      write("override.yaml", """
          services:
            web:
              mem_limit:
              deploy: null
          """);
      ComposeService web = web(load("compose.yaml", "override.yaml"));
      assertThat(web.memLimitOrNull()).isEqualTo(bytes(GIB));
      assertThat(web.memLimit().origin()).isEqualTo(at("compose.yaml", 4, 16));
      assertThat(web.replicas()).isEqualTo(3);
    }

    @Test
    void resetRemovesTheKey() {
      write("compose.yaml", """
          services:
            web:
              image: nginx
              mem_limit: 1g
              deploy:
                replicas: 3
          """);
      write("override.yaml", """
          services:
            web:
              mem_limit: !reset null
              deploy: !reset {}
          """);
      ComposeService web = web(load("compose.yaml", "override.yaml"));
      assertThat(web.memLimit()).isNull();
      assertThat(web.replicas()).isEqualTo(1);
    }

    @Test
    void overrideReplacesWithoutMerging() {
      write("compose.yaml", """
          services:
            web:
              image: nginx
              deploy:
                resources:
                  limits:
                    memory: 1g
                    cpus: "1"
          """);
      write("override.yaml", """
          services:
            web:
              deploy: !override
                resources:
                  limits:
                    memory: 2g
          """);
      ComposeService web = web(load("compose.yaml", "override.yaml"));
      assertThat(web.memLimitOrNull()).isEqualTo(bytes(2 * GIB));
      assertThat(web.cpusLimit()).isNull();
    }

    @Test
    void healthcheckTestIsReplacedWhole() {
      // appended, the test would still start with CMD; replaced, it starts with "echo" and compose refuses it
      write("compose.yaml", """
          services:
            web:
              image: nginx
              healthcheck:
                test: ["CMD", "true"]
          """);
      write("override.yaml", """
          services:
            web:
              healthcheck:
                test: ["echo", "ok"]
          """);
      ComposeProject p = load("compose.yaml", "override.yaml");
      assertThat(withoutFixes(p)).containsExactly(new ComposeError(
          "healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\"", "web", at("override.yaml", 4, 14)));
    }

    @Test
    void commandAndEntrypointAreReplacedWhole() {
      CNode.Map merged = merge("""
          services:
            web:
              command: [run, --port, "80"]
              entrypoint: [/bin/sh, -c]
          """, """
          services:
            web:
              command: [serve]
              entrypoint: /entry.sh
          """);
      CNode.Map web = (CNode.Map) ((CNode.Map) merged.get("services")).get("web");
      assertThat(strings(web.get("command"))).containsExactly("serve");
      assertThat(((CNode.Scalar) web.get("entrypoint")).value()).isEqualTo("/entry.sh");
    }

    @Test
    void environmentIsMergedByNameInListAndMapForms() {
      CNode.Map merged = merge("""
          services:
            web:
              environment:
                - A=1
                - B=2
                - C
          """, """
          services:
            web:
              environment:
                B: "3"
                D: "4"
          """);
      CNode.Map env = (CNode.Map) ((CNode.Map) ((CNode.Map) merged.get("services")).get("web")).get("environment");
      Map<String, String> values = new LinkedHashMap<>();
      env.entries().forEach((k, e) -> values.put(k, ((CNode.Scalar) e.value()).isNull() ? null : ((CNode.Scalar) e.value()).value()));
      assertThat(values).containsExactly(Map.entry("A", "1"), Map.entry("B", "3"), entryWithNull("C"), Map.entry("D", "4"));
    }

    @Test
    void pathsInALaterFileAreRelativeToTheProjectDirectory() {
      // docker compose: every path in the -f files is relative to the project directory (the
      // first file's), whatever directory a later file is in
      write("base.yaml", """
          services:
            app:
              image: nginx
              mem_limit: 1g
          """);
      write("shared.env", "A=1\n");
      write("compose.yaml", """
          services:
            web:
              image: nginx
          """);
      write("overrides/dev.yaml", """
          services:
            web:
              extends:
                file: base.yaml
                service: app
              env_file: shared.env
          """);
      ComposeProject p = load("compose.yaml", "overrides/dev.yaml");
      assertThat(p.errors()).isEmpty();
      assertThat(web(p).memLimit().origin()).isEqualTo(at("base.yaml", 4, 16));
    }

    @Test
    void mergedValuesKeepTheFileAndLineThatSuppliedThem() {
      write("compose.yaml", """
          services:
            web:
              image: nginx
              mem_limit: 1g
              mem_reservation: 256m
          """);
      write("override.yaml", """

          services:
            web:
              mem_limit: 2g
          """);
      ComposeProject p = load("compose.yaml", "override.yaml");
      ComposeService web = web(p);
      assertThat(web.origin()).isEqualTo(at("override.yaml", 3, 3));
      assertThat(web.memLimit().origin()).isEqualTo(at("override.yaml", 4, 16));
      assertThat(web.memReservation().origin()).isEqualTo(at("compose.yaml", 5, 22));
      assertThat(p.files()).containsExactly("compose.yaml", "override.yaml");
    }
  }

  private static Map.Entry<String, String> entryWithNull(String key) {
    return new java.util.AbstractMap.SimpleEntry<>(key, null);
  }

  /** Two files merged as -f merges them, without the rest of the loader. */
  private static CNode.Map merge(String base, String override) {
    YamlReader reader = new YamlReader(YamlReader.Limits.defaults().withAllowedTags(Set.of(Merge.RESET, Merge.OVERRIDE)));
    YamlNode b = reader.readSingle(Source.of("compose.yaml", base));
    YamlNode o = reader.readSingle(Source.of("override.yaml", override));
    return Merge.mapping((CNode.Map) Merge.strip(CNode.of(b, "compose.yaml")), (CNode.Map) CNode.of(o, "override.yaml"), "");
  }

  private static List<String> strings(CNode n) {
    List<String> out = new ArrayList<>();
    for (CNode i : ((CNode.Seq) n).items()) {
      out.add(((CNode.Scalar) i).value());
    }
    return out;
  }

  // ===================================================================== extends

  @Nested
  class Extends {

    @Test
    void sameFileMappingForm() {
      ComposeProject p = compose("""
          services:
            base:
              image: nginx
              mem_limit: 1g
              cpus: 0.5
            web:
              extends:
                service: base
              cpus: 1
          """);
      ComposeService web = web(p);
      assertThat(web.image()).isEqualTo("nginx");
      assertThat(web.memLimitOrNull()).isEqualTo(bytes(GIB));
      assertThat(web.memLimit().origin()).isEqualTo(at("compose.yaml", 4, 16));
      assertThat(web.cpusLimitOrNull()).isEqualTo(Cpu.of("1"));
      assertThat(web.origin()).isEqualTo(at("compose.yaml", 6, 3));
    }

    @Test
    void shortFormIsTheServiceName() {
      ComposeService web = web(compose("""
          services:
            base:
              image: nginx
              scale: 2
            web:
              extends: base
          """));
      assertThat(web.image()).isEqualTo("nginx");
      assertThat(web.replicas()).isEqualTo(2);
    }

    @Test
    void otherFileIsRelativeToTheDeclaringFile() {
      write("common/base.yaml", """
          services:
            app:
              image: nginx
              mem_limit: 1g
          """);
      ComposeProject p = compose("""
          services:
            web:
              extends:
                file: common/base.yaml
                service: app
          """);
      ComposeService web = web(p);
      assertThat(web.image()).isEqualTo("nginx");
      assertThat(web.memLimit().origin()).isEqualTo(at("common/base.yaml", 4, 16));
      assertThat(p.files()).containsExactly("compose.yaml", "common/base.yaml");
      assertThat(p.services()).extracting(ComposeService::name).containsExactly("web");
    }

    @Test
    void pathsInAnExtendedFileAreRelativeToThatFile() {
      write("common/base.yaml", """
          services:
            app:
              image: nginx
              env_file: app.env
          """);
      write("common/app.env", "A=1\n");
      ComposeProject p = compose("""
          services:
            web:
              extends:
                file: common/base.yaml
                service: app
          """);
      assertThat(p.errors()).isEmpty();
    }

    @Test
    void recursiveChainAcrossFiles() {
      // common/mid.yaml's file: is relative to common/, where it is written
      write("common/root.yaml", """
          services:
            root:
              image: nginx
              mem_limit: 1g
              cpus: 2
          """);
      write("common/mid.yaml", """
          services:
            mid:
              extends:
                file: root.yaml
                service: root
              cpus: 1
          """);
      ComposeService web = web(compose("""
          services:
            web:
              extends:
                file: common/mid.yaml
                service: mid
              mem_limit: 2g
          """));
      assertThat(web.image()).isEqualTo("nginx");
      assertThat(web.memLimitOrNull()).isEqualTo(bytes(2 * GIB));
      assertThat(web.cpusLimitOrNull()).isEqualTo(Cpu.of("1"));
      assertThat(web.cpusLimit().origin()).isEqualTo(at("common/mid.yaml", 6, 11));
    }

    @Test
    void cycleIsRefused() {
      assertThat(composeRefusal("""
          services:
            a:
              image: nginx
              extends: b
            b:
              extends: a
          """)).isEqualTo("compose.yaml:4:14: services.a.extends: Circular reference: a in compose.yaml"
              + " extends b in compose.yaml extends a in compose.yaml");
    }

    @Test
    void cycleAcrossFilesIsRefused() {
      write("base.yaml", """
          services:
            app:
              image: nginx
              extends:
                file: compose.yaml
                service: web
          """);
      assertThat(composeRefusal("""
          services:
            web:
              extends:
                file: base.yaml
                service: app
          """)).isEqualTo("compose.yaml:4:7: services.web.extends: Circular reference: web in compose.yaml"
              + " extends app in base.yaml extends web in compose.yaml");
    }

    @Test
    void missingServiceIsRefused() {
      assertThat(composeRefusal("""
          services:
            web:
              extends: nope
          """)).isEqualTo("compose.yaml:3:14: services.web.extends: cannot extend service \"web\" in compose.yaml:"
              + " service \"nope\" not found");
      write("base.yaml", """
          services:
            app:
              image: nginx
          """);
      assertThat(composeRefusal("""
          services:
            web:
              extends:
                file: base.yaml
                service: nope
          """)).isEqualTo("compose.yaml:4:7: services.web.extends: cannot extend service \"web\" in compose.yaml:"
              + " service \"nope\" not found in base.yaml");
    }

    @Test
    void missingFileIsRefused() {
      assertThat(composeRefusal("""
          services:
            web:
              extends:
                file: nowhere.yaml
                service: app
          """)).isEqualTo("compose.yaml:4:7: services.web.extends.file: cannot read nowhere.yaml: no such file");
    }

    @Test
    void resetInTheExtendingServiceRemovesTheBaseValue() {
      ComposeService web = web(compose("""
          services:
            base:
              image: nginx
              mem_limit: 1g
            web:
              extends: base
              mem_limit: !reset null
          """));
      assertThat(web.memLimit()).isNull();
    }
  }

  // ===================================================================== include

  @Nested
  class Include {

    @Test
    void pathString() {
      write("db/compose.yaml", """
          services:
            db:
              image: postgres
              mem_limit: 1g
          """);
      ComposeProject p = compose("""
          include:
            - db/compose.yaml
          services:
            web:
              image: nginx
              depends_on: [db]
          """);
      assertThat(p.errors()).isEmpty();
      assertThat(p.services()).extracting(ComposeService::name).containsExactlyInAnyOrder("web", "db");
      assertThat(service(p, "db").memLimit().origin()).isEqualTo(at("db/compose.yaml", 4, 16));
    }

    @Test
    void mappingWithPathProjectDirectoryAndEnvFile() {
      write("db/compose.yaml", """
          services:
            db:
              image: "postgres:${PG_TAG}"
              mem_limit: ${PG_MEM}
          """);
      write("db/.env", "PG_TAG=from-db-dotenv\nPG_MEM=1g\n");
      write("settings/db.env", "PG_TAG=16\nPG_MEM=2g\n");
      ComposeProject p = compose("""
          include:
            - path: db/compose.yaml
              project_directory: db
              env_file: settings/db.env
          services:
            web:
              image: nginx
          """);
      assertThat(p.errors()).isEmpty();
      // env_file replaces the included project's .env
      assertThat(service(p, "db").image()).isEqualTo("postgres:16");
      assertThat(service(p, "db").memLimitOrNull()).isEqualTo(bytes(2 * GIB));
    }

    @Test
    void includedProjectReadsItsOwnDotEnvAndTheIncludingEnvironmentWins() {
      write("db/compose.yaml", """
          services:
            db:
              image: "postgres:${PG_TAG}"
              mem_limit: ${PG_MEM}
          """);
      write("db/.env", "PG_TAG=15\nPG_MEM=1g\n");
      write(".env", "PG_MEM=512m\n");
      ComposeProject p = compose("""
          include:
            - db/compose.yaml
          services:
            web:
              image: nginx
          """);
      assertThat(service(p, "db").image()).isEqualTo("postgres:15");
      // types.Mapping.Merge keeps what the including project already set
      assertThat(service(p, "db").memLimitOrNull()).isEqualTo(bytes(512 * MIB));
    }

    @Test
    void pathsInAnIncludedFileAreRelativeToItsProjectDirectory() {
      write("db/compose.yaml", """
          services:
            db:
              image: postgres
              env_file: db.env
          networks:
            backend:
          """);
      write("db/db.env", "POSTGRES_DB=shop\n");
      ComposeProject p = compose("""
          include:
            - db/compose.yaml
          services:
            web:
              image: nginx
              networks: [backend]
          """);
      assertThat(p.errors()).isEmpty();
    }

    @Test
    void aLaterFileMayOverrideAnIncludedService() {
      // include is applied file by file, before the -f files are merged: only a service of the
      // including file itself conflicts (docker compose 2.24.0 to 2.24.5 refused this too)
      write("db.yaml", """
          services:
            db:
              image: postgres
              mem_limit: 1g
          """);
      write("compose.yaml", """
          include:
            - db.yaml
          services:
            web:
              image: nginx
          """);
      write("override.yaml", """
          services:
            db:
              mem_limit: 2g
          """);
      ComposeProject p = load("compose.yaml", "override.yaml");
      assertThat(p.errors()).isEmpty();
      assertThat(service(p, "db").memLimitOrNull()).isEqualTo(bytes(2 * GIB));
      assertThat(service(p, "db").image()).isEqualTo("postgres");
    }

    @Test
    void conflictingServiceIsRefused() {
      write("other.yaml", """
          services:
            web:
              image: httpd
          """);
      assertThat(composeRefusal("""
          include:
            - other.yaml
          services:
            web:
              image: nginx
          """)).isEqualTo("compose.yaml:5:5: services.web: services.web conflicts with imported resource");
    }

    @Test
    void identicalServiceIsAccepted() {
      write("other.yaml", """
          services:
            web:
              image: nginx
          """);
      ComposeProject p = compose("""
          include:
            - other.yaml
          services:
            web:
              image: nginx
          """);
      assertThat(p.errors()).isEmpty();
      assertThat(p.services()).extracting(ComposeService::name).containsExactly("web");
    }

    @Test
    void cycleIsRefused() {
      write("b.yaml", """
          include:
            - compose.yaml
          services:
            b:
              image: nginx
          """);
      assertThat(composeRefusal("""
          include:
            - b.yaml
          services:
            a:
              image: nginx
          """)).isEqualTo("b.yaml:2:5: include[0]: include cycle detected: compose.yaml include b.yaml include compose.yaml");
    }
  }

  @Nested
  class IncludeShapes {

    @Test
    void pathListIsMergedAsOverrides() {
      write("a.yaml", "services:\n  db:\n    image: postgres\n    mem_limit: 1g\n");
      write("b.yaml", "services:\n  db:\n    mem_limit: 2g\n");
      ComposeProject p = compose("""
          include:
            - path: [a.yaml, b.yaml]
          services:
            web:
              image: nginx
          """);
      assertThat(service(p, "db").memLimitOrNull()).isEqualTo(bytes(2 * GIB));
    }

    @Test
    void aPathThatIsAMappingIsRefusedWithItsPosition() {
      assertThat(composeRefusal("""
          include:
            - path: {file: a.yaml}
          services:
            web:
              image: nginx
          """)).isEqualTo("compose.yaml:2:11: include[0].path: must be a string or a list of strings");
    }

    @Test
    void anEmptyPathIsRefused() {
      assertThat(composeRefusal("""
          include:
            - path: ""
          services:
            web:
              image: nginx
          """)).isEqualTo("compose.yaml:2:5: include[0]: an include path is empty");
    }

    @Test
    void aFileIncludedTwiceThroughTwoFilesIsReadOnce() {
      // a diamond: compose.yaml includes a and b, both include shared.yaml
      write("shared.yaml", "networks:\n  backend:\n");
      write("a.yaml", "include:\n  - shared.yaml\nservices:\n  a:\n    image: nginx\n");
      write("b.yaml", "include:\n  - shared.yaml\nservices:\n  b:\n    image: nginx\n");
      ComposeProject p = compose("""
          include:
            - a.yaml
            - b.yaml
          services:
            web:
              image: nginx
              networks: [backend]
          """);
      assertThat(p.errors()).isEmpty();
      assertThat(p.services()).extracting(ComposeService::name).containsExactlyInAnyOrder("web", "a", "b");
    }
  }

  // ===================================================================== agent templates

  @Nested
  class Template {

    private ComposeLoader loader(String text) {
      write("compose.yaml", text);
      return new ComposeLoader(options(List.of("compose.yaml"), List.of(), List.of(), Map.of()));
    }

    @Test
    void servicesNetworksAndVolumesAreNumbered() {
      ComposeLoader l = loader("""
          services:
            agent{AGENT_NUMBER}:
              image: agent
              mem_limit: 100m
              networks: ["net{AGENT_NUMBER}"]
              volumes: ["data{AGENT_NUMBER}:/data"]
            db:
              image: postgres
              mem_limit: 1g
          networks:
            net{AGENT_NUMBER}:
          volumes:
            data{AGENT_NUMBER}:
          """);
      assertThat(l.isAgentTemplate()).isTrue();
      ComposeProject p = l.load(3);
      assertThat(p.errors()).isEmpty();
      assertThat(p.services()).extracting(ComposeService::name)
          .containsExactlyInAnyOrder("agent1", "agent2", "agent3", "db");
      // 3 x 100 MiB + 1 GiB
      assertThat(service(p, "agent2").memLimitOrNull()).isEqualTo(bytes(100 * MIB));
    }

    @Test
    void aFileWithoutThePlaceholderIsNotATemplate() {
      assertThat(loader("services:\n  web:\n    image: nginx\n").isAgentTemplate()).isFalse();
    }

    @Test
    void aNameThatCollidesOnceNumberedIsRefused() {
      ComposeLoader l = loader("""
          services:
            agent{AGENT_NUMBER}:
              image: agent
            agent2:
              image: other
          """);
      try {
        l.load(2);
        fail("loaded");
      } catch (InputException e) {
        assertThat(e.problems().get(0).format()).contains("services.agent2 is defined twice");
      }
    }

    @Test
    void copiesPastTheNodeCapAreRefusedBeforeTheyAreMade() {
      // per agent: the key agent{AGENT_NUMBER} (1), its mapping (1), image and mem_limit (2 + 2) = 6;
      // the default cap is 100,000 nodes, so 16,666 agents (99,996 nodes) load and 16,667 do not
      ComposeLoader l = loader("services:\n  agent{AGENT_NUMBER}:\n    image: a\n    mem_limit: 64m\n  db:\n    image: pg\n");
      assertThat(l.load(16_666).services()).hasSize(16_667);
      try {
        l.load(100_000_000L);
        fail("loaded");
      } catch (InputException e) {
        assertThat(e.problems().get(0).format()).isEqualTo("the agent template holds 6 YAML nodes per agent: 100000000"
            + " agents would make more than 100000, the most a compose file may hold; check at most 16666 agents");
      }
      try {
        l.load(16_667);
        fail("loaded");
      } catch (InputException e) {
        assertThat(e.problems().get(0).format()).contains("check at most 16666 agents");
      }
    }
  }

  // ===================================================================== profiles

  @Nested
  class Profiles {

    private static final String FILE = """
        services:
          web:
            image: nginx
          debug:
            image: busybox
            profiles: [tools]
        """;

    @Test
    void serviceWithProfilesIsInactiveByDefault() {
      ComposeProject p = compose(FILE);
      assertThat(p.services()).extracting(ComposeService::name).containsExactly("web");
      assertThat(p.inactive()).containsExactly("debug");
    }

    @Test
    void enabledByTheProfilesOption() {
      write("compose.yaml", FILE);
      ComposeProject p = load(options(List.of("compose.yaml"), List.of(), List.of("tools"), Map.of()));
      assertThat(p.services()).extracting(ComposeService::name).containsExactly("web", "debug");
      assertThat(service(p, "debug").profiles()).containsExactly("tools");
      assertThat(p.inactive()).isEmpty();
    }

    @Test
    void enabledByComposeProfilesInTheEnvironment() {
      write("compose.yaml", FILE);
      ComposeProject p = load(options(List.of("compose.yaml"), List.of(), List.of(), Map.of("COMPOSE_PROFILES", "other, tools")));
      assertThat(p.services()).extracting(ComposeService::name).containsExactly("web", "debug");
    }

    @Test
    void enabledByComposeProfilesInDotEnv() {
      write(".env", "COMPOSE_PROFILES=tools\n");
      ComposeProject p = compose(FILE);
      assertThat(p.services()).extracting(ComposeService::name).containsExactly("web", "debug");
    }

    @Test
    void starEnablesEveryProfile() {
      write("compose.yaml", FILE);
      ComposeProject p = load(options(List.of("compose.yaml"), List.of(), List.of("*"), Map.of()));
      assertThat(p.services()).extracting(ComposeService::name).containsExactly("web", "debug");
    }

    @Test
    void dependingOnAnInactiveServiceIsComposesErrorUnlessNotRequired() {
      ComposeProject p = compose("""
          services:
            web:
              image: nginx
              depends_on: [debug]
            api:
              image: nginx
              depends_on:
                debug:
                  condition: service_started
                  required: false
            debug:
              image: busybox
              profiles: [tools]
          """);
      assertThat(withoutFixes(p)).containsExactly(new ComposeError(
          "service \"web\" depends on undefined service \"debug\" (it is only in a profile that is not enabled)", "web",
          at("compose.yaml", 2, 3)));
    }
  }

  // ===================================================================== consistency

  @Nested
  class ConsistencyChecks {

    @Test
    void neitherImageNorBuild() {
      ComposeProject p = compose("""
          services:
            web:
              mem_limit: 1g
          """);
      assertThat(withoutFixes(p)).containsExactly(new ComposeError(
          "service \"web\" has neither an image nor a build context specified", "web", at("compose.yaml", 2, 3)));
    }

    @Test
    void undefinedNetworkVolumeSecretAndConfig() {
      ComposeProject p = compose("""
          services:
            web:
              image: nginx
              networks: [front, default]
              volumes:
                - data:/var/lib/data
                - ./html:/usr/share/nginx/html
              secrets: [token]
              configs:
                - source: settings
                  target: /etc/settings
          """);
      assertThat(errors(p)).containsExactly(
          "service \"web\" refers to undefined network front",
          "service \"web\" refers to undefined volume data",
          "service \"web\" refers to undefined secret token",
          "service \"web\" refers to undefined config settings");
    }

    @Test
    void definedResourcesAreAccepted() {
      ComposeProject p = compose("""
          services:
            web:
              image: nginx
              networks: [front]
              volumes: [data:/var/lib/data]
              secrets: [token]
          networks:
            front:
          volumes:
            data:
          secrets:
            token:
              file: ./token.txt
          """);
      assertThat(p.errors()).isEmpty();
    }

    @Test
    void networkModeWithNetworks() {
      ComposeProject p = compose("""
          services:
            web:
              image: nginx
              network_mode: host
              networks: [default]
          """);
      assertThat(errors(p)).containsExactly("service web declares mutually exclusive `network_mode` and `networks`");
    }

    @Test
    void containerNameWithReplicas() {
      ComposeProject p = compose("""
          services:
            web:
              image: nginx
              container_name: web
              deploy:
                replicas: 2
            api:
              image: nginx
              container_name: api
              scale: 1
          """);
      assertThat(errors(p)).containsExactly(
          "services.deploy.replicas: can't set container_name and web as container name must be unique");
    }

    @Test
    void dependsOnCycle() {
      ComposeProject p = compose("""
          services:
            a:
              image: nginx
              depends_on: [b]
            b:
              image: nginx
              depends_on: [c]
            c:
              image: nginx
              depends_on: [a]
          """);
      assertThat(withoutFixes(p)).containsExactly(
          new ComposeError("dependency cycle detected: a -> b -> c -> a", "a", at("compose.yaml", 2, 3)));
    }

    @Test
    void dependsOnCycleIsNamedFromTheFirstServiceByName() {
      // graph.CheckCycle walks services and their dependencies in name order
      ComposeProject p = compose("""
          services:
            c:
              image: nginx
              depends_on: [a]
            b:
              image: nginx
              depends_on: [c]
            a:
              image: nginx
              depends_on: [b]
          """);
      assertThat(withoutFixes(p)).containsExactly(
          new ComposeError("dependency cycle detected: a -> b -> c -> a", "a", at("compose.yaml", 8, 3)));
    }

    @Test
    void missingEnvFileUnlessNotRequired() {
      write("present.env", "A=1\n");
      ComposeProject p = compose("""
          services:
            web:
              image: nginx
              env_file:
                - present.env
                - missing.env
                - path: optional.env
                  required: false
          """);
      assertThat(withoutFixes(p)).containsExactly(
          new ComposeError("env file " + dir.resolve("missing.env") + " not found", "web", at("compose.yaml", 6, 9)));
    }

    @Test
    void volumeSpecWithAnEmptySection() {
      ComposeProject p = compose("""
          services:
            web:
              image: nginx
              volumes:
                - ${DATA_DIR}:/data
                - /logs::ro
          """);
      assertThat(errors(p)).containsExactly(
          "invalid spec: :/data: empty section between colons",
          "invalid spec: /logs::ro: empty section between colons");
    }

    @Test
    void volumeSpecWithTooManyColons() {
      // source, target, options: a fourth section is refused; a colon after one letter is a Windows drive
      assertThat(Consistency.volumeSpecError("/a:/b:ro:z")).isEqualTo("too many colons");
      assertThat(Consistency.volumeSpecError("/a:/b:ro")).isNull();
      assertThat(Consistency.volumeSpecError("C:\\data:/data:ro")).isNull();
      assertThat(Consistency.volumeSpecError("data:/data:rw,nocopy")).isNull();
      assertThat(Consistency.volumeSpecError("/a:/b:")).isEqualTo("empty section between colons");
      ComposeProject p = compose("services:\n  web:\n    image: a\n    volumes: [\"./a:/b:ro:extra\"]\n");
      assertThat(errors(p)).containsExactly("invalid spec: ./a:/b:ro:extra: too many colons");
    }

    @Test
    void emptyVolumeSpec() {
      ComposeProject p = compose("""
          services:
            web:
              image: nginx
              volumes:
                - ${CACHE_VOLUME}
                - "a:"
          """);
      // "a:" is two characters: compose takes it as a target without parsing it
      assertThat(withoutFixes(p)).containsExactly(new ComposeError("invalid empty volume spec", "web", at("compose.yaml", 5, 9)));
    }

    @Test
    void everyErrorOfComposesSaysHowToFixIt() {
      ComposeProject p = compose("""
          services:
            web:
              image: a
              scale: 2
              container_name: web1
              mem_limit: 1g
              deploy: {resources: {limits: {memory: 2g}}}
              depends_on: [nope]
              networks: [back]
            api:
              volumes: ["data:/data"]
          """);
      assertThat(p.errors()).extracting(ComposeError::message, ComposeError::fix).containsExactlyInAnyOrder(
          tuple("services.web: can't set distinct values on 'mem_limit' and 'deploy.resources.limits.memory'",
              "keep one of mem_limit and deploy.resources.limits.memory (compose compares them whenever the deploy"
                  + " mapping is there), or give both the same value"),
          tuple("service \"web\" refers to undefined network back",
              "declare back under the top-level networks:, or correct the name"),
          tuple("service \"web\" depends on undefined service \"nope\"",
              "define nope, correct the name, or mark the dependency required: false"),
          tuple("services.scale: can't set container_name and web as container name must be unique",
              "remove container_name, or run a single replica"),
          tuple("service \"api\" has neither an image nor a build context specified",
              "give the service an image: or a build: (an extends: that provides one also works)"),
          tuple("service \"api\" refers to undefined volume data",
              "declare data under the top-level volumes:, or write a path (./data) for a bind mount"));
    }

    @Test
    void theSameErrorIsSaidOnce() {
      // two mounts of one undeclared volume: one problem, at the service
      ComposeProject p = compose("services:\n  web:\n    image: a\n    volumes: [\"data:/a\", \"data:/b\"]\n");
      assertThat(p.errors()).extracting(ComposeError::message).containsExactly("service \"web\" refers to undefined volume data");
    }

    @Test
    void theProcessSeesItsEnvFilesThenItsEnvironmentWithWhereEachValueIsWritten() {
      write("app.env", "# settings\nMAX_QUEUE_WORKERS=16\nexport MEMORY_THRESHOLD_MB=14336\n");
      ComposeService s = web(compose("""
          services:
            web:
              image: app
              env_file: app.env
              environment:
                - MAX_QUEUE_WORKERS=8
                - UNSET_IN_SHELL
              command: node --max-old-space-size=128 "server side.js"
          """));
      // environment wins over env_file; a bare KEY comes from the shell, which headroom does not see
      assertThat(s.environment()).containsOnlyKeys("MAX_QUEUE_WORKERS", "MEMORY_THRESHOLD_MB");
      assertThat(s.environment().get("MAX_QUEUE_WORKERS").value()).isEqualTo("8");
      assertThat(s.environment().get("MAX_QUEUE_WORKERS").origin()).isEqualTo(at("compose.yaml", 6, 9));
      assertThat(s.environment().get("MEMORY_THRESHOLD_MB").value()).isEqualTo("14336");
      assertThat(s.environment().get("MEMORY_THRESHOLD_MB").origin()).isEqualTo(at("app.env", 3, 1));
      assertThat(s.command()).extracting(ComposeService.Sourced::value)
          .containsExactly("node", "--max-old-space-size=128", "server side.js");
    }

    @Test
    void theConfigurationFileTheCommandNamesIsReadFromItsMount() {
      write("conf/redis.conf", "maxmemory 1gb\n");
      write("other.conf", "unused\n");
      ComposeService s = web(compose("""
          services:
            web:
              image: redis:7
              volumes:
                - ./conf/redis.conf:/usr/local/etc/redis/redis.conf:ro
                - ./other.conf:/etc/other.conf
                - /etc/hostname:/etc/host.conf
                - type: bind
                  source: ./conf/redis.conf
                  target: /etc/pg.conf
              command: ["redis-server", "/usr/local/etc/redis/redis.conf", "--include=/etc/pg.conf", "/etc/host.conf"]
          """));
      // only the project's files the command names: the short and the long syntax, and a value after '=';
      // a host path (/etc/hostname) is never read
      assertThat(s.files()).containsOnlyKeys("/usr/local/etc/redis/redis.conf", "/etc/pg.conf");
      assertThat(s.files().get("/usr/local/etc/redis/redis.conf").value()).isEqualTo("maxmemory 1gb\n");
      assertThat(s.files().get("/usr/local/etc/redis/redis.conf").origin()).isEqualTo(at("conf/redis.conf", 1, 1));
    }
  }

  // ===================================================================== GPU and x-headroom

  @Nested
  class Gpu {

    private ComposeService gpuService(String devices) {
      return web(compose("""
          services:
            web:
              image: vllm/vllm-openai
              deploy:
                resources:
                  reservations:
                    devices:
          %s
          """.formatted(devices.indent(10).stripTrailing())));
    }

    @Test
    void countOne() {
      ComposeService web = gpuService("""
          - driver: nvidia
            count: 1
            capabilities: [gpu]
          """);
      assertThat(web.gpu()).isEqualTo(new GpuRequest(1, at("compose.yaml", 8, 13)));
    }

    @Test
    void countAll() {
      ComposeService web = gpuService("""
          - capabilities: [gpu]
            count: all
          """);
      assertThat(web.gpu().count()).isEqualTo(GpuRequest.ALL);
    }

    @Test
    void deviceIds() {
      ComposeService web = gpuService("""
          - capabilities: [gpu]
            device_ids: ["0", "3"]
          """);
      assertThat(web.gpu().count()).isEqualTo(2);
    }

    @Test
    void devicesWithoutTheGpuCapabilityAreNotGpus() {
      ComposeService web = gpuService("""
          - capabilities: [tpu]
            count: 1
          """);
      assertThat(web.gpu()).isNull();
    }

    @Test
    void gpusAll() {
      ComposeService web = web(compose("""
          services:
            web:
              image: vllm/vllm-openai
              gpus: all
          """));
      assertThat(web.gpu()).isEqualTo(new GpuRequest(GpuRequest.ALL, at("compose.yaml", 4, 11)));
    }

    @Test
    void headroomExtensionIsRead() {
      ComposeService web = web(compose("""
          services:
            web:
              image: vllm/vllm-openai
              x-headroom:
                gpu_memory: 4GiB
                ignore: [HR001]
          """));
      assertThat(web.gpuMemory().value()).isEqualTo(bytes(4 * GIB));
      assertThat(web.gpuMemory().origin()).isEqualTo(at("compose.yaml", 5, 19));
      assertThat(web.ignore()).containsExactly("HR001");
    }
  }

  // ===================================================================== project name

  @Nested
  class ProjectName {

    @Test
    void nameInTheFileIsNormalized() {
      assertThat(compose("""
          name: My_Shop!
          services:
            web:
              image: nginx
          """).name()).isEqualTo("my_shop");
    }

    @Test
    void projectDirectoryNameWhenTheFileHasNone() {
      write("My Shop/compose.yaml", """
          services:
            web:
              image: nginx
          """);
      assertThat(load("My Shop/compose.yaml").name()).isEqualTo("myshop");
    }

    @Test
    void composeProjectNameWinsOverTheFile() {
      // cli.withNamePrecedenceLoad: -p, then COMPOSE_PROJECT_NAME, then the name: of the files
      write(".env", "COMPOSE_PROJECT_NAME=shop-staging\n");
      assertThat(compose("""
          name: shop
          services:
            web:
              image: nginx
          """).name()).isEqualTo("shop-staging");
    }

    @Test
    void composeProjectNameMustAlreadyBeValid() {
      write("compose.yaml", """
          services:
            web:
              image: nginx
          """);
      assertThat(refusal(options(List.of("compose.yaml"), List.of(), List.of(), Map.of("COMPOSE_PROJECT_NAME", "My_Shop"))))
          .isEqualTo("invalid project name \"My_Shop\": must consist only of lowercase alphanumeric characters, hyphens,"
              + " and underscores as well as start with a letter or number");
    }
  }

  // ===================================================================== positions

  @Nested
  class Positions {

    @Test
    void everyServiceOriginIsTheLineOfItsKey() {
      ComposeProject p = compose("""
          # services of the shop
          services:

            web:
              image: nginx
            db:
              image: postgres
          """);
      assertThat(service(p, "web").origin()).isEqualTo(at("compose.yaml", 4, 3));
      assertThat(service(p, "db").origin()).isEqualTo(at("compose.yaml", 6, 3));
    }

    @Test
    void aValueMergedFromAnExtendedFileKeepsThatFileAndLine() {
      write("base.yaml", """
          services:
            app:
              image: nginx


              mem_limit: 3g
          """);
      write("override.yaml", """
          services:
            web:
              cpus: 2
          """);
      write("compose.yaml", """
          services:
            web:
              extends:
                file: base.yaml
                service: app
          """);
      ComposeService web = web(load("compose.yaml", "override.yaml"));
      assertThat(web.memLimit().origin()).isEqualTo(at("base.yaml", 6, 16));
      assertThat(web.cpusLimit().origin()).isEqualTo(at("override.yaml", 3, 11));
    }
  }
}
