package dev.headroom.runtime;

import dev.headroom.model.Bytes;
import dev.headroom.model.Range;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * .NET's memory from its GC settings (docs/models.md): the GC heap's hard limit ({@code
 * DOTNET_GCHeapHardLimit}, bytes, or {@code DOTNET_GCHeapHardLimitPercent} of the container limit;
 * in a container with a limit and neither set, the greater of 20 MiB and 75 % of the limit) plus the
 * runtime's baseline (JIT-compiled code, loaded assemblies, native allocations). Both settings are
 * read as the runtime reads its {@code DOTNET_} variables: hexadecimal, with or without {@code 0x}.
 */
public final class DotnetModel extends Model {
  public static final DotnetModel INSTANCE = new DotnetModel();

  private DotnetModel() {
    super("dotnet", ".NET",
        "GCHeapHardLimit", "the most GC heap, bytes in hexadecimal (0xC800000 is 200 MiB)",
        "GCHeapHardLimitPercent", "the GC heap as a share of the container limit, percent in hexadecimal (0x4B is 75)");
  }

  /** The runtime besides the GC heap: an estimate (a Native AOT build is near the low end). */
  static final Range BASELINE = new Range(Bytes.mib(20), Bytes.mib(50));
  static final long DEFAULT_PERCENT = 75;
  static final Bytes DEFAULT_FLOOR = Bytes.mib(20);
  /** The least GC heap tune gives a service. */
  static final Bytes FLOOR_HEAP = Bytes.mib(16);

  private static final Pattern HEX = Pattern.compile("(0[xX])?[0-9a-fA-F]{1,16}");

  /** A DOTNET_ variable's value as the runtime reads it: hexadecimal, {@code 0x} optional; null when it is not one. */
  public static Long hex(String value) {
    String v = value.strip();
    if (!HEX.matcher(v).matches()) {
      return null;
    }
    BigInteger n = new BigInteger(v.startsWith("0x") || v.startsWith("0X") ? v.substring(2) : v, 16);
    return n.bitLength() > 63 ? null : n.longValueExact();
  }

  @Override
  public String problem(String name, String value) {
    if (!INSTANCE.settings().containsKey(name)) {
      return "not a setting headroom's .NET model reads";
    }
    Long n = hex(value);
    if (n == null) {
      return ".NET reads a hexadecimal number here, such as 0xC800000";
    }
    if (name.equals("GCHeapHardLimitPercent") && (n < 1 || n > 100)) {
      return "a percentage from 0x1 to 0x64 (100) in hexadecimal; " + value.strip() + " is read as 0x"
          + Long.toHexString(n).toUpperCase(java.util.Locale.ROOT) + " = " + n;
    }
    return n == 0 ? name + " must be above zero" : null;
  }

  private static Long given(Map<String, String> settings, String name) {
    String v = INSTANCE.valid(settings, name);
    return v == null ? null : hex(v);
  }

  @Override
  public String incomplete(Map<String, String> settings, Bytes limit) {
    return limit == null && given(settings, "GCHeapHardLimit") == null
        ? "without GCHeapHardLimit the GC heap is bounded only by the container limit: give one of them" : null;
  }

  /** The GC heap's hard limit: the setting, else the percentage of the limit, else max(20 MiB, 75 % of it). */
  static Bytes heap(Map<String, String> settings, Bytes limit) {
    Long hard = given(settings, "GCHeapHardLimit");
    if (hard != null) {
      return Bytes.of(hard);
    }
    Long percent = given(settings, "GCHeapHardLimitPercent");
    Bytes share = Bytes.of(Math.multiplyExact(limit.value() / 100, percent != null ? percent : DEFAULT_PERCENT)
        + limit.value() % 100 * (percent != null ? percent : DEFAULT_PERCENT) / 100);
    return percent != null ? share : Bytes.max(DEFAULT_FLOOR, share);
  }

  @Override
  public Footprint footprint(Map<String, String> settings, Bytes limit) {
    return Footprint.of(List.of(
        new Part("runtime baseline", BASELINE, true),
        new Part("GC heap (hard limit)", new Range(Bytes.ZERO, heap(settings, limit)), false)));
  }

  /** The GC heap takes what the limit leaves after the baseline's high end, in whole MiB. */
  @Override
  public Tuning tune(Bytes limit, Demand demand, Map<String, String> pinned) throws TooSmall {
    Map<String, String> s = new LinkedHashMap<>();
    if (pinned.containsKey("GCHeapHardLimit") || pinned.containsKey("GCHeapHardLimitPercent")) {
      s.putAll(pinned);
    } else {
      Bytes heap = Bytes.mib(limit.minusClamped(BASELINE.high()).value() / Bytes.MIB);
      if (heap.compareTo(FLOOR_HEAP) < 0) {
        Bytes minimum = BASELINE.high().plus(FLOOR_HEAP);
        throw new TooSmall(limit + " is too small for .NET: the runtime (up to " + BASELINE.high() + ") and a GC heap of "
            + FLOOR_HEAP + " need " + minimum, minimum);
      }
      s.put("GCHeapHardLimit", "0x" + Long.toHexString(heap.value()).toUpperCase(java.util.Locale.ROOT));
    }
    Footprint f = footprint(s, limit);
    return new Tuning(s, f, f.total().high().compareTo(limit) <= 0,
        List.of("the values are hexadecimal, as the runtime reads DOTNET_ variables"));
  }

  @Override
  public String configure(Map<String, String> settings) {
    StringBuilder b = new StringBuilder();
    settings.forEach((k, v) -> b.append("DOTNET_").append(k).append('=').append(v).append('\n'));
    return b.toString();
  }
}
