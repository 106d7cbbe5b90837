package dev.headroom.solve;

import java.util.Locale;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;

/**
 * The shape a footprint range {@code [low, high]} is given in the risk estimate. The catalog gives
 * no most likely value, so the mode is the midpoint and every shape is symmetric; each range is
 * {@code low + (high − low) × X} with X drawn from {@link #standard()} on [0, 1].
 */
public enum Distribution {
  /** Every value of the range equally likely: all that a range says, and the widest spread of the three. */
  UNIFORM,
  /** Density rising linearly from low to the midpoint and falling to high. */
  TRIANGULAR,
  /**
   * The PERT (beta) distribution: α = 1 + 4(m − a)/(c − a), β = 1 + 4(c − m)/(c − a); with the mode
   * m at the midpoint, α = β = 3.
   */
  PERT;

  /** PERT's α and β for a mode at the midpoint: 1 + 4 × 1/2. */
  public static final double PERT_SHAPE = 3;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The lower-case id, as written on the command line. */
  @Override
  public String toString() {
    return id();
  }

  /**
   * The distribution on [0, 1] with the mode at the midpoint, as Commons Math defines it. It carries
   * no generator of its own: the estimate draws from one seeded generator and uses inverse CDFs.
   */
  public RealDistribution standard() {
    return switch (this) {
      case UNIFORM -> new UniformRealDistribution(null, 0, 1);
      case TRIANGULAR -> new TriangularDistribution(null, 0, 0.5, 1);
      case PERT -> new BetaDistribution(null, PERT_SHAPE, PERT_SHAPE);
    };
  }
}
