package dev.headroom.load;

import dev.headroom.load.YamlNode.Scalar;
import dev.headroom.model.Bytes;
import dev.headroom.model.Claim;
import dev.headroom.model.Component;
import dev.headroom.model.Cpu;
import dev.headroom.model.Host;
import dev.headroom.model.Optimization;
import dev.headroom.model.Origin;
import dev.headroom.model.Range;
import dev.headroom.model.Resources;
import dev.headroom.model.Scenario;
import dev.headroom.model.Service;
import dev.headroom.model.Stack;
import dev.headroom.model.Thresholds;
import dev.headroom.runtime.Footprint;
import dev.headroom.runtime.Part;
import dev.headroom.runtime.RuntimeModel;
import dev.headroom.runtime.Runtimes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps one catalog file (DESIGN.md section 2) to a model record by hand, collecting every problem.
 * A file with any problem yields no entry: a malformed file cannot become an object. References
 * between files (a stack naming a service) are checked later by {@link CatalogLoader}.
 */
public final class CatalogFileReader {

  public static final Set<String> KINDS = Set.of("host", "service", "stack");

  static final Set<String> HOST_KEYS =
      Set.of("kind", "id", "name", "description", "arch", "memory", "swap", "cpu", "gpu", "thresholds", "cost_per_hour",
          "source", "notes");
  static final Set<String> HOST_MEMORY_KEYS = Set.of("total", "reserved", "source");
  static final Set<String> HOST_CPU_KEYS = Set.of("cores", "reserved", "source");
  static final Set<String> HOST_GPU_KEYS = Set.of("model", "memory", "source");
  static final Set<String> THRESHOLD_KEYS = Set.of("warn", "critical", "source");
  static final Set<String> SERVICE_KEYS =
      Set.of("kind", "id", "name", "description", "memory", "model", "settings", "cpu", "gpu_memory", "limits",
          "reservations", "source", "notes");
  static final Set<String> SERVICE_MEMORY_KEYS = Set.of("components");
  static final Set<String> COMPONENT_KEYS = Set.of("name", "size", "optimizations", "source", "notes");
  static final Set<String> OPTIMIZATION_KEYS = Set.of("id", "saves", "effort_hours", "note", "source");
  static final Set<String> RESOURCE_KEYS = Set.of("memory", "cpus");
  static final Set<String> STACK_KEYS =
      Set.of("kind", "id", "name", "description", "default", "per_agent", "shared", "scenarios", "claims", "source", "notes");
  static final Set<String> CLAIM_KEYS = Set.of("says", "host", "agents", "scenario", "total", "fits", "source");
  static final Set<String> SCENARIO_KEYS = Set.of("apply", "replace", "add", "remove", "description", "source");
  static final Set<String> SCENARIO_ADD_KEYS = Set.of("per_agent", "shared");

  /** What a reference in a stack must name. */
  public enum RefKind {
    SERVICE,
    HOST,
    STACK_MEMBER,
    OPTIMIZATION
  }

  /** An id named in a stack, kept with its position so a missing one can be reported there. */
  public record Ref(String id, RefKind kind, String scenario, String path, Origin origin) {}

  /**
   * One loaded file: a {@link Host}, {@link Service} or {@link Stack}.
   *
   * @param idAt where the id is written, for problems that involve the whole file
   * @param defaultAt where a stack's {@code default} is written; null for hosts and services
   */
  public record Entry(String kind, String id, Object value, List<Ref> refs, Source source, Origin idAt, Origin defaultAt) {}

  /**
   * The kind and id of a file, read even when the rest is broken (so its dependants stay quiet),
   * and the references of a broken stack (so a missing service is still reported).
   */
  public record Identity(String kind, String id, List<Ref> refs, Stack partial) {}

  private final YamlReader yaml;

  public CatalogFileReader(YamlReader yaml) {
    this.yaml = yaml;
  }

  /**
   * Reads one file. Returns the entry, or null when the file has problems (added to {@code
   * problems}); {@code identity} receives the kind and id when they could be read.
   */
  public Entry read(Source source, Problems problems, List<Identity> identity) {
    YamlNode root;
    try {
      root = yaml.readSingle(source);
    } catch (InputException e) {
      problems.addAll(e.problems());
      return null;
    }
    return read(source, root, problems, identity);
  }

