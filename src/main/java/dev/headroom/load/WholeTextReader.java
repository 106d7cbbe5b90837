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
 * reader keeps it as one array of code points: every look-ahead is constant time. Positions,
 * marks and the refusal of non-printable characters are the same as SnakeYAML's.
 */
final class WholeTextReader extends StreamReader {

  private static final String NAME = "'string'";

  private final int[] text;
  private int pointer;
  private int index;
  private int documentIndex;
  private int line;
  private int column;

  WholeTextReader(String text) {
    super("");
    this.text = text.codePoints().toArray();
    for (int i = 0; i < this.text.length; i++) {
      if (!isPrintable(this.text[i])) {
        throw new ReaderException(NAME, i, this.text[i], "special characters are not allowed");
      }
    }
  }

  @Override
  public Mark getMark() {
    return new Mark(NAME, index, line, column, text, pointer);
  }

  @Override
  public void forward() {
    forward(1);
  }

  @Override
  public void forward(int length) {
    for (int i = 0; i < length && pointer < text.length; i++) {
      int c = text[pointer++];
      index++;
      documentIndex++;
      if (Constant.LINEBR.has(c) || c == '\r' && pointer < text.length && text[pointer] != '\n') {
        line++;
        column = 0;
      } else if (c != 0xFEFF) {
        column++;
      }
    }
  }

  @Override
  public int peek() {
    return pointer < text.length ? text[pointer] : '\0';
  }

  @Override
  public int peek(int offset) {
    int at = pointer + offset;
    return at >= 0 && at < text.length ? text[at] : '\0';
  }

  @Override
  public String prefix(int length) {
    int n = Math.max(0, Math.min(length, text.length - pointer));
    return n == 0 ? "" : new String(text, pointer, n);
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
