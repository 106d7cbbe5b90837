package dev.headroom.cli;

import java.util.Locale;

/** Output formats; each command says which it takes. */
public enum Format {
  TEXT,
  JSON,
  MARKDOWN;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
