package dev.headroom.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three unit dialects headroom reads (see {@code docs/units.md}):
 *
 * <ul>
 *   <li><b>catalog</b> ({@link #parseCatalogBytes}): plain integer = bytes; {@code KiB MiB GiB TiB
 *       PiB EiB}, {@code Ki Mi Gi Ti Pi Ei} and {@code KB MB GB TB PB EB} are all binary; {@code B} is
 *       bytes; an optional single space; decimals only where the result is a whole number of bytes;
 *       case-sensitive, so the Kubernetes-ambiguous {@code m}, {@code k}, {@code g} are refused.
 *   <li><b>compose</b> ({@link #parseComposeBytes}): docker/go-units v0.5.0 {@code RAMInBytes}, every
 *       suffix ×1024, case-insensitive, fraction truncated after multiplying.
 *   <li><b>kubernetes</b> ({@link #parseKubernetes}): case-sensitive; binary {@code Ki..Ei}, decimal
 *       {@code k M G T P E}, milli {@code m}, decimal exponents.
 * </ul>
 */
public final class Units {

  private Units() {}

  // ---------------------------------------------------------------- catalog

  private static final Map<String, Long> CATALOG_UNITS =
      Map.ofEntries(
          Map.entry("B", 1L),
          Map.entry("KiB", Bytes.KIB), Map.entry("Ki", Bytes.KIB), Map.entry("KB", Bytes.KIB),
          Map.entry("MiB", Bytes.MIB), Map.entry("Mi", Bytes.MIB), Map.entry("MB", Bytes.MIB),
          Map.entry("GiB", Bytes.GIB), Map.entry("Gi", Bytes.GIB), Map.entry("GB", Bytes.GIB),
          Map.entry("TiB", Bytes.TIB), Map.entry("Ti", Bytes.TIB), Map.entry("TB", Bytes.TIB),
          Map.entry("PiB", Bytes.PIB), Map.entry("Pi", Bytes.PIB), Map.entry("PB", Bytes.PIB),
          Map.entry("EiB", Bytes.EIB), Map.entry("Ei", Bytes.EIB), Map.entry("EB", Bytes.EIB));

  /** number, one optional space, optional unit letters. Length-bounded so hostile input stays cheap. */
  private static final Pattern CATALOG_QUANTITY =
      Pattern.compile("([0-9]{1,40})(?:\\.([0-9]{1,40}))? ?([A-Za-z]{1,8})?");

  /**
   * Reads a catalog memory quantity ({@code 512MiB}, {@code 1.5 GiB}, {@code 536870912}).
   *
   * @throws QuantityException with a one-sentence reason and, where it can guess, the fix
   */
  public static Bytes parseCatalogBytes(String text) {
    if (text == null || text.isBlank()) {
      throw new QuantityException("empty memory value; write a quantity such as 512MiB");
    }
    String t = text.strip();
    if (t.startsWith("-")) {
      throw new QuantityException("memory '" + text + "' is negative");
    }
    if (t.length() > 64) {
      throw new QuantityException("memory value is too long to be a quantity (" + t.length() + " characters)");
    }
    Matcher m = CATALOG_QUANTITY.matcher(t);
    if (!m.matches()) {
      if (t.contains("..")) {
        throw new QuantityException("'" + t + "' is a range; this field takes a single quantity");
      }
      throw new QuantityException("'" + t + "' is not a memory quantity; write a number and a unit such as 512MiB or 1.5GiB");
    }
    String unit = m.group(3) == null ? "B" : m.group(3);
    Long multiplier = CATALOG_UNITS.get(unit);
    if (multiplier == null) {
      throw new QuantityException(catalogUnitAdvice(t, m.group(1), m.group(2), unit));
    }
    BigDecimal number = new BigDecimal(m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2));
    BigDecimal exact = number.multiply(BigDecimal.valueOf(multiplier));
    BigInteger whole;
    try {
      whole = exact.toBigIntegerExact();
    } catch (ArithmeticException notWhole) {
      if (m.group(3) == null) {
        throw new QuantityException("'" + t + "' has no unit and is not a whole number of bytes; write a unit, such as "
            + t + "GiB or " + t + "MiB");
      }
      throw new QuantityException(
          "'" + t + "' is " + exact.stripTrailingZeros().toPlainString()
              + " bytes, not a whole number of bytes; write " + exact.setScale(0, RoundingMode.CEILING).toPlainString()
              + " or use a smaller unit");
    }
    if (whole.bitLength() > 63) {
      throw new QuantityException("'" + t + "' is too large (the limit is 8 EiB, 2^63-1 bytes)");
    }
    return Bytes.of(whole.longValueExact());
  }

  private static String catalogUnitAdvice(String t, String intPart, String frac, String unit) {
    String number = frac == null ? intPart : intPart + "." + frac;
    String lower = unit.toLowerCase(Locale.ROOT);
    String suggestion =
        switch (lower) {
          case "k", "kb", "kib", "ki" -> "KiB";
          case "m", "mb", "mib", "mi" -> "MiB";
          case "g", "gb", "gib", "gi" -> "GiB";
          case "t", "tb", "tib", "ti" -> "TiB";
          case "p", "pb", "pib", "pi" -> "PiB";
          case "e", "eb", "eib", "ei" -> "EiB";
          case "b", "byte", "bytes" -> "B";
          default -> null;
        };
    String why =
        unit.equals("m")
            ? " (in Kubernetes 'm' means milli, so catalog files refuse it)"
            : unit.length() == 1 && suggestion != null ? " (a single letter is ambiguous between dialects)" : "";
    if (suggestion == null) {
      return "unknown unit '" + unit + "' in '" + t + "'; catalog units are B, KiB, MiB, GiB, TiB (also Ki/KB, Mi/MB, Gi/GB, Ti/TB)";
    }
    return "unit '" + unit + "' is not a catalog unit" + why + "; write " + number + suggestion;
  }

  /**
   * Reads a catalog memory value that may be a range: {@code 45..60MiB} (the unit applies to both
   * ends), {@code 1GiB..1.5GiB}, or a single quantity.
   */
  public static Range parseCatalogRange(String text) {
    if (text == null) {
      throw new QuantityException("empty memory value");
    }
    String t = text.strip();
    int dots = t.indexOf("..");
    if (dots < 0) {
      return Range.exactly(parseCatalogBytes(t));
    }
    String lowText = t.substring(0, dots).strip();
    String highText = t.substring(dots + 2).strip();
    if (lowText.isEmpty() || highText.isEmpty()) {
      throw new QuantityException("range '" + t + "' needs both ends, such as 45..60MiB");
    }
    if (highText.contains("..")) {
      throw new QuantityException("range '" + t + "' has more than two ends");
    }
    Bytes high = parseCatalogBytes(highText);
    Bytes low;
    if (lowText.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.')) {
      // "45..60MiB": the high end's unit applies to the low end too.
      String unit = unitOf(highText);
      low = parseCatalogBytes(lowText + unit);
    } else {
      if (unitOf(highText).isEmpty()) {
        throw new QuantityException("range '" + t + "' has a unit on the low end only; put it on the high end (45..60MiB) or on both");
      }
      low = parseCatalogBytes(lowText);
    }
    if (low.compareTo(high) > 0) {
      throw new QuantityException("range '" + t + "' runs backwards: " + low + " is above " + high);
    }
    return new Range(low, high);
  }

  private static String unitOf(String quantity) {
    int i = quantity.length();
    while (i > 0 && Character.isLetter(quantity.charAt(i - 1))) {
      i--;
    }
    return quantity.substring(i);
  }

  /** Formats a range compactly: {@code 106..165 MiB} when both ends share a unit. */
  static String formatRange(Range r) {
    if (r.low().isZero()) {
      // zero is zero in any unit: 0..15 MiB, not 0 B..15 MiB
      String hi = r.high().toString();
      return "0.." + hi;
    }
    String lo = r.low().toString();
    String hi = r.high().toString();
    int loSpace = lo.lastIndexOf(' ');
    int hiSpace = hi.lastIndexOf(' ');
    if (loSpace > 0 && hiSpace > 0 && lo.substring(loSpace).equals(hi.substring(hiSpace))) {
      return lo.substring(0, loSpace) + ".." + hi;
    }
    return lo + ".." + hi;
  }

  // ---------------------------------------------------------------- compose (docker/go-units v0.5.0)

  /** Go's strconv.ParseFloat decimal syntax (hexadecimal floats, Inf and NaN are refused here). */
  private static final Pattern GO_DECIMAL =
      Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]{1,4})?");

  private static final String COMPOSE_PREFIXES = "kmgtp";

  /**
   * Reads a compose memory string the way docker compose does (compose-go {@code UnitBytes}, then
   * go-units v0.5.0 {@code RAMInBytes}): number, one optional space, a suffix from {@code b k kb kib
   * m mb mib g gb gib t tb tib p pb pib} in any case, every multiple ×1024, the fraction truncated
   * after multiplying. A YAML integer is bytes and does not come here.
   *
   * <p>go-units multiplies a float64; the multipliers are powers of two, so the product is exact in
   * binary floating point and this method reproduces docker's result bit for bit. {@code 0} means
   * unset to compose; that is the caller's concern.
   */
  public static Bytes parseComposeBytes(String text) {
    if (text == null || text.isEmpty()) {
      throw new QuantityException("empty memory value");
    }
    if (text.length() > 64) {
      throw new QuantityException("memory value is too long to be a quantity (" + text.length() + " characters)");
    }
    // go-units: the number ends at the last digit, dot or space.
    int sep = -1;
    for (int i = text.length() - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9' || c == '.' || c == ' ') {
        sep = i;
        break;
      }
    }
    if (sep == -1) {
      throw new QuantityException("invalid size: '" + text + "' (no number)");
    }
    String num;
    String sfx;
    if (text.charAt(sep) != ' ') {
      num = text.substring(0, sep + 1);
      sfx = text.substring(sep + 1);
    } else {
      num = text.substring(0, sep);
      sfx = text.substring(sep + 1);
    }
    if (!GO_DECIMAL.matcher(num).matches() && text.matches("[0-9]+(_[0-9]+)+")) {
      // go-yaml drops the underscores of a plain 1_000 (the number 1000); YAML 1.2 and a quoted
      // "1_000" make a string, which go-units refuses: say both rather than guess
      throw new QuantityException("invalid size: '" + text + "' is the number " + text.replace("_", "")
          + " to docker compose's YAML when unquoted, and no size when quoted; write " + text.replace("_", ""));
    }
    if (!GO_DECIMAL.matcher(num).matches()) {
      throw new QuantityException("invalid size: '" + text + "'; write a number and a suffix such as 512m or 1.5g");
    }
    double size = Double.parseDouble(num);
    if (size < 0 || num.startsWith("-")) {
      throw new QuantityException("invalid size: '" + text + "' is negative");
    }
    long multiplier = 1;
    if (!sfx.isEmpty()) {
      String s = sfx.toLowerCase(Locale.ROOT);
      if (s.length() > 3) {
        throw badComposeSuffix(text, sfx);
      }
      if (s.charAt(0) == 'b') {
        if (s.length() > 1) {
          throw badComposeSuffix(text, sfx);
        }
      } else {
        int p = COMPOSE_PREFIXES.indexOf(s.charAt(0));
        if (p < 0) {
          throw badComposeSuffix(text, sfx);
        }
        if (s.length() == 2 && s.charAt(1) != 'b' || s.length() == 3 && !s.substring(1).equals("ib")) {
          throw badComposeSuffix(text, sfx);
        }
        multiplier = 1L << (10 * (p + 1));
      }
    }
    double product = size * multiplier;
    if (Double.isInfinite(product) || product >= 0x1p63) {
      throw new QuantityException("size '" + text + "' is too large (the limit is 8 EiB)");
    }
    return Bytes.of((long) product);
  }

  private static QuantityException badComposeSuffix(String text, String sfx) {
    String lower = sfx.toLowerCase(Locale.ROOT);
    if (lower.length() == 2 && lower.charAt(1) == 'i' && COMPOSE_PREFIXES.indexOf(lower.charAt(0)) >= 0) {
      String num = text.substring(0, text.length() - sfx.length()).strip();
      return new QuantityException(
          "invalid suffix '" + sfx + "' in '" + text + "': docker compose refuses Kubernetes-style units; write "
              + num + sfx.charAt(0) + " or " + num + sfx + "B");
    }
    return new QuantityException(
        "invalid suffix '" + sfx + "' in '" + text + "'; docker compose takes b, k, kb, kib, m, mb, mib, g, gb, gib, t, tb, tib, p, pb, pib");
  }

  // ---------------------------------------------------------------- kubernetes

  /** Kubernetes quantity grammar (apimachinery resource.Quantity), exponent bounded. */
  private static final Pattern KUBE =
      Pattern.compile("([+-]?)([0-9]+\\.?[0-9]*|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?[0-9]{1,3}|m|k|M|G|T|P|E|)");

  /** Largest magnitude a Kubernetes quantity may have (apimachinery refuses beyond ~2^63 as well). */
  private static final BigDecimal KUBE_MAX = new BigDecimal("9223372036854775807");

  /**
   * Reads a Kubernetes quantity exactly: {@code 500M} = 500,000,000, {@code 128Mi} = 134,217,728,
   * {@code 100m} = 0.1, {@code 1e3} = 1000.
   */
  public static BigDecimal parseKubernetes(String text) {
    if (text == null || text.isEmpty()) {
      throw new QuantityException("empty quantity");
    }
    if (text.length() > 64) {
      throw new QuantityException("quantity is too long (" + text.length() + " characters)");
    }
    Matcher m = KUBE.matcher(text);
    if (!m.matches()) {
      throw new QuantityException(kubeAdvice(text));
    }
    BigDecimal number = new BigDecimal(m.group(2).endsWith(".") ? m.group(2) + "0" : m.group(2));
    if (m.group(1).equals("-")) {
      number = number.negate();
    }
    String suffix = m.group(3);
    BigDecimal value =
        switch (suffix) {
          case "" -> number;
          case "Ki" -> number.multiply(BigDecimal.valueOf(Bytes.KIB));
          case "Mi" -> number.multiply(BigDecimal.valueOf(Bytes.MIB));
          case "Gi" -> number.multiply(BigDecimal.valueOf(Bytes.GIB));
          case "Ti" -> number.multiply(BigDecimal.valueOf(Bytes.TIB));
          case "Pi" -> number.multiply(BigDecimal.valueOf(Bytes.PIB));
          case "Ei" -> number.multiply(BigDecimal.valueOf(Bytes.EIB));
          case "m" -> number.movePointLeft(3);
          case "k" -> number.movePointRight(3);
          case "M" -> number.movePointRight(6);
          case "G" -> number.movePointRight(9);
          case "T" -> number.movePointRight(12);
          case "P" -> number.movePointRight(15);
          case "E" -> number.movePointRight(18);
          default -> number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
        };
    if (value.abs().compareTo(KUBE_MAX) > 0) {
      throw new QuantityException("quantity '" + text + "' is too large");
    }
    value = value.stripTrailingZeros();
    return value.scale() < 0 ? value.setScale(0) : value;
  }

  /**
   * A Kubernetes memory quantity as bytes, rounded up as Kubernetes does. Fractional bytes
   * ({@code 100m} = 0.1 byte) are almost certainly a mistake; callers that want to warn check {@link
   * #isFractional}.
   */
  public static Bytes parseKubernetesBytes(String text) {
    BigDecimal v = parseKubernetes(text);
    if (v.signum() < 0) {
      throw new QuantityException("memory '" + text + "' is negative");
    }
    return Bytes.of(v.setScale(0, RoundingMode.CEILING).longValueExact());
  }

  public static boolean isFractional(BigDecimal v) {
    return v.stripTrailingZeros().scale() > 0;
  }

  private static String kubeAdvice(String text) {
    Matcher m = Pattern.compile("([0-9.]+)\\s*([A-Za-z]+)").matcher(text);
    if (m.matches()) {
      String n = m.group(1);
      String u = m.group(2);
      String lower = u.toLowerCase(Locale.ROOT);
      if (lower.matches("[kmgtpe]i?b?")) {
        char p = Character.toUpperCase(lower.charAt(0));
        String bin = p + "i";
        String dec = p == 'K' ? "k" : String.valueOf(p);
        String why = lower.endsWith("b") ? "Kubernetes units have no 'B'" : "Kubernetes units are case-sensitive";
        return "invalid quantity '" + text + "': " + why + "; write " + n + bin + " (binary) or " + n + dec + " (decimal)";
      }
    }
    return "invalid quantity '" + text + "'; Kubernetes takes a number and Ki, Mi, Gi, Ti, Pi, Ei, m, k, M, G, T, P, E or an exponent";
  }
}
