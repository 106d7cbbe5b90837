package dev.headroom.solve;

import dev.headroom.model.Bytes;
import dev.headroom.model.ComposeProject;
import dev.headroom.model.ComposeService;
import dev.headroom.model.Cpu;
import dev.headroom.model.Host;
import dev.headroom.model.Origin;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The compose gate: the rules of {@code docs/rules.md} applied to a compose project and, where they
 * need one, a host. One method per rule, each returning its findings with how far over the line
 * they are. Pure: no I/O.
 */
public final class Gate {
  private Gate() {}

  /** Sums over the active services, each service's value × its replicas; services without the value are left out and counted. */
  public record Totals(
      Bytes limits, Bytes reservations, Cpu cpus, Cpu cpuReservations, int withoutLimit, int withoutReservation, int withoutCpus) {}

  /**
   * A gate's result.
   *
   * @param host null when no host was given (only the rules that need none ran)
   */
  public record Result(
      ComposeProject project, Host host, Totals totals, List<Finding> findings, Template template, GateDiff.Result diff) {
    public Result {
      findings = List.copyOf(findings);
    }

    public Result withTemplate(Template t) {
      return new Result(project, host, totals, findings, t, diff);
    }

    /** This result with the comparison against the base of a pull request. */
    public Result withDiff(GateDiff.Result d) {
      return new Result(project, host, totals, findings, template, d);
    }

    /** The most serious finding, or null when there is none. */
    public Severity worst() {
      return findings.stream().map(Finding::severity).min(Enum::compareTo).orElse(null);
    }

    public long count(Severity s) {
      return findings.stream().filter(f -> f.severity() == s).count();
    }
  }

  /**
   * An agent template checked for {@code agents} agents, and the largest number that passes
   * ({@code maxPassing}; 0 when even one fails; {@code capped} when it passes at the search's cap).
   */
  public record Template(long agents, long maxPassing, boolean capped) {}

  /** The largest agent count the search tries. */
  public static final long MAX_TEMPLATE_AGENTS = 4096;

  /**
   * The largest N in 1..min({@code cap}, {@link #MAX_TEMPLATE_AGENTS}) for which {@code passes} holds, assuming that
   * once N fails every larger N fails too (more agents only add services and demand): doubling,
   * then bisection, so a few dozen checks at most.
   */
  public static Template largestPassing(long agents, long cap, java.util.function.LongPredicate passes) {
    long most = Math.min(cap, MAX_TEMPLATE_AGENTS);
    if (!passes.test(1)) {
      return new Template(agents, 0, false);
    }
    long good = 1;
    long bad = -1;
    while (bad < 0) {
      long next = Math.min(good * 2, most);
      if (next == good) {
        return new Template(agents, good, true);
      }
      if (passes.test(next)) {
        good = next;
      } else {
        bad = next;
      }
    }
    while (bad - good > 1) {
      long mid = good + (bad - good) / 2;
      if (passes.test(mid)) {
        good = mid;
      } else {
        bad = mid;
      }
    }
    return new Template(agents, good, false);
  }

  /** Severity per rule from {@code .headroom.yaml}; rules not named keep their default. */
  public record Config(Map<Rule, Severity> severities) {
    public static final Config DEFAULT = new Config(Map.of());

    public Config {
      severities = severities.isEmpty() ? Map.of() : new EnumMap<>(severities);
    }
  }

  public static Result check(ComposeProject p, Host host, Config config) {
    Totals totals;
    try {
      totals = totals(p);
    } catch (ArithmeticException e) {
      throw new TooLargeException(String.join(", ", p.files()) + ": the limits of project " + p.name()
          + " add up to more than 8 EiB (2^63-1 bytes)", e);
    }
    List<Finding> found = new ArrayList<>();
    found.addAll(hr001MemoryLimitMissing(p));
    found.addAll(hr002ReservationAboveLimit(p));
    if (host != null) {
      found.addAll(hr003LimitsOverBudget(p, totals, host));
      found.addAll(hr004ReservationsOverAvailable(p, totals, host));
      found.addAll(hr005CpuOversubscribed(p, totals, host));
      found.addAll(hr006CpusAboveHost(p, host));
      found.addAll(hr008GpuMemoryOverBudget(p, host));
      found.addAll(RuntimeRules.hr106WorkersAboveCores(p, host));
    }
    found.addAll(hr007ComposeRefuses(p));
    found.addAll(RuntimeRules.hr101NodeHeapAboveLimit(p));
    found.addAll(RuntimeRules.hr102JvmAboveLimit(p));
    found.addAll(RuntimeRules.hr103PostgresSettingsAboveLimit(p));
    found.addAll(RuntimeRules.hr104SettingsTheImageIgnores(p));
    found.addAll(RuntimeRules.hr105RedisMaxmemoryAboveLimit(p));
    found.addAll(RuntimeRules.hr107ThresholdAboveLimit(p));
    List<Finding> out = new ArrayList<>();
    for (Finding f : found) {
      Severity s = config.severities().getOrDefault(f.rule(), f.severity());
      if (s == Severity.OFF || ignored(p, f)) {
        continue;
      }
      out.add(s == f.severity() ? f : f.withSeverity(s));
    }
    return new Result(p, host, totals, collapseCopies(out), null, null);
  }

