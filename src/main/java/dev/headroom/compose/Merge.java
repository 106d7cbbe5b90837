package dev.headroom.compose;

import dev.headroom.load.InputException;
import dev.headroom.load.Problem;
import dev.headroom.load.YamlNode;
import dev.headroom.model.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Merging compose files and {@code extends} as docker compose does (compose-go {@code override}):
 * mappings key by key, later wins for scalars, lists appended (exact duplicates of scalars dropped),
 * {@code x-} keys replaced whole, {@code command}, {@code entrypoint} and {@code healthcheck.test}
 * replaced whole, {@code environment} merged by variable name; a null leaves the value as it was. A
 * value tagged {@code !reset} removes the key; one tagged {@code !override} replaces it without merging.
 */
final class Merge {
  // compiled once: these run for every service or key of a file
  private static final java.util.regex.Pattern HEALTHCHECK_TEST = java.util.regex.Pattern.compile("services\\.[^.]+\\.healthcheck\\.test");
  private static final java.util.regex.Pattern SERVICE_ENVIRONMENT = java.util.regex.Pattern.compile("services\\.[^.]+\\.environment");
  private static final java.util.regex.Pattern DEPENDS_OR_NETWORKS = java.util.regex.Pattern.compile("services\\.[^.]+\\.(depends_on|networks)");

  private Merge() {}

  static final String RESET = "!reset";
  static final String OVERRIDE = "!override";

  private static final Set<String> REPLACED = Set.of("command", "entrypoint");

  /** {@code override} merged onto {@code base} at {@code path} (dotted, {@code services.web.deploy}). */
  static CNode merge(CNode base, CNode override, String path) {
    if (base == null || RESET.equals(override.tag()) || OVERRIDE.equals(override.tag())) {
      return strip(override);
    }
    if (isServiceKey(path, REPLACED) || HEALTHCHECK_TEST.matcher(path).matches()) {
      return strip(override);
    }
    if (SERVICE_ENVIRONMENT.matcher(path).matches()) {
      return environment(base, override);
    }
    if (override instanceof CNode.Scalar s && s.isNull()) {
      // compose-go mergeYaml: a null override leaves the base value (only !reset removes it)
      return base;
    }
    if (DEPENDS_OR_NETWORKS.matcher(path).matches()) {
      // compose-go mergeDependsOn, mergeNetworks: a list is read as a mapping of its names first
      boolean dependsOn = path.endsWith(".depends_on");
      return mapping(asMapping(base, dependsOn), asMapping(override, dependsOn), path);
    }
    if (base instanceof CNode.Map bm && override instanceof CNode.Map om) {
      return mapping(bm, om, path);
    }
    if (base instanceof CNode.Seq bs && override instanceof CNode.Seq os) {
      List<CNode> items = new ArrayList<>(bs.items());
      for (CNode n : os.items()) {
        CNode s = strip(n);
        if (!(s instanceof CNode.Scalar sc && items.stream().anyMatch(i -> i instanceof CNode.Scalar x && x.value().equals(sc.value())))) {
          items.add(s);
        }
      }
      return new CNode.Seq(items, null, os.origin());
    }
    if (base instanceof CNode.Map && !(override instanceof CNode.Map) && !(override instanceof CNode.Scalar s && s.isNull())) {
      throw new InputException(new Problem(override.origin().file(), override.origin().line(), override.origin().column(),
          path, "cannot override " + path + ": a mapping cannot be replaced by " + CNode.describe(override)));
    }
    return strip(override);
  }

  static CNode.Map mapping(CNode.Map base, CNode.Map override, String path) {
    LinkedHashMap<String, CNode.Entry> out = new LinkedHashMap<>(base.entries());
    for (CNode.Entry e : override.entries().values()) {
      String key = e.key();
      String next = path.isEmpty() ? key : path + "." + key;
      if (RESET.equals(e.value().tag())) {
        out.remove(key);
        continue;
      }
      CNode.Entry existing = out.get(key);
      if (existing == null || key.startsWith("x-")) {
        out.put(key, new CNode.Entry(key, e.keyOrigin(), strip(e.value())));
      } else {
        out.put(key, new CNode.Entry(key, e.keyOrigin(), merge(existing.value(), e.value(), next)));
      }
    }
    return new CNode.Map(out, null, override.origin());
  }

