package dev.headroom.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Agent templates (seed 000's {@code docker-compose.agent-template.yml}): services whose names
 * hold {@code {AGENT_NUMBER}} are instantiated once per agent, the placeholder replaced by 1..N in
 * the service's name and in every key and value inside it (database names, {@code depends_on}
 * references). Services without the placeholder in their name run once, as written.
 */
final class AgentTemplate {
  private AgentTemplate() {}

  static final String PLACEHOLDER = "{AGENT_NUMBER}";

  static boolean isTemplate(CNode.Map root) {
    return root.get("services") instanceof CNode.Map services
        && services.entries().keySet().stream().anyMatch(k -> k.contains(PLACEHOLDER));
  }

  static CNode.Map expand(CNode.Map root, long agents) {
    if (!(root.get("services") instanceof CNode.Map services)) {
      return root;
    }
    LinkedHashMap<String, CNode.Entry> out = new LinkedHashMap<>();
    for (CNode.Entry e : services.entries().values()) {
      if (!e.key().contains(PLACEHOLDER)) {
        out.put(e.key(), e);
        continue;
      }
      for (long n = 1; n <= agents; n++) {
        String number = Long.toString(n);
        String name = e.key().replace(PLACEHOLDER, number);
        out.put(name, new CNode.Entry(name, e.keyOrigin(), replace(e.value(), number)));
      }
    }
    return root.with("services", root.entry("services").keyOrigin(), new CNode.Map(out, services.tag(), services.origin()));
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