  /** Reads one file whose tree is already built (the built-in catalog's snapshot). */
  public Entry read(Source source, YamlNode root, Problems problems, List<Identity> identity) {
    String file = source.name();
    if (!(root instanceof YamlNode.Map map)) {
      problems.add(new Problem(file, root.line(), root.column(), "", "a catalog file is a mapping with kind and id, found " + YamlNode.describe(root)));
      return null;
    }
    Problems local = new Problems();
    String kind = kindOf(file, map, local);
    if (kind == null) {
      problems.addAll(local.list());
      return null;
    }
    Entry entry =
        switch (kind) {
          case "host" -> host(Fields.of(file, "", map, local, HOST_KEYS), source);
          case "service" -> service(Fields.of(file, "", map, local, SERVICE_KEYS), source);
          default -> stack(Fields.of(file, "", map, local, STACK_KEYS), source);
        };
    YamlNode idNode = map.get("id");
    if (idNode instanceof Scalar s && Fields.ID.matcher(s.value()).matches()) {
      identity.add(new Identity(kind, s.value(), entry == null ? List.of() : entry.refs(),
          entry != null && entry.value() instanceof Stack st ? st : null));
    }
    if (!local.isEmpty() || entry == null || entry.value() == null) {
      problems.addAll(local.list());
      return null;
    }
    return entry;
  }

  private static String kindOf(String file, YamlNode.Map map, Problems problems) {
    YamlNode k = map.get("kind");
    if (k == null) {
      problems.add(new Problem(file, map.line(), map.column(), "kind", "missing required key 'kind' (host, service or stack)"));
      return null;
    }
    if (!(k instanceof Scalar s) || !KINDS.contains(s.value())) {
      String v = k instanceof Scalar s ? s.value() : YamlNode.describe(k);
      problems.add(new Problem(file, k.line(), k.column(), "kind",
          "unknown kind '" + Problem.oneLine(Fields.abbreviate(v)) + "' (expected host, service or stack)" + Suggestions.didYouMean(v, KINDS)));
      return null;
    }
    return s.value();
  }

  // ------------------------------------------------------------------ host

  private Entry host(Fields f, Source source) {
    String id = notAll(f, f.id("id", true), "host id", "--host all");
    String name = f.string("name", false);
    f.string("description", false);
    f.string("notes", false);
    String arch = f.string("arch", false);
    String src = f.string("source", false);
    Bytes total = null;
    Bytes reserved = Bytes.ZERO;
    Origin origin = f.origin();
    Fields mem = f.map("memory", true, HOST_MEMORY_KEYS);
    if (mem != null) {
      total = mem.bytes("total", true);
      origin = mem.originOf("total");
      Bytes r = mem.bytes("reserved", false);
      reserved = r == null ? Bytes.ZERO : r;
      mem.string("source", false);
      if (total != null && total.isZero()) {
        mem.problem("total", "total memory must be above zero");
      }
      if (total != null && r != null && r.compareTo(total) >= 0) {
        mem.problem("reserved", "reserved " + r + (r.equals(total) ? " equals" : " is above") + " total " + total
            + "; nothing would be available");
      }
    }
    Bytes swap = f.bytes("swap", false);
    Host.CpuSpec cpu = null;
    if (f.has("cpu")) {
      Fields c = f.map("cpu", false, HOST_CPU_KEYS);
      if (c != null) {
        Cpu cores = c.cpu("cores", true);
        Cpu res = c.cpu("reserved", false);
        c.string("source", false);
        if (cores != null && cores.isZero()) {
          c.problem("cores", "cores must be above zero");
        } else if (cores != null) {
          if (res != null && res.compareTo(cores) > 0) {
            c.problem("reserved", "reserved " + res + " cores is above the " + cores + " cores of the host");
          } else {
            cpu = new Host.CpuSpec(cores, res == null ? Cpu.ZERO : res);
          }
        }
      }
    }
    Host.Gpu gpu = null;
    if (f.has("gpu")) {
      Fields g = f.map("gpu", false, HOST_GPU_KEYS);
      if (g != null) {
        String model = g.string("model", false);
        Bytes gm = g.bytes("memory", true);
        g.string("source", false);
        if (gm != null && gm.isZero()) {
          g.problem("memory", "GPU memory must be above zero (leave gpu out for a host without a GPU)");
        } else if (gm != null) {
          gpu = new Host.Gpu(model, gm);
        }
      }
    }
    Thresholds thresholds = Thresholds.DEFAULT;
    if (f.has("thresholds")) {
      Fields t = f.map("thresholds", false, THRESHOLD_KEYS);
      if (t != null) {
        String fraction = "a fraction of available memory above 0 and at most 1, such as 0.90";
        BigDecimal warn = t.decimal("warn", false, BigDecimal.ZERO, BigDecimal.ONE, fraction);
        BigDecimal critical = t.decimal("critical", false, BigDecimal.ZERO, BigDecimal.ONE, fraction);
        t.string("source", false);
        BigDecimal w = warn == null ? Thresholds.DEFAULT.warn() : warn;
        BigDecimal c = critical == null ? Thresholds.DEFAULT.critical() : critical;
        boolean unreadable = (warn == null && t.has("warn")) || (critical == null && t.has("critical"));
        boolean zero = false;
        if (warn != null && warn.signum() == 0) {
          t.problem("warn", "warn must be above 0");
          zero = true;
        }
        if (critical != null && critical.signum() == 0) {
          t.problem("critical", "critical must be above 0");
          zero = true;
        }
        if (unreadable || zero) {
          // already reported
        } else if (w.compareTo(c) > 0) {
          t.problem(warn != null ? "warn" : "critical",
              "warn " + w.toPlainString() + (warn == null ? " (the default)" : "") + " is above critical " + c.toPlainString()
                  + (critical == null ? " (the default)" : "") + "; warn must be at most critical");
        } else {
          thresholds = new Thresholds(w, c);
        }
      }
    }
    BigDecimal cost = f.decimal("cost_per_hour", false, BigDecimal.ZERO, null, "a cost in USD per hour, such as 0.526");
    if (id == null || total == null || !f.problems().isEmpty()) {
      return null;
    }
    Host h = new Host(id, name, arch, total, reserved, swap, cpu, gpu, thresholds, cost, src, origin);
    return new Entry("host", id, h, List.of(), source, f.originOf("id"), null);
  }

