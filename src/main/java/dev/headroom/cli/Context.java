package dev.headroom.cli;

import java.util.Map;

/**
 * What a run gets from its surroundings, injected so that tests run in-process: the environment,
 * whether standard output is a terminal, and whether standard error is one (where long runs show
 * their progress).
 */
public record Context(Map<String, String> env, boolean terminal, boolean errTerminal) {
  public Context {
    env = Map.copyOf(env);
  }

  public Context(Map<String, String> env, boolean terminal) {
    this(env, terminal, false);
  }

  public String env(String name) {
    return env.get(name);
  }
}
