package dev.headroom.cli;

import static dev.headroom.cli.Cli.assertThat;
import static dev.headroom.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code headroom check}: exit codes, configuration, templates, errors. */
class CheckCliTest {

  @TempDir Path tmp;

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private static final String SMALL = "services:\n  web:\n    image: nginx\n    mem_limit: 64m\n";

  @Test
  void aStackThatFitsPassesWithExitZero() throws IOException {
    Path f = write("compose.yaml", SMALL);
    assertThat(run("check", "-f", f.toString(), "--host", "pi-zero-2w")).exitedWith(0).outContains("verdict: PASS").errIsEmpty();
  }

  @Test
  void anErrorFindingExitsOneAndWarningsOnlyWithFailOnWarning() throws IOException {
    Path f = write("compose.yaml", "services:\n  web:\n    image: nginx\n");
    // HR001 is a warning: passes by default, fails with --fail-on warning
    assertThat(run("check", "-f", f.toString())).exitedWith(0).outContains("HR001");
    assertThat(run("check", "-f", f.toString(), "--fail-on", "warning")).exitedWith(1);
    assertThat(run("check", "-f", f.toString(), "--fail-on", "never")).exitedWith(0);
  }

  @Test
  void anInvalidFileExitsTwoWithFileLineAndColumn() throws IOException {
    Path f = write("compose.yaml", "services:\n  web:\n    image: nginx\n    mem_limit: 1Gi\n");
    assertThat(run("check", "-f", f.toString()))
        .exitedWith(2)
        .errContains(f + ":4:16: services.web.mem_limit: invalid suffix 'Gi' in '1Gi': docker compose refuses Kubernetes-style units; write 1G or 1GiB")
        .hasNoStackTrace();
  }

  @Test
  void aRequiredVariableMissingIsRefusedAsDockerComposeRefusesIt() throws IOException {
    Path f = write("compose.yaml", "services:\n  web:\n    image: nginx:${TAG:?set TAG}\n");
    assertThat(run("check", "-f", f.toString())).exitedWith(2)
        .errContains("services.web.image: required variable TAG is missing a value: set TAG");
    assertThat(Cli.runWith(Map.of("TAG", "1.27"), "check", "-f", f.toString())).exitedWith(0);
  }

  @Test
  void theDotEnvOfTheProjectIsReadAndTheProcessEnvironmentWins() throws IOException {
    Path f = write("p/compose.yaml", "services:\n  web:\n    image: nginx\n    mem_limit: ${MEM}\n");
    write("p/.env", "MEM=128m\n");
    assertThat(run("check", "-f", f.toString(), "--format", "json")).outContains("\"limit_bytes\": 134217728");
    assertThat(Cli.runWith(Map.of("MEM", "256m"), "check", "-f", f.toString(), "--format", "json"))
        .outContains("\"limit_bytes\": 268435456");
  }

  @Test
  void composeRefusalsAreHr007Errors() throws IOException {
    Path f = write("compose.yaml", "services:\n  web:\n    image: nginx\n    mem_limit: 64m\n    deploy:\n"
        + "      resources: {limits: {memory: 128m}}\n");
    assertThat(run("check", "-f", f.toString()))
        .exitedWith(1)
        .outContains("HR007", "can't set distinct values on 'mem_limit' and 'deploy.resources.limits.memory'");
  }

  @Test
  void headroomYamlChangesSeverities() throws IOException {
    Path f = write("compose.yaml", "services:\n  web:\n    image: nginx\n");
    write(".headroom.yaml", "rules:\n  HR001: error\n");
    assertThat(run("check", "-f", f.toString())).exitedWith(1).outContains("error   HR001");
    write(".headroom.yaml", "rules:\n  HR01: error\n");
    assertThat(run("check", "-f", f.toString())).exitedWith(2).errContains("unknown rule 'HR01'; did you mean 'HR001'?");
  }

  @Test
  void aServiceCanIgnoreARule() throws IOException {
    Path f = write("compose.yaml", "services:\n  batch:\n    image: busybox\n    x-headroom: {ignore: [HR001]}\n");
    assertThat(run("check", "-f", f.toString())).exitedWith(0).outContains("no findings.");
  }

