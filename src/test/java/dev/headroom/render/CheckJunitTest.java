package dev.headroom.render;

import static dev.headroom.render.Results.AT;
import static dev.headroom.render.Results.finding;
import static dev.headroom.render.Results.host;
import static dev.headroom.render.Results.render;
import static dev.headroom.render.Results.result;
import static dev.headroom.render.Results.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.model.Origin;
import dev.headroom.solve.Gate;
import dev.headroom.solve.Rule;
import dev.headroom.solve.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code check --format junit}, read back with the JDK's XML parser: the cases, their counts, the escaping. */
class CheckJunitTest {

  private static Document parse(Gate.Result r, Severity failOn) throws Exception {
    String xml = render(w -> CheckJunit.render(r, failOn, w));
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> elements(Document d, String tag) {
    NodeList nodes = d.getElementsByTagName(tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  /** "HR002 api: failure", "HR001 db: pass", ... one entry per test case. */
  private static List<String> outcomes(Document d) {
    List<String> out = new ArrayList<>();
    for (Element c : elements(d, "testcase")) {
      String what = c.getElementsByTagName("failure").getLength() > 0 ? "failure"
          : c.getElementsByTagName("skipped").getLength() > 0 ? "skipped"
          : c.getElementsByTagName("system-out").getLength() > 0 ? "pass with output" : "pass";
      out.add(c.getAttribute("classname") + " " + c.getAttribute("name") + ": " + what);
    }
    return out;
  }

  /** The counts on {@code <testsuites>} and {@code <testsuite>} agree with each other and with the cases. */
  private static void assertCounts(Document d, int tests, int failures, int skipped) {
    for (String tag : List.of("testsuites", "testsuite")) {
      Element e = elements(d, tag).get(0);
      assertThat(e.getAttribute("tests")).as(tag + " tests").isEqualTo(Integer.toString(tests));
      assertThat(e.getAttribute("failures")).as(tag + " failures").isEqualTo(Integer.toString(failures));
      assertThat(e.getAttribute("errors")).as(tag + " errors").isEqualTo("0");
      assertThat(e.getAttribute("skipped")).as(tag + " skipped").isEqualTo(Integer.toString(skipped));
    }
    assertThat(elements(d, "testsuite").get(0).getAttribute("name")).isEqualTo("headroom check");
    assertThat(elements(d, "testcase")).hasSize(tests);
    assertThat(elements(d, "failure")).hasSize(failures);
    assertThat(elements(d, "skipped")).hasSize(skipped);
  }

  private static Gate.Result stack() {
    return result(host("pi"), List.of(service("db", "HR001"), service("api")),
        finding(Rule.HR001, Severity.WARNING, "api", "api has no memory limit", AT),
        finding(Rule.HR002, Severity.ERROR, "api", "api reserves more memory than its limit", AT),
        finding(Rule.HR002, Severity.ERROR, "api", "api reserves more CPUs than its limit", AT),
        finding(Rule.HR003, Severity.ERROR, null, "the limits exceed the host", AT),
        finding(Rule.HR007, Severity.ERROR, null, "network front is not defined", AT));
  }

  @Test
  void oneCasePerRuleAndServiceAndPerProjectWideRule() throws Exception {
    Document d = parse(stack(), Severity.ERROR);
    // 5 per-service rules × 2 services + 4 project-wide rules + 1 for the HR007 finding that names no service
    assertCounts(d, 15, 3, 1);
    assertThat(outcomes(d)).containsExactly(
        "HR001 db: skipped", "HR001 api: pass with output",
        "HR002 db: pass", "HR002 api: failure",
        "HR003 shop: failure",
        "HR004 shop: pass",
        "HR005 shop: pass",
        "HR006 db: pass", "HR006 api: pass",
        "HR007 db: pass", "HR007 api: pass", "HR007 shop: failure",
        "HR008 db: pass", "HR008 api: pass", "HR008 shop: pass");
    assertThat(elements(d, "skipped").get(0).getAttribute("message")).isEqualTo("ignored by x-headroom");
  }

  @Test
  void aFailureCarriesItsFindingsAndTheirFixes() throws Exception {
    Document d = parse(stack(), Severity.ERROR);
    Element failure = elements(d, "failure").get(0);
    assertThat(failure.getAttribute("type")).isEqualTo("error");
    assertThat(failure.getAttribute("message"))
        .isEqualTo("api reserves more memory than its limit; api reserves more CPUs than its limit");
    assertThat(failure.getTextContent()).isEqualTo("error HR002 compose.yaml:3:3  api reserves more memory than its limit\n"
        + "fix: fix it\nerror HR002 compose.yaml:3:3  api reserves more CPUs than its limit\nfix: fix it");
    assertThat(elements(d, "system-out").get(0).getTextContent())
        .isEqualTo("warning HR001 compose.yaml:3:3  api has no memory limit\nfix: fix it");
  }

  @Test
  void failOnDecidesWhichFindingsFail() throws Exception {
    assertCounts(parse(stack(), Severity.WARNING), 15, 4, 1);
    Document never = parse(stack(), null);
    assertCounts(never, 15, 0, 1);
    assertThat(elements(never, "system-out")).hasSize(4);
    assertThat(elements(never, "property")).extracting(p -> p.getAttribute("name") + "=" + p.getAttribute("value"))
        .containsExactly("project=shop", "host=pi", "fail-on=never");
  }

  @Test
  void withoutAHostTheRulesThatNeedOneAreSkipped() throws Exception {
    Document d = parse(result(null, List.of(service("db"), service("api"))), Severity.ERROR);
    // HR006 and HR008 for each service, HR003, HR004, HR005 and HR008 for the project
    assertCounts(d, 14, 0, 8);
    assertThat(elements(d, "skipped")).allMatch(s -> s.getAttribute("message").equals("no --host"));
    assertThat(outcomes(d)).filteredOn(o -> o.endsWith("skipped")).allMatch(o -> o.matches("HR00[3-68] .*"));
  }

  @Test
  void hostileTextIsEscapedAndReadsBack() throws Exception {
    String name = "a\"<b>&'c]]>\u0001\ud800";
    String message = "</failure></testcase><testcase name=\"x\"> & ]]> \u0000 \ud83d\ude00";
    Gate.Result r = result(host("pi"), List.of(service(name)),
        finding(Rule.HR002, Severity.ERROR, name, message, new Origin("we<ird>&.yaml", 1, 1)));
    Document d = parse(r, Severity.ERROR);
    assertCounts(d, 9, 1, 0);
    Element failing = elements(d, "testcase").get(1);
    // control characters shown as \\uXXXX, a lone surrogate as U+FFFD, a real pair kept
    assertThat(failing.getAttribute("name")).isEqualTo("a\"<b>&'c]]>\\u0001\ufffd");
    Element failure = (Element) failing.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo("</failure></testcase><testcase name=\"x\"> & ]]> \\u0000 \ud83d\ude00");
    assertThat(failure.getTextContent()).startsWith("error HR002 we<ird>&.yaml:1:1  </failure></testcase>");
  }
}
