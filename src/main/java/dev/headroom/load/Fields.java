package dev.headroom.load;

import dev.headroom.load.YamlNode.Scalar;
import dev.headroom.model.Bytes;
import dev.headroom.model.Cpu;
import dev.headroom.model.Origin;
import dev.headroom.model.QuantityException;
import dev.headroom.model.Range;
import dev.headroom.model.Units;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed, position-aware reading of one YAML mapping. Every problem is added to the shared {@link
 * Problems} (with file, line, column and key path) and the getter returns null, so one run reports
 * every problem of every file. Unknown keys are problems with a suggestion, except {@code x-} keys.
 */
public final class Fields {

  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,18}(\\.[0-9]{1,18})?|\\.[0-9]{1,18}");
  private static final Set<String> YAML11_BOOLEANS =
      Set.of("y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF");

  private final String file;
  private final String path;
  private final YamlNode.Map map;
  private final Problems problems;

  private Fields(String file, String path, YamlNode.Map map, Problems problems) {
    this.file = file;
    this.path = path;
    this.map = map;
    this.problems = problems;
  }

  /** Reads {@code map} at {@code path}, reporting keys outside {@code allowed}. */
  public static Fields of(String file, String path, YamlNode.Map map, Problems problems, Set<String> allowed) {
    Fields f = new Fields(file, path, map, problems);
    for (YamlNode.Entry e : map.entries().values()) {
      String k = e.key().value();
      if (!allowed.contains(k) && !k.startsWith("x-")) {
        f.problemAt(e.key(), YamlReader.join(path, k),
            "unknown key '" + k + "'" + Suggestions.didYouMean(k, allowed) + " (keys starting with x- are free for extensions)");
      }
    }
    return f;
  }

  public String file() {
    return file;
  }

  public String path() {
    return path;
  }

  public YamlNode.Map map() {
    return map;
  }

  public Problems problems() {
    return problems;
  }

  public String pathOf(String key) {
    return YamlReader.join(path, key);
  }

  public boolean has(String key) {
    YamlNode n = map.get(key);
    return n != null && !(n instanceof Scalar s && s.isNull());
  }

  public YamlNode node(String key) {
    return map.get(key);
  }

  public Origin origin() {
    return new Origin(file, map.line(), map.column());
  }

  public Origin originOf(String key) {
    YamlNode.Entry e = map.entry(key);
    if (e == null) {
      return origin();
    }
    return new Origin(file, e.value().line(), e.value().column());
  }

  public void problemAt(YamlNode at, String keyPath, String reason) {
    problems.add(new Problem(file, at.line(), at.column(), keyPath, reason));
  }

  public void problem(String key, String reason) {
    YamlNode.Entry e = map.entry(key);
    YamlNode at = e == null ? map : e.value();
    problemAt(at, pathOf(key), reason);
  }

  private YamlNode present(String key, boolean required, String what) {
    YamlNode n = map.get(key);
    if (n == null || n instanceof Scalar s && s.isNull()) {
      if (required) {
        if (n == null) {
          problemAt(map, pathOf(key), "missing required key '" + key + "' (" + what + ")");
        } else {
          problemAt(n, pathOf(key), "is empty; expected " + what);
        }
      }
      return null;
    }
    return n;
  }

  private Scalar scalar(String key, YamlNode n, String what) {
    if (n instanceof Scalar s) {
      return s;
    }
    problemAt(n, pathOf(key), "expected " + what + ", found " + YamlNode.describe(n));
    return null;
  }

  // ------------------------------------------------------------------ scalars

  public String string(String key, boolean required) {
    YamlNode n = present(key, required, "a string");
    if (n == null) {
      return null;
    }
    Scalar s = scalar(key, n, "a string");
    return s == null ? null : s.value();
  }

  public String id(String key, boolean required) {
    String v = string(key, required);
    if (v == null) {
      return null;
    }
    if (!ID.matcher(v).matches()) {
      problem(key, "'" + Problem.oneLine(abbreviate(v)) + "' is not a valid id (lower-case letters, digits, '.', '_', '-';"
          + " starting with a letter or digit; at most 128 characters)");
      return null;
    }
    return v;
  }

  public Boolean bool(String key) {
    YamlNode n = present(key, false, "true or false");
    if (n == null) {
      return null;
    }
    Scalar s = scalar(key, n, "true or false");
    if (s == null) {
      return null;
    }
    if (s.type() == YamlNode.Type.BOOL) {
      return Boolean.parseBoolean(s.value().toLowerCase(Locale.ROOT));
    }
    if (s.plain() && YAML11_BOOLEANS.contains(s.value())) {
      problem(key, "'" + s.value() + "' is not a boolean in YAML 1.2 (YAML 1.1 read it as one); write true or false");
    } else {
      problem(key, "expected true or false, found '" + abbreviate(s.value()) + "'");
    }
    return null;
  }

  /** A catalog memory quantity (DESIGN.md section 2). */
  public Bytes bytes(String key, boolean required) {
    YamlNode n = present(key, required, "a memory quantity such as 512MiB");
    if (n == null) {
      return null;
    }
    Scalar s = scalar(key, n, "a memory quantity such as 512MiB");
    if (s == null) {
      return null;
    }
    try {
      return parseBytes(s);
    } catch (QuantityException e) {
      problem(key, e.getMessage());
      return null;
    }
  }

  /** A catalog memory quantity or range ({@code 45..60MiB}). */
  public Range range(String key, boolean required) {
    YamlNode n = present(key, required, "a memory quantity or range such as 45..60MiB");
    if (n == null) {
      return null;
    }
    Scalar s = scalar(key, n, "a memory quantity or range such as 45..60MiB");
    if (s == null) {
      return null;
    }
    try {
      if (s.type() == YamlNode.Type.STRING && s.value().contains("..")) {
        return Units.parseCatalogRange(s.value());
      }
      return Range.exactly(parseBytes(s));
    } catch (QuantityException e) {
      problem(key, e.getMessage());
      return null;
    }
  }

  private static Bytes parseBytes(Scalar s) {
    switch (s.type()) {
      case BOOL -> throw new QuantityException("expected a memory quantity such as 512MiB, found the boolean " + s.value());
      case INT -> {
        String v = s.value();
        if (v.startsWith("0o") || v.startsWith("0x")) {
          throw new QuantityException("'" + v + "' is an octal or hexadecimal number; write bytes in decimal or with a unit");
        }
        if (v.length() > 1 && v.startsWith("0")) {
          throw new QuantityException(
              "'" + v + "' has a leading zero (YAML 1.1 reads it as octal, YAML 1.2 as decimal); write it without the zero");
        }
        if (v.startsWith("+")) {
          throw new QuantityException("'" + v + "' has a sign; write the plain number");
        }
        return Units.parseCatalogBytes(v);
      }
      case FLOAT -> {
        if (s.value().toLowerCase(Locale.ROOT).contains("e") || s.value().contains("inf") || s.value().contains("nan")) {
          throw new QuantityException("'" + s.value() + "' is not a memory quantity; write a number and a unit such as 512MiB");
        }
        return Units.parseCatalogBytes(s.value());
      }
      default -> {
        return Units.parseCatalogBytes(s.value());
      }
    }
  }

  public Cpu cpu(String key, boolean required) {
    YamlNode n = present(key, required, "a number of cores such as 0.5");
    if (n == null) {
      return null;
    }
    Scalar s = scalar(key, n, "a number of cores such as 0.5");
    if (s == null) {
      return null;
    }
    if (s.type() == YamlNode.Type.BOOL) {
      problem(key, "expected a number of cores such as 0.5, found the boolean " + s.value());
      return null;
    }
    try {
      if (hasLeadingZero(s.value().strip())) {
        problem(key, "'" + s.value().strip() + "' has a leading zero (YAML 1.1 reads 010 as octal, YAML 1.2 as decimal); write it without");
        return null;
      }
      return Cpu.parse(s.value());
    } catch (QuantityException e) {
      problem(key, e.getMessage());
      return null;
    }
  }

  /** A plain decimal in [min, max]. */
  public BigDecimal decimal(String key, boolean required, BigDecimal min, BigDecimal max, String what) {
    YamlNode n = present(key, required, what);
    if (n == null) {
      return null;
    }
    Scalar s = scalar(key, n, what);
    if (s == null) {
      return null;
    }
    String v = s.value().strip();
    if (s.type() == YamlNode.Type.BOOL || !DECIMAL.matcher(v).matches()) {
      problem(key, "'" + abbreviate(s.value()) + "' is not a plain decimal number; expected " + what);
      return null;
    }
    if (hasLeadingZero(v)) {
      problem(key, "'" + v + "' has a leading zero (YAML 1.1 reads 010 as octal, YAML 1.2 as decimal); write it without");
      return null;
    }
    BigDecimal d = new BigDecimal(v);
    if (d.compareTo(min) < 0 || max != null && d.compareTo(max) > 0) {
      problem(key, v + " is out of range; expected " + what);
      return null;
    }
    return d;
  }

  // ------------------------------------------------------------------ collections

  /** A nested mapping read with its own allowed keys; null (with a problem) when absent or wrong. */
  public Fields map(String key, boolean required, Set<String> allowed) {
    YamlNode n = present(key, required, "a mapping");
    if (n == null) {
      return null;
    }
    if (!(n instanceof YamlNode.Map m)) {
      problemAt(n, pathOf(key), "expected a mapping, found " + YamlNode.describe(n));
      return null;
    }
    return of(file, pathOf(key), m, problems, allowed);
  }

  /** A list; null when absent. */
  public List<YamlNode> list(String key, boolean required, String what) {
    YamlNode n = present(key, required, what);
    if (n == null) {
      return null;
    }
    if (!(n instanceof YamlNode.Seq seq)) {
      problemAt(n, pathOf(key), "expected " + what + ", found " + YamlNode.describe(n));
      return null;
    }
    return seq.items();
  }

  /** An id in a list, with where it was written. */
  public record IdAt(String id, String path, Origin origin) {}

  /** A list of ids with their positions; empty when absent. Bad entries are reported and skipped. */
  public List<IdAt> ids(String key, boolean required) {
    List<YamlNode> items = list(key, required, "a list of ids");
    List<IdAt> ids = new ArrayList<>();
    if (items == null) {
      return ids;
    }
    int i = 0;
    for (YamlNode item : items) {
      String p = pathOf(key) + "[" + i++ + "]";
      if (!(item instanceof Scalar s) || s.isNull()) {
        problemAt(item, p, "expected an id, found " + YamlNode.describe(item));
        continue;
      }
      if (!ID.matcher(s.value()).matches()) {
        problemAt(item, p, "'" + Problem.oneLine(abbreviate(s.value())) + "' is not a valid id");
        continue;
      }
      ids.add(new IdAt(s.value(), p, new Origin(file, item.line(), item.column())));
    }
    return ids;
  }

  /** The mapping at index {@code i} of a list, read with its own allowed keys. */
  public Fields item(String key, int i, YamlNode item, Set<String> allowed) {
    String p = pathOf(key) + "[" + i + "]";
    if (!(item instanceof YamlNode.Map m)) {
      problemAt(item, p, "expected a mapping, found " + YamlNode.describe(item));
      return null;
    }
    return of(file, p, m, problems, allowed);
  }

  /** {@code 010}, {@code 00.5}: a zero before another digit of the integer part. */
  static boolean hasLeadingZero(String v) {
    return v.length() > 1 && v.charAt(0) == '0' && Character.isDigit(v.charAt(1));
  }

  static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
