package dev.headroom.compose;

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

  static boolean isTemplate(CNode.Map root) {
    return root.get("services") instanceof CNode.Map services
        && services.entries().keySet().stream().anyMatch(k -> k.contains(PLACEHOLDER));
  }

  /**
   * The services (and the networks, volumes, secrets and configs) whose names hold the placeholder,
   * once per agent; a name that an instantiated one would take twice is refused, never overwritten.
   */
  static CNode.Map expand(CNode.Map root, long agents) {
    CNode.Map out = root;
    for (String section : new String[] {"services", "networks", "volumes", "secrets", "configs"}) {
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
