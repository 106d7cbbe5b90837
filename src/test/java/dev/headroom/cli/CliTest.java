package dev.headroom.cli;

import static dev.headroom.cli.Cli.assertThat;
import static dev.headroom.cli.Cli.run;
import static dev.headroom.cli.Cli.runWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes, errors, output files, environment. */
class CliTest {

  @TempDir Path tmp;

  @Test
  void theQuickStartCommandOverflowsAndExitsOne() {
    assertThat(run("plan", "--host", "pi-zero-2w", "--agents", "2"))
        .exitedWith(1)
        .outContains("per agent    608..706 MiB", "total        1256..1472 MiB", "available    432 MiB", "OVERFLOW",
            "max agents   0")
        .errIsEmpty();
  }

  @Test
  void aPlanThatFitsExitsZero() {
    // 60 + 3 × 245 = 795 MiB of 4016 MiB: ok
    assertThat(run("plan", "--host", "pi-4b-4gb", "--agents", "3", "--scenario", "optimized"))
        .exitedWith(0)
        .outContains("status       OK");
  }

  @Test
  void failOnPicksTheStatusThatFails() {
    // g4dn-ml optimized on g4dn-xlarge is critical: fails by default, passes with --fail-on overflow
    String[] base = {"plan", "--host", "g4dn-xlarge", "--stack", "g4dn-ml", "--scenario", "optimized"};
    assertThat(run(base)).exitedWith(1);
    assertThat(run(concat(base, "--fail-on", "overflow"))).exitedWith(0);
    assertThat(run(concat(base, "--fail-on", "never"))).exitedWith(0);
    // Pi 4B with 5 current agents is warn: 60 + 5 × 706 = 3590 of 4016 = 89.4 %
    assertThat(run("plan", "--host", "pi-4b-4gb", "--agents", "5", "--fail-on", "warn")).exitedWith(1).outContains("WARN");
    assertThat(run("plan", "--host", "pi-4b-4gb", "--agents", "5")).exitedWith(0);
  }

  @Test
  void unknownHostSuggestsTheNearestAndExitsTwo() {
    assertThat(run("plan", "--host", "pi-zero-2x", "--agents", "2"))
        .exitedWith(2)
        .outIsEmpty()
        .errContains("error: unknown host 'pi-zero-2x'; did you mean 'pi-zero-2w'?")
        .hasNoStackTrace();
  }

  @Test
  void missingRequiredOptionIsAUsageError() {
    assertThat(run("plan", "--agents", "2"))
        .exitedWith(2)
        .errContains("error: Missing required option: '--host=HOST'", "Run 'headroom plan --help' for usage.");
  }

  @Test
  void badEnumValueIsAUsageError() {
    assertThat(run("plan", "--host", "pi-zero-2w", "--basis", "usage")).exitedWith(2).errContains("--basis");
    assertThat(run("plan", "--host", "pi-zero-2w", "--format", "yaml")).exitedWith(2).errContains("--format");
  }

  @Test
  void noCommandIsAUsageError() {
    assertThat(run()).exitedWith(2).errContains("a command is required");
  }

  @Test
  void versionAndHelpExitZero() {
    assertThat(run("--version")).exitedWith(0).outContains("headroom ");
    for (String c : new String[] {"plan", "matrix", "hosts", "stacks", "services", "validate"}) {
      assertThat(run(c, "--help")).exitedWith(0).outContains("Usage: headroom " + c);
    }
  }

  @Test
  void brokenUserCatalogIsExitTwoWithOneLinePerProblemAndNoStackTrace() throws IOException {
    write("bad.yaml", "kind: host\nid: bad\nmemory:\n  total: 512m\n  reserved: 80MiB\n  reserved: 90MiB\n");
    write("stack.yaml", "kind: stack\nid: s\nper_agent: [nope]\n");
    Cli.Result r = run("plan", "--catalog", tmp.toString(), "--host", "pi-zero-2w");
    assertThat(r).exitedWith(2).outIsEmpty().hasNoStackTrace().errLinesAllStartWith("error: ");
    String bad = tmp.resolve("bad.yaml").toString();
    assertThat(r.err())
        .contains("error: " + bad + ":6:3: memory.reserved: duplicate key 'reserved' (first at line 5, again at line 6)")
        .contains("error: " + tmp.resolve("stack.yaml") + ":3:13: per_agent[0]: unknown service 'nope'");
  }

