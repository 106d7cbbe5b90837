package dev.headroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.solve.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Progress on standard error: shown after a second, four times a second at most, erased at the end. */
class TerminalProgressTest {

  private long now;
  private final StringWriter out = new StringWriter();
  private final TerminalProgress p = new TerminalProgress(new PrintWriter(out), "risk estimate", () -> now);

  @Test
  void nothingInTheFirstSecond() {
    now = 999_000_000L;
    p.drawn(65_536);
    assertThat(out.toString()).isEmpty();
    p.close();
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void oneLineRewrittenInPlaceThenErased() {
    now = 1_000_000_000L;
    p.drawn(65_536);
    assertThat(out.toString()).isEqualTo("\rheadroom: risk estimate, 65,536 samples drawn");
    now += 100_000_000L; // a tenth of a second later: not yet
    p.drawn(65_536);
    assertThat(out.toString()).isEqualTo("\rheadroom: risk estimate, 65,536 samples drawn");
    now += 200_000_000L;
    p.drawn(1_000_000);
    assertThat(out.toString()).endsWith("\rheadroom: risk estimate, 1,131,072 samples drawn");
    int width = "headroom: risk estimate, 1,131,072 samples drawn".length();
    p.close();
    assertThat(out.toString()).endsWith("\r" + " ".repeat(width) + "\r");
  }

  @Test
  void silentWhereStandardErrorIsNoTerminal() {
    PrintWriter err = new PrintWriter(new StringWriter());
    assertThat(TerminalProgress.on(new Context(Map.of(), true, false), err, "x")).isSameAs(Progress.none());
    assertThat(TerminalProgress.on(new Context(Map.of(), false, true), err, "x")).isInstanceOf(TerminalProgress.class);
  }

  @Test
  void aLongEstimateOnATerminalLeavesNothingBehindAndTheSameResult() {
    String[] args = {"plan", "--host", "pi-zero-2w", "--agents", "2", "--risk", "--samples", "10000000", "--format", "json"};
    Cli.Result plain = Cli.runWith(Map.of(), args);
    java.io.StringWriter o = new java.io.StringWriter();
    java.io.StringWriter e = new java.io.StringWriter();
    int code = Main.run(args, new PrintWriter(o, true), new PrintWriter(e, true), new Context(Map.of(), false, true));
    assertThat(code).isEqualTo(plain.exit());
    assertThat(o.toString()).isEqualTo(plain.out());
    // whatever progress was shown was erased: only carriage returns and the blanks over it remain
    assertThat(e.toString().replaceAll("\rheadroom: risk estimate, [0-9,]+ samples drawn *", "").replaceAll("\r *\r", ""))
        .isEmpty();
  }
}
