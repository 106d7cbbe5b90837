package dev.headroom.cli;

import java.util.Map;

/**
 * What a run gets from its surroundings, injected so that tests run in-process: the environment and
 * whether standard output is a terminal.
 */
public record Context(Map<String, String> env, boolean terminal) {
  public Context {
    env = Map.copyOf(env);
  }

  public String env(String name) {
    return env.get(name);
  }
}
