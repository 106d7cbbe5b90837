package dev.headroom.render;

import dev.headroom.model.Bytes;
import dev.headroom.model.ComposeProject;
import dev.headroom.model.ComposeService;
import dev.headroom.model.Host;
import dev.headroom.model.Origin;
import dev.headroom.model.Thresholds;
import dev.headroom.solve.Finding;
import dev.headroom.solve.Gate;
import dev.headroom.solve.Rule;
import dev.headroom.solve.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** Gate results built by hand for the renderer tests: any finding, hostile text included, without a compose file. */
final class Results {
  private Results() {}

  static final Origin AT = new Origin("compose.yaml", 3, 3);

  static Host host(String id) {
    return new Host(id, id, "arm64", Bytes.mib(1024), Bytes.mib(0), null, null, null, Thresholds.DEFAULT, null, null, Origin.NONE);
  }

  /** A service with a 64 MiB limit that ignores the given rules. */
  static ComposeService service(String name, String... ignore) {
    return new ComposeService(name, AT, 1, null, false, new ComposeService.Sourced<>(Bytes.mib(64), AT), null, null, null, null,
        null, "img", List.of(), Arrays.asList(ignore));
  }

  static Finding finding(Rule rule, Severity severity, String service, String message, Origin origin) {
    return new Finding(rule, severity, service, message, "fix it", origin);
  }

  static Gate.Result result(Host host, List<ComposeService> services, Finding... findings) {
    ComposeProject p = new ComposeProject("shop", List.of("compose.yaml"), services, List.of(), List.of(), List.of());
    return new Gate.Result(p, host, Gate.totals(p), List.of(findings), null, null);
  }

  static String render(Consumer<PrintWriter> renderer) {
    StringWriter s = new StringWriter();
    PrintWriter w = new PrintWriter(s);
    renderer.accept(w);
    w.flush();
    return s.toString();
  }
}
