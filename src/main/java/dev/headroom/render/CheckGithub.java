package dev.headroom.render;

import dev.headroom.model.Text;
import dev.headroom.solve.Finding;
import dev.headroom.solve.Gate;
import dev.headroom.solve.Severity;
import java.io.PrintWriter;

/**
 * {@code check --format github}: GitHub Actions workflow commands, so each finding becomes an
 * annotation on the file and line it points at: {@code ::error file=F,line=L,col=C,title=HR003::message}
 * ({@code ::warning}, {@code ::notice} for info). A last plain line gives the summary and the verdict.
 *
 * <p>Everything from an input file is escaped as GitHub's toolkit escapes it, so that a hostile
 * service name cannot end the command early or start another one.
 */
public final class CheckGithub {
  private CheckGithub() {}

  public static void render(Gate.Result r, Severity failOn, PrintWriter out) {
    for (Finding f : CheckText.sorted(r.findings())) {
      StringBuilder props = new StringBuilder();
      if (!f.origin().file().isEmpty()) {
        props.append("file=").append(property(f.origin().file().replace('\\', '/')));
        if (f.origin().line() > 0) {
          props.append(",line=").append(f.origin().line());
          if (f.origin().column() > 0) {
            props.append(",col=").append(f.origin().column());
          }
        }
        props.append(',');
      }
      props.append("title=").append(property(f.rule().id()));
      String text = Text.oneLine(f.message()) + (f.fix() == null ? "" : "\nFix: " + Text.oneLine(f.fix()));
      out.println("::" + command(f.severity()) + " " + props + "::" + data(text));
    }
    if (r.template() != null) {
      out.println(CheckText.template(r.template(), r.host() != null));
    }
    out.println("headroom check: " + CheckText.summary(r) + " " + CheckText.verdict(r, failOn, Style.PLAIN));
  }

  private static String command(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      default -> "notice";
    };
  }

  /** The message of a command: {@code %}, CR and LF escaped (toolkit's {@code escapeData}). */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A property value: as {@link #data}, and {@code :} and {@code ,} too (toolkit's {@code escapeProperty}). */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
