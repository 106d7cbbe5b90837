package dev.headroom.runtime;

import dev.headroom.model.Bytes;

/** A limit below what the leanest sane settings of a runtime need: the message says the minimum. */
public final class TooSmall extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Bytes minimum;

  public TooSmall(String message, Bytes minimum) {
    super(message);
    this.minimum = minimum;
  }

  public Bytes minimum() {
    return minimum;
  }
}
