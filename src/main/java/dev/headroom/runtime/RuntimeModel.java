package dev.headroom.runtime;

import dev.headroom.model.Bytes;
import java.util.Map;

/**
 * A runtime's memory as a function of its settings (docs/models.md): the forward direction
 * ({@link #footprint}, settings to a range) and the reverse ({@link #tune}, a limit to settings).
 * Settings are text as the runtime reads it (PostgreSQL's {@code 16MB}, the JVM's {@code 256m},
 * Redis's {@code 1gb}, .NET's hexadecimal), keyed by the names in {@link #settings()}.
 */
public interface RuntimeModel {

  /** What a tuning is asked to serve besides the limit: PostgreSQL's connections, a JVM's threads. */
  record Demand(Long connections, Long threads) {
    public static final Demand NONE = new Demand(null, null);
  }

  /** The id written after {@code model:} and {@code headroom tune}: postgres, jvm, node, redis, dotnet. */
  String id();

  /** The runtime's name in messages: PostgreSQL, the JVM, Node.js, Redis, .NET. */
  String title();

  /** The settings it reads, in the order the docs give them, each with what it is. */
  Map<String, String> settings();

  /** Why {@code value} is not one the runtime accepts for {@code name}, or null when it is. */
  String problem(String name, String value);

  /**
   * Why no footprint follows from these settings and this limit (null when one does): a heap sized
   * from the container limit with no limit given, a Redis without maxmemory.
   */
  String incomplete(Map<String, String> settings, Bytes limit);

  /**
   * The footprint with these settings (unset ones at the runtime's defaults; values {@link #problem}
   * refuses are read as unset). {@code limit} may be null unless {@link #incomplete} says it is needed. Throws {@link
   * ArithmeticException} when a sum passes 2^63-1 bytes.
   */
  Footprint footprint(Map<String, String> settings, Bytes limit);

  /**
   * Settings whose footprint's high end fits {@code limit}, keeping {@code pinned} as given; {@link
   * TooSmall} when even the leanest sane settings do not fit, with the minimum.
   */
  Tuning tune(Bytes limit, Demand demand, Map<String, String> pinned) throws TooSmall;

  /** How to give these settings to the runtime: lines to paste (a configuration file, a flag, a variable). */
  String configure(Map<String, String> settings);
}
