package dev.headroom.model;

/**
 * Text from an input file made safe to print on one line: line breaks and tabs become spaces;
 * other control characters (terminal escape sequences among them) and bidirectional-text controls
 * are shown as {@code \\uXXXX} instead of acting on the terminal or reordering the line.
 */
public final class Text {
  private Text() {}

  public static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029') {
        sb.append(' ');
      } else if (Character.isISOControl(c) || isBidiControl(c)) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** LRM, RLM, ALM, the embeddings and overrides U+202A..U+202E, the isolates U+2066..U+2069. */
  static boolean isBidiControl(char c) {
    return c == '\u200e' || c == '\u200f' || c == '\u061c' || c >= '\u202a' && c <= '\u202e'
        || c >= '\u2066' && c <= '\u2069';
  }
}
