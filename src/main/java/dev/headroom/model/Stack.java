package dev.headroom.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Services that run together: {@code perAgent} once per agent, {@code shared} once per host. The
 * scenario named {@code current} is always there and applies nothing. {@code claims} are what
 * documents say of the stack, for a report to check.
 */
public record Stack(
    String id,
    String name,
    boolean isDefault,
    List<String> perAgent,
    List<String> shared,
    Map<String, Scenario> scenarios,
    List<Claim> claims,
    String source,
    Origin origin) {

  public Stack {
    Objects.requireNonNull(id);
    Objects.requireNonNull(origin);
    perAgent = List.copyOf(perAgent);
    shared = List.copyOf(shared);
    scenarios = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scenarios));
    claims = List.copyOf(claims);
    name = name == null ? id : name;
  }

  /** A stack without claims. */
  public Stack(String id, String name, boolean isDefault, List<String> perAgent, List<String> shared,
      Map<String, Scenario> scenarios, String source, Origin origin) {
    this(id, name, isDefault, perAgent, shared, scenarios, List.of(), source, origin);
  }

  public Optional<Scenario> scenario(String scenarioName) {
    if (Scenario.CURRENT_NAME.equals(scenarioName)) {
      return Optional.of(Scenario.CURRENT);
    }
    return Optional.ofNullable(scenarios.get(scenarioName));
  }

  /** {@code current} first, then the stack's own scenarios in file order. */
  public List<String> scenarioNames() {
    List<String> names = new ArrayList<>();
    names.add(Scenario.CURRENT_NAME);
    names.addAll(scenarios.keySet());
    return names;
  }
}
