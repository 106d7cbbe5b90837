package dev.headroom.compose;

import dev.headroom.model.Text;

/**
 * A template that cannot be substituted: an invalid {@code ${...}}, a required variable without a
 * value, or a template past the limits. The message is one line, in docker compose's wording where
 * compose has one.
 */
public final class InterpolationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InterpolationException(String message) {
    super(Text.oneLine(message));
  }
}
