package dev.headroom.model;

/**
 * A quantity string that cannot be read. The message is one sentence meant for the user
 * (without file or position: the loader adds those).
 */
public final class QuantityException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public QuantityException(String message) {
    super(message);
  }
}