  @Test
  void withoutFTheFilesComeFromComposeFileOrTheNearestDirectory() throws IOException {
    write("a.yml", SMALL);
    write("b.yml", "services:\n  api:\n    image: api\n    mem_limit: 32m\n");
    // COMPOSE_FILE, split on COMPOSE_PATH_SEPARATOR, relative to the project directory
    assertThat(Cli.runWith(Map.of("COMPOSE_FILE", "a.yml,b.yml", "COMPOSE_PATH_SEPARATOR", ","), "check", "--project-directory",
        tmp.toString(), "--format", "json"))
        .exitedWith(0)
        .outContains("\"web\"", "\"api\"");
    // compose.yaml (and its override) found in a directory above the project directory
    write("compose.yaml", SMALL);
    write("compose.override.yaml", "services:\n  web:\n    mem_limit: 96m\n");
    Files.createDirectories(tmp.resolve("deep/er"));
    assertThat(run("check", "--project-directory", tmp.resolve("deep/er").toString()))
        .exitedWith(0)
        .outContains(tmp.resolve("compose.yaml").toString(), "96 MiB");
    assertThat(run("check", "--project-directory", tmp.getRoot().resolve("nonexistent-" + tmp.getFileName()).toString()))
        .exitedWith(2)
        .errContains("no compose file given and none found");
  }

  @Test
  void anIgnoredRuleThatDoesNotExistIsRefused() throws IOException {
    Path f = write("compose.yaml", "services:\n  web:\n    image: nginx\n    x-headroom: {ignore: [HR010]}\n");
    assertThat(run("check", "-f", f.toString()))
        .exitedWith(2)
        .errContains(f + ":2:3: services.web.x-headroom.ignore: unknown rule 'HR010'; did you mean 'HR001'?")
        .hasNoStackTrace();
    Path g = write("typo.yaml", "services:\n  web:\n    image: nginx\n    x-headroom: {ignore: [HR001, hr002]}\n");
    assertThat(run("check", "-f", g.toString()))
        .exitedWith(2)
        .errContains(g + ":4:34: services.web.x-headroom.ignore[1]: 'hr002' is not a rule id; write it as HR001");
  }

  @Test
  void templatesNeedAgentsAndReportTheMostThatPass() throws IOException {
    Path f = write("t.yaml", "services:\n  app{AGENT_NUMBER}:\n    image: app\n    mem_limit: 100m\n");
    // 100 MiB per agent; pi-zero-2w: 432 available, critical 388.8: 3 agents = 300 MiB fit, 4 = 400 MiB is critical
    assertThat(run("check", "-f", f.toString(), "--host", "pi-zero-2w", "--agents", "2"))
        .exitedWith(0)
        .outContains("app1", "app2", "agents that fit the host's budget: 3");
    // a finding every copy has (a Node heap above its limit) is reported, once, and does not change the count
    Path heavy = write("heavy.yaml", "services:\n  app{AGENT_NUMBER}:\n    image: app\n    mem_limit: 100m\n"
        + "    environment: {NODE_OPTIONS: --max-old-space-size=200}\n");
    assertThat(run("check", "-f", heavy.toString(), "--host", "pi-zero-2w", "--agents", "2"))
        .exitedWith(1)
        .outContains("HR101", "(and in 1 more copy: app2)", "agents that fit the host's budget: 3");
    Path plain = write("plain.yaml", SMALL);
    assertThat(run("check", "-f", plain.toString(), "--agents", "2")).exitedWith(2).errContains("--agents is for agent templates");
  }

  @Test
  void noComposeFileIsAUsageError() {
    assertThat(run("check", "--project-directory", tmp.toString())).exitedWith(2).errContains("no compose file given");
  }

  @Test
  void markdownStartsWithTheMarker() throws IOException {
    Path f = write("compose.yaml", SMALL);
    Cli.Result r = run("check", "-f", f.toString(), "--host", "pi-zero-2w", "--format", "markdown");
    assertThat(r.out()).startsWith("<!-- headroom:check -->\n");
  }

  @Test
  void baseRefComparesWithTheFilesAtAGitRevision() throws Exception {
    Path repo = Files.createDirectory(tmp.resolve("repo"));
    Path f = Files.writeString(repo.resolve("docker-compose.yml"), "services:\n  api:\n    image: a\n    mem_limit: 512m\n");
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(repo, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "base");
    Files.writeString(f, "services:\n  api:\n    image: a\n    mem_limit: 1g\n");
    // 512 MiB → 1 GiB; pi-4b-4gb has 4016 MiB, critical 3614.4: copies 7 → 3
    assertThat(run("check", "-f", f.toString(), "--host", "pi-4b-4gb", "--base-ref", "HEAD"))
        .exitedWith(0)
        .outContains("api: limit 512 MiB → 1 GiB (+512 MiB of limits)", "copies of the stack that fit: 7 → 3");
    assertThat(run("check", "-f", f.toString(), "--base-ref", "no-such-branch")).exitedWith(2).errContains("unknown revision");
    assertThat(run("check", "-f", f.toString(), "--base-ref", "--exec=evil")).exitedWith(2).errContains("is not a revision");
  }

