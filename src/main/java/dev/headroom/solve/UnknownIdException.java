package dev.headroom.solve;

import java.util.List;

/** A plan named something that does not exist (an optimization id in {@code --apply}). */
public final class UnknownIdException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String what;
  private final String id;
  private final transient List<String> known;

  public UnknownIdException(String what, String id, List<String> known) {
    super("unknown " + what + " '" + id + "'", null, false, false);
    this.what = what;
    this.id = id;
    this.known = List.copyOf(known);
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
