package dev.headroom.solve;

import dev.headroom.model.Bytes;
import dev.headroom.model.Range;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Monte-Carlo samples of the total memory of a scenario with N agents. Each component of each
 * service instance is its own range, drawn on its own (or, {@code correlated}, all at one quantile u
 * per sample). A sample is held as its excess over the exact low end of the total, in a sorted array,
 * so any threshold is answered by a binary search and any quantile by an index.
 *
 * <p>Draw order, which the seed's reproducibility rests on: sample by sample; within a sample,
 * service by service in plan order, component by component, instance by instance; ranges whose two
 * ends are equal are constants and take no draw.
 */
public final class Simulation {

  private final RiskOptions options;
  private final Range total;
  private final long drawsPerSample;
  private final double[] sorted;

  private Simulation(RiskOptions options, Range total, long drawsPerSample, double[] sorted) {
    this.options = options;
    this.total = total;
    this.drawsPerSample = drawsPerSample;
    this.sorted = sorted;
  }

  /** A range of {@code width} = high − low bytes (above zero), drawn once per instance. */
  record Piece(long width, long count) {}

  /**
   * The ranges a scenario with N agents sums: one per component (with its optimizations) of each
   * service, drawn once per instance; single values are left out (they are in the low end).
   */
  record Pieces(Range total, List<Piece> ranges) {
    Pieces {
      ranges = List.copyOf(ranges);
    }

    /** Ranges drawn per sample: every instance of every range, or one u when correlated. */
    long draws(boolean correlated) {
      if (ranges.isEmpty()) {
        return 0;
      }
      if (correlated) {
        return 1;
      }
      long n = 0;
      for (Piece p : ranges) {
        n = Math.addExact(n, p.count());
      }
      return n;
    }
  }

  static Pieces pieces(StackDemand d, long agents) {
    List<Piece> parts = new ArrayList<>();
    for (ServiceDemand s : d.services()) {
      long count = s.scope() == Scope.PER_AGENT ? agents : 1;
      if (count == 0) {
        continue;
      }
      Range sum = Range.ZERO;
      for (ServiceDemand.ComponentDemand c : s.components()) {
        sum = sum.plus(c.memory());
      }
      if (sum.equals(s.memory())) {
        for (ServiceDemand.ComponentDemand c : s.components()) {
          add(parts, c.memory(), count);
        }
      } else {
        // a container limit or reservation stands in for the components: one value
        add(parts, s.memory(), count);
      }
    }
    return new Pieces(Capacity.total(d.shared(), d.perAgent(), agents), parts);
  }

  private static void add(List<Piece> parts, Range r, long count) {
    long width = r.high().value() - r.low().value();
    if (width > 0) {
      parts.add(new Piece(width, count));
    }
  }

