package dev.headroom.solve;

import java.util.Objects;

/**
 * How to estimate the risk of a plan: how many samples, the generator's seed, the shape of each
 * range, and whether the ranges move together.
 *
 * @param samples Monte-Carlo samples of the total, {@link #MIN_SAMPLES}..{@link #MAX_SAMPLES}
 * @param seed the seed of the generator ({@link SplitMix64}): the same seed gives the same figures
 * @param correlated one quantile u per sample for every range (they grow together), rather than
 *     one independent draw per range
 * @param progress told of the samples as they are drawn ({@link Progress#none()} by default); it
 *     changes no figure
 */
public record RiskOptions(int samples, long seed, Distribution distribution, boolean correlated, Progress progress) {

  public static final int DEFAULT_SAMPLES = 100_000;

  /** Fewer would leave the 99th percentile to one or two samples. */
  public static final int MIN_SAMPLES = 100;

  /** Ten million totals are 80 MB of doubles; the figures are already as precise as the model at 100,000. */
  public static final int MAX_SAMPLES = 10_000_000;

  public static final long DEFAULT_SEED = 42;

  /** Draws (samples × ranges drawn per sample) one run may take: about ten seconds on one core. */
  public static final long MAX_DRAWS = 1_000_000_000L;

  public static final RiskOptions DEFAULT = new RiskOptions(DEFAULT_SAMPLES, DEFAULT_SEED, Distribution.UNIFORM, false);

  public RiskOptions(int samples, long seed, Distribution distribution, boolean correlated) {
    this(samples, seed, distribution, correlated, Progress.none());
  }

  /** The same options, telling {@code p} of the samples drawn. */
  public RiskOptions withProgress(Progress p) {
    return new RiskOptions(samples, seed, distribution, correlated, p);
  }

  public RiskOptions {
    Objects.requireNonNull(distribution);
    Objects.requireNonNull(progress);
    if (samples < MIN_SAMPLES || samples > MAX_SAMPLES) {
      throw new IllegalArgumentException("samples must be between " + MIN_SAMPLES + " and " + MAX_SAMPLES + ", got " + samples);
    }
  }
}
