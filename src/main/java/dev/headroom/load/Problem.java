package dev.headroom.load;

import dev.headroom.model.Text;

/**
 * One thing wrong with an input, printed as one line: {@code file:line:col: path.to.key: reason}.
 * Line and column are 1-based; 0 when unknown. {@code path} may be empty.
 */
public record Problem(String file, int line, int column, String path, String reason) {

  public Problem {
    // a file name or a key can come from a hostile file too: neither may break the line
    file = file == null ? "" : oneLine(file);
    path = path == null ? "" : oneLine(path);
    reason = oneLine(reason == null ? "invalid input" : reason);
  }

  public static Problem at(String file, String reason) {
    return new Problem(file, 0, 0, "", reason);
  }

  /** Without the {@code error: } prefix. */
  public String format() {
    StringBuilder sb = new StringBuilder();
    if (!file.isEmpty()) {
      sb.append(file);
      if (line > 0) {
        sb.append(':').append(line);
        if (column > 0) {
          sb.append(':').append(column);
        }
      }
      sb.append(": ");
    }
    if (!path.isEmpty()) {
      sb.append(path).append(": ");
    }
    sb.append(reason);
    return sb.toString();
  }

  @Override
  public String toString() {
    return format();
  }

  /** Newlines and other control characters would break the one-line-per-problem contract. */
  static String oneLine(String s) {
    return Text.oneLine(s).strip();
  }
}
