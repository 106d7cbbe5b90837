package dev.headroom.render;

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

/** {@code check --format markdown}: what a hostile file name or service name can do to a PR comment. */
class CheckMarkdownTest {

  private static String markdown(Gate.Result r) {
    return render(w -> CheckMarkdown.render(r, Severity.ERROR, w));
  }

  @Test
  void codeSpansKeepUnderscoresAndEscapeOnlyWhatBreaksOut() {
    // inside a code span a backslash escape shows literally: my_api stays my_api, not my\_api;
    // a backtick would end the span early and is dropped, a pipe would end the cell and is escaped
    Gate.Result r = result(host("pi"), List.of(service("my_api"), service("x`|y")),
        finding(Rule.HR001, Severity.ERROR, "my_api", "my_api has no memory limit", new Origin("deploy/my_compose.yaml", 3, 3)));
    String md = markdown(r);
    assertThat(md).contains("| `deploy/my_compose.yaml:3:3` |", "| `my_api` |", "| `x\\|y` |");
    // outside code spans markdown is escaped as text
    assertThat(md).contains("my\\_api has no memory limit");
  }

  @Test
  void controlCharactersInNamesNeverReachTheComment() {
    Gate.Result r = result(host("pi"), List.of(service("evil\u001b[31m\u202e")));
    assertThat(markdown(r)).doesNotContain("\u001b", "\u202e");
  }
}
