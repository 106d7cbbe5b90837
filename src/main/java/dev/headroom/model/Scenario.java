package dev.headroom.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named variant of a stack: optimizations to apply, services to swap, add or remove. {@link
 * #CURRENT} applies nothing.
 *
 * @param applyAll apply every optimization of every service in the stack
 * @param apply optimization ids to apply (ignored when applyAll)
 * @param replace service id to the id that takes its place
 */
public record Scenario(
    String name,
    boolean applyAll,
    List<String> apply,
    Map<String, String> replace,
    List<String> addPerAgent,
    List<String> addShared,
    List<String> remove,
    String description,
    Origin origin) {

  public static final String CURRENT_NAME = "current";
  public static final Scenario CURRENT =
      new Scenario(CURRENT_NAME, false, List.of(), Map.of(), List.of(), List.of(), List.of(), "nothing applied", Origin.NONE);

  public Scenario {
    Objects.requireNonNull(name);
    apply = List.copyOf(apply);
    replace = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(replace)); // file order, every run
    addPerAgent = List.copyOf(addPerAgent);
    addShared = List.copyOf(addShared);
    remove = List.copyOf(remove);
    origin = origin == null ? Origin.NONE : origin;
  }
}
