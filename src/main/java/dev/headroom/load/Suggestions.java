package dev.headroom.load;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean": the nearest known name by edit distance, when it is near enough to help. */
public final class Suggestions {
  private Suggestions() {}

  public static Optional<String> nearest(String input, Collection<String> known) {
    if (input == null || input.length() > 200) {
      return Optional.empty();
    }
    String in = input.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      if (k.length() > 200) {
        continue;
      }
      int d = distance(in, k.toLowerCase(Locale.ROOT));
      if (d < bestDistance || d == bestDistance && best != null && k.compareTo(best) < 0) {
        best = k;
        bestDistance = d;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    int allowed = Math.max(1, Math.min(3, (Math.max(in.length(), best.length()) + 2) / 4));
    boolean prefix = best.startsWith(in) && in.length() >= 3 || in.startsWith(best.toLowerCase(Locale.ROOT)) && best.length() >= 3;
    return bestDistance <= allowed || prefix ? Optional.of(best) : Optional.empty();
  }

  /** {@code "; did you mean 'x'?"} or the empty string. */
  public static String didYouMean(String input, Collection<String> known) {
    return nearest(input, known).map(s -> "; did you mean '" + s + "'?").orElse("");
  }

  /** Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps). */
  static int distance(String a, String b) {
    int n = a.length();
    int m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[n][m];
  }
}
