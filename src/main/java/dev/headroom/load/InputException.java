package dev.headroom.load;

import java.util.List;

/** Input that cannot be used: a bad file, an unknown id, a bad value. Exit code 2. */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public InputException(List<Problem> problems) {
    super(problems.isEmpty() ? "invalid input" : problems.get(0).format());
    this.problems = List.copyOf(problems);
  }

  public InputException(Problem problem) {
    this(List.of(problem));
  }

  /** A problem that involves no file (an unknown id on the command line). */
  public static InputException of(String reason) {
    return new InputException(new Problem("", 0, 0, "", reason));
  }

  public List<Problem> problems() {
    return problems;
  }
}
