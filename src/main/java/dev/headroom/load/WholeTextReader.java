package dev.headroom.load;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * The character stream SnakeYAML's scanner reads, served from the whole text at once.
 *
 * <p>SnakeYAML's own {@link StreamReader} reads 1,024 characters at a time and copies everything
 * not yet consumed on each read, so a long run of characters the scanner looks ahead over (one
 * 5 MiB scalar, a long line of spaces) costs time quadratic in its length: tens of seconds for a
 * file under the 5 MiB cap. The text is already in memory (its size was capped before), so this
 * reader reads it in place, or as an array of code points when it holds characters outside the
 * Basic Multilingual Plane: every look-ahead is constant time. Positions and the refusal of
 * non-printable characters are the same as SnakeYAML's; marks carry no copy of the text.
 */
final class WholeTextReader extends StreamReader {

  private static final String NAME = "'string'";

  /** Marks carry no text: headroom reports a line and a column, never SnakeYAML's snippet. */
  private static final int[] NO_SNIPPET = new int[0];

  /** The text when every character is a code point (no surrogate pairs): 1 or 2 bytes a character. */
  private final String chars;
  /** The code points otherwise, 4 bytes each; null when {@link #chars} is used. */
  private final int[] codePoints;
  private final int length;
  private int pointer;
  private int index;
  private int documentIndex;
  private int line;
  private int column;

  WholeTextReader(String text) {
    super("");
    // one pass: up to the first surrogate a character is a code point, and is checked as one
    int i = 0;
    int n = text.length();
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        break;
      }
      refuseUnprintable(i, c);
    }
    boolean surrogates = i < text.length();
    this.chars = surrogates ? null : text;
    this.codePoints = surrogates ? text.codePoints().toArray() : null;
    this.length = surrogates ? codePoints.length : text.length();
    if (surrogates) {
      for (int cp = text.codePointCount(0, i); cp < length; cp++) {
        refuseUnprintable(cp, codePoints[cp]);
      }
    }
  }

  private static void refuseUnprintable(int index, int c) {
    if (!isPrintable(c)) {
      throw new ReaderException(NAME, index, c, "special characters are not allowed");
    }
  }

  private int at(int i) {
    return chars != null ? chars.charAt(i) : codePoints[i];
  }

  @Override
  public Mark getMark() {
    return new Mark(NAME, index, line, column, NO_SNIPPET, 0);
  }

  @Override
  public void forward() {
    forward(1);
  }

  @Override
  public void forward(int length) {
    for (int i = 0; i < length && pointer < this.length; i++) {
      int c = at(pointer++);
      index++;
      documentIndex++;
      if (Constant.LINEBR.has(c) || c == '\r' && pointer < this.length && at(pointer) != '\n') {
        line++;
        column = 0;
      } else if (c != 0xFEFF) {
        column++;
      }
    }
  }

  @Override
  public int peek() {
    return pointer < length ? at(pointer) : '\0';
  }

  @Override
  public int peek(int offset) {
    int at = pointer + offset;
    return at >= 0 && at < length ? at(at) : '\0';
  }

  @Override
  public String prefix(int length) {
    int n = Math.max(0, Math.min(length, this.length - pointer));
    if (n == 0) {
      return "";
    }
    return chars != null ? chars.substring(pointer, pointer + n) : new String(codePoints, pointer, n);
  }

  @Override
  public String prefixForward(int length) {
    String prefix = prefix(length);
    pointer += length;
    index += length;
    documentIndex += length;
    column += length;
    return prefix;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public int getDocumentIndex() {
    return documentIndex;
  }

  @Override
  public void resetDocumentIndex() {
    documentIndex = 0;
  }

  @Override
  public int getIndex() {
    return index;
  }

  @Override
  public int getLine() {
    return line;
  }
}
