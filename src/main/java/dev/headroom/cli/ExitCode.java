package dev.headroom.cli;

/** The exit codes of DESIGN.md section 1. */
public final class ExitCode {
  private ExitCode() {}

  /** It fits, or the gate passed. */
  public static final int OK = 0;
  /** Computed, but over budget, or the gate failed. */
  public static final int VERDICT = 1;
  /** Usage or input error: bad flag, unknown id, invalid file. */
  public static final int INPUT = 2;
  /** A bug in headroom. */
  public static final int INTERNAL = 3;
}
