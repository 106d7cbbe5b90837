package dev.headroom.solve;

/**
 * Where a long computation says how far it has got: the Monte-Carlo estimate reports the samples
 * it has drawn. The solver only counts; whether and how anyone is shown the count is the caller's.
 */
@FunctionalInterface
public interface Progress {

  /** {@code samples} more samples drawn. */
  void drawn(long samples);

  /** Nobody is told. */
  static Progress none() {
    return None.INSTANCE;
  }

  /** The progress that tells nobody. */
  enum None implements Progress {
    INSTANCE;

    @Override
    public void drawn(long samples) {}
  }
}
