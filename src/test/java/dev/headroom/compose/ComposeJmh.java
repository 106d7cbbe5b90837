package dev.headroom.compose;

import dev.headroom.model.ComposeProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of the compose loader (bench/jmh.sh, docs/performance.md): a file of {@code services}
 * services of 18 YAML nodes each (image, limits, reservation, CPUs, two variables, depends_on), read,
 * interpolated, merged and turned into the project.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ComposeJmh {
  @Param({"50", "500", "5000"})
  public int services;

  private Path dir;
  private Path file;

  @Setup
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("headroom-compose-bench");
    StringBuilder sb = new StringBuilder("services:\n");
    for (int i = 0; i < services; i++) {
      sb.append("  svc").append(i).append(":\n    image: registry.example.com/team/svc").append(i).append(":1.0\n")
          .append("    mem_limit: 256m\n    mem_reservation: 128m\n    cpus: \"0.5\"\n")
          .append("    environment:\n      LOG_LEVEL: ${LOG_LEVEL:-info}\n      PORT: \"8080\"\n");
      if (i > 0) {
        sb.append("    depends_on: [svc").append(i - 1).append("]\n");
      }
    }
    file = Files.writeString(dir.resolve("compose.yaml"), sb.toString());
  }

  @TearDown
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir);
  }

  @Benchmark
  public ComposeProject load() {
    return new ComposeLoader(ComposeLoader.Options.of(List.of(file), Map.of())).load();
  }
}
