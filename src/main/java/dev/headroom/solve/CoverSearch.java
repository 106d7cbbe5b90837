package dev.headroom.solve;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The exact search behind {@link Advisor}: of a set of items, the one subset with the least hours
 * whose savings reach a need. An item's savings land in <em>slots</em> (one component of one
 * service, counted {@code mult} times: once per instance); a slot never gives more than it holds
 * ({@code cap}), so the saving of a set is
 *
 * <pre>
 * f(S) = Σ over slots s: mult(s) × min(cap(s), Σ of the savings of the items of S in s)
 * </pre>
 *
 * which is what {@link Capacity#optimized} computes one component at a time. Everything is exact
 * integer arithmetic.
 *
 * <p>The order among sets: the least hours, then the fewest items, then the larger saving, then
 * the set that holds the first item (in index order) where two sets differ. The first two are one
 * number, the <em>cost</em> {@code hours × (n + 1) + 1} per item: a set's cost orders sets by hours
 * and, among equal hours, by size (never more than n).
 *
 * <p>Two depth-first branch-and-bound passes over the items in order of cost per saving:
 *
 * <ol>
 *   <li>the least cost: a branch is cut when its cost plus a lower bound on the cost still to pay
 *       reaches the best cost found. Each remaining item is counted with what it saves <em>on its
 *       own</em>, an upper bound on what it adds in company (caps only take away), so the bounds are
 *       never above the truth and no better set is ever cut. The bound is the larger of the
 *       fractional (LP) cover of the missing saving by cost, and the fractional cover by hours
 *       (rounded up: hours add up to a whole number of units) times {@code n + 1} plus the fewest
 *       items that could cover it;
 *   <li>among the sets of that cost, the largest saving, then the index order: a branch is cut
 *       when it cannot stay within the cost, when even the fractional best use of the cost left
 *       cannot reach the best saving, or when it can at most tie and none of its sets can come
 *       first in index order.
 * </ol>
 *
 * <p>The problem is a covering knapsack, NP-hard in general; catalogs that would take more than
 * {@link #MAX_NODES} steps are refused rather than searched for minutes.
 */
final class CoverSearch {

  /** Steps of search before giving up (about ten seconds): a bound for adversarial catalogs. */
  static final long MAX_NODES = 20_000_000;

  /** A chosen set: item indices ascending, its hours and its saving. */
  record Result(List<Integer> items, long hours, long saving) {
    Result {
      items = List.copyOf(items);
    }
  }

  private static final long NONE = Long.MAX_VALUE;

  private final long maxNodes;
  private final int n;
  private final long[] hours;
  private final long[] cost;
  private final long[] mult;
  private final long[] cap;
  private final int[][] slotsOf;
  private final long[][] savesOf;
  /** What each item saves on its own. */
  private final long[] alone;
  /** The items that save something, by cost per saving (best first), then index: the search order. */
  private final int[] byRatio;
  /** An item's position in {@link #byRatio}; -1 for an item that saves nothing. */
  private final int[] ratioPos;
  /** The items that save something, by hours per saving, then index. */
  private final int[] byHoursRatio;
  /** The items that save something, the largest saving alone first, then index. */
  private final int[] byAlone;

  // search state: what each slot holds of savings so far (at most its cap), and undo values
  private final long[] acc;
  private final long[][] undo;
  private final boolean[] in;
  // scratch for the bounds: what each slot has left, valid where roomStamp equals stamp
  private final long[] room;
  private final int[] roomStamp;
  private int stamp;

  private long need;
  private long best;
  private long bestSaving;
  private boolean[] bestSet;
  private long nodes;

  /**
   * @param hours per item: its effort as a whole number of some unit (0 or more)
   * @param mult per slot: how many times the slot counts (instances)
   * @param cap per slot: the most it can give (its size at the estimate end, per instance)
   * @param slotsOf per item: the slots it saves in
   * @param savesOf per item: what it saves in each of those slots, per instance
   * @throws ArithmeticException when the costs of all items together pass 2^63-1
   */
  CoverSearch(long[] hours, long[] mult, long[] cap, int[][] slotsOf, long[][] savesOf) {
    this(hours, mult, cap, slotsOf, savesOf, MAX_NODES);
  }

  /** With another step cap: for tests. */
  CoverSearch(long[] hours, long[] mult, long[] cap, int[][] slotsOf, long[][] savesOf, long maxNodes) {
    this.maxNodes = maxNodes;
    this.n = hours.length;
    this.hours = hours.clone();
    this.cost = new long[n];
    this.mult = mult.clone();
    this.cap = cap.clone();
    this.slotsOf = new int[n][];
    this.savesOf = new long[n][];
    long total = 0;
    for (int i = 0; i < n; i++) {
      if (hours[i] < 0) {
        throw new IllegalArgumentException("hours of item " + i + " must not be negative");
      }
      cost[i] = Math.addExact(Math.multiplyExact(hours[i], n + 1L), 1);
      total = Math.addExact(total, cost[i]);
      this.slotsOf[i] = slotsOf[i].clone();
      this.savesOf[i] = savesOf[i].clone();
      for (long s : savesOf[i]) {
        if (s < 0) {
          throw new IllegalArgumentException("a saving must not be negative");
        }
      }
    }
    for (int s = 0; s < mult.length; s++) {
      if (mult[s] < 0 || cap[s] < 0) {
        throw new IllegalArgumentException("slot " + s + " has a negative count or size");
      }
    }
    this.acc = new long[mult.length];
    this.room = new long[mult.length];
    this.roomStamp = new int[mult.length];
    this.undo = new long[n][];
    for (int i = 0; i < n; i++) {
      undo[i] = new long[slotsOf[i].length];
    }
    this.in = new boolean[n];
    this.alone = new long[n];
    List<Integer> useful = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      alone[i] = saving(List.of(i));
      if (alone[i] > 0) {
        useful.add(i);
      }
    }
    // a / alone(a) against b / alone(b), without dividing
    this.byRatio = sorted(useful, (a, b) -> compareProducts(cost[a], alone[b], cost[b], alone[a]));
    this.byHoursRatio = sorted(useful, (a, b) -> compareProducts(this.hours[a], alone[b], this.hours[b], alone[a]));
    this.byAlone = sorted(useful, (a, b) -> Long.compare(alone[b], alone[a]));
    this.ratioPos = new int[n];
    Arrays.fill(ratioPos, -1);
    for (int r = 0; r < byRatio.length; r++) {
      ratioPos[byRatio[r]] = r;
    }
  }

  private static int[] sorted(List<Integer> items, Comparator<Integer> order) {
    return items.stream().sorted(order.thenComparing(Comparator.naturalOrder())).mapToInt(Integer::intValue).toArray();
  }

  int size() {
    return n;
  }

  /** What item {@code i} saves on its own. */
  long alone(int i) {
    return alone[i];
  }

  /** Search steps taken by the last {@link #solve}. */
  long nodes() {
    return nodes;
  }

  /** f(S), computed afresh. */
  long saving(List<Integer> items) {
    long[] held = new long[mult.length];
    for (int i : items) {
      for (int k = 0; k < slotsOf[i].length; k++) {
        int s = slotsOf[i][k];
        held[s] = addCapped(held[s], savesOf[i][k], cap[s]);
      }
    }
    long f = 0;
    for (int s = 0; s < held.length; s++) {
      f = Math.addExact(f, Math.multiplyExact(mult[s], held[s]));
    }
    return f;
  }

  /** The saving of every item together: the most any set can save. */
  long most() {
    return saving(IntStream.range(0, n).boxed().toList());
  }

  /**
   * The best set whose saving is at least {@code need}, in the order of the class comment; null
   * when even all items together save less.
   *
   * @throws TooLargeException when the search takes more than {@link #MAX_NODES} steps
   */
  Result solve(long need) {
    if (need <= 0) {
      throw new IllegalArgumentException("need must be above zero");
    }
    nodes = 0;
    if (most() < need) {
      return null;
    }
    this.need = need;
    Arrays.fill(acc, 0);
    Arrays.fill(in, false);
    best = NONE;
    bestSet = null;
    leastCost(0, 0, 0);
    if (bestSet == null) {
      throw new IllegalStateException("no set found although all items together save enough");
    }
    // the second pass: among the sets of the least cost, the largest saving, then index order;
    // the first pass's set is where it starts
    long cheapest = best;
    bestSaving = saving(members(bestSet));
    Arrays.fill(acc, 0);
    Arrays.fill(in, false);
    largestSaving(0, 0, 0, cheapest);
    List<Integer> items = members(bestSet);
    long h = 0;
    for (int i : items) {
      h += hours[i];
    }
    return new Result(items, h, bestSaving);
  }

  private List<Integer> members(boolean[] set) {
    return IntStream.range(0, n).filter(i -> set[i]).boxed().toList();
  }

  private void step() {
    if (++nodes > maxNodes) {
      throw new TooLargeException("finding the cheapest set of " + byRatio.length + " optimizations took more than "
          + maxNodes + " steps; apply some of them in a scenario or with --apply to narrow the search", null);
    }
  }

  // ------------------------------------------------------------------ pass 1: the least cost

  private void leastCost(int pos, long c, long f) {
    step();
    if (f >= need) {
      if (c < best) {
        best = c;
        bestSet = in.clone();
      }
      return;
    }
    if (pos == byRatio.length) {
      return;
    }
    long lb = lowerBound(need - f, pos);
    if (lb == NONE || c + lb >= best) {
      return;
    }
    int i = byRatio[pos];
    long gain = take(i);
    if (gain > 0) {
      leastCost(pos + 1, c + cost[i], f + gain);
    }
    putBack(i);
    leastCost(pos + 1, c, f);
  }

  // ------------------------------------------------------------------ pass 2: ties

  private void largestSaving(int pos, long c, long f, long budget) {
    step();
    if (f >= need) {
      // c == budget: a cheaper set would have been found by the first pass
      if (f > bestSaving || f == bestSaving && holdsFirstDifference(in, bestSet)) {
        bestSaving = f;
        bestSet = in.clone();
      }
      return;
    }
    if (pos == byRatio.length) {
      return;
    }
    long lb = lowerBound(need - f, pos);
    if (lb == NONE || c + lb > budget) {
      return;
    }
    long most = saturatingAdd(f, mostFor(budget - c, pos));
    if (most < bestSaving || most == bestSaving && cannotComeFirst(pos, c, f, budget)) {
      return;
    }
    int i = byRatio[pos];
    if (c + cost[i] <= budget) {
      long gain = take(i);
      if (gain > 0) {
        largestSaving(pos + 1, c + cost[i], f + gain, budget);
      }
      putBack(i);
    }
    largestSaving(pos + 1, c, f, budget);
  }

  /**
   * Whether no set of this branch can come before the best set in index order, so that a branch
   * that can at most tie on saving is not worth searching. Scanning items in index order: a decided
   * item where the branch differs from the best set settles it; an open item the best set lacks
   * might come first if the branch can take it and still stay within the budget (by the lower
   * bound), and otherwise stays out like in the best set. Without this, sets of identical items
   * would be tried in every combination.
   */
  private boolean cannotComeFirst(int pos, long c, long f, long budget) {
    for (int i = 0; i < n; i++) {
      int r = ratioPos[i];
      if (r < 0) {
        continue; // saves nothing: in no set
      }
      if (r >= pos) {
        if (!bestSet[i]) {
          long rest = need - f - alone[i];
          long lb = rest <= 0 ? 0 : lowerBound(rest, pos);
          if (lb != NONE && c + cost[i] + lb <= budget) {
            return false;
          }
        }
      } else if (in[i] != bestSet[i]) {
        return !in[i];
      }
    }
    return true;
  }

  /** Whether {@code a} holds the first item (in index order) where {@code a} and {@code b} differ. */
  private static boolean holdsFirstDifference(boolean[] a, boolean[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        return a[i];
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ bounds

  /**
   * A lower bound on the cost of saving {@code missing} more with the items still open ({@code
   * byRatio[from..]}); {@link #NONE} when they cannot cover it even so. The larger of two:
   *
   * <ul>
   *   <li>the fractional (LP) cover by cost, each item counted with what it saves alone and, when it
   *       sits in one slot, no more than that slot has left (the open items of one slot share its
   *       room): the cheapest savings per cost first is the optimum of that relaxation;
   *   <li>the fractional cover by hours, rounded up (hours add up to whole units), times n + 1,
   *       plus the fewest items whose savings alone could add up to it.
   * </ul>
   */
  private long lowerBound(long missing, int from) {
    long byCost = NONE;
    long left = missing;
    long c = 0;
    stamp++;
    for (int r = from; r < byRatio.length; r++) {
      int i = byRatio[r];
      long g = usable(i);
      if (g == 0) {
        continue;
      }
      if (g >= left) {
        byCost = c + ceilMulDiv(cost[i], left, alone[i]);
        break;
      }
      // part of an item: its share of the cost, rounded down (the bound stays a lower bound)
      c += g == alone[i] ? cost[i] : floorMulDiv(cost[i], g, alone[i]);
      left -= g;
    }
    if (byCost == NONE) {
      return NONE;
    }
    long h = 0;
    left = missing;
    for (int i : byHoursRatio) {
      if (ratioPos[i] < from) {
        continue;
      }
      if (alone[i] >= left) {
        h += ceilMulDiv(hours[i], left, alone[i]);
        break;
      }
      h += hours[i];
      left -= alone[i];
    }
    long k = 0;
    left = missing;
    for (int i : byAlone) {
      if (ratioPos[i] < from) {
        continue;
      }
      k++;
      if (alone[i] >= left) {
        break;
      }
      left -= alone[i];
    }
    // h ≤ the hours of all items, so h × (n + 1) + k ≤ the cost of all items: no overflow
    return Math.max(byCost, h * (n + 1L) + k);
  }

  /**
   * An upper bound on what the open items {@code byRatio[from..]} save within {@code budget}: the
   * fractional knapsack, with the same slot rooms as {@link #lowerBound}, charging each part of an
   * item its share of the cost rounded down (the bound stays an upper bound).
   */
  private long mostFor(long budget, int from) {
    long s = 0;
    stamp++;
    for (int r = from; r < byRatio.length; r++) {
      int i = byRatio[r];
      long g = usable(i);
      if (g == 0) {
        continue;
      }
      long c = g == alone[i] ? cost[i] : floorMulDiv(cost[i], g, alone[i]);
      if (c <= budget) {
        budget -= c;
        s = saturatingAdd(s, g);
      } else {
        return saturatingAdd(s, floorMulDiv(alone[i], budget, cost[i]));
      }
    }
    return s;
  }

  /**
   * What open item i can add in the bound being computed: its saving alone, and for an item in one
   * slot no more than the room that slot has left, which it then takes. An item in several slots
   * is counted in full and takes no room: still a relaxation of the real saving.
   */
  private long usable(int i) {
    if (slotsOf[i].length != 1) {
      return alone[i];
    }
    int s = slotsOf[i][0];
    if (roomStamp[s] != stamp) {
      roomStamp[s] = stamp;
      room[s] = mult[s] * (cap[s] - acc[s]);
    }
    long g = Math.min(alone[i], room[s]);
    room[s] -= g;
    return g;
  }

  // ------------------------------------------------------------------ state

  /** Adds item i to the set; returns what it adds to the saving. */
  private long take(int i) {
    in[i] = true;
    long gain = 0;
    int[] slots = slotsOf[i];
    for (int k = 0; k < slots.length; k++) {
      int s = slots[k];
      long before = acc[s];
      undo[i][k] = before;
      long after = addCapped(before, savesOf[i][k], cap[s]);
      acc[s] = after;
      // mult × cap is part of a total that was computed without overflow, so this cannot overflow
      gain += mult[s] * (after - before);
    }
    return gain;
  }

  private void putBack(int i) {
    in[i] = false;
    int[] slots = slotsOf[i];
    for (int k = slots.length - 1; k >= 0; k--) {
      acc[slots[k]] = undo[i][k];
    }
  }

  // ------------------------------------------------------------------ exact arithmetic

  /** min(cap, held + saves), for 0 ≤ held ≤ cap, without overflow. */
  static long addCapped(long held, long saves, long cap) {
    return saves >= cap - held ? cap : held + saves;
  }

  private static long saturatingAdd(long a, long b) {
    long s = a + b;
    return s < 0 ? Long.MAX_VALUE : s;
  }

  /** Sign of a × b − c × d for non-negative longs, exactly (128-bit products). */
  static int compareProducts(long a, long b, long c, long d) {
    long hi1 = Math.multiplyHigh(a, b);
    long hi2 = Math.multiplyHigh(c, d);
    if (hi1 != hi2) {
      return Long.compare(hi1, hi2);
    }
    return Long.compareUnsigned(a * b, c * d);
  }

  /** ⌈a × b / d⌉ for non-negative a, b and positive d. */
  static long ceilMulDiv(long a, long b, long d) {
    if (Math.multiplyHigh(a, b) == 0 && a * b >= 0) {
      long p = a * b;
      return p / d + (p % d == 0 ? 0 : 1);
    }
    BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(d));
    BigInteger q = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    return q.bitLength() < 64 ? q.longValue() : Long.MAX_VALUE;
  }

  /** ⌊a × b / d⌋ for non-negative a, b and positive d. */
  static long floorMulDiv(long a, long b, long d) {
    if (Math.multiplyHigh(a, b) == 0 && a * b >= 0) {
      return a * b / d;
    }
    BigInteger q = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(d));
    return q.bitLength() < 64 ? q.longValue() : Long.MAX_VALUE;
  }
}
