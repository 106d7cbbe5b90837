package dev.headroom.solve;

/**
 * A demand too large to compute exactly: a sum or product past 2^63-1 bytes (8 EiB). Raised
 * instead of wrapping around, so a number is never silently wrong.
 */
public final class TooLargeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TooLargeException(String message, ArithmeticException cause) {
    super(message, cause);
  }
}