  /** environment as a list of NAME=value entries or a mapping: merged by name, later wins. */
  private static CNode environment(CNode base, CNode override) {
    LinkedHashMap<String, CNode.Entry> vars = new LinkedHashMap<>();
    for (CNode n : new CNode[] {base, override}) {
      if (n instanceof CNode.Map m) {
        for (CNode.Entry e : m.entries().values()) {
          vars.put(e.key(), new CNode.Entry(e.key(), e.keyOrigin(), strip(e.value())));
        }
      } else if (n instanceof CNode.Seq s) {
        for (CNode item : s.items()) {
          if (item instanceof CNode.Scalar sc) {
            int eq = sc.value().indexOf('=');
            String name = eq < 0 ? sc.value() : sc.value().substring(0, eq);
            CNode value = eq < 0
                ? new CNode.Scalar("", YamlNode.Type.NULL, null, sc.origin())
                : sc.withValue(sc.value().substring(eq + 1));
            vars.put(name, new CNode.Entry(name, sc.origin(), value));
          }
        }
      }
    }
    return new CNode.Map(vars, null, override.origin());
  }

  /**
   * depends_on or networks as a mapping: a list of names becomes a mapping of those names, to
   * compose's default for depends_on ({@code condition: service_started, required: true}) or to
   * null for networks; anything else is an empty mapping.
   */
  private static CNode.Map asMapping(CNode n, boolean dependsOn) {
    if (n instanceof CNode.Map m) {
      return m;
    }
    LinkedHashMap<String, CNode.Entry> out = new LinkedHashMap<>();
    if (n instanceof CNode.Seq seq) {
      for (CNode item : seq.items()) {
        if (item instanceof CNode.Scalar sc && !sc.isNull()) {
          Origin o = sc.origin();
          CNode value = new CNode.Scalar("", YamlNode.Type.NULL, null, o);
          if (dependsOn) {
            LinkedHashMap<String, CNode.Entry> dep = new LinkedHashMap<>();
            dep.put("condition", new CNode.Entry("condition", o, new CNode.Scalar("service_started", YamlNode.Type.STRING, null, o)));
            dep.put("required", new CNode.Entry("required", o, new CNode.Scalar("true", YamlNode.Type.BOOL, null, o)));
            value = new CNode.Map(dep, null, o);
          }
          out.put(sc.value(), new CNode.Entry(sc.value(), o, value));
        }
      }
    }
    return new CNode.Map(out, null, n.origin());
  }

  private static boolean isServiceKey(String path, Set<String> keys) {
    String[] parts = path.split("\\.", -1);
    return parts.length == 3 && parts[0].equals("services") && keys.contains(parts[2]);
  }

  /** A value as written, without its merge tags and without the keys it resets. */
  static CNode strip(CNode n) {
    // a list or mapping with nothing to strip is shared, not copied
    if (n instanceof CNode.Map m) {
      LinkedHashMap<String, CNode.Entry> out = new LinkedHashMap<>();
      boolean changed = m.tag() != null;
      for (CNode.Entry e : m.entries().values()) {
        if (RESET.equals(e.value().tag())) {
          changed = true;
        } else {
          CNode v = strip(e.value());
          out.put(e.key(), v == e.value() ? e : new CNode.Entry(e.key(), e.keyOrigin(), v));
          changed |= v != e.value();
        }
      }
      return changed ? new CNode.Map(out, null, m.origin()) : m;
    }
    if (n instanceof CNode.Seq s) {
      List<CNode> items = new ArrayList<>();
      boolean changed = s.tag() != null;
      for (CNode i : s.items()) {
        if (RESET.equals(i.tag())) {
          changed = true;
        } else {
          CNode v = strip(i);
          items.add(v);
          changed |= v != i;
        }
      }
      return changed ? new CNode.Seq(items, null, s.origin()) : s;
    }
    CNode.Scalar sc = (CNode.Scalar) n;
    return sc.tag() == null ? sc : new CNode.Scalar(sc.value(), sc.type(), null, sc.origin());
  }
}