  // ------------------------------------------------------------------ service

  private Entry service(Fields f, Source source) {
    String id = f.id("id", true);
    String name = f.string("name", false);
    f.string("description", false);
    f.string("notes", false);
    String src = f.string("source", false);
    List<Component> components = new ArrayList<>();
    YamlNode memory = f.node("memory");
    boolean modelled = f.has("model") || f.has("settings");
    if (modelled && f.has("memory")) {
      f.problem("memory", "give memory or a model with settings, not both: the model computes the memory");
    } else if (modelled) {
      // read below, once the limits are known
    } else if (!f.has("memory")) {
      f.range("memory", true);
    } else if (memory instanceof Scalar) {
      Range r = f.range("memory", true);
      if (r != null) {
        components.add(new Component(name != null ? name : id == null ? "memory" : id, r, List.of(), f.originOf("memory")));
      }
    } else if (memory instanceof YamlNode.Map) {
      Fields m = f.map("memory", true, SERVICE_MEMORY_KEYS);
      if (m != null) {
        List<YamlNode> items = m.list("components", true, "a list of components");
        if (items != null && items.isEmpty()) {
          m.problem("components", "needs at least one component");
        }
        if (items != null) {
          Set<String> optIds = new HashSet<>();
          for (int i = 0; i < items.size(); i++) {
            Component c = component(m, i, items.get(i), optIds);
            if (c != null) {
              components.add(c);
            }
          }
        }
      }
    } else {
      f.problem("memory", "expected a quantity, a range or a mapping with components, found " + YamlNode.describe(memory));
    }
    Range sum = Range.ZERO;
    for (Component c : components) {
      try {
        sum = sum.plus(c.size());
      } catch (ArithmeticException e) {
        f.problem("memory", "the components add up to more than 8 EiB (2^63-1 bytes)");
        break;
      }
    }
    Cpu cpu = f.cpu("cpu", false);
    Bytes gpu = f.bytes("gpu_memory", false);
    Resources limits = resources(f, "limits");
    Resources reservations = resources(f, "reservations");
    if (limits.memory() != null && reservations.memory() != null && reservations.memory().compareTo(limits.memory()) > 0) {
      f.problem("reservations", "reserved memory " + reservations.memory() + " is above the limit " + limits.memory());
    }
    if (limits.cpus() != null && reservations.cpus() != null && reservations.cpus().compareTo(limits.cpus()) > 0) {
      f.problem("reservations", "reserved cpus " + reservations.cpus() + " is above the limit " + limits.cpus());
    }
    if (modelled && !f.has("memory")) {
      components.addAll(modelled(f, limits.memory()));
    }
    if (id == null || components.isEmpty() || !f.problems().isEmpty()) {
      return null;
    }
    Service s = new Service(id, name, components, cpu, gpu, limits, reservations, src,
        f.originOf(modelled ? "model" : "memory"));
    return new Entry("service", id, s, List.of(), source, f.originOf("id"), null);
  }

