package dev.headroom.cli;

import dev.headroom.solve.Progress;
import dev.headroom.solve.RiskOptions;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The progress of a long run on standard error, when it is a terminal: one line, rewritten in
 * place at most four times a second once the run has taken a second ({@code headroom: risk
 * estimate, 2,400,000 samples drawn}), and erased when the run is done, before any result is
 * printed. Silent when standard error is not a terminal, so logs and pipes get nothing.
 */
final class TerminalProgress implements Progress, AutoCloseable {

  private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
  private static final long EVERY_NANOS = 250_000_000L;

  private final PrintWriter err;
  private final String what;
  private final LongSupplier clock;
  private final long start;
  private long drawn;
  private long shownAt;
  private int shownWidth;

  TerminalProgress(PrintWriter err, String what, LongSupplier clock) {
    this.err = err;
    this.what = what;
    this.clock = clock;
    this.start = clock.getAsLong();
  }

  /** The progress of {@code what} for this run: on standard error when it is a terminal, else none. */
  static Progress on(Context context, PrintWriter err, String what) {
    return context.errTerminal() ? new TerminalProgress(err, what, System::nanoTime) : Progress.none();
  }

  /**
   * Runs {@code estimate} with {@code options} told of its progress, and erases the progress line
   * before returning, so that nothing of it is left when the result is printed.
   */
  static <T> T estimating(Context context, PrintWriter err, RiskOptions options, Function<RiskOptions, T> estimate) {
    Progress p = on(context, err, "risk estimate");
    try {
      return estimate.apply(options.withProgress(p));
    } finally {
      if (p instanceof TerminalProgress t) {
        t.close();
      }
    }
  }

  @Override
  public void drawn(long samples) {
    drawn += samples;
    long now = clock.getAsLong();
    if (now - start < SHOW_AFTER_NANOS || shownWidth > 0 && now - shownAt < EVERY_NANOS) {
      return;
    }
    String line = String.format(Locale.ROOT, "headroom: %s, %,d samples drawn", what, drawn);
    err.print("\r" + line + " ".repeat(Math.max(0, shownWidth - line.length())));
    err.flush();
    shownWidth = Math.max(shownWidth, line.length());
    shownAt = now;
  }

  @Override
  public void close() {
    if (shownWidth > 0) {
      err.print("\r" + " ".repeat(shownWidth) + "\r");
      err.flush();
      shownWidth = 0;
    }
  }
}