  /**
   * Findings at one place that differ only in the number in their service's name (the copies of an
   * agent template: agent1, agent2, ...) are said once, naming the other copies.
   */
  static List<Finding> collapseCopies(List<Finding> findings) {
    Map<String, List<Finding>> groups = new java.util.LinkedHashMap<>();
    for (Finding f : findings) {
      // the same but for the number in the service's name: agent1 and agent2 say it once
      String name = f.service() == null ? "" : f.service();
      String key = f.rule() + "\u0000" + f.severity() + "\u0000" + f.origin().file() + ":" + f.origin().line() + ":"
          + f.origin().column() + "\u0000" + name.replaceAll("[0-9]+", "#") + "\u0000"
          + (name.isEmpty() ? f.message() : f.message().replace(name, "\u0001")) + "\u0000"
          + (f.fix() == null || name.isEmpty() ? f.fix() : f.fix().replace(name, "\u0001"));
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
    }
    List<Finding> out = new ArrayList<>();
    for (List<Finding> g : groups.values()) {
      Finding first = g.get(0);
      if (g.size() == 1 || first.service() == null) {
        out.addAll(g);
        continue;
      }
      out.add(new Finding(first.rule(), first.severity(), first.service(), first.message() + " (and in " + (g.size() - 1)
          + (g.size() == 2 ? " more copy: " : " more copies: ")
          + String.join(", ", g.subList(1, g.size()).stream().map(Finding::service).toList()) + ")", first.fix(),
          first.origin()));
    }
    return out;
  }

  private static boolean ignored(ComposeProject p, Finding f) {
    if (f.service() == null) {
      return false;
    }
    return p.services().stream().anyMatch(s -> s.name().equals(f.service()) && s.ignore().contains(f.rule().id()));
  }

  public static Totals totals(ComposeProject p) {
    Bytes limits = Bytes.ZERO;
    Bytes reservations = Bytes.ZERO;
    Cpu cpus = Cpu.ZERO;
    Cpu cpuRes = Cpu.ZERO;
    int noLimit = 0;
    int noRes = 0;
    int noCpus = 0;
    for (ComposeService s : p.services()) {
      if (s.memLimit() == null) {
        noLimit++;
      } else {
        limits = limits.plus(s.memLimit().value().times(s.replicas()));
      }
      if (s.memReservation() == null) {
        noRes++;
      } else {
        reservations = reservations.plus(s.memReservation().value().times(s.replicas()));
      }
      if (s.cpusLimit() == null) {
        noCpus++;
      } else {
        cpus = cpus.plus(s.cpusLimit().value().times(s.replicas()));
      }
      if (s.cpusReservation() != null) {
        cpuRes = cpuRes.plus(s.cpusReservation().value().times(s.replicas()));
      }
    }
    return new Totals(limits, reservations, cpus, cpuRes, noLimit, noRes, noCpus);
  }

  // ------------------------------------------------------------------ rules

  /** HR001: a service without a memory limit can take the whole host. */
  static List<Finding> hr001MemoryLimitMissing(ComposeProject p) {
    List<Finding> out = new ArrayList<>();
    for (ComposeService s : p.services()) {
      if (s.memLimit() == null && s.replicas() > 0) {
        out.add(new Finding(Rule.HR001, Rule.HR001.defaultSeverity(), s.name(),
            s.name() + " has no memory limit: it can take all of the host's memory",
            "set deploy.resources.limits.memory (or mem_limit) on " + s.name(), s.origin()));
      }
    }
    return out;
  }