  /** Draws per sample × samples, refused past {@link RiskOptions#MAX_DRAWS}. */
  static long work(Pieces p, RiskOptions o) {
    try {
      return Math.multiplyExact(p.draws(o.correlated()), (long) o.samples());
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /** Runs the samples of a scenario with N agents. */
  public static Simulation run(StackDemand d, long agents, RiskOptions o) {
    Pieces p = pieces(d, agents);
    long work = work(p, o);
    if (work > RiskOptions.MAX_DRAWS) {
      throw tooMuch(work, o);
    }
    return run(p, o);
  }

  static TooLargeException tooMuch(long work, RiskOptions o) {
    return new TooLargeException("--risk: " + o.samples() + " samples of this plan need "
        + (work == Long.MAX_VALUE ? "more than 2^63" : Long.toString(work)) + " draws, more than headroom takes ("
        + RiskOptions.MAX_DRAWS + "); lower --samples or the agent count, or use --correlated (one draw per sample)",
        null);
  }

  static Simulation run(Pieces p, RiskOptions o) {
    int n = o.samples();
    double[] x = new double[n];
    long draws = p.draws(o.correlated());
    if (draws > 0) {
      SplitMix64 rng = new SplitMix64(o.seed());
      Quantile q = Quantile.of(o.distribution());
      // high − low is exact as a long; as a double it rounds only past 2^53 bytes (8 PiB)
      double span = (double) (p.total().high().value() - p.total().low().value());
      if (o.correlated()) {
        // every range at the same quantile u; all ranges have the same standard shape, so
        // Σ (low_i + w_i × Q(u)) = low + (high − low) × Q(u)
        for (int s = 0; s < n; s++) {
          x[s] = span * q.at(rng.nextDouble());
          if ((s & PROGRESS_MASK) == PROGRESS_MASK) {
            o.progress().drawn(PROGRESS_MASK + 1);
          }
        }
      } else {
        independent(p, q, rng, span, x, o.progress());
      }
      o.progress().drawn(n & PROGRESS_MASK);
      Arrays.sort(x);
    }
    return new Simulation(o, p.total(), draws, x);
  }

  /** Progress is told every 65,536 samples, and of the rest at the end. */
  private static final int PROGRESS_MASK = (1 << 16) - 1;

  private static void independent(Pieces p, Quantile q, SplitMix64 rng, double span, double[] x, Progress progress) {
    int pieces = p.ranges().size();
    double[] widths = new double[pieces];
    int[] counts = new int[pieces];
    for (int j = 0; j < pieces; j++) {
      widths[j] = p.ranges().get(j).width();
      counts[j] = Math.toIntExact(p.ranges().get(j).count()); // at most MAX_DRAWS / MIN_SAMPLES
    }
    for (int s = 0; s < x.length; s++) {
      double e = 0;
      for (int j = 0; j < pieces; j++) {
        double part = 0;
        for (int k = counts[j]; k > 0; k--) {
          part += q.at(rng.nextDouble());
        }
        e += widths[j] * part;
      }
      // each draw is at most 1, so the sum is at most the span but for rounding past 2^53
      x[s] = Math.min(e, span);
      if ((s & PROGRESS_MASK) == PROGRESS_MASK) {
        progress.drawn(PROGRESS_MASK + 1);
      }
    }
  }

  public RiskOptions options() {
    return options;
  }

  public Range total() {
    return total;
  }

  public long drawsPerSample() {
    return drawsPerSample;
  }

  public int samples() {
    return sorted.length;
  }

  /** The samples' excess over the low end of the total, in bytes, sorted; a copy. */
  double[] excess() {
    return sorted.clone();
  }

  /**
   * P(total &gt; threshold). Certain, with no sample consulted, when the threshold is at or above
   * the high end (0) or below the low end (1): the comparisons are exact.
   */
  public Probability above(BigDecimal threshold) {
    long n = sorted.length;
    if (threshold.compareTo(total.high().toBigDecimal()) >= 0) {
      return new Probability(0, n, threshold, true);
    }
    if (threshold.compareTo(total.low().toBigDecimal()) < 0) {
      return new Probability(n, n, threshold, true);
    }
    double t = threshold.subtract(total.low().toBigDecimal()).doubleValue();
    return new Probability(n - upperBound(t), n, threshold, false);
  }

  /** The number of samples at or below {@code t}. */
  private int upperBound(double t) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The smallest whole number of bytes that at least {@code percent}% of the samples do not exceed:
   * the k-th smallest sample, k = ⌈percent × n / 100⌉, rounded up to a whole byte.
   */
  public Bytes quantile(int percent) {
    if (percent <= 0 || percent > 100) {
      throw new IllegalArgumentException("percentile " + percent);
    }
    long n = sorted.length;
    int k = (int) ((percent * n + 99) / 100);
    double excess = Math.ceil(sorted[k - 1]);
    long span = total.high().value() - total.low().value();
    long whole = excess >= span ? span : (long) excess;
    return Bytes.of(total.low().value() + whole);
  }
}
