package dev.headroom.solve;

import java.util.List;

/** A plan named something that does not exist (an optimization id in {@code --apply}). */
public final class UnknownIdException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String what;
  private final String id;
  private final String where;
  private final transient List<String> known;

  /**
   * @param where where it was looked for ("scenario targets"), for the message
   * @param known the ids that do exist there, for a suggestion
   */
  public UnknownIdException(String what, String id, String where, List<String> known) {
    super("unknown " + what + " '" + id + "' in " + where);
    this.what = what;
    this.id = id;
    this.where = where;
    this.known = List.copyOf(known);
  }

  public String where() {
    return where;
  }

  public String what() {
    return what;
  }

  public String id() {
    return id;
  }

  public List<String> known() {
    return known;
  }
}