  /** HR002: a reservation above its limit cannot be honoured (docker refuses to start the container). */
  static List<Finding> hr002ReservationAboveLimit(ComposeProject p) {
    List<Finding> out = new ArrayList<>();
    for (ComposeService s : p.services()) {
      if (s.memLimit() != null && s.memReservation() != null
          && s.memReservation().value().compareTo(s.memLimit().value()) > 0) {
        Bytes over = s.memReservation().value().minus(s.memLimit().value());
        out.add(new Finding(Rule.HR002, Rule.HR002.defaultSeverity(), s.name(),
            s.name() + " reserves " + s.memReservation().value() + " of memory, " + over + " above its limit of "
                + s.memLimit().value(),
            "lower the reservation to at most the limit, or raise the limit", s.memReservation().origin()));
      }
      if (s.cpusLimit() != null && s.cpusReservation() != null
          && s.cpusReservation().value().compareTo(s.cpusLimit().value()) > 0) {
        out.add(new Finding(Rule.HR002, Rule.HR002.defaultSeverity(), s.name(),
            s.name() + " reserves " + s.cpusReservation().value() + " CPUs, above its limit of " + s.cpusLimit().value(),
            "lower the CPU reservation to at most the limit", s.cpusReservation().origin()));
      }
    }
    return out;
  }

  /**
   * HR003: the memory limits × replicas against the host: above available is an error (the stack
   * cannot run at its limits), above the critical threshold an error, above warn a warning.
   */
  static List<Finding> hr003LimitsOverBudget(ComposeProject p, Totals t, Host host) {
    Bytes available = Capacity.available(host);
    Status status = Capacity.status(t.limits(), available, host.thresholds());
    if (status == Status.OK) {
      return List.of();
    }
    Severity severity = status == Status.WARN ? Severity.WARNING : Severity.ERROR;
    String what =
        switch (status) {
          case OVERFLOW -> "more than the " + available + " available on " + host.id() + " (over by "
              + t.limits().minus(available) + ")";
          case CRITICAL -> "above the critical threshold of " + pct(host.thresholds().critical()) + " of the " + available
              + " available on " + host.id();
          default -> "above the warn threshold of " + pct(host.thresholds().warn()) + " of the " + available
              + " available on " + host.id();
        };
    String lowerBound = t.withoutLimit() > 0 ? "; " + t.withoutLimit() + " service" + (t.withoutLimit() == 1 ? " has" : "s have")
        + " no limit, so the stack can use more" : "";
    return List.of(new Finding(Rule.HR003, severity, null,
        "memory limits × replicas add up to " + t.limits() + " (" + percent(t.limits(), available) + "), " + what + lowerBound,
        "lower the limits, run fewer replicas, or choose a larger host (headroom hosts lists them)", origin(p)));
  }

  /** HR004: reservations above the available memory: the stack cannot start on this host. */
  static List<Finding> hr004ReservationsOverAvailable(ComposeProject p, Totals t, Host host) {
    Bytes available = Capacity.available(host);
    if (t.reservations().compareTo(available) <= 0) {
      return List.of();
    }
    return List.of(new Finding(Rule.HR004, Rule.HR004.defaultSeverity(), null,
        "memory reservations × replicas add up to " + t.reservations() + ", more than the " + available + " available on "
            + host.id() + " (over by " + t.reservations().minus(available) + "): the stack cannot start",
        "lower the reservations or choose a larger host", origin(p)));
  }

  /** HR005: CPU limits × replicas above the available cores: the services will be throttled. */
  static List<Finding> hr005CpuOversubscribed(ComposeProject p, Totals t, Host host) {
    if (host.cpu() == null || t.cpus().compareTo(host.cpu().available()) <= 0) {
      return List.of();
    }
    Cpu over = Capacity.cpuOver(t.cpus(), host.cpu().available());
    return List.of(new Finding(Rule.HR005, Rule.HR005.defaultSeverity(), null,
        "CPU limits × replicas add up to " + t.cpus() + " cores, " + over + " above the " + host.cpu().available()
            + " available on " + host.id() + ": expect throttling under load",
        "lower the cpus limits or replicas", firstWithCpus(p)));
  }

