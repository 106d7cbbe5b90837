package dev.headroom.render;

import dev.headroom.model.Bytes;
import dev.headroom.model.ComposeService;
import dev.headroom.solve.Finding;
import dev.headroom.solve.Gate;
import dev.headroom.solve.Severity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code check --format markdown}: a pull-request comment (and {@code $GITHUB_STEP_SUMMARY}) that
 * starts with the marker line {@code <!-- headroom:check -->}, so a bot can find and update it.
 */
public final class CheckMarkdown {
  private CheckMarkdown() {}

  public static final String MARKER = "<!-- headroom:check -->";

  public static void render(Gate.Result r, Severity failOn, PrintWriter out) {
    out.println(MARKER);
    boolean fail = CheckText.fails(r, failOn);
    String host = r.host() == null ? "no host" : "`" + r.host().id() + "` (" + r.host().available() + " available)";
    out.println("### headroom: " + (fail ? "**fail**" : "pass") + " on " + host);
    out.println();
    Gate.Totals t = r.totals();
    out.println(CheckText.summary(r) + " Memory limits × replicas: **" + t.limits() + "**"
        + (r.host() == null ? "" : ", " + percentOf(t.limits(), r.host().available()) + " of available") + "; reservations: "
        + t.reservations() + "; CPUs: " + t.cpus() + ".");
    if (r.diff() != null) {
      out.println();
      List<String> summary = CheckDiff.summaryLines(r.diff(), r.host() == null ? "" : r.host().id());
      out.println("**What changed:** " + Markdown.escape(String.join("; ", summary)) + ".");
      List<String> lines = CheckDiff.serviceLines(r.diff());
      if (!lines.isEmpty()) {
        out.println();
        lines.forEach(l -> out.println("- " + Markdown.escape(l)));
      }
    }
    if (r.template() != null) {
      out.println();
      out.println(CheckText.template(r.template(), r.host() != null) + ".");
    }
    if (!r.findings().isEmpty()) {
      out.println();
      List<List<String>> rows = new ArrayList<>();
      for (Finding f : CheckText.sorted(r.findings())) {
        rows.add(List.of(f.severity().id(), f.rule().id(), Markdown.code(CheckText.location(f)),
            Markdown.escape(f.message()), f.fix() == null ? "" : Markdown.escape(f.fix())));
      }
      out.print(Markdown.table(List.of("Severity", "Rule", "Where", "Finding", "Fix"), "lllll", rows));
    }
    out.println();
    out.println("<details><summary>" + r.project().services().size() + " services</summary>");
    out.println();
    List<List<String>> rows = new ArrayList<>();
    for (ComposeService s : r.project().services()) {
      rows.add(List.of(Markdown.code(s.name()), Long.toString(s.replicas()), bytes(s.memLimitOrNull()),
          bytes(s.memReservationOrNull()), s.cpusLimitOrNull() == null ? "-" : s.cpusLimitOrNull().toString()));
    }
    rows.add(List.of("**total**", "", "**" + t.limits() + "**", t.reservations().toString(), t.cpus().toString()));
    out.print(Markdown.table(List.of("Service", "Replicas", "Limit", "Reservation", "CPUs"), "lrrrr", rows));
    out.println();
    out.println("</details>");
  }

  private static String percentOf(Bytes part, Bytes whole) {
    return Formats.percent(part, whole, null);
  }

  private static String bytes(Bytes b) {
    return b == null ? "-" : b.toString();
  }
}
