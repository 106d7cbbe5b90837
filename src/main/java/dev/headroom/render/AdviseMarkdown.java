package dev.headroom.render;

import dev.headroom.model.Host;
import dev.headroom.solve.Advice;
import dev.headroom.solve.PlanResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code advise --format markdown}: the advice as a section for a pull request or a report. */
public final class AdviseMarkdown {
  private AdviseMarkdown() {}

  public static void render(Advice a, PrintWriter out) {
    PlanResult now = a.now();
    Host h = now.request().host();
    String verdict = a.feasibleNow() ? "fits as it is" : a.feasible() ? "fits with " + AdviseText.count(a.choice().apply().size())
        + " (" + AdviseText.hoursText(a.choice().effortHours()) + ")" : "no set of optimizations is enough";
    out.println("## " + Markdown.escape(now.request().stack().id()) + " on " + Markdown.escape(h.id()) + ": " + verdict);
    out.println();
    out.println(Formats.agents(now.agents()) + ", scenario `" + now.request().scenario().name() + "`, basis "
        + now.request().basis().id() + ", " + now.request().estimate().id() + " estimate. "
        + Markdown.escape(h.name()) + ": " + h.memoryTotal() + " total, " + h.memoryReserved() + " reserved, **"
        + now.available() + " available**.");
    List<Advice.Candidate> candidates = AdviseText.ordered(a);
    if (!candidates.isEmpty()) {
      out.println();
      List<List<String>> rows = new ArrayList<>();
      for (Advice.Candidate c : candidates) {
        rows.add(List.of(Markdown.code(c.id()), AdviseText.hours(c), Formats.range(c.savesAlone()),
            Markdown.escape(String.join(", ", c.services())), AdviseText.inSet(a, c) ? "**" + AdviseText.verdict(a, c) + "**"
                : AdviseText.verdict(a, c),
            Markdown.escape(c.origin().toString())));
      }
      out.print(Markdown.table(List.of("Optimization", "Hours", "Saves", "Services", "Advice", "Source"), "lrrlll", rows));
    }
    out.println();
    List<List<String>> summary = new ArrayList<>();
    for (String[] line : AdviseText.summary(a, s -> "**" + s.id() + "**")) {
      String label = line[0].substring(0, 1).toUpperCase(java.util.Locale.ROOT) + line[0].substring(1);
      // the lines hold ids, figures and the bold statuses asked for above: escape, then keep the bold
      summary.add(List.of(label, Markdown.escape(line[1]).replace("\\*\\*", "**")));
    }
    out.print(Markdown.table(List.of("", ""), "ll", summary));
    out.println();
    out.println("### Hosts");
    out.println();
    List<List<String>> hosts = new ArrayList<>();
    for (Advice.HostOption o : a.hosts()) {
      String status = (o.fits() ? o.evaluation().status().id() : "**" + o.evaluation().status().id() + "**")
          + MatrixText.raisedBy(o.evaluation());
      hosts.add(List.of(Markdown.code(o.host().id()), o.host().available().toString(), AdviseText.cost(o.host()),
          AdviseText.hostUtilization(a, o), status, AdviseText.maxAgents(o.maxAgents())));
    }
    out.print(Markdown.table(List.of("Host", "Available", "Cost/hour", "Utilization", "Status", "Max agents"), "lrrrlr",
        hosts));
    out.println();
    out.println("**Recommended:** " + Markdown.escape(AdviseText.recommended(a)));
    AdviseText.smallest(a).ifPresent(s -> out.println("Smallest: " + Markdown.escape(s)));
    List<String> notes = AdviseText.notes(a);
    if (!notes.isEmpty()) {
      out.println();
      for (String n : notes) {
        out.println("> " + Markdown.escape(n));
      }
    }
  }
}
