package dev.headroom.render;

import dev.headroom.model.Bytes;
import dev.headroom.model.Host;
import dev.headroom.solve.Probability;
import dev.headroom.solve.RiskOptions;
import dev.headroom.solve.RiskResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The risk estimate in words, for the text and markdown renderers. Probabilities are percentages
 * with two decimals and a 95% interval (one decimal in a matrix cell); a figure that rounds to 0 or
 * 100 but is not is shown as {@code <0.01%} or {@code >99.99%}; a certain figure is a plain {@code
 * 0%} or {@code 100%}. Sizes are estimates and are printed to a tenth of a unit.
 */
public final class RiskText {
  private RiskText() {}

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** "100000 samples, seed 42, uniform, independent components". */
  public static String method(RiskOptions o) {
    return o.samples() + " samples, seed " + o.seed() + ", " + o.distribution().id() + ", "
        + (o.correlated() ? "correlated components (one quantile per sample)" : "independent components");
  }

  /** The label and value rows a plan adds to its summary. */
  public static List<List<String>> rows(RiskResult r, Host h) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("risk", "Monte Carlo, " + method(r.options())));
    rows.add(List.of("p > warn", event(r.overWarn(), r) + ": total above " + threshold(r.overWarn().threshold()) + " ("
        + Formats.threshold(h.thresholds().warn()) + ")"));
    rows.add(List.of("p > critical", event(r.overCritical(), r) + ": total above " + threshold(r.overCritical().threshold())
        + " (" + Formats.threshold(h.thresholds().critical()) + ")"));
    rows.add(List.of("p overflow", event(r.overflow(), r) + ": total above " + threshold(r.overflow().threshold())
        + " (available)"));
    rows.add(List.of("quantiles", quantiles(r)));
    return rows;
  }

  /** "p50 1360.2 MiB, p95 1420.9 MiB, p99 1440.0 MiB". */
  public static String quantiles(RiskResult r) {
    return "p50 " + approx(r.p50()) + ", p95 " + approx(r.p95()) + ", p99 " + approx(r.p99());
  }

  /** "12.34% (95% CI 12.14..12.55%)", or "0% (certain: the total is at most 400 MiB)". */
  public static String event(Probability p, RiskResult r) {
    if (p.certain()) {
      return p.count() == 0 ? "0% (certain: the total is at most " + r.total().high() + ")"
          : "100% (certain: the total is at least " + r.total().low() + ")";
    }
    return percent(p, 2) + " (95% CI " + interval(p) + ")";
  }

  /** "12.14..12.55%": the Wilson interval, rounded outwards to two decimals. */
  public static String interval(Probability p) {
    BigDecimal low = BigDecimal.valueOf(p.low95()).multiply(HUNDRED).setScale(2, RoundingMode.FLOOR);
    BigDecimal high = BigDecimal.valueOf(p.high95()).multiply(HUNDRED).setScale(2, RoundingMode.CEILING);
    return low.toPlainString() + ".." + high.toPlainString() + "%";
  }

  /** The estimate as a percentage with {@code decimals} decimals, never rounded onto 0 or 100 when it is not. */
  public static String percent(Probability p, int decimals) {
    if (p.certain()) {
      return p.count() == 0 ? "0%" : "100%";
    }
    BigDecimal shown = BigDecimal.valueOf(p.count()).multiply(HUNDRED)
        .divide(BigDecimal.valueOf(p.samples()), decimals, RoundingMode.HALF_UP);
    BigDecimal step = BigDecimal.ONE.movePointLeft(decimals);
    if (shown.signum() == 0 && p.count() > 0) {
      return "<" + step.toPlainString() + "%";
    }
    if (shown.compareTo(HUNDRED) == 0 && p.count() < p.samples()) {
      return ">" + HUNDRED.subtract(step).toPlainString() + "%";
    }
    return shown.toPlainString() + "%";
  }

  /** A matrix cell's risk: "p 12.3%". */
  public static String cell(RiskResult r) {
    return "p " + percent(r.overflow(), 1);
  }

  public static String approx(Bytes b) {
    return approx(b.toBigDecimal());
  }

  /** A threshold: exact when it is a whole number of bytes with a short exact form (432 MiB), else to a tenth. */
  public static String threshold(BigDecimal bytes) {
    if (bytes.stripTrailingZeros().scale() <= 0) {
      String exact = Bytes.of(bytes.longValueExact()).toString();
      if (!exact.endsWith(" B") || bytes.compareTo(BigDecimal.valueOf(Bytes.KIB)) < 0) {
        return exact;
      }
    }
    return approx(bytes);
  }

  /**
   * An estimated size to a tenth of a binary unit, half-up, in the largest unit in which it is at
   * least 10: {@code 345.6 MiB}, {@code 12.0 GiB}, {@code 900 B}.
   */
  public static String approx(BigDecimal bytes) {
    String[] names = {"EiB", "PiB", "TiB", "GiB", "MiB", "KiB"};
    long[] sizes = {Bytes.EIB, Bytes.PIB, Bytes.TIB, Bytes.GIB, Bytes.MIB, Bytes.KIB};
    BigDecimal abs = bytes.abs();
    for (int i = 0; i < sizes.length; i++) {
      BigDecimal scaled = abs.divide(BigDecimal.valueOf(sizes[i]), 1, RoundingMode.HALF_UP);
      if (scaled.compareTo(BigDecimal.TEN) >= 0) {
        return (bytes.signum() < 0 ? "-" : "") + scaled.toPlainString() + " " + names[i];
      }
    }
    return bytes.setScale(0, RoundingMode.HALF_UP).toPlainString() + " B";
  }
}
