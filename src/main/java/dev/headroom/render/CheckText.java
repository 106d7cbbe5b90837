package dev.headroom.render;

import dev.headroom.model.Bytes;
import dev.headroom.model.ComposeService;
import dev.headroom.model.Host;
import dev.headroom.render.TextTable.Align;
import dev.headroom.solve.Finding;
import dev.headroom.solve.Gate;
import dev.headroom.solve.Severity;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;

/** {@code headroom check} for a terminal: the services and their resources, the totals, each finding with its fix, the verdict. */
public final class CheckText {
  private CheckText() {}

  public static void render(Gate.Result r, Severity failOn, Style style, PrintWriter out) {
    Host h = r.host();
    out.println(style.bold("headroom check: " + Style.clean(String.join(", ", files(r)))) + " (project "
        + Style.clean(r.project().name()) + ")"
        + (h == null ? ", no host (the rules that need one were skipped)" : ", host " + Style.clean(h.id()) + " ("
            + h.available() + " available)"));
    out.println();
    TextTable t = new TextTable(List.of("SERVICE", "REPLICAS", "LIMIT", "RESERVATION", "CPUS", "SOURCE"),
        Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.LEFT);
    for (ComposeService s : r.project().services()) {
      t.row(Style.clean(s.name()), Long.toString(s.replicas()) + (s.global() ? " (global)" : ""), bytes(s.memLimitOrNull()),
          bytes(s.memReservationOrNull()), s.cpusLimitOrNull() == null ? "-" : s.cpusLimitOrNull().toString(),
          Style.clean(s.origin().toString()));
    }
    Gate.Totals tot = r.totals();
    t.row("total (× replicas)", "", tot.limits().toString(), tot.reservations().toString(), tot.cpus().toString(), "");
    out.print(t.render());
    if (!r.project().inactive().isEmpty()) {
      out.println("not active (profiles): " + Style.clean(String.join(", ", r.project().inactive())));
    }
    out.println();
    if (r.diff() != null) {
      out.println(style.bold("changes against the base:"));
      List<String> lines = CheckDiff.serviceLines(r.diff());
      if (lines.isEmpty()) {
        out.println("  no service's resources changed");
      }
      lines.forEach(l -> out.println("  " + Style.clean(l)));
      CheckDiff.summaryLines(r.diff(), r.host() == null ? "" : r.host().id()).forEach(l -> out.println("  " + Style.clean(l)));
      out.println();
    }
    List<Finding> sorted = sorted(r.findings());
    for (Finding f : sorted) {
      out.println(severity(f.severity(), style) + " " + f.rule().id() + " " + Style.clean(location(f)) + "  " + Style.clean(f.message()));
      if (f.fix() != null) {
        out.println("        fix: " + Style.clean(f.fix()));
      }
    }
    if (!sorted.isEmpty()) {
      out.println();
    }
    for (String w : r.project().warnings()) {
      out.println("compose: " + Style.clean(w));
    }
    if (r.template() != null) {
      out.println(template(r.template(), r.host() != null));
    }
    out.println(summary(r) + "  " + verdict(r, failOn, style));
  }

  /** "agent template: checked with 2 agents; agents that pass: 1". */
  static String template(dev.headroom.solve.Gate.Template t, boolean withHost) {
    String most = t.capped() ? "at least " + t.maxPassing() : Long.toString(t.maxPassing());
    return "agent template: checked with " + dev.headroom.render.Formats.agents(t.agents()) + "; "
        + (withHost ? "agents that fit the host's budget: " + most : "agents that pass: " + most
            + " (without --host, only the rules that need no host count)");
  }

  static List<String> files(Gate.Result r) {
    return r.project().files().stream().filter(f -> !f.endsWith(".env") && !f.contains("/.env") && !f.startsWith(".env")).toList();
  }

  static List<Finding> sorted(List<Finding> findings) {
    return findings.stream()
        .sorted(Comparator.comparing(Finding::severity).thenComparing(f -> f.rule().id()).thenComparing(f -> f.origin().file())
            .thenComparingInt(f -> f.origin().line()))
        .toList();
  }

  static String location(Finding f) {
    if (f.origin().file().isEmpty()) {
      return "-";
    }
    return f.origin().file() + (f.origin().line() > 0 ? ":" + f.origin().line() + (f.origin().column() > 0 ? ":" + f.origin().column() : "") : "");
  }

  private static String severity(Severity s, Style style) {
    String padded = String.format("%-7s", s.id());
    if (!style.color()) {
      return padded;
    }
    return switch (s) {
      case ERROR -> "\u001b[31m" + padded + "\u001b[0m";
      case WARNING -> "\u001b[33m" + padded + "\u001b[0m";
      default -> padded;
    };
  }

  static String summary(Gate.Result r) {
    long e = r.count(Severity.ERROR);
    long w = r.count(Severity.WARNING);
    long i = r.count(Severity.INFO);
    if (e + w + i == 0) {
      return "no findings.";
    }
    return (e + w + i) + " finding" + (e + w + i == 1 ? "" : "s") + ": " + e + " error" + (e == 1 ? "" : "s") + ", " + w + " warning"
        + (w == 1 ? "" : "s") + (i > 0 ? ", " + i + " info" : "") + ".";
  }

  /** PASS or FAIL against --fail-on. */
  static boolean fails(Gate.Result r, Severity failOn) {
    return failOn != null && r.findings().stream().anyMatch(f -> f.severity().atLeast(failOn));
  }

  static String verdict(Gate.Result r, Severity failOn, Style style) {
    boolean fail = fails(r, failOn);
    String v = fail ? "FAIL" : "PASS";
    String colored = style.color() ? (fail ? "\u001b[1;31m" : "\u001b[32m") + v + "\u001b[0m" : v;
    return "verdict: " + colored + (failOn == null ? " (--fail-on never)" : " (--fail-on " + failOn.id() + ")");
  }

  private static String bytes(Bytes b) {
    return b == null ? "-" : b.toString();
  }
}
