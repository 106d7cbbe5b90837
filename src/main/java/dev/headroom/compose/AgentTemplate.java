package dev.headroom.compose;

import dev.headroom.load.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Agent templates (seed 000's {@code docker-compose.agent-template.yml}): services whose names
 * hold {@code {AGENT_NUMBER}} are instantiated once per agent, the placeholder replaced by 1..N in
 * the service's name and in every key and value inside it (database names, {@code depends_on},
 * per-agent networks and volumes). Networks, volumes, secrets and configs whose names hold it are
 * instantiated the same way. Everything else runs once, as written.
 */
final class AgentTemplate {
  private AgentTemplate() {}

  static final String PLACEHOLDER = "{AGENT_NUMBER}";

  private static final List<String> SECTIONS = List.of("services", "networks", "volumes", "secrets", "configs");

  static boolean isTemplate(CNode.Map root) {
    return root.get("services") instanceof CNode.Map services
        && services.entries().keySet().stream().anyMatch(k -> k.contains(PLACEHOLDER));
  }

  /**
   * The services (and the networks, volumes, secrets and configs) whose names hold the placeholder,
   * once per agent; a name that an instantiated one would take twice is refused, never overwritten.
   * The copies may hold at most {@code maxNodes} nodes, the cap a file has as written, so that
   * {@code --agents 100000000} is refused at once rather than filling the memory.
   */
  static CNode.Map expand(CNode.Map root, long agents, int maxNodes) {
    long perAgent = nodesPerAgent(root);
    if (agents > maxAgents(root, maxNodes)) {
      throw InputException.of("the agent template holds " + perAgent + " YAML nodes per agent: " + agents
          + " agents would make more than " + maxNodes + ", the most a compose file may hold; check at most "
          + maxNodes / perAgent + " agents");
    }
    CNode.Map out = root;
    for (String section : SECTIONS) {
      if (root.get(section) instanceof CNode.Map m) {
        out = out.with(section, root.entry(section).keyOrigin(), expandSection(section, m, agents));
      }
    }
    return out;
  }

  private static CNode.Map expandSection(String section, CNode.Map m, long agents) {
    LinkedHashMap<String, CNode.Entry> out = new LinkedHashMap<>();
    for (CNode.Entry e : m.entries().values()) {
      if (!e.key().contains(PLACEHOLDER)) {
        put(out, section, e);
        continue;
      }
      for (long n = 1; n <= agents; n++) {
        String number = Long.toString(n);
        String name = e.key().replace(PLACEHOLDER, number);
        put(out, section, new CNode.Entry(name, e.keyOrigin(), replace(e.value(), number)));
      }
    }
    return new CNode.Map(out, m.tag(), m.origin());
  }

  private static void put(Map<String, CNode.Entry> out, String section, CNode.Entry e) {
    CNode.Entry earlier = out.putIfAbsent(e.key(), e);
    if (earlier != null) {
      throw ComposeLoader.error(e.value(), section + "." + e.key(), section + "." + e.key()
          + " is defined twice once the template is instantiated (also at line " + earlier.keyOrigin().line()
          + "); rename one of them");
    }
  }

  /** The most agents whose copies stay within {@code maxNodes} nodes. */
  static long maxAgents(CNode.Map root, int maxNodes) {
    long perAgent = nodesPerAgent(root);
    return perAgent == 0 ? Long.MAX_VALUE : maxNodes / perAgent;
  }

  private static long nodesPerAgent(CNode.Map root) {
    long perAgent = 0;
    for (String section : SECTIONS) {
      if (root.get(section) instanceof CNode.Map m) {
        for (CNode.Entry e : m.entries().values()) {
          perAgent += e.key().contains(PLACEHOLDER) ? 1 + nodes(e.value()) : 0;
        }
      }
    }
    return perAgent;
  }

  /** The nodes of a subtree: itself and everything under it (a key and its value count as two). */
  private static long nodes(CNode n) {
    long count = 1;
    if (n instanceof CNode.Seq q) {
      for (CNode i : q.items()) {
        count += nodes(i);
      }
    } else if (n instanceof CNode.Map m) {
      for (CNode.Entry e : m.entries().values()) {
        count += 1 + nodes(e.value());
      }
    }
    return count;
  }

  private static CNode replace(CNode n, String number) {
    if (n instanceof CNode.Scalar s) {
      return s.value().contains(PLACEHOLDER) ? s.withValue(s.value().replace(PLACEHOLDER, number)) : s;
    }
    if (n instanceof CNode.Seq q) {
      List<CNode> items = new ArrayList<>();
      q.items().forEach(i -> items.add(replace(i, number)));
      return new CNode.Seq(items, q.tag(), q.origin());
    }
    CNode.Map m = (CNode.Map) n;
    LinkedHashMap<String, CNode.Entry> out = new LinkedHashMap<>();
    for (CNode.Entry e : m.entries().values()) {
      String key = e.key().replace(PLACEHOLDER, number);
      out.put(key, new CNode.Entry(key, e.keyOrigin(), replace(e.value(), number)));
    }
    return new CNode.Map(out, m.tag(), m.origin());
  }
}
