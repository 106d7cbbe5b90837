package dev.headroom.cli;

import dev.headroom.load.CatalogLoader;
import dev.headroom.render.CatalogListing;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The shared body of {@code hosts}, {@code stacks} and {@code services}. */
abstract class ListCommand extends Subcommand {

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Mixin OutputOptions output = new OutputOptions();

  abstract CatalogListing.Kind kind();

  @Override
  public Integer call() {
    // hosts and services refer to nothing outside their kind; stacks refer to both
    CatalogLoader.Result loaded = root.loadCatalog(switch (kind()) {
      case HOSTS -> Set.of("hosts");
      case SERVICES -> Set.of("services");
      case STACKS -> CatalogLoader.BUILTIN_PARTS;
    });
    output.emit(spec, loaded.files(), w -> {
      switch (format) {
        case JSON -> CatalogListing.json(loaded.catalog(), kind(), w);
        case MARKDOWN -> CatalogListing.markdown(loaded.catalog(), kind(), w);
        default -> CatalogListing.text(loaded.catalog(), kind(), w);
      }
    });
    return ExitCode.OK;
  }
}
