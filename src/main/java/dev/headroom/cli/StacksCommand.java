package dev.headroom.cli;

import dev.headroom.render.CatalogListing;
import picocli.CommandLine.Command;

/** {@code headroom stacks}. */
@Command(name = "stacks", addMethodSubcommands = false, description = {"List the stacks of the catalog.", "Services per agent and shared, their footprint before any scenario, and the scenarios."})
public final class StacksCommand extends ListCommand {
  @Override
  CatalogListing.Kind kind() {
    return CatalogListing.Kind.STACKS;
  }
}
