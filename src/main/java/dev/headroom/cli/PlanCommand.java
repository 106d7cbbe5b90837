package dev.headroom.cli;

import dev.headroom.load.CatalogLoader;
import dev.headroom.model.Catalog;
import dev.headroom.render.PlanJson;
import dev.headroom.render.PlanMarkdown;
import dev.headroom.render.PlanText;
import dev.headroom.render.Style;
import dev.headroom.solve.PlanRequest;
import dev.headroom.solve.PlanResult;
import dev.headroom.solve.Planner;
import dev.headroom.solve.Risk;
import dev.headroom.solve.RiskOptions;
import dev.headroom.solve.RiskResult;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code headroom plan}: one stack on one host with N agents. */
@Command(
    name = "plan",
    addMethodSubcommands = false,
    description = {
      "Plan one stack on one host with N agents.",
      "Prints the per-service breakdown, per-agent and total demand, headroom or overflow, the status",
      "and the most agents that fit.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  headroom plan --host pi-zero-2w --agents 2",
      "  headroom plan --host pi-4b-4gb --agents 3 --scenario optimized --format json",
      "  headroom plan --host pi-zero-2w --apply pg-shared-buffers,pg-work-mem",
      "  headroom plan --host pi-4b-4gb --agents 5 --risk --distribution pert",
      "",
      "Exit codes: 0 fits, 1 status at or above --fail-on, 2 usage or input error, 3 internal error."
    })
public final class PlanCommand extends Subcommand {

  @Mixin PlanTarget target = new PlanTarget();

  @Option(names = "--fail-on", paramLabel = "STATUS", defaultValue = "critical",
      description = "Exit 1 at this status or worse: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  FailOn failOn;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--components",
      description = "Show each service's components, the optimizations applied to them and the file and line of each.")
  boolean components;

  @Mixin RiskFlags riskFlags = new RiskFlags();

  @Mixin OutputOptions output = new OutputOptions();

  @Override
  public Integer call() {
    RiskOptions riskOptions = riskFlags.options();
    CatalogLoader.Result loaded = root.loadCatalogFor(List.of(target.host), target.plan.stack);
    Catalog catalog = loaded.catalog();
    PlanRequest request = target.request(catalog);
    PlanResult result =
        new Planner(catalog).plan(request);
    RiskResult risk = riskOptions == null ? null
        : TerminalProgress.estimating(root.context(), spec.commandLine().getErr(), riskOptions, o -> Risk.plan(result, o));
    Style style = new Style(root.color() && output.toStdout());
    output.emit(spec, loaded.files(), w -> {
      switch (format) {
        case JSON -> PlanJson.render(result, risk, w);
        case MARKDOWN -> PlanMarkdown.render(result, components, risk, w);
        default -> PlanText.render(result, style, components, risk, w);
      }
    });
    return failOn.fails(result.status()) ? ExitCode.VERDICT : ExitCode.OK;
  }
}
