package dev.headroom.render;

import dev.headroom.model.ComposeService;
import dev.headroom.solve.Finding;
import dev.headroom.solve.Gate;
import dev.headroom.solve.Severity;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;

/** {@code check --format json}: {@code headroom.check/v1} (DESIGN.md section 4), with additions. */
public final class CheckJson {
  private CheckJson() {}

  public static final String SCHEMA = "headroom.check/v1";

  public record ServiceOut(
      String name, long replicas, Long limitBytes, Long reservationBytes, BigDecimal cpus, BigDecimal cpusReservation,
      boolean gpu, String file, int line) {}

  public record Totals(long limitBytes, long reservationBytes, BigDecimal cpus, int servicesWithoutLimit) {}

  public record FindingOut(String rule, String severity, String service, String message, String fix, String file, Integer line,
      Integer column) {}

  public record HostOut(String id, long availableBytes) {}

  public record Out(
      String schema, String project, List<String> files, HostOut host, List<ServiceOut> services, List<String> inactive,
      Totals totals, List<FindingOut> findings, String status, List<String> warnings, Long agents, Long maxAgents,
      Boolean maxAgentsCapped, CheckDiff.Out diff) {}

  public static Out of(Gate.Result r, Severity failOn) {
    List<ServiceOut> services = r.project().services().stream().map(CheckJson::service).toList();
    Gate.Totals t = r.totals();
    List<FindingOut> findings = CheckText.sorted(r.findings()).stream().map(CheckJson::finding).toList();
    return new Out(SCHEMA, r.project().name(), r.project().files(),
        r.host() == null ? null : new HostOut(r.host().id(), r.host().available().value()), services, r.project().inactive(),
        new Totals(t.limits().value(), t.reservations().value(), t.cpus().cores(), t.withoutLimit()), findings,
        CheckText.fails(r, failOn) ? "fail" : "pass", r.project().warnings(),
        r.template() == null ? null : r.template().agents(), r.template() == null ? null : r.template().maxPassing(),
        r.template() == null ? null : r.template().capped(), r.diff() == null ? null : CheckDiff.json(r.diff()));
  }

  private static ServiceOut service(ComposeService s) {
    return new ServiceOut(s.name(), s.replicas(), s.memLimitOrNull() == null ? null : s.memLimitOrNull().value(),
        s.memReservationOrNull() == null ? null : s.memReservationOrNull().value(),
        s.cpusLimitOrNull() == null ? null : s.cpusLimitOrNull().cores(),
        s.cpusReservationOrNull() == null ? null : s.cpusReservationOrNull().cores(), s.gpu() != null, s.origin().file(),
        s.origin().line());
  }

  private static FindingOut finding(Finding f) {
    boolean hasFile = !f.origin().file().isEmpty();
    return new FindingOut(f.rule().id(), f.severity().id(), f.service(), f.message(), f.fix(), hasFile ? f.origin().file() : null,
        hasFile && f.origin().line() > 0 ? f.origin().line() : null, hasFile && f.origin().column() > 0 ? f.origin().column() : null);
  }

  public static void render(Gate.Result r, Severity failOn, PrintWriter out) {
    Json.write(of(r, failOn), out);
  }
}
