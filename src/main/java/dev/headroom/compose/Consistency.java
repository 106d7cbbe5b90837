package dev.headroom.compose;

import dev.headroom.model.ComposeProject.ComposeError;
import dev.headroom.model.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What docker compose refuses in a well-formed project (compose-go {@code checkConsistency}),
 * checked on the active services, worded as compose words it. Every error is collected; compose
 * stops at the first.
 */
final class Consistency {
  // compiled once: these run for every service or key of a file
  private static final java.util.regex.Pattern DIGITS_18 = java.util.regex.Pattern.compile("[0-9]{1,18}");

  private static final String VOLUME_FIX =
      "set the variable that came out empty (or give it a default, ${DATA:-./data}), or write the volume as source:target";

  private Consistency() {}

  static void check(CNode.Map root, Map<String, CNode.Map> active, Map<String, Origin> keys, List<String> inactive,
      Map<String, CNode.Map> all, List<ComposeError> errors, Function<String, Path> dirOf) {
    Set<String> networks = ComposeServices.keysOf(root.get("networks"));
    Set<String> volumes = ComposeServices.keysOf(root.get("volumes"));
    Set<String> secrets = ComposeServices.keysOf(root.get("secrets"));
    Set<String> configs = ComposeServices.keysOf(root.get("configs"));
    Map<String, List<String>> dependsOn = new LinkedHashMap<>();
    for (Map.Entry<String, CNode.Map> e : active.entrySet()) {
      String name = e.getKey();
      CNode.Map s = e.getValue();
      Origin at = keys.get(name);
      if (ComposeServices.isNull(s.get("image")) && ComposeServices.isNull(s.get("build"))) {
        errors.add(new ComposeError("service \"" + name + "\" has neither an image nor a build context specified", name, at,
            "give the service an image: or a build: (an extends: that provides one also works)"));
      }
      CNode nets = s.get("networks");
      if (!ComposeServices.isNull(s.get("network_mode")) && !ComposeServices.isNull(nets)) {
        errors.add(new ComposeError("service " + name + " declares mutually exclusive `network_mode` and `networks`", name, at,
            "remove networks: or network_mode: from the service"));
      }
      for (String n : names(nets)) {
        if (!networks.contains(n) && !n.equals("default")) {
          errors.add(new ComposeError("service \"" + name + "\" refers to undefined network " + n, name, at,
              "declare " + n + " under the top-level networks:, or correct the name"));
        }
      }
      envFiles(name, s.get("env_file"), dirOf, errors);
      volumeSpecs(name, s.get("volumes"), errors);
      for (String v : namedVolumes(s.get("volumes"))) {
        if (!volumes.contains(v)) {
          errors.add(new ComposeError("service \"" + name + "\" refers to undefined volume " + v, name, at,
              "declare " + v + " under the top-level volumes:, or write a path (./" + v + ") for a bind mount"));
        }
      }
      for (String sec : sources(s.get("secrets"))) {
        if (!secrets.contains(sec)) {
          errors.add(new ComposeError("service \"" + name + "\" refers to undefined secret " + sec, name, at,
              "declare " + sec + " under the top-level secrets:, or correct the name"));
        }
      }
      for (String cfg : sources(s.get("configs"))) {
        if (!configs.contains(cfg)) {
          errors.add(new ComposeError("service \"" + name + "\" refers to undefined config " + cfg, name, at,
              "declare " + cfg + " under the top-level configs:, or correct the name"));
        }
      }
      List<String> deps = new ArrayList<>();
      CNode dn = s.get("depends_on");
      if (dn instanceof CNode.Seq seq) {
        for (CNode d : seq.items()) {
          if (d instanceof CNode.Scalar ds) {
            deps.add(ds.value());
            dependency(name, ds.value(), true, active, inactive, all, errors, at);
          }
        }
      } else if (dn instanceof CNode.Map dm) {
        for (CNode.Entry d : dm.entries().values()) {
          boolean required = !(d.value() instanceof CNode.Map cfg && cfg.get("required") instanceof CNode.Scalar r
              && "false".equalsIgnoreCase(r.value()));
          deps.add(d.key());
          dependency(name, d.key(), required, active, inactive, all, errors, at);
        }
      }
      dependsOn.put(name, deps);
      if (s.get("healthcheck") instanceof CNode.Map hc && hc.get("test") instanceof CNode.Seq test && !test.items().isEmpty()
          && test.items().get(0) instanceof CNode.Scalar first
          && !Set.of("CMD", "CMD-SHELL", "NONE").contains(first.value())) {
        errors.add(new ComposeError("healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\"", name, first.origin(),
            "start the list with \"CMD\" (run directly) or \"CMD-SHELL\" (run by a shell), or write the test as one string"));
      }
      if (!ComposeServices.isNull(s.get("container_name")) && replicas(s) > 1) {
        // compose-go passes its two arguments the other way round; this is the message docker compose prints
        String attribute = ComposeServices.isNull(s.get("scale")) ? "deploy.replicas" : "scale";
        errors.add(new ComposeError("services." + attribute + ": can't set container_name and " + name
            + " as container name must be unique", name, at, "remove container_name, or run a single replica"));
      }
    }
    cycles(dependsOn, keys, errors);
  }

