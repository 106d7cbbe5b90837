package dev.headroom.cli;

import dev.headroom.load.CatalogLoader;
import dev.headroom.model.Catalog;
import dev.headroom.model.Host;
import dev.headroom.render.AdviseJson;
import dev.headroom.render.AdviseMarkdown;
import dev.headroom.render.AdviseText;
import dev.headroom.render.Style;
import dev.headroom.solve.Advice;
import dev.headroom.solve.Advisor;
import dev.headroom.solve.PlanRequest;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code headroom advise}: the least effort that makes a plan fit, and the host to choose as it is. */
@Command(
    name = "advise",
    addMethodSubcommands = false,
    description = {
      "The least effort that makes a plan fit, and the host to choose as it is.",
      "Finds, exactly, the set of optimizations with the least total effort_hours",
      "that brings the plan to ok or warn (what the scenario or --apply already",
      "applies counts as done), and ranks the candidate hosts with the plan as it",
      "is: the cheapest that fits when every host that fits has a cost_per_hour,",
      "otherwise the smallest that fits.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  headroom advise --host pi-zero-2w",
      "  headroom advise --host pi-zero-2w --scenario aot --candidates all",
      "  headroom advise --host pi-zero-2w --agents 2 --format json -o advice.json",
      "",
      "Exit codes: 0 advice given, whether or not anything fits ('headroom plan",
      "--fail-on' is the gate); 2 usage or input error; 3 internal error."
    })
public final class AdviseCommand extends Subcommand {

  @Mixin PlanTarget target = new PlanTarget();

  @Option(names = "--candidates", paramLabel = "HOST", split = ",", defaultValue = "all",
      description = "Hosts to choose from, comma-separated, or 'all' (default: ${DEFAULT-VALUE}).")
  List<String> candidates = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Mixin OutputOptions output = new OutputOptions();

  @Override
  public Integer call() {
    CatalogLoader.Result loaded = root.loadCatalog();
    Catalog catalog = loaded.catalog();
    PlanRequest request = target.request(catalog);
    List<Host> hosts = Lookup.hosts(catalog, candidates);
    Advice advice =
        new Advisor(catalog).advise(request, hosts);
    Style style = new Style(root.color() && output.toStdout());
    output.emit(spec, loaded.files(), w -> {
      switch (format) {
        case JSON -> AdviseJson.render(advice, w);
        case MARKDOWN -> AdviseMarkdown.render(advice, w);
        default -> AdviseText.render(advice, style, w);
      }
    });
    return ExitCode.OK;
  }
}