  @Test
  void userCatalogOverridesABuiltInHost() throws IOException {
    write("pi.yaml", "kind: host\nid: pi-zero-2w\nname: Pi with a lean kernel\nmemory: {total: 512MiB, reserved: 40MiB}\n");
    assertThat(run("plan", "--catalog", tmp.toString(), "--host", "pi-zero-2w", "--agents", "1"))
        .exitedWith(1)
        .outContains("Pi with a lean kernel", "available    472 MiB (512 MiB total - 40 MiB reserved, ");
  }

  @Test
  void headroomCatalogEnvironmentIsALayerBelowTheFlags() throws IOException {
    Path a = Files.createDirectory(tmp.resolve("a"));
    Path b = Files.createDirectory(tmp.resolve("b"));
    Files.writeString(a.resolve("h.yaml"), "kind: host\nid: lab\nmemory: {total: 1GiB}\n");
    Files.writeString(b.resolve("h.yaml"), "kind: host\nid: lab\nmemory: {total: 2GiB}\n");
    assertThat(runWith(Map.of("HEADROOM_CATALOG", a.toString()), "plan", "--host", "lab", "--agents", "1"))
        .outContains("available    1 GiB");
    // the flag comes after the environment, so it wins
    assertThat(runWith(Map.of("HEADROOM_CATALOG", a.toString()), "plan", "--catalog", b.toString(), "--host", "lab"))
        .outContains("available    2 GiB");
    // path-separated list: the later entry wins
    assertThat(runWith(Map.of("HEADROOM_CATALOG", a + File.pathSeparator + b), "plan", "--host", "lab"))
        .outContains("available    2 GiB");
  }