  private static void dependency(String name, String dep, boolean required, Map<String, CNode.Map> active, List<String> inactive,
      Map<String, CNode.Map> all, List<ComposeError> errors, Origin at) {
    if (active.containsKey(dep)) {
      return;
    }
    if (inactive.contains(dep) && !required) {
      return;
    }
    errors.add(new ComposeError("service \"" + name + "\" depends on undefined service \"" + dep + "\""
        + (all.containsKey(dep) ? " (it is only in a profile that is not enabled)" : ""), name, at,
        all.containsKey(dep) ? "enable the profile of " + dep + " (--profile), or mark the dependency required: false"
            : "define " + dep + ", correct the name, or mark the dependency required: false"));
  }

  /**
   * A depends_on cycle: compose refuses it. Services and their dependencies are walked in name order,
   * as compose-go's graph does, so the cycle is named as docker compose names it.
   */
  private static void cycles(Map<String, List<String>> deps, Map<String, Origin> keys, List<ComposeError> errors) {
    Set<String> done = new HashSet<>();
    for (String start : new TreeSet<>(deps.keySet())) {
      List<String> path = new ArrayList<>();
      if (visit(start, deps, new HashSet<>(), done, path)) {
        String first = path.get(0);
        errors.add(new ComposeError("dependency cycle detected: " + String.join(" -> ", path), first, keys.get(first),
            "remove one depends_on of the cycle"));
        return;
      }
    }
  }

  private static boolean visit(String s, Map<String, List<String>> deps, Set<String> onPath, Set<String> done, List<String> path) {
    if (onPath.contains(s)) {
      path.add(s);
      int i = path.indexOf(s);
      List<String> cycle = new ArrayList<>(path.subList(i, path.size()));
      path.clear();
      path.addAll(cycle);
      return true;
    }
    if (done.contains(s) || !deps.containsKey(s)) {
      return false;
    }
    onPath.add(s);
    path.add(s);
    for (String d : new TreeSet<>(deps.get(s))) {
      if (visit(d, deps, onPath, done, path)) {
        return true;
      }
    }
    path.remove(path.size() - 1);
    onPath.remove(s);
    done.add(s);
    return false;
  }

  private static long replicas(CNode.Map s) {
    String v = null;
    if (s.get("scale") instanceof CNode.Scalar sc) {
      v = sc.value();
    } else if (s.get("deploy") instanceof CNode.Map d && d.get("replicas") instanceof CNode.Scalar r) {
      v = r.value();
    }
    return v != null && DIGITS_18.matcher(v).matches() ? Long.parseLong(v) : 1;
  }

  /**
   * A service's env_file must exist (docker compose reads it to resolve the environment) unless it
   * is marked {@code required: false}. Relative paths are relative to the file that declares them.
   */
  private static void envFiles(String name, CNode n, Function<String, Path> dirOf, List<ComposeError> errors) {
    List<CNode> entries = new ArrayList<>();
    if (n instanceof CNode.Scalar s && !s.isNull()) {
      entries.add(s);
    } else if (n instanceof CNode.Seq seq) {
      entries.addAll(seq.items());
    }
    for (CNode e : entries) {
      String file;
      boolean required = true;
      if (e instanceof CNode.Scalar s && !s.isNull()) {
        file = s.value();
      } else if (e instanceof CNode.Map m && m.get("path") instanceof CNode.Scalar ps) {
        file = ps.value();
        required = !(m.get("required") instanceof CNode.Scalar r && "false".equalsIgnoreCase(r.value()));
      } else {
        continue;
      }
      Path p = dirOf.apply(e.origin().file()).resolve(file).normalize();
      if (required && !Files.isRegularFile(p)) {
        errors.add(new ComposeError("env file " + p + " not found", name, e.origin(),
            "create the file, correct the path (relative to the compose file), or mark it required: false"));
      }
    }
  }

