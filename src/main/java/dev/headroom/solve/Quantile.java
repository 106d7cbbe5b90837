package dev.headroom.solve;

import org.apache.commons.math3.distribution.RealDistribution;

/**
 * The inverse CDF of a {@link Distribution}'s standard form on [0, 1]: one call per draw, so it is
 * cheap. Uniform and triangular use Commons Math's closed forms; PERT, whose Commons Math inverse is
 * a root search over the incomplete beta function (some 200 µs a call), uses {@link Pert}.
 */
abstract class Quantile {

  /** The value below which a fraction {@code u} of the distribution lies; {@code u} in [0, 1). */
  abstract double at(double u);

  static Quantile of(Distribution d) {
    // PERT's table is made on first use, once per JVM (about a millisecond)
    return d == Distribution.PERT ? Pert.INSTANCE : new Closed(d.standard());
  }

  /** A Commons Math distribution whose inverse CDF is a closed form (uniform, triangular). */
  private static final class Closed extends Quantile {
    private final RealDistribution d;

    Closed(RealDistribution d) {
      this.d = d;
    }

    @Override
    double at(double u) {
      return d.inverseCumulativeProbability(u);
    }
  }

  /**
   * Beta(3, 3), PERT with the mode at the midpoint. Its CDF is the polynomial F(x) = 10x³ − 15x⁴ +
   * 6x⁵ and its density f(x) = 30x²(1 − x)², so the inverse is Newton's method on F. (Commons Math's
   * {@link org.apache.commons.math3.distribution.BetaDistribution} inverse is a root search over the
   * incomplete beta function, near 200 µs a call; QuantileTest holds this one to it.) The start comes
   * from a table of the inverse at 1025 points, solved by Newton once, read by cubic Hermite
   * interpolation with the slopes 1/f; from there one
   * Newton step gives double precision (a relative error under 2e-15; QuantileTest checks it). Below
   * u = 1/128, where Q grows like the cube root of u and the table is a poor start, Newton starts
   * from that cube root and runs until it settles. The distribution is symmetric, so only u ≤ 1/2
   * is solved: Q(u) = 1 − Q(1 − u).
   */
  static final class Pert extends Quantile {
    static final Pert INSTANCE = new Pert();

    /** Table intervals over u in [0, 1/2]. */
    private static final int INTERVALS = 1024;
    private static final double H = 0.5 / INTERVALS;
    private static final int MAX_STEPS = 40;

    /** Intervals below this one start from the cube root (u below 16/2048 = 1/128). */
    private static final int FIRST_TABLE_INTERVAL = 16;

    private final double[] knots = new double[INTERVALS + 1];
    private final double[] slopes = new double[INTERVALS + 1];

    private Pert() {
      for (int i = 1; i < INTERVALS; i++) {
        double p = H * i;
        knots[i] = newton(p, i == 1 ? Math.cbrt(p / 10) : knots[i - 1]);
        slopes[i] = 1 / density(knots[i]);
      }
      knots[INTERVALS] = 0.5;
      slopes[INTERVALS] = 1 / density(0.5);
    }

    @Override
    double at(double u) {
      if (u <= 0) {
        return 0;
      }
      if (u >= 1) {
        return 1;
      }
      boolean upper = u > 0.5;
      double p = upper ? 1 - u : u; // exact: 1 - u for u in [1/2, 1) is a double (Sterbenz)
      double x = solve(p);
      return upper ? 1 - x : x;
    }

    /** The x in (0, 1/2] with F(x) = p, for p in (0, 1/2]. */
    private double solve(double p) {
      double pos = p / H;
      int i = (int) pos;
      if (i >= INTERVALS) {
        return 0.5;
      }
      if (i < FIRST_TABLE_INTERVAL) {
        // near zero F(x) ≈ 10x³(1 − 3x/2), so x ≈ y(1 + y/2) with y = (p/10)^(1/3)
        double y = Math.cbrt(p / 10);
        return newton(p, y * (1 + 0.5 * y));
      }
      double t = pos - i;
      double t2 = t * t;
      double t3 = t2 * t;
      double x = (2 * t3 - 3 * t2 + 1) * knots[i] + (t3 - 2 * t2 + t) * H * slopes[i]
          + (3 * t2 - 2 * t3) * knots[i + 1] + (t3 - t2) * H * slopes[i + 1];
      return x - (cdf(x) - p) / density(x);
    }

    /**
     * Newton's method on F(x) = p from {@code x}, kept within (0, 1/2]. F is convex there, so from
     * any start the steps settle on the root; from a table start the first step already does.
     */
    static double newton(double p, double x) {
      for (int step = 0; step < MAX_STEPS; step++) {
        double next = x - (cdf(x) - p) / density(x);
        if (!(next > 0)) {
          next = 0.5 * x;
        } else if (next > 0.5) {
          next = 0.5;
        }
        if (Math.abs(next - x) <= 0x1.0p-40 * x) {
          // quadratic convergence: a step this small leaves an error near 2^-80 of x
          return next;
        }
        x = next;
      }
      return x;
    }

    /** F(x) = x³(10 − 15x + 6x²). */
    static double cdf(double x) {
      return x * x * x * (10 + x * (-15 + 6 * x));
    }

    /** f(x) = 30x²(1 − x)². */
    static double density(double x) {
      double y = x * (1 - x);
      return 30 * y * y;
    }
  }
}
