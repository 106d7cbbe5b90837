package dev.headroom.render;

import dev.headroom.model.ComposeService;
import dev.headroom.model.Text;
import dev.headroom.solve.Finding;
import dev.headroom.solve.Gate;
import dev.headroom.solve.Rule;
import dev.headroom.solve.Severity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code check --format junit}: JUnit XML, the test report CI systems read. One test case per rule
 * and service for the rules that look at one service, one per project-wide rule (HR008 is both);
 * the class name is the rule, the name the service or the project. A case fails when it has a
 * finding at or above {@code --fail-on}; findings below it pass, with their text in
 * {@code <system-out>}; a rule that needs a host is skipped without {@code --host}, and a rule a
 * service ignores ({@code x-headroom: {ignore: [...]}}) is skipped for that service.
 */
public final class CheckJunit {
  private CheckJunit() {}

  /** Rules with a test case for each active service. */
  static final List<Rule> PER_SERVICE = List.of(Rule.HR001, Rule.HR002, Rule.HR006, Rule.HR007, Rule.HR008);

  /** Rules with one test case for the whole project. */
  static final List<Rule> PROJECT_WIDE = List.of(Rule.HR003, Rule.HR004, Rule.HR005, Rule.HR008);

  /** One test case: its findings at or above the threshold, those below it, or why it was skipped (null when it ran). */
  record Case(Rule rule, String name, List<Finding> failing, List<Finding> passing, String skipped) {}

  public static void render(Gate.Result r, Severity failOn, PrintWriter out) {
    List<Case> cases = cases(r, failOn);
    long failures = cases.stream().filter(c -> !c.failing().isEmpty()).count();
    long skipped = cases.stream().filter(c -> c.skipped() != null).count();
    try {
      XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      counts(x, "headroom", cases.size(), failures, skipped);
      x.writeCharacters("\n  ");
      x.writeStartElement("testsuite");
      counts(x, "headroom check", cases.size(), failures, skipped);
      x.writeCharacters("\n    ");
      x.writeStartElement("properties");
      property(x, "project", r.project().name());
      if (r.host() != null) {
        property(x, "host", r.host().id());
      }
      property(x, "fail-on", failOn == null ? "never" : failOn.id());
      if (r.template() != null) {
        property(x, "agents", Long.toString(r.template().agents()));
        property(x, "agents-that-pass", Long.toString(r.template().maxPassing()));
      }
      x.writeCharacters("\n    ");
      x.writeEndElement();
      for (Case c : cases) {
        testcase(x, c);
      }
      x.writeCharacters("\n  ");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeEndDocument();
      x.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
    out.println();
  }

  /** The test cases in rule order: a rule's cases per service (in the project's order), then its project-wide case. */
  static List<Case> cases(Gate.Result r, Severity failOn) {
    Set<String> active = new HashSet<>();
    r.project().services().forEach(s -> active.add(s.name()));
    Map<Rule, List<Finding>> byRule = new LinkedHashMap<>();
    for (Finding f : CheckText.sorted(r.findings())) {
      byRule.computeIfAbsent(f.rule(), k -> new ArrayList<>()).add(f);
    }
    List<Case> out = new ArrayList<>();
    for (Rule rule : Rule.values()) {
      List<Finding> found = byRule.getOrDefault(rule, List.of());
      String skip = rule.needsHost() && r.host() == null ? "no --host" : null;
      if (PER_SERVICE.contains(rule)) {
        for (ComposeService s : r.project().services()) {
          List<Finding> mine = found.stream().filter(f -> s.name().equals(f.service())).toList();
          String why = skip != null ? skip : mine.isEmpty() && s.ignore().contains(rule.id()) ? "ignored by x-headroom" : null;
          out.add(testCase(rule, s.name(), mine, failOn, why));
        }
      }
      // project-wide findings, and any that name no active service: none is left out
      List<Finding> rest = found.stream().filter(f -> !PER_SERVICE.contains(rule) || !active.contains(f.service())).toList();
      if (PROJECT_WIDE.contains(rule) || !rest.isEmpty()) {
        out.add(testCase(rule, r.project().name(), rest, failOn, skip));
      }
    }
    return out;
  }

  private static Case testCase(Rule rule, String name, List<Finding> findings, Severity failOn, String skipped) {
    Map<Boolean, List<Finding>> split =
        findings.stream().collect(Collectors.partitioningBy(f -> failOn != null && f.severity().atLeast(failOn)));
    return new Case(rule, name, split.get(true), split.get(false), findings.isEmpty() ? skipped : null);
  }

  private static void counts(XMLStreamWriter x, String name, int tests, long failures, long skipped) throws XMLStreamException {
    x.writeAttribute("name", name);
    x.writeAttribute("tests", Integer.toString(tests));
    x.writeAttribute("failures", Long.toString(failures));
    x.writeAttribute("errors", "0");
    x.writeAttribute("skipped", Long.toString(skipped));
  }

  private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
    x.writeCharacters("\n      ");
    x.writeEmptyElement("property");
    x.writeAttribute("name", name);
    x.writeAttribute("value", safe(value));
  }

  private static void testcase(XMLStreamWriter x, Case c) throws XMLStreamException {
    x.writeCharacters("\n    ");
    boolean empty = c.failing().isEmpty() && c.passing().isEmpty() && c.skipped() == null;
    if (empty) {
      x.writeEmptyElement("testcase");
    } else {
      x.writeStartElement("testcase");
    }
    x.writeAttribute("classname", c.rule().id());
    x.writeAttribute("name", safe(c.name()));
    if (empty) {
      return;
    }
    if (c.skipped() != null) {
      x.writeCharacters("\n      ");
      x.writeEmptyElement("skipped");
      x.writeAttribute("message", c.skipped());
    }
    if (!c.failing().isEmpty()) {
      x.writeCharacters("\n      ");
      x.writeStartElement("failure");
      x.writeAttribute("message", safe(c.failing().stream().map(Finding::message).collect(Collectors.joining("; "))));
      x.writeAttribute("type", c.failing().get(0).severity().id());
      x.writeCharacters(describe(c.failing()));
      x.writeEndElement();
    }
    if (!c.passing().isEmpty()) {
      x.writeCharacters("\n      ");
      x.writeStartElement("system-out");
      x.writeCharacters(describe(c.passing()));
      x.writeEndElement();
    }
    x.writeCharacters("\n    ");
    x.writeEndElement();
  }

  /** One finding a line, as the text format prints it, each followed by its fix. */
  private static String describe(List<Finding> findings) {
    StringBuilder sb = new StringBuilder();
    for (Finding f : findings) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(f.severity().id()).append(' ').append(f.rule().id()).append(' ').append(safe(CheckText.location(f))).append("  ")
          .append(safe(f.message()));
      if (f.fix() != null) {
        sb.append("\nfix: ").append(safe(f.fix()));
      }
    }
    return sb.toString();
  }

  /**
   * Text from an input file, on one line (control characters shown as {@code \\uXXXX}), and with
   * what XML 1.0 cannot hold at all (a lone surrogate, U+FFFE, U+FFFF) replaced by U+FFFD; the
   * writer escapes the rest.
   */
  static String safe(String s) {
    String one = Text.oneLine(s);
    StringBuilder sb = new StringBuilder(one.length());
    for (int i = 0; i < one.length(); i++) {
      char c = one.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < one.length() && Character.isLowSurrogate(one.charAt(i + 1))) {
        sb.append(c).append(one.charAt(++i));
      } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
        sb.append('\uFFFD');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
