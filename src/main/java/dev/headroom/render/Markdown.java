package dev.headroom.render;

import java.util.List;

/** GitHub-flavoured markdown helpers: escaping of file-supplied text, tables. */
public final class Markdown {
  private Markdown() {}

  /**
   * Text from an input, safe inside a table cell: pipes, HTML, markdown emphasis and link syntax,
   * line breaks and control characters are neutralised.
   */
  public static String escape(String s) {
    String clean = Style.clean(s);
    StringBuilder sb = new StringBuilder(clean.length());
    for (int i = 0; i < clean.length(); i++) {
      char c = clean.charAt(i);
      switch (c) {
        case '|' -> sb.append("\\|");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '\\', '`', '*', '_', '[', ']', '#', '!' -> sb.append('\\').append(c);
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A table; {@code align} per column: 'l' or 'r'. */
  /**
   * A code span for a table cell: backslash escapes and entities would show literally inside one,
   * so only what could break out is handled: control characters are cleaned, backticks dropped,
   * and {@code |} escaped (GitHub reads {@code \|} as a pipe even inside a code span in a table).
   */
  public static String code(String s) {
    return "`" + Style.clean(s).replace("`", "").replace("|", "\\|") + "`";
  }

  public static String table(List<String> headers, String align, List<List<String>> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append("| ").append(String.join(" | ", headers)).append(" |\n|");
    for (int i = 0; i < headers.size(); i++) {
      sb.append(align.charAt(i) == 'r' ? "--:|" : "---|");
    }
    sb.append('\n');
    for (List<String> r : rows) {
      sb.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    return sb.toString();
  }
}
