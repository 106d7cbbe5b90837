package dev.headroom.cli;

import dev.headroom.load.CatalogLoader;
import dev.headroom.model.Catalog;
import dev.headroom.model.Host;
import dev.headroom.model.Scenario;
import dev.headroom.model.Stack;
import dev.headroom.render.MatrixJson;
import dev.headroom.render.MatrixMarkdown;
import dev.headroom.render.MatrixText;
import dev.headroom.render.Style;
import dev.headroom.solve.MatrixResult;
import dev.headroom.solve.MatrixRisk;
import dev.headroom.solve.Planner;
import dev.headroom.solve.Risk;
import dev.headroom.solve.RiskOptions;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code headroom matrix}: agents 1..N down, hosts across, for every scenario. */
@Command(
    name = "matrix",
    addMethodSubcommands = false,
    description = {
      "Deployment matrix: agents 1..N for each scenario, across hosts.",
      "Each cell is the utilization of available memory and the status; the last row of each scenario",
      "is the most agents that fit.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  headroom matrix --host pi-zero-2w,pi-4b-4gb,g4dn-xlarge",
      "  headroom matrix --hosts all --stack agent-hive --max-agents 8 --format markdown -o matrix.md",
      "  headroom matrix --host pi-4b-4gb --scenario current --risk --samples 20000",
      "",
      "Exit codes: 0 computed (overflowing cells are results, not failures), 2 usage or input error."
    })
public final class MatrixCommand extends Subcommand {

  @Mixin MatrixOptions shape = new MatrixOptions();

  @Mixin PlanOptions plan = new PlanOptions();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Mixin RiskFlags riskFlags = new RiskFlags();

  @Mixin OutputOptions output = new OutputOptions();

  @Override
  public Integer call() {
    long maxAgents = shape.maxAgents();
    RiskOptions riskOptions = riskFlags.options();
    CatalogLoader.Result loaded = root.loadCatalog();
    Catalog catalog = loaded.catalog();
    List<Host> hs = Lookup.hosts(catalog, shape.hosts);
    Stack s = Lookup.stack(catalog, plan.stack);
    List<Scenario> scs = Lookup.scenarios(s, shape.scenarios);
    MatrixResult m = new Planner(catalog).matrix(hs, s, scs, maxAgents, plan.basis, plan.estimate, plan.apply);
    MatrixRisk risk = riskOptions == null ? null
        : TerminalProgress.estimating(root.context(), spec.commandLine().getErr(), riskOptions, o -> Risk.matrix(m, o));
    Style style = new Style(root.color() && output.toStdout());
    output.emit(spec, loaded.files(), w -> {
      switch (format) {
        case JSON -> MatrixJson.render(m, risk, w);
        case MARKDOWN -> MatrixMarkdown.render(m, risk, w);
        default -> MatrixText.render(m, risk, style, w);
      }
    });
    return ExitCode.OK;
  }
}
