package dev.headroom.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The search on hand-made instances; one slot per item unless said otherwise. */
class CoverSearchTest {

  /** n items, item i in slot i with room {@code cap}, saving {@code saves[i]} for {@code hours[i]}. */
  private static CoverSearch separate(long[] hours, long[] saves, long cap) {
    int n = hours.length;
    long[] mult = new long[n];
    long[] caps = new long[n];
    int[][] slots = new int[n][];
    long[][] amounts = new long[n][];
    for (int i = 0; i < n; i++) {
      mult[i] = 1;
      caps[i] = cap;
      slots[i] = new int[] {i};
      amounts[i] = new long[] {saves[i]};
    }
    return new CoverSearch(hours, mult, caps, slots, amounts);
  }

  @Test
  void identicalItemsTieToTheFirstInIndexOrderWithoutTryingEveryCombination() {
    // 60 items of 1 hour saving 10 each; 295 to save: 30 items (300), and C(60, 30) sets tie on
    // hours, count and saving. The first 30 win, in a few hundred steps, not 10^17
    long[] hours = new long[60];
    long[] saves = new long[60];
    java.util.Arrays.fill(hours, 1);
    java.util.Arrays.fill(saves, 10);
    CoverSearch s = separate(hours, saves, 100);
    CoverSearch.Result r = s.solve(295);
    assertThat(r.items()).hasSize(30).startsWith(0, 1, 2).endsWith(29);
    assertThat(r.hours()).isEqualTo(30);
    assertThat(r.saving()).isEqualTo(300);
    assertThat(s.nodes()).isLessThan(10_000);
  }

  @Test
  void fewerItemsWinAtEqualHours() {
    // even items: 1 hour, 10; odd items: 2 hours, 20. 200 to save for 20 hours either way: 20 even
    // items or 10 odd ones. Ten is fewer: the first ten odd items
    long[] hours = new long[60];
    long[] saves = new long[60];
    for (int i = 0; i < 60; i++) {
      hours[i] = i % 2 == 0 ? 1 : 2;
      saves[i] = i % 2 == 0 ? 10 : 20;
    }
    CoverSearch.Result r = separate(hours, saves, 100).solve(200);
    assertThat(r.items()).containsExactly(1, 3, 5, 7, 9, 11, 13, 15, 17, 19);
    assertThat(r.hours()).isEqualTo(20);
  }

  @Test
  void itemsInOneSlotShareItsRoom() {
    // one slot of 20, counted 3 times (3 instances): a and b save 15 each there, c saves 18 in a
    // slot of 100 counted once; 1 hour each. To save 50, one item is not enough (a alone gives
    // 3 × 15 = 45). Two items, 2 hours: a + b give 3 × min(20, 15 + 15) = 60 (added up it would
    // be 90), a + c give 45 + 18 = 63, b + c 63 too. The larger saving wins, then index order: a + c
    CoverSearch s = new CoverSearch(new long[] {1, 1, 1}, new long[] {3, 1}, new long[] {20, 100},
        new int[][] {{0}, {0}, {1}}, new long[][] {{15}, {15}, {18}});
    assertThat(s.alone(0)).isEqualTo(45);
    assertThat(s.saving(List.of(0, 1))).isEqualTo(60);
    assertThat(s.most()).isEqualTo(78);
    CoverSearch.Result r = s.solve(50);
    assertThat(r.items()).containsExactly(0, 2);
    assertThat(r.saving()).isEqualTo(63);
    // more than everything together: no set
    assertThat(s.solve(79)).isNull();
  }

  @Test
  void aSearchPastItsStepCapIsRefusedNotGuessed() {
    long[] hours = new long[40];
    long[] saves = new long[40];
    for (int i = 0; i < 40; i++) {
      hours[i] = 3L + i % 5;
      saves[i] = 7L + i * 13 % 29;
    }
    int[][] slots = new int[40][];
    long[][] amounts = new long[40][];
    for (int i = 0; i < 40; i++) {
      slots[i] = new int[] {i};
      amounts[i] = new long[] {saves[i]};
    }
    long[] ones = new long[40];
    long[] caps = new long[40];
    java.util.Arrays.fill(ones, 1);
    java.util.Arrays.fill(caps, 1000);
    CoverSearch capped = new CoverSearch(hours, ones, caps, slots, amounts, 5);
    assertThatThrownBy(() -> capped.solve(300)).isInstanceOf(TooLargeException.class).hasMessageContaining("more than 5 steps");
  }

  @Test
  void exactHelpers() {
    // ⌈7 × 3 / 2⌉ = ⌈10.5⌉ = 11; ⌊10.5⌋ = 10
    assertThat(CoverSearch.ceilMulDiv(7, 3, 2)).isEqualTo(11);
    assertThat(CoverSearch.floorMulDiv(7, 3, 2)).isEqualTo(10);
    // past 2^63 in the product: (2^62) × 4 / 8 = 2^61, exactly
    assertThat(CoverSearch.ceilMulDiv(1L << 62, 4, 8)).isEqualTo(1L << 61);
    // 2^62 × 3 against 2^62 × 2 + 1: the 128-bit products compare
    assertThat(CoverSearch.compareProducts(1L << 62, 3, 1L << 62, 2)).isPositive();
    // a held 90 of a cap of 100 takes at most 10 more, however large the saving
    assertThat(CoverSearch.addCapped(90, Long.MAX_VALUE, 100)).isEqualTo(100);
  }
}
