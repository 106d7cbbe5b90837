package dev.headroom.cli;

import dev.headroom.render.CatalogListing;
import picocli.CommandLine.Command;

/** {@code headroom services}. */
@Command(name = "services", addMethodSubcommands = false, description = {"List the services of the catalog.", "Footprint, components, optimizations, container limits and reservations, CPU and source."})
public final class ServicesCommand extends ListCommand {
  @Override
  CatalogListing.Kind kind() {
    return CatalogListing.Kind.SERVICES;
  }
}