  /**
   * A service's memory from a runtime model ({@code model:} with {@code settings:}, docs/models.md):
   * one component per part of the footprint, each traced to the settings (or the model, when there
   * are none). Every setting is checked as the runtime reads it.
   */
  private static List<Component> modelled(Fields f, Bytes limit) {
    String modelId = f.string("model", true);
    if (modelId == null) {
      return List.of();
    }
    Optional<RuntimeModel> found = Runtimes.byId(modelId);
    if (found.isEmpty()) {
      f.problem("model", "unknown model '" + modelId + "'" + Suggestions.didYouMean(modelId, Runtimes.ids())
          + " (headroom models " + String.join(", ", Runtimes.ids()) + ")");
      return List.of();
    }
    RuntimeModel model = found.get();
    Map<String, String> settings = new LinkedHashMap<>();
    Fields s = f.has("settings") ? f.map("settings", false, model.settings().keySet()) : null;
    if (s != null) {
      for (String key : s.map().entries().keySet()) {
        String value = s.string(key, true);
        if (value == null || !model.settings().containsKey(key)) {
          continue;
        }
        String reason = model.problem(key, value);
        if (reason != null) {
          s.problem(key, reason);
        } else {
          settings.put(key, value);
        }
      }
    }
    if (!f.problems().isEmpty()) {
      return List.of();
    }
    String incomplete = model.incomplete(settings, limit);
    if (incomplete != null) {
      f.problem(f.has("settings") ? "settings" : "model", incomplete);
      return List.of();
    }
    Footprint footprint;
    try {
      footprint = model.footprint(settings, limit);
    } catch (ArithmeticException e) {
      f.problem("settings", "the footprint of these settings is more than 8 EiB (2^63-1 bytes)");
      return List.of();
    }
    Origin at = f.originOf(f.has("settings") ? "settings" : "model");
    List<Component> out = new ArrayList<>();
    for (Part p : footprint.parts()) {
      if (!p.memory().isZero()) {
        out.add(new Component(p.name() + (p.estimate() ? " (estimate)" : ""), p.memory(), List.of(), at));
      }
    }
    return out;
  }

  private Component component(Fields m, int i, YamlNode item, Set<String> optIds) {
    Fields c = m.item("components", i, item, COMPONENT_KEYS);
    if (c == null) {
      return null;
    }
    String name = c.string("name", true);
    Range size = c.range("size", true);
    c.string("source", false);
    c.string("notes", false);
    List<Optimization> opts = new ArrayList<>();
    List<YamlNode> list = c.list("optimizations", false, "a list of optimizations");
    if (list != null) {
      for (int j = 0; j < list.size(); j++) {
        Fields o = c.item("optimizations", j, list.get(j), OPTIMIZATION_KEYS);
        if (o == null) {
          continue;
        }
        String oid = notAll(o, o.id("id", true), "optimization id", "--apply all");
        Bytes saves = o.bytes("saves", true);
        BigDecimal effort = o.decimal("effort_hours", false, BigDecimal.ZERO, null, "hours of work, such as 2 or 0.5");
        String note = o.string("note", false);
        o.string("source", false);
        if (oid != null && !optIds.add(oid)) {
          o.problem("id", "optimization id '" + oid + "' is used twice in this service");
          continue;
        }
        if (oid != null && saves != null) {
          opts.add(new Optimization(oid, saves, effort, note, o.originOf("saves")));
        }
      }
    }
    if (name == null || size == null) {
      return null;
    }
    return new Component(name, size, opts, c.originOf("size"));
  }

  /** {@code all} names every host, scenario or optimization on the command line: it cannot be an id. */
  private static String notAll(Fields f, String id, String what, String flag) {
    if ("all".equals(id)) {
      f.problem("id", "'all' is reserved (" + flag + " means every one); pick another " + what);
      return null;
    }
    return id;
  }

