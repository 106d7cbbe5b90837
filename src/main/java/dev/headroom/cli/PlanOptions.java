package dev.headroom.cli;

import dev.headroom.model.Estimate;
import dev.headroom.solve.Basis;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** What to plan: stack, optimizations, basis and estimate; shared by plan and matrix. */
@Command(addMethodSubcommands = false) // a mixin: nothing for picocli to scan for (docs/performance.md)
public final class PlanOptions {

  @Option(names = "--stack", paramLabel = "STACK", completionCandidates = CatalogIds.Stacks.class, description = "Stack id (default: the catalog's default stack).")
  String stack;

  @Option(names = "--apply", paramLabel = "OPT", split = ",",
      description = "Apply these optimization ids on top of the scenario (comma-separated, or 'all').")
  List<String> apply = new ArrayList<>();

  @Option(names = "--basis", paramLabel = "BASIS", defaultValue = "footprint",
      description = "What a service's demand is: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Basis basis;

  @Option(names = "--estimate", paramLabel = "END", defaultValue = "high",
      description = "Which end of a range decides the status: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Estimate estimate;
}
