package dev.headroom.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The search on its own against brute force, on instances built to tie: few distinct hours and
 * savings, many items sharing a few small slots (so savings clamp), several items in two slots.
 */
class CoverSearchProperties {

  @Property(tries = 1000)
  void theSearchFindsTheBestSetInItsOrder(@ForAll long seed) {
    Random r = new Random(seed);
    int n = 1 + r.nextInt(12);
    int slots = 1 + r.nextInt(5);
    long[] mult = new long[slots];
    long[] cap = new long[slots];
    for (int s = 0; s < slots; s++) {
      mult[s] = r.nextInt(4);
      cap[s] = r.nextInt(40);
    }
    long[] hours = new long[n];
    int[][] slotsOf = new int[n][];
    long[][] savesOf = new long[n][];
    for (int i = 0; i < n; i++) {
      hours[i] = r.nextInt(3);
      int first = r.nextInt(slots);
      boolean two = slots > 1 && r.nextInt(4) == 0;
      int second = (first + 1 + r.nextInt(Math.max(1, slots - 1))) % slots;
      slotsOf[i] = two ? new int[] {first, second} : new int[] {first};
      savesOf[i] = two ? new long[] {5L * r.nextInt(3), 5L * r.nextInt(3)} : new long[] {5L * r.nextInt(3)};
    }
    CoverSearch search = new CoverSearch(hours, mult, cap, slotsOf, savesOf);
    long most = search.most();
    long need = 1L + (most <= 0 ? r.nextInt(5) : r.nextInt((int) Math.min(most + 5, 1000)));

    // brute force in the search's order: hours, fewer items, larger saving, then the set that
    // holds the first item where two sets differ
    List<Integer> best = null;
    long bestHours = 0;
    long bestSaving = 0;
    for (int mask = 0; mask < 1 << n; mask++) {
      List<Integer> set = new ArrayList<>();
      long h = 0;
      for (int i = 0; i < n; i++) {
        if ((mask & 1 << i) != 0) {
          set.add(i);
          h += hours[i];
        }
      }
      long f = search.saving(set);
      if (f < need) {
        continue;
      }
      if (best == null || better(h, set, f, bestHours, best, bestSaving)) {
        best = set;
        bestHours = h;
        bestSaving = f;
      }
    }
    CoverSearch.Result found = search.solve(need);
    if (best == null) {
      assertThat(found).as("seed %d", seed).isNull();
      return;
    }
    assertThat(found).as("seed %d", seed).isNotNull();
    assertThat(found.items()).as("seed %d", seed).isEqualTo(best);
    assertThat(found.hours()).isEqualTo(bestHours);
    assertThat(found.saving()).isEqualTo(bestSaving);
  }

  private static boolean better(long h, List<Integer> set, long f, long bh, List<Integer> best, long bf) {
    if (h != bh) {
      return h < bh;
    }
    if (set.size() != best.size()) {
      return set.size() < best.size();
    }
    if (f != bf) {
      return f > bf;
    }
    // equal sizes: the first difference in index order is the first difference of the sorted lists
    for (int k = 0; k < set.size(); k++) {
      if (!set.get(k).equals(best.get(k))) {
        return set.get(k) < best.get(k);
      }
    }
    return false;
  }
}