  private static Resources resources(Fields f, String key) {
    if (!f.has(key)) {
      return Resources.NONE;
    }
    Fields r = f.map(key, false, RESOURCE_KEYS);
    if (r == null) {
      return Resources.NONE;
    }
    Bytes mem = r.bytes("memory", false);
    Cpu cpus = r.cpu("cpus", false);
    // docker compose reads 0 as "no limit": a zero here would plan as nothing at all
    if (mem != null && mem.isZero()) {
      r.problem("memory", "0 means no " + key + " in docker compose; leave memory out instead");
    }
    if (cpus != null && cpus.isZero()) {
      r.problem("cpus", "0 means no " + key + " in docker compose; leave cpus out instead");
    }
    return new Resources(mem, cpus, r.originOf(mem != null ? "memory" : "cpus"));
  }

  // ------------------------------------------------------------------ stack

  private Entry stack(Fields f, Source source) {
    String id = f.id("id", true);
    String name = f.string("name", false);
    f.string("description", false);
    f.string("notes", false);
    String src = f.string("source", false);
    Boolean isDefault = f.bool("default");
    List<Ref> refs = new ArrayList<>();
    List<String> perAgent = serviceList(f, "per_agent", refs, null);
    List<String> shared = serviceList(f, "shared", refs, null);
    if (perAgent.isEmpty() && shared.isEmpty() && f.problems().isEmpty()) {
      f.problemAt(f.map(), "per_agent", "a stack needs at least one service in per_agent or shared");
    }
    // each repetition where it is, with where the service was listed first
    Map<String, Ref> first = new HashMap<>();
    for (Ref r : refs) {
      Ref earlier = first.putIfAbsent(r.id(), r);
      if (earlier != null) {
        Origin o = r.origin();
        f.problems().add(new Problem(o.file(), o.line(), o.column(), r.path(), "service '" + r.id() + "' is listed twice (first at "
            + earlier.path() + ", line " + earlier.origin().line() + ")"));
      }
    }
    Map<String, Scenario> scenarios = new LinkedHashMap<>();
    if (f.has("scenarios")) {
      YamlNode sn = f.node("scenarios");
      if (!(sn instanceof YamlNode.Map sm)) {
        f.problem("scenarios", "expected a mapping of scenario names, found " + YamlNode.describe(sn));
      } else {
        for (YamlNode.Entry e : sm.entries().values()) {
          String scenarioName = e.key().value();
          String p = f.pathOf("scenarios") + "." + scenarioName;
          if (!Fields.ID.matcher(scenarioName).matches()) {
            f.problemAt(e.key(), p, "'" + Problem.oneLine(Fields.abbreviate(scenarioName)) + "' is not a valid scenario name");
            continue;
          }
          if (scenarioName.equals("all")) {
            f.problemAt(e.key(), p, "'all' is reserved: --scenario all means every scenario; pick another name");
            continue;
          }
          if (scenarioName.equals(Scenario.CURRENT_NAME)) {
            f.problemAt(e.key(), p, "'current' is the built-in scenario with nothing applied; pick another name");
            continue;
          }
          if (!(e.value() instanceof YamlNode.Map)) {
            f.problemAt(e.value(), p, "expected a mapping (apply, replace, add, remove), found " + YamlNode.describe(e.value()));
            continue;
          }
          Scenario s = scenario(Fields.of(f.file(), p, (YamlNode.Map) e.value(), f.problems(), SCENARIO_KEYS), scenarioName, refs);
          if (s != null) {
            scenarios.put(scenarioName, s);
          }
        }
      }
    }
    List<Claim> claims = claims(f, scenarios.keySet(), refs);
    if (id == null) {
      return null;
    }
    // with problems this stack is not loaded, but its references are still checked (read() decides)
    Stack st = new Stack(id, name, Boolean.TRUE.equals(isDefault), perAgent, shared, scenarios, claims, src, f.origin());
    return new Entry("stack", id, st, refs, source, f.originOf("id"), f.originOf("default"));
  }