  /** HR006: one service asking for more CPUs than the host has: docker refuses to create it. */
  static List<Finding> hr006CpusAboveHost(ComposeProject p, Host host) {
    List<Finding> out = new ArrayList<>();
    if (host.cpu() == null) {
      return out;
    }
    for (ComposeService s : p.services()) {
      if (s.cpusLimit() != null && s.cpusLimit().value().compareTo(host.cpu().cores()) > 0) {
        out.add(new Finding(Rule.HR006, Rule.HR006.defaultSeverity(), s.name(),
            s.name() + " asks for " + s.cpusLimit().value() + " CPUs and " + host.id() + " has " + host.cpu().cores()
                + ": docker refuses to create the container",
            "set cpus to at most " + host.cpu().cores(), s.cpusLimit().origin()));
      }
    }
    return out;
  }

  /** HR007: what docker compose itself refuses (a mem_limit that disagrees with the deploy limit, ...). */
  static List<Finding> hr007ComposeRefuses(ComposeProject p) {
    List<Finding> out = new ArrayList<>();
    for (ComposeProject.ComposeError e : p.errors()) {
      out.add(new Finding(Rule.HR007, Rule.HR007.defaultSeverity(), e.service(), "docker compose refuses this: " + e.message(),
          e.fix() != null ? e.fix() : "fix the file so that docker compose config accepts it", e.origin()));
    }
    return out;
  }

  /**
   * HR008: GPU memory × replicas of the services that request GPU devices, against the host's GPU;
   * a host without a GPU cannot run them at all, and a service cannot get more devices than the
   * host's one.
   */
  static List<Finding> hr008GpuMemoryOverBudget(ComposeProject p, Host host) {
    List<Finding> out = new ArrayList<>();
    Bytes total = Bytes.ZERO;
    boolean any = false;
    for (ComposeService s : p.services()) {
      if (s.gpu() == null) {
        continue;
      }
      any = true;
      if (host.gpu() == null) {
        out.add(new Finding(Rule.HR008, Rule.HR008.defaultSeverity(), s.name(),
            s.name() + " requests GPU devices and " + host.id() + " has no GPU", "run it on a host with a GPU",
            s.gpu().origin()));
        continue;
      }
      if (s.gpu().count() > 1) {
        // the catalog describes one GPU per host; containers may share it, but one cannot be given two
        out.add(new Finding(Rule.HR008, Rule.HR008.defaultSeverity(), s.name(),
            s.name() + " requests " + s.gpu().count() + " GPU devices and " + host.id() + " has one: docker cannot start it",
            "request count: 1 (or all), or run it on a host with more GPUs", s.gpu().origin()));
      }
      if (s.gpuMemory() == null) {
        out.add(new Finding(Rule.HR008, Severity.WARNING, s.name(),
            s.name() + " requests GPU devices but says nothing of their memory, so the GPU budget cannot be checked",
            "add x-headroom: {gpu_memory: 4GiB} (per replica) to " + s.name(), s.gpu().origin()));
        continue;
      }
      total = total.plus(s.gpuMemory().value().times(s.replicas()));
    }
    if (any && host.gpu() != null && !total.isZero()) {
      Status status = Capacity.status(total, host.gpu().memory(), host.thresholds());
      if (status != Status.OK) {
        out.add(new Finding(Rule.HR008, status == Status.WARN ? Severity.WARNING : Severity.ERROR, null,
            "GPU memory × replicas adds up to " + total + " (" + percent(total, host.gpu().memory()) + " of the "
                + host.gpu().memory() + " of " + host.id() + "'s GPU)",
            "lower gpu_memory or replicas, or choose a host with a larger GPU", origin(p)));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ helpers

  private static Origin firstWithCpus(ComposeProject p) {
    return p.services().stream().filter(s -> s.cpusLimit() != null).map(s -> s.cpusLimit().origin()).findFirst()
        .orElse(origin(p));
  }

  /** Project-wide findings point at the first file's first service. */
  private static Origin origin(ComposeProject p) {
    return p.services().isEmpty() ? Origin.NONE : p.services().get(0).origin();
  }

  private static String pct(java.math.BigDecimal fraction) {
    java.math.BigDecimal v = fraction.movePointRight(2).stripTrailingZeros();
    return (v.scale() < 0 ? v.setScale(0) : v).toPlainString() + "%";
  }

  private static String percent(Bytes part, Bytes whole) {
    java.math.BigDecimal u = Capacity.utilization(part, whole);
    return u == null ? "n/a" : u.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
  }
}
