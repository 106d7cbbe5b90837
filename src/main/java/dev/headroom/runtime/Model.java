package dev.headroom.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
