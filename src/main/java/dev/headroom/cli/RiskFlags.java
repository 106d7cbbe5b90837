package dev.headroom.cli;

import dev.headroom.solve.Distribution;
import dev.headroom.solve.RiskOptions;
import picocli.CommandLine.Option;

/** {@code --risk} and its options, shared by plan and matrix. */
public final class RiskFlags {

  @Option(names = "--risk",
      description = "Add a Monte-Carlo estimate of the chance that memory passes warn, critical and available (docs/risk.md).")
  boolean risk;

  @Option(names = "--samples", paramLabel = "N",
      description = "With --risk: samples of the total (" + RiskOptions.MIN_SAMPLES + " to " + RiskOptions.MAX_SAMPLES
          + "; default: " + RiskOptions.DEFAULT_SAMPLES + ").")
  Integer samples;

  @Option(names = "--seed", paramLabel = "S",
      description = "With --risk: the generator's seed; the same seed gives the same figures (default: " + RiskOptions.DEFAULT_SEED + ").")
  Long seed;

  @Option(names = "--distribution", paramLabel = "SHAPE",
      description = "With --risk: the shape of each range: ${COMPLETION-CANDIDATES} (default: uniform).")
  Distribution distribution;

  @Option(names = "--correlated",
      description = "With --risk: all ranges at one quantile per sample (they grow together), not drawn independently.")
  boolean correlated;

  /** The options of the estimate, or null without {@code --risk}; a risk option without it is a usage error. */
  RiskOptions options() {
    if (!risk) {
      String given = samples != null ? "--samples" : seed != null ? "--seed" : distribution != null ? "--distribution"
          : correlated ? "--correlated" : null;
      if (given != null) {
        throw new HeadroomCommand.UsageError(given + " needs --risk");
      }
      return null;
    }
    return of(samples, seed, distribution, correlated, RiskOptions.DEFAULT_SAMPLES);
  }

  /** The options of an estimate from what was given, defaults for the rest; samples out of bounds are a usage error. */
  static RiskOptions of(Integer samples, Long seed, Distribution distribution, boolean correlated, int defaultSamples) {
    int n = samples == null ? defaultSamples : samples;
    if (n < RiskOptions.MIN_SAMPLES || n > RiskOptions.MAX_SAMPLES) {
      throw new HeadroomCommand.UsageError("--samples must be between " + RiskOptions.MIN_SAMPLES + " and "
          + RiskOptions.MAX_SAMPLES + ", got " + n);
    }
    return new RiskOptions(n, seed == null ? RiskOptions.DEFAULT_SEED : seed,
        distribution == null ? Distribution.UNIFORM : distribution, correlated);
  }
}
