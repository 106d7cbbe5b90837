package dev.headroom.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table: columns padded to the widest cell, two spaces apart, numbers right-aligned.
 * Cells may carry ANSI colour; widths count only visible characters.
 *
 * <p>Written by hand: the Java table libraries on Maven Central either draw box borders
 * (freva/ascii-table, asciitable) or pull in the Kotlin runtime (picnic), and this is forty lines.
 */
public final class TextTable {

  /** Column alignment. */
  public enum Align {
    LEFT,
    RIGHT
  }

  private final List<String> headers;
  private final Align[] align;
  private final List<String[]> rows = new ArrayList<>();

  public TextTable(List<String> headers, Align... align) {
    this.headers = List.copyOf(headers);
    this.align = Arrays.copyOf(align, headers.size());
    for (int i = 0; i < this.align.length; i++) {
      if (this.align[i] == null) {
        this.align[i] = Align.LEFT;
      }
    }
  }

  public TextTable row(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + headers.size() + " columns");
    }
    rows.add(cells.clone());
    return this;
  }

  public String render() {
    int n = headers.size();
    int[] width = new int[n];
    for (int i = 0; i < n; i++) {
      width[i] = visible(headers.get(i));
    }
    for (String[] r : rows) {
      for (int i = 0; i < n; i++) {
        width[i] = Math.max(width[i], visible(r[i]));
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, headers.toArray(new String[0]), width);
    for (String[] r : rows) {
      line(sb, r, width);
    }
    return sb.toString();
  }

  private void line(StringBuilder sb, String[] cells, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i] == null ? "" : cells[i];
      int pad = width[i] - visible(c);
      if (i > 0) {
        l.append("  ");
      }
      if (align[i] == Align.RIGHT) {
        l.append(" ".repeat(pad)).append(c);
      } else {
        l.append(c).append(" ".repeat(pad));
      }
    }
    sb.append(l.toString().stripTrailing()).append('\n');
  }

  /** Length without ANSI escape sequences (the only escapes a cell can hold: text is sanitized first). */
  static int visible(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u001b') {
        while (i < s.length() && s.charAt(i) != 'm') {
          i++;
        }
        continue;
      }
      if (!Character.isLowSurrogate(c)) {
        n++;
      }
    }
    return n;
  }
}
