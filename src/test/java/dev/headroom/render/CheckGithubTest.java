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
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code check --format github}: one workflow command per finding, escaped as GitHub's toolkit escapes. */
class CheckGithubTest {

  private static List<String> lines(Gate.Result r, Severity failOn) {
    return render(w -> CheckGithub.render(r, failOn, w)).lines().toList();
  }

  @Test
  void oneCommandPerFindingThenTheVerdict() {
    Gate.Result r = result(host("pi"), List.of(service("api")),
        finding(Rule.HR001, Severity.WARNING, "api", "api has no memory limit", AT),
        finding(Rule.HR003, Severity.ERROR, null, "the limits exceed the host", new Origin("compose.yaml", 4, 0)),
        finding(Rule.HR005, Severity.INFO, null, "the CPUs are tight", new Origin("deploy\\compose.yaml", 0, 0)),
        finding(Rule.HR007, Severity.ERROR, null, "network front is not defined", Origin.NONE));
    assertThat(lines(r, Severity.ERROR)).containsExactly(
        "::error file=compose.yaml,line=4,title=HR003::the limits exceed the host%0AFix: fix it",
        "::error title=HR007::network front is not defined%0AFix: fix it",
        "::warning file=compose.yaml,line=3,col=3,title=HR001::api has no memory limit%0AFix: fix it",
        "::notice file=deploy/compose.yaml,title=HR005::the CPUs are tight%0AFix: fix it",
        "headroom check: 4 findings: 2 errors, 1 warning, 1 info. verdict: FAIL (--fail-on error)");
  }

  @Test
  void withoutFindingsOnlyTheVerdict() {
    assertThat(lines(result(null, List.of(service("api"))), null))
        .containsExactly("headroom check: no findings. verdict: PASS (--fail-on never)");
  }

  @Test
  void escapingFollowsTheToolkit() {
    assertThat(CheckGithub.data("100% done\r\nnext: a,b")).isEqualTo("100%25 done%0D%0Anext: a,b");
    assertThat(CheckGithub.property("100% done\r\nnext: a,b")).isEqualTo("100%25 done%0D%0Anext%3A a%2Cb");
    // % first, so an escape already in the text is not taken for one
    assertThat(CheckGithub.data("%0A")).isEqualTo("%250A");
  }

  @Test
  void aHostileFindingStaysOneCommand() {
    String message = "50% used\r\n::error file=x.yaml::injected\n::stop-commands::token";
    Gate.Result r = result(host("pi"), List.of(service("api")),
        finding(Rule.HR002, Severity.ERROR, "api", message, new Origin("we,ird:\nname%.yaml", 2, 1)));
    List<String> out = lines(r, Severity.ERROR);
    assertThat(out).hasSize(2);
    assertThat(out.get(0)).isEqualTo("::error file=we%2Cird%3A%0Aname%25.yaml,line=2,col=1,title=HR002::"
        + "50%25 used  ::error file=x.yaml::injected ::stop-commands::token%0AFix: fix it");
    assertThat(out.get(1)).startsWith("headroom check: ");
  }
}
