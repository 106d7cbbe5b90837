package dev.headroom.solve;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The exact search behind {@link Advisor}: of a set of items, the one subset with the least cost
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
 * <p>The order among sets is: least cost, then the larger saving, then the set that holds the
 * first item (in index order) where two sets differ. Callers fold "fewer items" into the cost
 * ({@code cost = hours × (n + 1) + 1}), so "least cost" already prefers fewer items among equal
 * hours.
 *
 * <p>Two depth-first branch-and-bound passes:
 *
 * <ol>
 *   <li>the least cost: items in order of cost per saving; a branch is cut when its cost plus a
 *       lower bound on the cost still to pay reaches the best cost found. The bound is the
 *       fractional (LP) cover of the missing saving with each remaining item's saving <em>on its
 *       own</em>: an item never saves more in company than alone (the caps only take away), so
 *       the bound is never above the truth and no better set is ever cut;
 *   <li>among the sets of that cost, the largest saving, then the index order: items in index
 *       order, the branch that takes an item first, so sets are met in the tie order and the
 *       first one with the largest saving wins; a branch is cut when it cannot stay within the
 *       cost, or when even the fractional best use of the cost left cannot beat the best saving.
 * </ol>
 */
final class CoverSearch {

  /** A chosen set: item indices ascending, its cost and its saving. */
  record Result(List<Integer> items, long cost, long saving) {
    Result {
      items = List.copyOf(items);
    }
  }

  private static final long NONE = Long.MAX_VALUE;

  private final int n;
  private final long[] cost;
  private final long[] mult;
  private final long[] cap;
  private final int[][] slotsOf;
  private final long[][] savesOf;
  /** What each item saves on its own. */
  private final long[] alone;
  /** The items that save something, by cost per saving (best first), then index. */
  private final int[] byRatio;
  /** The items that save something, in index order. */
  private final int[] byIndex;
  /** An item's position in {@link #byIndex}. */
  private final int[] indexPos;

  // search state: what each slot holds of savings so far (at most its cap), and undo values
  private final long[] acc;
  private final long[][] undo;
  private final boolean[] in;

  private long need;
  private long best;
  private long bestSaving;
  private boolean[] bestSet;
  private long nodes;

  /**
   * @param cost per item, at least 1
   * @param mult per slot: how many times the slot counts (instances)
   * @param cap per slot: the most it can give (its size at the estimate end, per instance)
   * @param slotsOf per item: the slots it saves in
   * @param savesOf per item: what it saves in each of those slots, per instance
   * @throws ArithmeticException when the costs of all items together pass 2^63-1
   */
  CoverSearch(long[] cost, long[] mult, long[] cap, int[][] slotsOf, long[][] savesOf) {
    this.n = cost.length;
    this.cost = cost.clone();
    this.mult = mult.clone();
    this.cap = cap.clone();
    this.slotsOf = new int[n][];
    this.savesOf = new long[n][];
    long total = 0;
    for (int i = 0; i < n; i++) {
      if (cost[i] < 1) {
        throw new IllegalArgumentException("cost of item " + i + " must be at least 1");
      }
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
    this.undo = new long[n][];
    for (int i = 0; i < n; i++) {
      undo[i] = new long[slotsOf[i].length];
    }
    this.in = new boolean[n];
    this.alone = new long[n];
    List<Integer> useful = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      alone[i] = saving(new int[] {i});
      if (alone[i] > 0) {
        useful.add(i);
      }
    }
    this.byIndex = useful.stream().mapToInt(Integer::intValue).toArray();
    this.indexPos = new int[n];
    Arrays.fill(indexPos, -1);
    for (int k = 0; k < byIndex.length; k++) {
      indexPos[byIndex[k]] = k;
    }
    this.byRatio =
        useful.stream()
            .sorted((a, b) -> {
              // cost(a) / alone(a) against cost(b) / alone(b), without dividing
              int c = compareProducts(cost[a], alone[b], cost[b], alone[a]);
              return c != 0 ? c : Integer.compare(a, b);
            })
            .mapToInt(Integer::intValue)
            .toArray();
  }

