package dev.headroom.cli;

import dev.headroom.model.Catalog;
import dev.headroom.model.Host;
import dev.headroom.model.Scenario;
import dev.headroom.model.Stack;
import dev.headroom.solve.PlanRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** One plan's host, agent count and scenario, with what to plan: shared by plan and advise. */
@Command(addMethodSubcommands = false) // a mixin: nothing for picocli to scan for (docs/performance.md)
public final class PlanTarget {

  @Option(names = "--host", required = true, paramLabel = "HOST", completionCandidates = CatalogIds.Hosts.class,
      description = "Host id ('headroom hosts' lists them).")
  String host;

  @Option(names = "--agents", paramLabel = "N", defaultValue = "1", description = "Number of agents (default: ${DEFAULT-VALUE}).")
  long agents;

  @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "current",
      description = "Scenario of the stack (default: ${DEFAULT-VALUE}, nothing applied).")
  String scenario;

  @Mixin PlanOptions plan = new PlanOptions();

  /** The plan asked for, its ids looked up in the catalog; a negative agent count is a usage error. */
  PlanRequest request(Catalog catalog) {
    if (agents < 0) {
      throw new HeadroomCommand.UsageError("--agents must be 0 or more, got " + agents);
    }
    Host h = Lookup.host(catalog, host);
    Stack s = Lookup.stack(catalog, plan.stack);
    Scenario sc = Lookup.scenario(s, scenario);
    return new PlanRequest(h, s, sc, agents, plan.basis, plan.estimate, plan.apply);
  }
}