  @Test
  void dashOWillNotReplaceAnyFileTheBaseRead() throws IOException {
    Path head = write("head/compose.yaml", SMALL);
    Path base = write("base/base.yml", "include:\n  - path: inc.yml\n    env_file: inc.env\nservices:\n  web:\n"
        + "    extends: {file: common.yml, service: web}\n    mem_limit: ${MEM}\n");
    write("base/.env", "MEM=64m\n");
    write("base/common.yml", "services:\n  web:\n    image: nginx\n");
    write("base/inc.yml", "services:\n  db:\n    image: postgres\n    mem_limit: ${DB_MEM}\n");
    write("base/inc.env", "DB_MEM=128m\n");
    assertThat(run("check", "-f", head.toString(), "--base", base.toString())).exitedWith(0)
        .outContains("db: removed (was 1 × 128 MiB)");
    for (String name : new String[] {"base.yml", ".env", "common.yml", "inc.yml", "inc.env"}) {
      Path target = tmp.resolve("base").resolve(name);
      String before = Files.readString(target, StandardCharsets.UTF_8);
      assertThat(run("check", "-f", head.toString(), "--base", base.toString(), "-o", target.toString(), "--force"))
          .exitedWith(2)
          .errContains("refusing to overwrite an input file");
      assertThat(Files.readString(target, StandardCharsets.UTF_8)).as(name).isEqualTo(before);
    }
  }

  @Test
  void aBaseWhoseLimitsPassEightEibIsAnInputError() throws IOException {
    Path head = write("compose.yaml", SMALL);
    // 4096p = 2^62 bytes; two of them are one past 2^63-1
    Path base = write("base.yml", "services:\n  a:\n    image: a\n    mem_limit: 4096p\n  b:\n    image: b\n    mem_limit: 4096p\n");
    assertThat(run("check", "-f", head.toString(), "--base", base.toString(), "--host", "pi-4b-4gb"))
        .exitedWith(2)
        .errContains("8 EiB")
        .hasNoStackTrace();
    Path replicas = write("replicas.yml", "services:\n  a:\n    image: a\n    mem_limit: 4096p\n    deploy: {replicas: 2}\n");
    assertThat(run("check", "-f", head.toString(), "--base", replicas.toString())).exitedWith(2).errContains("8 EiB");
  }

  private static void git(Path dir, String... args) throws Exception {
    java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("git", "-C", dir.toString()));
    cmd.addAll(java.util.List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).as(String.join(" ", cmd)).isZero();
  }

  @Test
  void theCiFormatsBelongToCheckAlone() throws IOException {
    Path f = write("compose.yaml", "services:\n  web:\n    image: nginx\n");
    assertThat(run("check", "-f", f.toString(), "--format", "sarif")).exitedWith(0).outContains("\"ruleId\": \"HR001\"");
    assertThat(run("check", "-f", f.toString(), "--format", "JUnit", "--fail-on", "warning")).exitedWith(1)
        .outContains("<failure message=\"web has no memory limit");
    assertThat(run("check", "-f", f.toString(), "--format", "github")).exitedWith(0)
        .outContains("::warning file=" + f.toString().replace('\\', '/').replace(":", "%3A").replace(",", "%2C") + ",line=2");
    assertThat(run("check", "--help")).outContains("markdown, sarif, junit,", "github (default: text)");
    assertThat(run("plan", "--host", "pi-zero-2w", "--format", "sarif")).exitedWith(2).errContains("sarif");
    assertThat(run("matrix", "--host", "pi-zero-2w", "--format", "junit")).exitedWith(2).errContains("junit");
  }

  @Test
  void sarifWithDashOGoesToTheFile() throws IOException {
    Path f = write("compose.yaml", SMALL);
    Path out = tmp.resolve("headroom.sarif");
    assertThat(run("check", "-f", f.toString(), "--format", "sarif", "-o", out.toString())).exitedWith(0).outIsEmpty();
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("\"version\": \"2.1.0\"", "\"results\": []");
  }
}
