package dev.headroom.solve;

import dev.headroom.model.Bytes;
import dev.headroom.model.Catalog;
import dev.headroom.model.Component;
import dev.headroom.model.Estimate;
import dev.headroom.model.Host;
import dev.headroom.model.Optimization;
import dev.headroom.model.Origin;
import dev.headroom.model.Range;
import dev.headroom.model.Service;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code headroom advise}: the set of optimizations with the least effort that makes a plan fit,
 * found exactly, and the cheapest candidate host that fits without any (docs/advisor.md). Pure: no
 * I/O.
 *
 * <p>A set fits when the plan's status is at most warn: memory at the estimate end at most the
 * critical threshold, and GPU memory too (CPU only ever raises the status to warn). Savings are
 * what {@link Capacity#optimized} takes off each component, never below zero, times the
 * component's instances (N for a per-agent service); the chosen set is planned again with the
 * {@link Planner}, whose figures are the ones reported.
 */
public final class Advisor {

  private final Planner planner;

  public Advisor(Catalog catalog) {
    this.planner = new Planner(catalog);
  }

  /**
   * Advises on one plan.
   *
   * @param candidates the hosts to rank (the plan's own host need not be among them)
   * @throws TooLargeException when a sum would pass 2^63-1 bytes, or the efforts are too large or
   *     too finely divided to add up exactly
   * @throws UnknownIdException when {@code --apply} names an optimization the scenario does not have
   */
  public Advice advise(PlanRequest request, List<Host> candidates) {
    PlanResult now = planner.plan(request);
    try {
      return advise(request, now, candidates);
    } catch (ArithmeticException e) {
      throw new TooLargeException("the optimizations of " + request.stack().id() + " cannot be compared exactly: "
          + "their effort_hours or savings add up past 2^63-1 in the smallest unit they are written in", e);
    }
  }

  /** One place an optimization id sits: a component of a service of the scenario. */
  private record Occurrence(Planner.Member member, Component component, Optimization optimization) {}

  private Advice advise(PlanRequest r, PlanResult now, List<Host> hostCandidates) {
    List<Planner.Member> members = planner.members(r.stack(), r.scenario());
    Set<String> done = planner.appliedIds(members, r.scenario(), r.apply(), true, new ArrayList<>());
    Estimate e = r.estimate();

    Map<String, List<Occurrence>> byId = new LinkedHashMap<>();
    for (Planner.Member m : members) {
      for (Component c : m.service().components()) {
        for (Optimization o : c.optimizations()) {
          if (!done.contains(o.id())) {
            byId.computeIfAbsent(o.id(), k -> new ArrayList<>()).add(new Occurrence(m, c, o));
          }
        }
      }
    }
    List<String> ids = byId.keySet().stream().sorted().toList();
    CoverSearch low = model(members, done, ids, r, Estimate.LOW, noHours(ids.size()));
    CoverSearch high = model(members, done, ids, r, Estimate.HIGH, noHours(ids.size()));
    List<Advice.Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      List<Occurrence> where = byId.get(ids.get(i));
      Set<String> services = new LinkedHashSet<>();
      where.forEach(o -> services.add(o.member().service().id()));
      Origin origin = where.get(0).optimization().origin();
      candidates.add(new Advice.Candidate(ids.get(i), effort(where),
          new Range(Bytes.of(low.alone(i)), Bytes.of(high.alone(i))), List.copyOf(services), origin));
    }
    candidates.sort(Comparator.comparing((Advice.Candidate c) -> c.savesAlone().end(e)).reversed()
        .thenComparing(Advice.Candidate::id));

    Host host = r.host();
    Bytes limit = floorTimes(host.thresholds().critical(), Capacity.available(host));
    long need = now.total().end(e).value() - limit.value();
    Bytes gpuShortfall = gpuShortfall(now, host);
    boolean gpuFits = gpuShortfall.isZero();

    Advice.Choice choice = null;
    Advice.Choice bestPossible = null;
    if (need <= 0 && gpuFits) {
      choice = new Advice.Choice(List.of(), BigDecimal.ZERO, Range.ZERO, now);
    } else {
      List<String> offered = ids.stream().filter(id -> effort(byId.get(id)) != null).toList();
      CoverSearch search = model(members, done, offered, r, e, hourUnits(offered, byId));
      long target = Math.min(need, search.most());
      Advice.Choice reach = target <= 0
          ? new Advice.Choice(List.of(), BigDecimal.ZERO, Range.ZERO, now)
          : choice(r, now, search.solve(target), offered, byId);
      if (need <= search.most() && gpuFits) {
        choice = reach;
        if (!choice.after().status().fits()) {
          throw new IllegalStateException("the advised set does not make the plan fit: " + choice.apply());
        }
      } else {
        bestPossible = reach;
      }
    }
    Bytes memoryShortfall = Bytes.ZERO;
    if (bestPossible != null) {
      Bytes left = bestPossible.after().total().end(e).minus(limit);
      memoryShortfall = left.isNegative() ? Bytes.ZERO : left;
    }

    StackDemand demand = now.demand();
    List<Advice.HostOption> hosts = new ArrayList<>();
    for (Host h : hostCandidates) {
      hosts.add(new Advice.HostOption(h, Planner.evaluate(demand, h, r.agents(), e), Planner.maxAgents(demand, h, e)));
    }
    hosts.sort(Comparator.comparing(Advice.HostOption::host, HostChoice.order(hostCandidates)));
    Host recommended = HostChoice.preferred(hosts.stream().filter(Advice.HostOption::fits).map(Advice.HostOption::host).toList())
        .orElse(null);

    return new Advice(now, limit, done.stream().sorted().toList(), candidates, choice, bestPossible, memoryShortfall, gpuShortfall,
        hosts, recommended);
  }

  /** The sum of an id's effort over the services that have it; null when one of them does not say. */
  private static BigDecimal effort(List<Occurrence> where) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Occurrence o : where) {
      if (o.optimization().effortHours() == null) {
        return null;
      }
      sum = sum.add(o.optimization().effortHours());
    }
    return normalize(sum);
  }

  static BigDecimal normalize(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** No effort: for the models that only say what each id saves. */
  private static long[] noHours(int n) {
    return new long[n];
  }

  /**
   * Each id's hours as a whole number of the finest unit any of them is written in (0.25 and 1.2
   * hours: hundredths), so that the search adds them up exactly.
   */
  private static long[] hourUnits(List<String> ids, Map<String, List<Occurrence>> byId) {
    int scale = 0;
    for (String id : ids) {
      scale = Math.max(scale, effort(byId.get(id)).scale());
    }
    long[] h = new long[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      h[i] = effort(byId.get(ids.get(i))).movePointRight(scale).longValueExact();
    }
    return h;
  }

  /** The savings of {@code ids} at one end of the plan, as slots: one per component of a service whose footprint counts. */
  private static CoverSearch model(
      List<Planner.Member> members, Set<String> done, List<String> ids, PlanRequest r, Estimate end, long[] hours) {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      index.put(ids.get(i), i);
    }
    List<Long> mult = new ArrayList<>();
    List<Long> cap = new ArrayList<>();
    List<List<Integer>> slotsOf = new ArrayList<>();
    List<List<Long>> savesOf = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      slotsOf.add(new ArrayList<>());
      savesOf.add(new ArrayList<>());
    }
    for (Planner.Member m : members) {
      Service s = m.service();
      if (!Planner.usesFootprint(s, r.basis())) {
        continue; // a container value stands in for the footprint: optimizations do not change it
      }
      long instances = m.scope() == Scope.PER_AGENT ? r.agents() : 1;
      for (Component c : s.components()) {
        int slot = -1;
        for (Optimization o : c.optimizations()) {
          Integer i = index.get(o.id());
          if (i == null) {
            continue;
          }
          if (slot < 0) {
            slot = mult.size();
            mult.add(instances);
            cap.add(Capacity.optimized(c, done).end(end).value());
          }
          slotsOf.get(i).add(slot);
          savesOf.get(i).add(o.saves().value());
        }
      }
    }
    int[][] so = new int[ids.size()][];
    long[][] sv = new long[ids.size()][];
    for (int i = 0; i < ids.size(); i++) {
      so[i] = slotsOf.get(i).stream().mapToInt(Integer::intValue).toArray();
      sv[i] = savesOf.get(i).stream().mapToLong(Long::longValue).toArray();
    }
    return new CoverSearch(hours, mult.stream().mapToLong(Long::longValue).toArray(),
        cap.stream().mapToLong(Long::longValue).toArray(), so, sv);
  }

  /** A set found by the search, planned again with the {@link Planner}; the two must agree. */
  private Advice.Choice choice(
      PlanRequest r, PlanResult now, CoverSearch.Result found, List<String> offered, Map<String, List<Occurrence>> byId) {
    List<String> apply = new ArrayList<>();
    BigDecimal hours = BigDecimal.ZERO;
    for (int i : found.items()) {
      String id = offered.get(i);
      apply.add(id);
      hours = hours.add(effort(byId.get(id)));
    }
    List<String> all = new ArrayList<>(r.apply());
    all.addAll(apply);
    PlanResult after =
        planner.plan(new PlanRequest(r.host(), r.stack(), r.scenario(), r.agents(), r.basis(), r.estimate(), all));
    Range saves = new Range(now.total().low().minus(after.total().low()), now.total().high().minus(after.total().high()));
    if (saves.end(r.estimate()).value() != found.saving()) {
      throw new IllegalStateException("the search and the planner disagree on what " + apply + " saves: "
          + found.saving() + " against " + saves.end(r.estimate()).value() + " bytes");
    }
    return new Advice.Choice(apply, normalize(hours), saves, after);
  }

  /** GPU memory above ⌊critical × gpu.memory⌋; all of it on a host without a GPU; zero when it fits. */
  private static Bytes gpuShortfall(PlanResult now, Host host) {
    Bytes gpu = now.gpuTotal();
    if (now.gpuStatus().fits()) {
      return Bytes.ZERO;
    }
    if (host.gpu() == null || host.gpu().memory().isZero()) {
      return gpu;
    }
    return gpu.minus(floorTimes(host.thresholds().critical(), host.gpu().memory()));
  }

  /** ⌊fraction × bytes⌋, exactly. */
  static Bytes floorTimes(BigDecimal fraction, Bytes b) {
    return Bytes.of(fraction.multiply(b.toBigDecimal()).setScale(0, RoundingMode.FLOOR).longValueExact());
  }

  /** The limit at which a host stops fitting, for a renderer: critical × available, exact. */
  public static BigDecimal exactLimit(Host host) {
    return host.thresholds().critical().multiply(Capacity.available(host).toBigDecimal());
  }
}
