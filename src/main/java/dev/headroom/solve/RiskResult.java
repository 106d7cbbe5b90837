package dev.headroom.solve;

import dev.headroom.model.Bytes;
import dev.headroom.model.Range;
import java.util.Objects;

/**
 * The risk of one scenario with N agents on one host: the chance that the total passes the warn
 * threshold, the critical threshold and the available memory, and quantiles of the total.
 *
 * @param total the exact range the samples lie in
 * @param drawsPerSample ranges drawn per sample (0 when every range is a single value)
 * @param p50 the median total: the smallest whole number of bytes that at least half the samples
 *     do not exceed (and so on for p95, p99)
 */
public record RiskResult(
    RiskOptions options,
    Range total,
    long drawsPerSample,
    Probability overWarn,
    Probability overCritical,
    Probability overflow,
    Bytes p50,
    Bytes p95,
    Bytes p99) {

  public RiskResult {
    Objects.requireNonNull(options);
    Objects.requireNonNull(total);
  }
}
