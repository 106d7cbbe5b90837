package dev.headroom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The training run behind the launcher's class-data-sharing archive (docs/performance.md). The
 * build runs it once with {@code -XX:DumpLoadedClassList}: it runs the commands people and CI run
 * most, in one JVM and with their output discarded, so that the class list names every class
 * they load. The launcher turns that list into an archive on first use. Not a command of headroom.
 */
public final class Training {
  private Training() {}

  private static final String COMPOSE = """
      services:
        db:
          image: postgres:16
          mem_limit: 512m
          command: ["postgres", "-c", "shared_buffers=128MB"]
        api:
          image: example/api:1
          deploy:
            resources:
              limits: {memory: 256M, cpus: "0.5"}
              reservations: {memory: 128M}
          environment:
            JAVA_TOOL_OPTIONS: -Xmx128m
          depends_on: [db]
        web:
          image: node:20
          mem_limit: 128m
          environment:
            NODE_OPTIONS: --max-old-space-size=96
        worker:
          image: registry.example.com/team/worker:1.0
          mem_limit: 256m
          mem_reservation: 128m
          cpus: "0.25"
          environment:
            LOG_LEVEL: info
          depends_on: [api]
      """;

  public static void main(String... args) throws IOException {
    Path dir = Files.createTempDirectory("headroom-training");
    Path compose = dir.resolve("compose.yaml");
    try {
      Files.writeString(compose, COMPOSE);
      String f = compose.toString();
      List<List<String>> runs = List.of(
          List.of("plan", "--host", "pi-zero-2w", "--agents", "2"),
          List.of("plan", "--host", "dev-15gb", "--agents", "4", "--format", "json"),
          List.of("plan", "--host", "pi-zero-2w", "--risk", "--samples", "1000"),
          List.of("matrix", "--hosts", "all"),
          List.of("report", "--hosts", "all", "--format", "markdown"),
          List.of("advise", "--host", "pi-zero-2w"),
          List.of("check", "-f", f, "--host", "pi-zero-2w"),
          List.of("check", "-f", f, "--host", "dev-15gb", "--format", "json"),
          List.of("tune", "postgres", "--limit", "1GiB"),
          List.of("validate"),
          List.of("hosts"),
          List.of("services"),
          List.of("stacks"),
          List.of("--help"));
      PrintWriter sink = new PrintWriter(Writer.nullWriter());
      for (List<String> run : runs) {
        Main.run(run.toArray(String[]::new), sink, sink, new Context(Map.of(), false));
      }
    } finally {
      Files.deleteIfExists(compose);
      Files.deleteIfExists(dir);
    }
  }
}
