package dev.headroom.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.RealDistribution;
import org.junit.jupiter.api.Test;

/** The inverse CDFs the sampler uses, against Commons Math's. */
class QuantileTest {

  @Test
  void pertIsCommonsMathsBetaThreeThree() {
    RealDistribution beta = Distribution.PERT.standard();
    Quantile q = Quantile.of(Distribution.PERT);
    // Commons Math's inverse is a root search accurate to 1e-9; ours is exact to double precision
    for (int i = 0; i <= 4000; i++) {
      double u = i / 4000.0;
      assertThat(q.at(u)).as("Q(%s)", u).isCloseTo(beta.inverseCumulativeProbability(u), within(2e-9));
    }
    for (double u : new double[] {1e-300, 1e-12, 1e-6, 0.001, 0.0078, 0.0079, 0.5, 0.999999}) {
      assertThat(q.at(u)).as("Q(%s)", u).isCloseTo(beta.inverseCumulativeProbability(u), within(2e-9));
    }
  }

  @Test
  void pertInvertsItsOwnCdfToDoublePrecision() {
    Quantile q = Quantile.of(Distribution.PERT);
    SplitMix64 r = new SplitMix64(1);
    // the lower half is solved; the upper half is 1 − Q(1 − u), exact as a double near 1 allows
    for (int i = 0; i < 200_000; i++) {
      double p = 0.5 * r.nextDouble();
      double x = q.at(p);
      // Newton run to the end from x moves it by a few units in its last place at most
      double polished = Quantile.Pert.newton(p, x);
      assertThat(Math.abs(x - polished)).as("u = %s", p).isLessThanOrEqualTo(4e-15 * polished);
    }
  }

  @Test
  void pertIsSymmetricAndMonotone() {
    Quantile q = Quantile.of(Distribution.PERT);
    double previous = -1;
    for (int i = 0; i <= 10_000; i++) {
      double u = i / 10_000.0;
      double x = q.at(u);
      assertThat(x).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
      assertThat(x + q.at(1 - u)).isCloseTo(1, within(4e-15));
      previous = x;
    }
  }

  @Test
  void triangularAndUniformAreTheClosedForms() {
    Quantile tri = Quantile.of(Distribution.TRIANGULAR);
    Quantile uni = Quantile.of(Distribution.UNIFORM);
    for (int i = 0; i < 1000; i++) {
      double u = i / 1000.0;
      // below the mode F(x) = 2x², above it 1 − 2(1 − x)²
      double expected = u < 0.5 ? Math.sqrt(u / 2) : 1 - Math.sqrt((1 - u) / 2);
      assertThat(tri.at(u)).isCloseTo(expected, within(1e-15));
      assertThat(uni.at(u)).isEqualTo(u);
    }
  }
}
