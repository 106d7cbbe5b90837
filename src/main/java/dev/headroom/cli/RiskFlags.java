package dev.headroom.cli;

import dev.headroom.solve.RiskOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --risk} and its options, shared by plan and matrix. */
@Command(addMethodSubcommands = false) // a mixin: nothing for picocli to scan for (docs/performance.md)
public final class RiskFlags {

  @Option(names = "--risk",
      description = "Add a Monte-Carlo estimate of the chance that memory passes warn, critical and available (docs/risk.md).")
  boolean risk;

  @Mixin RiskShape shape = new RiskShape();

  /** The options of the estimate, or null without {@code --risk}; a risk option without it is a usage error. */
  RiskOptions options() {
    if (!risk) {
      if (shape.given() != null) {
        throw new HeadroomCommand.UsageError(shape.given() + " needs --risk");
      }
      return null;
    }
    return shape.options(RiskOptions.DEFAULT_SAMPLES);
  }
}
