package dev.headroom.cli;

import dev.headroom.load.InputException;
import dev.headroom.load.Suggestions;
import dev.headroom.model.Catalog;
import dev.headroom.model.Host;
import dev.headroom.model.Scenario;
import dev.headroom.model.Stack;
import dev.headroom.render.CatalogListing;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Finds catalog entries named on the command line; unknown ids suggest the nearest one. */
final class Lookup {
  private Lookup() {}

  static final String ALL = "all";

  static Host host(Catalog c, String id) {
    return c.host(id).orElseThrow(() -> InputException.of(
        "unknown host '" + id + "'" + Suggestions.didYouMean(id, c.hosts().keySet()) + " ('headroom hosts' lists them)"));
  }

  /** A comma-separated list of host ids, or {@code all} (smallest first); duplicates dropped, order kept. */
  static List<Host> hosts(Catalog c, List<String> ids) {
    Set<String> wanted = new LinkedHashSet<>();
    for (String id : ids) {
      if (id.equals(ALL)) {
        CatalogListing.bySize(c).forEach(h -> wanted.add(h.id()));
      } else if (!id.isBlank()) {
        wanted.add(id.strip());
      }
    }
    if (wanted.isEmpty()) {
      throw InputException.of("no host given; name one or more with --host, or use --host all");
    }
    List<Host> out = new ArrayList<>();
    for (String id : wanted) {
      out.add(host(c, id));
    }
    return out;
  }

  static Stack stack(Catalog c, String id) {
    if (id == null) {
      if (c.defaultStack() == null) {
        throw InputException.of("no --stack given and the catalog has no default stack ('headroom stacks' lists them)");
      }
      return c.stacks().get(c.defaultStack());
    }
    return c.stack(id).orElseThrow(() -> InputException.of(
        "unknown stack '" + id + "'" + Suggestions.didYouMean(id, c.stacks().keySet()) + " ('headroom stacks' lists them)"));
  }

  static Scenario scenario(Stack s, String name) {
    return s.scenario(name).orElseThrow(() -> InputException.of(
        "unknown scenario '" + name + "' of stack '" + s.id() + "'" + Suggestions.didYouMean(name, s.scenarioNames())
            + "; it has " + String.join(", ", s.scenarioNames())));
  }

  /** Scenario names, or {@code all}. */
  static List<Scenario> scenarios(Stack s, List<String> names) {
    Set<String> wanted = new LinkedHashSet<>();
    for (String n : names) {
      if (n.equals(ALL)) {
        wanted.addAll(s.scenarioNames());
      } else if (!n.isBlank()) {
        wanted.add(n.strip());
      }
    }
    if (wanted.isEmpty()) {
      throw InputException.of("no scenario given; name one or more with --scenario, or use --scenario all");
    }
    List<Scenario> out = new ArrayList<>();
    for (String n : wanted) {
      out.add(scenario(s, n));
    }
    return out;
  }
}
