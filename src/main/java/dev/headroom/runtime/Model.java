package dev.headroom.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongPredicate;

/** What every runtime model has: its id, its name in messages, and the settings it reads. */
abstract class Model implements RuntimeModel {
  private final String id;
  private final String title;
  private final Map<String, String> settings;

  /** {@code namesAndMeanings}: each setting's name followed by what it is, in the order the docs give them. */
  Model(String id, String title, String... namesAndMeanings) {
    this.id = id;
    this.title = title;
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndMeanings.length; i += 2) {
      m.put(namesAndMeanings[i], namesAndMeanings[i + 1]);
    }
    this.settings = Collections.unmodifiableMap(m);
  }

  /** A setting's value as written, when it is given and the runtime accepts it; null otherwise (read as unset). */
  final String valid(Map<String, String> given, String name) {
    String v = given.get(name);
    return v == null || problem(name, v) != null ? null : v;
  }

  /** {@code a / b} rounded up, for {@code a ≥ 0} and {@code b > 0} (Math.ceilDiv is Java 18). */
  static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  /** The largest n in 0..max for which {@code fits} holds, when it holds up to some n and not after: by bisection. */
  static long largest(long max, LongPredicate fits) {
    long lo = 0;
    long hi = max;
    while (lo < hi) {
      long mid = lo + (hi - lo + 1) / 2;
      if (fits.test(mid)) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String title() {
    return title;
  }

  @Override
  public final Map<String, String> settings() {
    return settings;
  }
}
