package dev.headroom.load;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a run so that one run reports them all. */
public final class Problems {
  /** A hostile file could produce millions; after this many the rest are counted, not kept. */
  static final int MAX_KEPT = 1000;

  private final List<Problem> list = new ArrayList<>();
  private int dropped;

  public void add(Problem p) {
    if (list.size() < MAX_KEPT) {
      list.add(p);
    } else {
      dropped++;
    }
  }

  public void addAll(List<Problem> ps) {
    ps.forEach(this::add);
  }

  /** Whether another problem would be kept (and shown): past the cap, work spent on its message is wasted. */
  public boolean keepsMore() {
    return list.size() < MAX_KEPT;
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  public int size() {
    return list.size() + dropped;
  }

  public List<Problem> list() {
    if (dropped == 0) {
      return List.copyOf(list);
    }
    List<Problem> all = new ArrayList<>(list);
    all.add(Problem.at("", dropped + " more problems not shown"));
    return all;
  }

  public void throwIfAny() {
    if (!isEmpty()) {
      throw new InputException(list());
    }
  }
}