  /**
   * A short volume spec with an empty part ({@code :/data}, an unset variable) is refused by compose
   * (compose-go {@code format.ParseVolume}), which takes a spec of one or two characters as a target
   * without parsing it.
   */
  private static void volumeSpecs(String name, CNode n, List<ComposeError> errors) {
    if (!(n instanceof CNode.Seq seq)) {
      return;
    }
    for (CNode i : seq.items()) {
      if (i instanceof CNode.Scalar s && !s.isNull()) {
        String v = s.value();
        if (v.isEmpty()) {
          errors.add(new ComposeError("invalid empty volume spec", name, s.origin(), VOLUME_FIX));
        } else if (v.length() > 2 && volumeSpecError(v) != null) {
          errors.add(new ComposeError("invalid spec: " + v + ": " + volumeSpecError(v), name, s.origin(), VOLUME_FIX));
        }
      }
    }
  }

  /**
   * What compose-go's {@code format.ParseVolume} refuses in a short spec of three characters or
   * more, or null: sections split on {@code :}, where a colon after a single letter belongs to a
   * Windows drive ({@code C:\\data}); an empty section, or a fourth one, is refused.
   */
  static String volumeSpecError(String spec) {
    StringBuilder buffer = new StringBuilder();
    int sections = 0; // source, then target, then options
    for (int i = 0; i <= spec.length(); i++) {
      boolean end = i == spec.length();
      char c = end ? 0 : spec.charAt(i);
      if (!end && c == ':' && buffer.length() == 1 && Character.isLetter(buffer.charAt(0))) {
        buffer.append(c);
      } else if (end || c == ':') {
        if (buffer.length() == 0) {
          return "empty section between colons";
        }
        if (sections == 2 && !end) {
          return "too many colons";
        }
        sections++;
        buffer.setLength(0);
      } else {
        buffer.append(c);
      }
    }
    return null;
  }

  /** Names in a list or the keys of a mapping (networks: [a, b] or networks: {a: {...}}). */
  private static List<String> names(CNode n) {
    List<String> out = new ArrayList<>();
    if (n instanceof CNode.Seq seq) {
      for (CNode i : seq.items()) {
        if (i instanceof CNode.Scalar s && !s.isNull()) {
          out.add(s.value());
        }
      }
    } else if (n instanceof CNode.Map m) {
      out.addAll(m.entries().keySet());
    }
    return out;
  }

  /** secrets/configs: names, or mappings with a source. */
  private static List<String> sources(CNode n) {
    List<String> out = new ArrayList<>();
    if (n instanceof CNode.Seq seq) {
      for (CNode i : seq.items()) {
        if (i instanceof CNode.Scalar s && !s.isNull()) {
          out.add(s.value());
        } else if (i instanceof CNode.Map m && m.get("source") instanceof CNode.Scalar src) {
          out.add(src.value());
        }
      }
    }
    return out;
  }

  /**
   * The named volumes a service mounts: short syntax {@code name:/path[:mode]} whose source is not a
   * path, or long syntax with {@code type: volume} and a source.
   */
  private static List<String> namedVolumes(CNode n) {
    List<String> out = new ArrayList<>();
    if (!(n instanceof CNode.Seq seq)) {
      return out;
    }
    for (CNode i : seq.items()) {
      if (i instanceof CNode.Scalar s && !s.isNull()) {
        String v = s.value();
        int colon = v.indexOf(':');
        if (colon <= 0) {
          continue;
        }
        String src = v.substring(0, colon);
        if (!src.startsWith("/") && !src.startsWith(".") && !src.startsWith("~") && !src.startsWith("$")
            && !src.contains("/") && !src.contains("\\") && !(src.length() == 1 && Character.isLetter(src.charAt(0)))) {
          out.add(src);
        }
      } else if (i instanceof CNode.Map m && m.get("type") instanceof CNode.Scalar t && "volume".equals(t.value())
          && m.get("source") instanceof CNode.Scalar src && !src.isNull() && !src.value().isEmpty()) {
        out.add(src.value());
      }
    }
    return out;
  }
}