  /** What documents say of the stack: each claim names a host (checked by the loader) and a scenario of this file. */
  private static List<Claim> claims(Fields f, Set<String> scenarioNames, List<Ref> refs) {
    List<Claim> out = new ArrayList<>();
    List<YamlNode> list = f.list("claims", false, "a list of claims (says, host, agents, ...)");
    if (list == null) {
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      Fields c = f.item("claims", i, list.get(i), CLAIM_KEYS);
      if (c == null) {
        continue;
      }
      int before = c.problems().size();
      String says = c.string("says", true);
      String host = c.id("host", true);
      BigDecimal agents = c.decimal("agents", true, BigDecimal.ONE, BigDecimal.valueOf(1_000_000), "a number of agents such as 2");
      if (agents != null && agents.stripTrailingZeros().scale() > 0) {
        c.problem("agents", "expected a whole number of agents, found " + agents.toPlainString());
      }
      String scenario = c.id("scenario", false);
      if (scenario != null && !scenario.equals(Scenario.CURRENT_NAME) && !scenarioNames.contains(scenario)) {
        c.problem("scenario", "unknown scenario '" + scenario + "'"
            + Suggestions.didYouMean(scenario, scenarioNames) + " (the stack's scenarios, or current)");
      }
      Range total = c.has("total") ? c.range("total", false) : null;
      Boolean fits = c.bool("fits");
      String source = c.string("source", false);
      if (host != null) {
        refs.add(new Ref(host, RefKind.HOST, null, c.pathOf("host"), c.originOf("host")));
      }
      if (c.problems().size() == before && says != null && host != null && agents != null) {
        out.add(new Claim(says, host, agents.longValueExact(), scenario == null ? Scenario.CURRENT_NAME : scenario, total, fits,
            source, c.origin()));
      }
    }
    return out;
  }

  private static List<String> serviceList(Fields f, String key, List<Ref> refs, String scenario) {
    List<String> ids = new ArrayList<>();
    for (Fields.IdAt at : f.ids(key, false)) {
      ids.add(at.id());
      refs.add(new Ref(at.id(), RefKind.SERVICE, scenario, at.path(), at.origin()));
    }
    return ids;
  }

  private static Scenario scenario(Fields s, String scenarioName, List<Ref> refs) {
    boolean applyAll = false;
    List<String> apply = new ArrayList<>();
    if (s.has("apply")) {
      YamlNode a = s.node("apply");
      if (a instanceof Scalar sc && sc.value().equals("all")) {
        applyAll = true;
      } else if (a instanceof YamlNode.Seq) {
        for (Fields.IdAt at : s.ids("apply", false)) {
          if (at.id().equals("all")) {
            s.problems().add(new Problem(at.origin().file(), at.origin().line(), at.origin().column(), at.path(),
                "'all' inside a list is not an optimization id; write apply: all to apply every optimization"));
            continue;
          }
          apply.add(at.id());
          refs.add(new Ref(at.id(), RefKind.OPTIMIZATION, scenarioName, at.path(), at.origin()));
        }
      } else {
        s.problem("apply", "expected 'all' or a list of optimization ids");
      }
    }
    Map<String, String> replace = new LinkedHashMap<>();
    if (s.has("replace")) {
      YamlNode r = s.node("replace");
      if (!(r instanceof YamlNode.Map rm)) {
        s.problem("replace", "expected a mapping from a service id to the id that replaces it");
      } else {
        for (YamlNode.Entry e : rm.entries().values()) {
          String from = e.key().value();
          String p = s.pathOf("replace") + "." + from;
          if (!(e.value() instanceof Scalar to) || !Fields.ID.matcher(to.value()).matches()) {
            s.problemAt(e.value(), p, "expected the id of the service that takes the place of '" + from + "'");
            continue;
          }
          if (!Fields.ID.matcher(from).matches()) {
            s.problemAt(e.key(), p, "'" + Problem.oneLine(Fields.abbreviate(from)) + "' is not a valid id");
            continue;
          }
          replace.put(from, to.value());
          refs.add(new Ref(from, RefKind.STACK_MEMBER, scenarioName, p, new Origin(s.file(), e.key().line(), e.key().column())));
          refs.add(new Ref(to.value(), RefKind.SERVICE, scenarioName, p, new Origin(s.file(), to.line(), to.column())));
        }
      }
    }
    List<String> addPerAgent = List.of();
    List<String> addShared = List.of();
    if (s.has("add")) {
      Fields add = s.map("add", false, SCENARIO_ADD_KEYS);
      if (add != null) {
        addPerAgent = serviceList(add, "per_agent", refs, scenarioName);
        addShared = serviceList(add, "shared", refs, scenarioName);
      }
    }
    List<String> remove = new ArrayList<>();
    for (Fields.IdAt at : s.ids("remove", false)) {
      remove.add(at.id());
      refs.add(new Ref(at.id(), RefKind.STACK_MEMBER, scenarioName, at.path(), at.origin()));
    }
    String description = s.string("description", false);
    s.string("source", false);
    return new Scenario(scenarioName, applyAll, apply, replace, addPerAgent, addShared, remove, description,
        s.origin());
  }
}
