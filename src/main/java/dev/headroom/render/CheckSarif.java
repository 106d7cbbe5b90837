package dev.headroom.render;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.headroom.model.Origin;
import dev.headroom.solve.Finding;
import dev.headroom.solve.Gate;
import dev.headroom.solve.Rule;
import dev.headroom.solve.Severity;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code check --format sarif}: SARIF 2.1.0, one run, for code-scanning uploads. The driver lists
 * every rule, in {@link Rule}'s order; each finding is a result
 * with its rule, level and, when it has a file, the file and line it points at. Keys are SARIF's,
 * so the records go through {@link Json#writeForeign} (nulls left out).
 */
public final class CheckSarif {
  private CheckSarif() {}

  public static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  public static final String VERSION = "2.1.0";

  public record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {}

  public record Run(Tool tool, List<Result> results, RunProperties properties) {}

  /** headroom's own: the --fail-on threshold and the verdict against it, as in {@code --format json}. */
  public record RunProperties(String failOn, String status) {}

  public record Tool(Driver driver) {}

  public record Driver(String name, String version, List<ReportingDescriptor> rules) {}

  public record ReportingDescriptor(
      String id, String name, Message shortDescription, Message fullDescription, Configuration defaultConfiguration) {}

  public record Configuration(String level) {}

  public record Message(String text) {}

  public record Result(String ruleId, int ruleIndex, String level, Message message, List<Location> locations) {}

  public record Location(PhysicalLocation physicalLocation) {}

  public record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {}

  public record ArtifactLocation(String uri) {}

  public record Region(Integer startLine, Integer startColumn) {}

  /** The rules in the order of {@code tool.driver.rules}, which a result's {@code ruleIndex} points into. */
  private static final List<Rule> RULES = List.of(Rule.values());

  /** The log of one check; {@code version} is headroom's, for {@code tool.driver.version}. */
  public static Log of(Gate.Result r, Severity failOn, String version) {
    List<ReportingDescriptor> rules = RULES.stream()
        .map(rule -> new ReportingDescriptor(rule.id(), rule.slug(), new Message(rule.title()),
            new Message(rule.description()), new Configuration(level(rule.defaultSeverity()))))
        .toList();
    List<Result> results = CheckText.sorted(r.findings()).stream().map(CheckSarif::result).toList();
    RunProperties props = new RunProperties(failOn == null ? "never" : failOn.id(), CheckText.fails(r, failOn) ? "fail" : "pass");
    return new Log(SCHEMA, VERSION, List.of(new Run(new Tool(new Driver("headroom", version, rules)), results, props)));
  }

  public static void render(Gate.Result r, Severity failOn, String version, PrintWriter out) {
    Json.writeForeign(of(r, failOn, version), out);
  }

  private static Result result(Finding f) {
    String text = sentence(f.message()) + (f.fix() == null ? "" : " Fix: " + sentence(f.fix()));
    return new Result(f.rule().id(), RULES.indexOf(f.rule()), level(f.severity()), new Message(text), locations(f.origin()));
  }

  private static List<Location> locations(Origin o) {
    if (o.file().isEmpty()) {
      return null;
    }
    Region region = o.line() > 0 ? new Region(o.line(), o.column() > 0 ? o.column() : null) : null;
    return List.of(new Location(new PhysicalLocation(new ArtifactLocation(uri(o.file())), region)));
  }

  /** error, warning, note: SARIF's levels. */
  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
      case OFF -> "none";
    };
  }

  /** SARIF asks for messages that are sentences: a capital is not forced, a final period is. */
  private static String sentence(String s) {
    return s.endsWith(".") ? s : s + ".";
  }

  /**
   * A file as headroom names it, as a URI reference: forward slashes; a relative path stays a
   * relative reference ({@code sub/compose.yaml}), an absolute one becomes a {@code file:} URI; any
   * byte that may not stand in a path segment (a space, {@code %}, {@code :}, non-ASCII) is
   * percent-encoded, so that the first segment can never be read as a scheme.
   */
  static String uri(String file) {
    String p = file.replace('\\', '/');
    if (p.length() >= 3 && isAsciiLetter(p.charAt(0)) && p.charAt(1) == ':' && p.charAt(2) == '/') {
      return "file:///" + p.substring(0, 2) + encode(p.substring(2));
    }
    if (p.startsWith("/")) {
      return "file://" + encode(p);
    }
    return encode(p);
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static String encode(String path) {
    StringBuilder sb = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=@/".indexOf(c) >= 0)) {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }
}
