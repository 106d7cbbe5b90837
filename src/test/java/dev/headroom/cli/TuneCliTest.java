package dev.headroom.cli;

import static dev.headroom.cli.Cli.assertThat;
import static dev.headroom.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code headroom tune}: exit codes, errors and what it says. */
class TuneCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void settingsThatFitAreExitZeroAndTheirFootprintIsAtMostTheLimit() throws IOException {
    for (String runtime : new String[] {"postgres", "jvm", "node", "redis", "dotnet"}) {
      Cli.Result r = run("tune", runtime, "--limit", "4GiB", "--format", "json");
      assertThat(r).exitedWith(0).errIsEmpty();
      JsonNode json = JSON.readTree(r.out());
      assertThat(json.path("fits").asBoolean()).isTrue();
      assertThat(json.path("footprint").path("high_bytes").asLong()).isLessThanOrEqualTo(4L << 30);
      assertThat(json.path("limit_bytes").asLong()).isEqualTo(4L << 30);
    }
  }

  @Test
  void settingsKeptWithSetThatDoNotFitAreExitOne() {
    // shared_buffers alone is the whole limit: with the leanest rest, 256 + 8 + 26 + 10 × 3 + 10 × 1.25 + 8 + 8 = 348.5 MiB
    assertThat(run("tune", "postgres", "--limit", "256MiB", "--connections", "10", "--set", "shared_buffers=256MB"))
        .exitedWith(1).outContains("does not fit: up to 348.5 MiB against 256 MiB").errIsEmpty();
    assertThat(run("tune", "redis", "--limit", "64MiB", "--set", "maxmemory=64mb")).exitedWith(1);
  }

  @Test
  void aLimitTooSmallIsAnInputErrorWithTheMinimum() {
    assertThat(run("tune", "node", "--limit", "48MiB"))
        .exitedWith(2).outIsEmpty().errContains("48 MiB is too small for Node.js", "need 64 MiB").hasNoStackTrace();
    assertThat(run("tune", "dotnet", "--limit", "1KiB")).exitedWith(2).errContains("need 66 MiB");
  }

  @Test
  void usageErrorsAreOneLineEach() {
    assertThat(run("tune", "mysql", "--limit", "1GiB")).exitedWith(2).errContains("unknown runtime 'mysql'");
    assertThat(run("tune", "postgres")).exitedWith(2).errContains("--limit");
    assertThat(run("tune", "postgres", "--limit", "512m")).exitedWith(2).errContains("--limit:").hasNoStackTrace();
    assertThat(run("tune", "postgres", "--limit", "0")).exitedWith(2).errContains("--limit must be above zero");
    assertThat(run("tune", "jvm", "--limit", "1GiB", "--connections", "10"))
        .exitedWith(2).errContains("--connections is for postgres only");
    assertThat(run("tune", "postgres", "--limit", "1GiB", "--connections", "0"))
        .exitedWith(2).errContains("--connections must be from 1 to 262143");
    assertThat(run("tune", "jvm", "--limit", "1GiB", "--set", "Xms=64m"))
        .exitedWith(2).errContains("--set Xms=64m: not a setting headroom's JVM model reads; did you mean 'Xmx'?");
    assertThat(run("tune", "redis", "--limit", "1GiB", "--format", "markdown"))
        .exitedWith(2).errContains("tune writes text or json");
  }

  @Test
  void whatTheReviewFound() {
    // a pinned stack too large for the limit leaves the leanest rest, the least heap, never a negative -Xmx
    assertThat(run("tune", "jvm", "--limit", "1GiB", "--set", "Xss=8m")).exitedWith(1).outContains("Xmx                    16m")
        .outDoesNotContain("-Xmx-");
    // a pinned work_mem under 1MB keeps pgtune's proportions when they fit: shared_buffers a quarter of 1 GiB
    assertThat(run("tune", "postgres", "--limit", "1GiB", "--set", "work_mem=512kB"))
        .exitedWith(0).outContains("shared_buffers          256MB");
    assertThat(run("tune", "redis", "--limit", "1GiB", "--set", "maxmemory=0")).exitedWith(2).errContains("maxmemory 0");
    // PostgreSQL's largest values: tune stays under them, --set is held to them
    assertThat(run("tune", "postgres", "--limit", "64TiB", "--connections", "10")).exitedWith(0)
        .outDoesNotContain("16384GB");
    assertThat(run("tune", "postgres", "--limit", "1GiB", "--set", "max_connections=999999999999"))
        .exitedWith(2).errContains("PostgreSQL's largest value for max_connections is 262143");
    assertThat(run("tune", "postgres", "--limit", "1GiB", "--connections", "10", "--set", "max_connections=50"))
        .exitedWith(2).errContains("give --connections or --set max_connections, not both");
    assertThat(run("tune", "node", "--limit", "100TiB")).exitedWith(0).outContains("max-old-space-size   104857507");
  }

  @Test
  void theTextSaysHowToPassTheSettings() {
    assertThat(run("tune", "node", "--limit", "80MiB"))
        .exitedWith(0).outContains("NODE_OPTIONS=\"--max-old-space-size=32 --max-semi-space-size=1\"", "fits: up to 80 MiB");
    assertThat(run("tune", "dotnet", "--limit", "128MiB")).outContains("DOTNET_GCHeapHardLimit=0x4E00000");
  }
}
