package dev.headroom.cli;

import java.util.Locale;

/**
 * The output formats of {@code headroom check}: the shared ones, and the ones CI systems read
 * (SARIF for code scanning, JUnit XML for test reports, GitHub Actions annotations), which the
 * other commands have no use for.
 */
public enum CheckFormat {
  TEXT,
  JSON,
  MARKDOWN,
  SARIF,
  JUNIT,
  GITHUB;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