  @Test
  void outputFileIsWrittenAndNotOverwrittenWithoutForce() throws IOException {
    Path out = tmp.resolve("plan.json");
    assertThat(run("plan", "--host", "pi-zero-2w", "--format", "json", "-o", out.toString())).exitedWith(1).outIsEmpty();
    String first = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(first).startsWith("{\n  \"schema\": \"headroom.plan/v1\"");
    assertThat(run("plan", "--host", "pi-zero-2w", "--agents", "2", "--format", "json", "-o", out.toString()))
        .exitedWith(2)
        .errContains("already exists; pass --force to overwrite it");
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(first);
    assertThat(run("plan", "--host", "pi-zero-2w", "--agents", "2", "--format", "json", "-o", out.toString(), "--force"))
        .exitedWith(1);
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("\"agents\": 2");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("plan.json");
    }
  }

  @Test
  void outputNeverOverwritesAnInputEvenWithForceOrThroughASymlink() throws IOException {
    Path host = write("h.yaml", "kind: host\nid: lab\nmemory: {total: 1GiB}\n");
    String before = Files.readString(host);
    assertThat(run("hosts", "--catalog", tmp.toString(), "-o", host.toString(), "--force"))
        .exitedWith(2)
        .errContains("refusing to overwrite an input file");
    Path link = Files.createSymbolicLink(tmp.resolve("link.yaml.out"), host);
    assertThat(run("hosts", "--catalog", host.toString(), "-o", link.toString(), "--force"))
        .exitedWith(2)
        .errContains("refusing to overwrite an input file");
    assertThat(Files.readString(host)).isEqualTo(before);
  }

  @Test
  void outputIntoAMissingDirectoryIsOneLine() {
    assertThat(run("hosts", "-o", tmp.resolve("no/such/dir/x.txt").toString()))
        .exitedWith(2)
        .errContains("does not exist")
        .hasNoStackTrace();
  }

  @Test
  void colourOnlyOnATerminalAndNeverWithNoColor() {
    String[] args = {"plan", "--host", "pi-zero-2w"};
    assertThat(runWith(Map.of(), true, args).out()).contains("\u001b[");
    assertThat(runWith(Map.of("NO_COLOR", "1"), true, args).out()).doesNotContain("\u001b[");
    assertThat(runWith(Map.of(), true, concat(args, "--no-color")).out()).doesNotContain("\u001b[");
    assertThat(runWith(Map.of(), false, args).out()).doesNotContain("\u001b[");
    // JSON never carries colour
    assertThat(runWith(Map.of(), true, concat(args, "--format", "json")).out()).doesNotContain("\u001b[");
  }

  @Test
  void stacktraceOnlyWhenAsked() throws IOException {
    write("bad.yaml", "kind: host\nid: bad\nmemory: {total: 1GiB, reserved: 2GiB}\n");
    assertThat(run("hosts", "--catalog", tmp.toString())).exitedWith(2).hasNoStackTrace();
    assertThat(run("hosts", "--catalog", tmp.toString(), "--stacktrace")).exitedWith(2).errContains("\tat ");
  }

  @Test
  void maxFileSizeRefusesLargeFilesBeforeParsing() throws IOException {
    write("big.yaml", "kind: host\nid: big\nmemory: {total: 1GiB}\n# " + "x".repeat(2000) + "\n");
    assertThat(run("hosts", "--catalog", tmp.toString(), "--max-file-size", "1KiB"))
        .exitedWith(2)
        .errContains("big.yaml: file is", "larger than the 1 KiB limit");
    assertThat(run("hosts", "--catalog", tmp.toString(), "--max-file-size", "1k"))
        .exitedWith(2)
        .errContains("--max-file-size");
  }

  @Test
  void validateReportsEveryProblemAndCountsFiles() throws IOException {
    assertThat(run("validate")).exitedWith(0).outContains("ok: ", "5 hosts");
    write("a.yaml", "kind: host\nid: a\nmemory: {total: 1GiB, reserved: 2GiB}\n");
    write("b.yaml", "kind: service\nid: b\nmemory: 10 MB\ncpus: 1\n");
    Cli.Result r = run("validate", tmp.toString());
    assertThat(r).exitedWith(2);
    assertThat(r.err().lines().filter(l -> l.startsWith("error: "))).hasSize(2);
    assertThat(r.err()).contains("unknown key 'cpus'; did you mean 'cpu'?");
  }

  @Test
  void validateWritesItsReportWithMinusO() throws IOException {
    // -o as every command that prints a result has it: the report, JSON with its problems too
    Path ok = tmp.resolve("ok.json");
    assertThat(run("validate", "--format", "json", "-o", ok.toString())).exitedWith(0).outIsEmpty();
    assertThat(Files.readString(ok)).contains("\"valid\": true", "\"hosts\": 5");
    Path bad = write("bad.yaml", "kind: host\nid: x\n");
    Path report = tmp.resolve("report.json");
    assertThat(run("validate", bad.toString(), "--format", "json", "-o", report.toString()))
        .exitedWith(2).outIsEmpty().errContains("1 problem found");
    assertThat(Files.readString(report)).contains("\"valid\": false", "missing required key 'memory'");
    // never over what it validates, even with --force
    assertThat(run("validate", bad.toString(), "--format", "json", "-o", bad.toString(), "--force"))
        .exitedWith(2).errContains("refusing to overwrite an input file");
    assertThat(Files.readString(bad)).isEqualTo("kind: host\nid: x\n");
    // nor over a file it read from a directory, valid or not
    Path dir = Files.createDirectories(tmp.resolve("cat"));
    Path mine = Files.writeString(dir.resolve("my.yaml"), "kind: host\nid: mine\nmemory: {total: 1GiB}\n");
    assertThat(run("validate", dir.toString(), "--format", "json", "-o", mine.toString(), "--force"))
        .exitedWith(2).errContains("refusing to overwrite an input file");
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "kind: host\nid: b\n");
    assertThat(run("validate", dir.toString(), "--format", "json", "-o", mine.toString(), "--force"))
        .exitedWith(2).errContains("refusing to overwrite an input file");
    assertThat(Files.readString(mine)).startsWith("kind: host");
    assertThat(Files.readString(broken)).isEqualTo("kind: host\nid: b\n");
  }

  @Test
  void matrixRejectsSillyRowCounts() {
    assertThat(run("matrix", "--max-agents", "0")).exitedWith(2).errContains("--max-agents must be between 1 and");
    assertThat(run("matrix", "--max-agents", "100000")).exitedWith(2);
  }

  @Test
  void matrixWithAllHostsAndOneScenario() {
    assertThat(run("matrix", "--hosts", "all", "--scenario", "targets", "--max-agents", "2"))
        .exitedWith(0)
        .outContains("dev-15gb", "pi-zero-2w", "targets", "465 MiB")
        .outDoesNotContain("current ");
  }

  @Test
  void hugeAgentCountsReportOverflowOfTheArithmeticAsAnInputError() {
    assertThat(run("plan", "--host", "pi-zero-2w", "--agents", "9223372036854775807"))
        .exitedWith(2)
        .errContains("too large")
        .hasNoStackTrace();
  }

  @Test
  void forceKeepsTheModeOfTheFileItReplaces() throws IOException {
    Path out = tmp.resolve("report.md");
    Files.writeString(out, "old\n");
    Files.setPosixFilePermissions(out, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
    assertThat(run("hosts", "--format", "markdown", "-o", out.toString(), "--force")).exitedWith(0);
    assertThat(Files.readString(out)).startsWith("| ID |");
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-r-----");
  }

  @Test
  void aNewOutputFileIsReadableLikeAnyNewFile() throws IOException {
    Path out = tmp.resolve("hosts.txt");
    assertThat(run("hosts", "-o", out.toString())).exitedWith(0);
    // not the 0600 of a temporary file: the group/others bits follow the umask, the owner can read and write
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).startsWith("rw-");
    java.nio.file.Path probe = Files.createFile(tmp.resolve("probe"));
    assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(probe));
  }

  @Test
  void aHostileKeyOrFileNameCannotForgeAnErrorLineOrDriveTheTerminal() throws IOException {
    write("key.yaml", "kind: host\nid: q\nmemory: {total: 512MiB}\n\"x\\nerror: forged\\e[31m\": 1\n");
    Cli.Result r = run("validate", tmp.toString());
    assertThat(r).exitedWith(2);
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err()).doesNotContain("\u001b").contains("\\u001b");
  }

  @Test
  void emptyListsOnTheCommandLineAreUsageErrors() {
    assertThat(run("matrix", "--scenario", "")).exitedWith(2).errContains("no scenario given");
    assertThat(run("matrix", "--host", "")).exitedWith(2).errContains("no host given");
    assertThat(run("hosts", "-o", "")).exitedWith(2).errContains("-o needs a file name");
  }

  @Test
  void theBuiltInCatalogIgnoresTheFileSizeCap() {
    assertThat(run("plan", "--host", "pi-zero-2w", "--max-file-size", "1KiB")).exitedWith(1).errIsEmpty();
  }

  @Test
  void outputThroughASymlinkWritesTheFileItPointsToAndKeepsTheLink() throws IOException {
    Path real = write("real.md", "old\n");
    Path link = Files.createSymbolicLink(tmp.resolve("link.md"), real);
    assertThat(run("hosts", "--format", "markdown", "-o", link.toString(), "--force")).exitedWith(0);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).startsWith("| ID |");
  }

  @Test
  void dashIsStandardOutput() {
    assertThat(run("hosts", "-o", "-")).exitedWith(0).outContains("pi-zero-2w");
  }

  @Test
  void aSymlinkedCatalogDirectoryIsRead() throws IOException {
    Path target = Files.createDirectory(tmp.resolve("target"));
    Files.writeString(target.resolve("lab.yaml"), "kind: host\nid: lab\nmemory: {total: 1GiB}\n");
    Path link = Files.createSymbolicLink(tmp.resolve("linked"), target);
    assertThat(run("plan", "--catalog", link.toString(), "--host", "lab")).outContains("available    1 GiB");
  }

  @Test
  void theBasisFigureNamesTheLineItCameFrom() {
    // postgres-16-alpine's 80 MiB under --basis limits comes from its limits line, not its memory line
    assertThat(run("plan", "--host", "pi-zero-2w", "--basis", "limits"))
        .outContains("postgres-16-alpine  per-agent  1        80 MiB        80 MiB   0/4  profiles/services/postgres-16-alpine.yaml:35");
  }

  @Test
  void matrixPrintsTheNotesOfEachScenario() {
    assertThat(run("matrix", "--host", "pi-zero-2w", "--scenario", "aot,current", "--apply", "gc-tuning", "--max-agents", "1"))
        .exitedWith(0)
        .outContains("note (aot): --apply gc-tuning: no service of scenario aot has it");
    assertThat(run("matrix", "--host", "pi-zero-2w", "--scenario", "current", "--basis", "limits", "--max-agents", "1"))
        .outContains("note (current): backend-dotnet9: no memory limit; the footprint is used");
  }

  @Test
  void aFootprintAboveItsContainerLimitIsFlagged() {
    assertThat(run("plan", "--host", "pi-zero-2w"))
        .outContains("note: postgres-16-alpine: the footprint (up to 424 MiB) is above the container limit of 80 MiB");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static String[] concat(String[] a, String... b) {
    String[] r = new String[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
