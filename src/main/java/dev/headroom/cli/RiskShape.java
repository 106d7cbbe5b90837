package dev.headroom.cli;

import dev.headroom.solve.Distribution;
import dev.headroom.solve.RiskOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** How a risk estimate draws: samples, seed, the shape of each range, correlation; shared by plan, matrix and report. */
@Command(addMethodSubcommands = false) // a mixin: nothing for picocli to scan for (docs/performance.md)
public final class RiskShape {

  @Option(names = "--samples", paramLabel = "N",
      description = "Risk estimate: samples of the total (" + RiskOptions.MIN_SAMPLES + " to " + RiskOptions.MAX_SAMPLES
          + "; default: " + RiskOptions.DEFAULT_SAMPLES + ", 20000 in a report).")
  Integer samples;

  @Option(names = "--seed", paramLabel = "S",
      description = "Risk estimate: the generator's seed; the same seed gives the same figures (default: "
          + RiskOptions.DEFAULT_SEED + ").")
  Long seed;

  @Option(names = "--distribution", paramLabel = "SHAPE",
      description = "Risk estimate: the shape of each range: ${COMPLETION-CANDIDATES} (default: uniform).")
  Distribution distribution;

  @Option(names = "--correlated",
      description = "Risk estimate: all ranges at one quantile per sample (they grow together), not drawn independently.")
  boolean correlated;

  /** The first of these options given, for "needs --risk"; null when none is. */
  String given() {
    return samples != null ? "--samples" : seed != null ? "--seed" : distribution != null ? "--distribution"
        : correlated ? "--correlated" : null;
  }

  /** The options of an estimate from what was given, defaults for the rest; samples out of bounds are a usage error. */
  RiskOptions options(int defaultSamples) {
    int n = samples == null ? defaultSamples : samples;
    if (n < RiskOptions.MIN_SAMPLES || n > RiskOptions.MAX_SAMPLES) {
      throw new HeadroomCommand.UsageError("--samples must be between " + RiskOptions.MIN_SAMPLES + " and "
          + RiskOptions.MAX_SAMPLES + ", got " + n);
    }
    return new RiskOptions(n, seed == null ? RiskOptions.DEFAULT_SEED : seed,
        distribution == null ? Distribution.UNIFORM : distribution, correlated);
  }
}
