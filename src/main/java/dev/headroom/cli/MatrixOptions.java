package dev.headroom.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Hosts, scenarios and agent counts 1..N: the shape of a matrix, shared by matrix and report. */
@Command(addMethodSubcommands = false) // a mixin: nothing for picocli to scan for (docs/performance.md)
public final class MatrixOptions {

  /** Rows beyond this are not a matrix anyone reads; the bound also keeps a typo from running for minutes. */
  static final long MAX_ROWS = 10_000;

  @Option(names = {"--host", "--hosts"}, paramLabel = "HOST", split = ",", defaultValue = "all", completionCandidates = CatalogIds.HostsOrAll.class,
      description = "Host ids, comma-separated, or 'all' (default: ${DEFAULT-VALUE}).")
  List<String> hosts = new ArrayList<>();

  @Option(names = "--scenario", paramLabel = "NAME", split = ",", defaultValue = "all",
      description = "Scenarios, comma-separated, or 'all' (default: ${DEFAULT-VALUE}: current and every scenario of the stack).")
  List<String> scenarios = new ArrayList<>();

  @Option(names = "--max-agents", paramLabel = "N", defaultValue = "5",
      description = "Agent counts 1..N per scenario (default: ${DEFAULT-VALUE}).")
  long maxAgents;

  /** The agent count, checked. */
  long maxAgents() {
    if (maxAgents < 1 || maxAgents > MAX_ROWS) {
      throw new HeadroomCommand.UsageError("--max-agents must be between 1 and " + MAX_ROWS + ", got " + maxAgents);
    }
    return maxAgents;
  }
}
