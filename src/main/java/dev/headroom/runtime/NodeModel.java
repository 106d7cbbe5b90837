package dev.headroom.runtime;

import dev.headroom.model.Bytes;
import dev.headroom.model.Range;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Node.js's memory from its V8 flags (docs/models.md): the old space ({@code
 * --max-old-space-size}, MiB), the young generation (three semi-spaces of {@code
 * --max-semi-space-size}, MiB: two for the scavenger, one for new large objects) and the runtime's
 * baseline (code, the isolate, libuv, ICU). Unset, V8 sizes both from the memory it sees, which
 * Node takes from the container's limit: half of it for the old space, at least 256 MiB and at most
 * 4 GiB on 64 bits (measured on Node 20; docs/models.md).
 */
public final class NodeModel extends Model {
  public static final NodeModel INSTANCE = new NodeModel();

  private NodeModel() {
    super("node", "Node.js",
        "max-old-space-size", "the old space, MiB (unset: half the memory Node sees, 256..4096)",
        "max-semi-space-size", "one semi-space of the young generation, MiB (unset: 1..16 from the memory)");
  }

  /** An idle Node process (measured on Node 20: 37 MiB PSS for an empty script): an estimate. */
  static final Range BASELINE = new Range(Bytes.mib(30), Bytes.mib(45));
  static final long MIN_DEFAULT_OLD = 256;
  static final long MAX_DEFAULT_OLD = 4096;
  static final long MAX_SEMI = 16;
  /** The least old space tune gives a service, MiB. */
  static final long FLOOR_OLD = 16;

  @Override
  public String problem(String name, String value) {
    if (!INSTANCE.settings().containsKey(name)) {
      return "not a setting headroom's Node.js model reads";
    }
    return value.strip().matches("[1-9][0-9]{0,9}") ? null : "Node reads a whole number of MiB here, such as 128";
  }

  @Override
  public String incomplete(Map<String, String> settings, Bytes limit) {
    return limit == null && given(settings, "max-old-space-size") == null
        ? "without max-old-space-size V8 sizes its heap from the container limit: give max-old-space-size or a memory limit"
        : null;
  }

  private static Long given(Map<String, String> settings, String name) {
    String v = INSTANCE.valid(settings, name);
    return v == null ? null : Long.parseLong(v.strip());
  }

  /** V8's old space from the memory it sees (MiB): half of it, 256..4096. */
  public static long defaultOld(Bytes limit) {
    return Math.min(MAX_DEFAULT_OLD, Math.max(MIN_DEFAULT_OLD, limit.value() / 2 / Bytes.MIB));
  }

  /**
   * V8's semi-space from the memory it sees (MiB): 1 for an old space of 256 MiB or less, else the
   * old space / 128 rounded up to a power of two, at most 16 (Node 20 measured 1, 4, 8, 16 for 256,
   * 300, 1024, 4096).
   */
  static long defaultSemi(Bytes limit) {
    if (limit == null) {
      return MAX_SEMI;
    }
    long old = defaultOld(limit);
    if (old <= MIN_DEFAULT_OLD) {
      return 1;
    }
    long semi = 1;
    while (semi * 128 < old && semi < MAX_SEMI) {
      semi *= 2;
    }
    return semi;
  }

  @Override
  public Footprint footprint(Map<String, String> settings, Bytes limit) {
    Long old = given(settings, "max-old-space-size");
    long oldMib = old != null ? old : defaultOld(limit);
    Long semi = given(settings, "max-semi-space-size");
    long semiMib = semi != null ? semi : defaultSemi(limit);
    return Footprint.of(List.of(
        new Part("runtime baseline", BASELINE, true),
        new Part("old space", new Range(Bytes.ZERO, Bytes.mib(oldMib)), old == null),
        new Part("young generation, 3 × semi-space " + Bytes.mib(semiMib), new Range(Bytes.ZERO, Bytes.mib(semiMib).times(3)),
            semi == null)));
  }

  /**
   * The old space takes what the limit leaves after the baseline's high end and the young
   * generation; the semi-space is 1 MiB under 512 MiB (V8's own choice for small memory), 4 under 2
   * GiB, else 16.
   */
  @Override
  public Tuning tune(Bytes limit, Demand demand, Map<String, String> pinned) throws TooSmall {
    long mib = limit.value() / Bytes.MIB;
    Long pinnedSemi = given(pinned, "max-semi-space-size");
    long semi = pinnedSemi != null ? pinnedSemi : mib < 512 ? 1 : mib < 2048 ? 4 : MAX_SEMI;
    long rest = mib - BASELINE.high().value() / Bytes.MIB - 3 * semi;
    Map<String, String> s = new LinkedHashMap<>();
    if (pinned.containsKey("max-old-space-size")) {
      s.put("max-old-space-size", pinned.get("max-old-space-size"));
    } else if (rest < FLOOR_OLD && pinnedSemi != null && mib - BASELINE.high().value() / Bytes.MIB - 3 >= FLOOR_OLD) {
      s.put("max-old-space-size", Long.toString(FLOOR_OLD)); // the semi-space kept as given leaves too little: not fitting
    } else if (rest < FLOOR_OLD) {
      Bytes minimum = BASELINE.high().plus(Bytes.mib(3 * semi + FLOOR_OLD));
      throw new TooSmall(limit + " is too small for Node.js: the runtime (up to " + BASELINE.high() + "), a young generation of "
          + Bytes.mib(3 * semi) + " and an old space of " + Bytes.mib(FLOOR_OLD) + " need " + minimum, minimum);
    } else {
      s.put("max-old-space-size", Long.toString(rest));
    }
    s.put("max-semi-space-size", Long.toString(semi));
    Footprint f = footprint(s, limit);
    return new Tuning(s, f, f.total().high().compareTo(limit) <= 0, List.of("Buffers and other memory outside V8's heap"
        + " are not counted: leave room for them if the service holds large ones"));
  }

  @Override
  public String configure(Map<String, String> settings) {
    StringBuilder b = new StringBuilder("NODE_OPTIONS=\"");
    String sep = "";
    for (Map.Entry<String, String> e : settings.entrySet()) {
      b.append(sep).append("--").append(e.getKey()).append('=').append(e.getValue());
      sep = " ";
    }
    return b.append("\"\n").toString();
  }
}
