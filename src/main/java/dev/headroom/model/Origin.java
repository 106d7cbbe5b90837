package dev.headroom.model;

/**
 * Where a value came from: a file (as the user named it, or {@code profiles/...} for the built-in
 * catalog) and a 1-based line and column. Every figure headroom prints can be traced through one.
 */
public record Origin(String file, int line, int column) {

  public static final Origin NONE = new Origin("", 0, 0);

  public Origin {
    if (file == null) {
      throw new IllegalArgumentException("file must not be null");
    }
  }

  public static Origin of(String file, int line, int column) {
    return new Origin(file, line, column);
  }

  /** {@code file:line}, or just the file when the line is unknown. */
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }

  // equals and hashCode are written out: a record's generated ones are set up through method
  // handles on first call, milliseconds on a cold JVM for every run (docs/performance.md).
  @Override
  public boolean equals(Object o) {
    return o instanceof Origin x && x.file.equals(file) && x.line == line && x.column == column;
  }

  @Override
  public int hashCode() {
    return (31 * file.hashCode() + line) * 31 + column;
  }
}
