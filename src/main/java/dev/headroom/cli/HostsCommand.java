package dev.headroom.cli;

import dev.headroom.render.CatalogListing;
import picocli.CommandLine.Command;

/** {@code headroom hosts}. */
@Command(name = "hosts", addMethodSubcommands = false, description = {"List the hosts of the catalog.", "Memory, reserve, available memory, cores, GPU, thresholds and source, smallest first."})
public final class HostsCommand extends ListCommand {
  @Override
  CatalogListing.Kind kind() {
    return CatalogListing.Kind.HOSTS;
  }
}
