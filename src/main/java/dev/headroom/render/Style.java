package dev.headroom.render;

import dev.headroom.model.Text;
import dev.headroom.solve.Status;

/**
 * Terminal styling: ANSI colour only when the CLI decided the output is a terminal and neither
 * {@code NO_COLOR} nor {@code --no-color} is set. Also strips from file-supplied text whatever could
 * drive the terminal (escape sequences, other control characters, bidi overrides).
 */
public record Style(boolean color) {

  public static final Style PLAIN = new Style(false);

  private static final String RESET = "\u001b[0m";

  /** {@code OVERFLOW}, coloured by severity on a terminal. */
  public String status(Status s) {
    return paint(s, s.id().toUpperCase(java.util.Locale.ROOT));
  }

  /** {@code overflow}, coloured by severity on a terminal. */
  public String statusLower(Status s) {
    return paint(s, s.id());
  }

  private String paint(Status s, String text) {
    if (!color) {
      return text;
    }
    String code =
        switch (s) {
          case OK -> "\u001b[32m";
          case WARN -> "\u001b[33m";
          case CRITICAL -> "\u001b[31m";
          case OVERFLOW -> "\u001b[1;31m";
        };
    return code + text + RESET;
  }

  public String bold(String s) {
    return color ? "\u001b[1m" + s + RESET : s;
  }

  /** Text from an input file, made safe for a terminal: control characters and bidi controls escaped. */
  public static String clean(String s) {
    return Text.oneLine(s);
  }
}