  int size() {
    return n;
  }

  /** What item {@code i} saves on its own. */
  long alone(int i) {
    return alone[i];
  }

  /** Search nodes visited by the last {@link #solve}: for the benchmark. */
  long nodes() {
    return nodes;
  }

  /** f(S), computed afresh. */
  long saving(int[] items) {
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
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return saving(all);
  }

  /**
   * The best set whose saving is at least {@code need}, in the order of the class comment; null
   * when even all items together save less.
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
    bestSaving = -1;
    bestSet = null;
    leastCost(0, 0, 0);
    if (bestSet == null) {
      throw new IllegalStateException("no set found although all items together save enough");
    }
    // the second pass: sets of the least cost, largest saving first, then index order; the first
    // pass's saving is a floor, so a set that saves as much is still found in its turn
    long cheapest = best;
    bestSaving = savingOf(bestSet) - 1;
    bestSet = null;
    Arrays.fill(acc, 0);
    Arrays.fill(in, false);
    largestSaving(0, 0, 0, cheapest);
    if (bestSet == null) {
      throw new IllegalStateException("the second pass lost the set of the first");
    }
    List<Integer> items = java.util.stream.IntStream.range(0, n).filter(i -> bestSet[i]).boxed().toList();
    return new Result(items, cheapest, bestSaving);
  }

  private long savingOf(boolean[] set) {
    return saving(java.util.stream.IntStream.range(0, n).filter(i -> set[i]).toArray());
  }

  // ------------------------------------------------------------------ pass 1: the least cost

  private void leastCost(int pos, long c, long f) {
    nodes++;
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
    long lb = coverCost(need - f, pos, -1);
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

  private void largestSaving(int k, long c, long f, long budget) {
    nodes++;
    if (f >= need) {
      // c == budget: a cheaper set would have been found by the first pass
      if (f > bestSaving) {
        bestSaving = f;
        bestSet = in.clone();
      }
      return;
    }
    if (k == byIndex.length) {
      return;
    }
    long lb = coverCost(need - f, -1, k);
    if (lb == NONE || c + lb > budget) {
      return;
    }
    if (saturatingAdd(f, mostFor(budget - c, k)) <= bestSaving) {
      return;
    }
    int i = byIndex[k];
    if (c + cost[i] <= budget) {
      long gain = take(i);
      if (gain > 0) {
        largestSaving(k + 1, c + cost[i], f + gain, budget);
      }
      putBack(i);
    }
    largestSaving(k + 1, c, f, budget);
  }

  // ------------------------------------------------------------------ bounds

  /**
   * A lower bound on the cost of saving {@code missing} more with the items still open: the
   * fractional cover, each item counted with its saving alone, best cost per saving first. The
   * open items are {@code byRatio[fromRatio..]} (pass 1), or those at {@code byIndex[fromIndex..]}
   * (pass 2). {@link #NONE} when they cannot cover it even so.
   */
  private long coverCost(long missing, int fromRatio, int fromIndex) {
    long c = 0;
    for (int r = Math.max(fromRatio, 0); r < byRatio.length; r++) {
      int i = byRatio[r];
      if (fromIndex >= 0 && indexPos[i] < fromIndex) {
        continue;
      }
      if (alone[i] >= missing) {
        return c + ceilMulDiv(cost[i], missing, alone[i]);
      }
      c += cost[i];
      missing -= alone[i];
    }
    return NONE;
  }

  /** An upper bound on what the open items {@code byIndex[fromIndex..]} save within {@code budget}: the fractional knapsack. */
  private long mostFor(long budget, int fromIndex) {
    long s = 0;
    for (int i : byRatio) {
      if (indexPos[i] < fromIndex) {
        continue;
      }
      if (cost[i] <= budget) {
        budget -= cost[i];
        s = saturatingAdd(s, alone[i]);
      } else {
        return saturatingAdd(s, floorMulDiv(alone[i], budget, cost[i]));
      }
    }
    return s;
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
