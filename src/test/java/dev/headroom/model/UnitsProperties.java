package dev.headroom.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.load.Problem;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Properties of the unit parsers and of exact arithmetic. */
class UnitsProperties {

  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

  // ------------------------------------------------------------------ catalog

  @Property(tries = 2000)
  void canonicalFormReadsBackToTheSameValue(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long v) {
    String text = new Bytes(v).toString();
    assertThat(Units.parseCatalogBytes(text).value()).as(text).isEqualTo(v);
  }

  /** The canonical form as first written, with BigDecimal: Bytes.toString now uses longs only. */
  private static String canonicalByBigDecimal(long value) {
    if (value == Long.MIN_VALUE) {
      return value + " B";
    }
    long abs = Math.abs(value);
    String sign = value < 0 ? "-" : "";
    String[] names = {"EiB", "PiB", "TiB", "GiB", "MiB", "KiB"};
    for (int i = 0; i < names.length; i++) {
      long unit = 1L << (10 * (6 - i));
      if (abs >= unit) {
        BigDecimal scaled = new BigDecimal(BigInteger.valueOf(abs)).divide(BigDecimal.valueOf(unit)).stripTrailingZeros();
        if (scaled.scale() <= 3) {
          return sign + scaled.toPlainString() + " " + names[i];
        }
      }
    }
    return sign + abs + " B";
  }

  @Provide
  Arbitrary<Long> sizes() {
    // any long, and the shapes a catalog has: n × 2^k / 8 (three binary decimals) and n × 2^k,
    // each also negative (a headroom)
    Arbitrary<Long> shaped = Combinators.combine(Arbitraries.longs().between(0, 1L << 20), Arbitraries.integers().between(0, 43))
        .as((n, k) -> n << k);
    return Arbitraries.oneOf(Arbitraries.longs(), shaped, shaped.map(v -> -v), Arbitraries.of(0L, 1L, 1023L, 1024L, 1536L,
        Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 1L << 60, 7L << 60, 15L * (1L << 30) + (5L << 27)));
  }

  @Property(tries = 5000)
  void canonicalFormIsTheExactDecimalForm(@ForAll("sizes") long v) {
    assertThat(new Bytes(v).toString()).isEqualTo(canonicalByBigDecimal(v));
  }

  @Property(tries = 1000)
  void valuesAreEqualExactlyWhenTheirNumbersAre(@ForAll("sizes") long a, @ForAll("sizes") long b) {
    // equals and hashCode are written out (docs/performance.md): they must be the record's
    assertThat(new Bytes(a).equals(new Bytes(b))).isEqualTo(a == b);
    assertThat(new Bytes(a)).hasSameHashCodeAs(new Bytes(a));
    Range r = new Range(new Bytes(Math.min(a, b)), new Bytes(Math.max(a, b)));
    assertThat(r).isEqualTo(new Range(new Bytes(Math.min(a, b)), new Bytes(Math.max(a, b)))).hasSameHashCodeAs(
        new Range(new Bytes(Math.min(a, b)), new Bytes(Math.max(a, b))));
    assertThat(r.equals(Range.exactly(new Bytes(a)))).isEqualTo(a == b);
    assertThat(new Origin("f", (int) a, 1).equals(new Origin("f", (int) b, 1))).isEqualTo((int) a == (int) b);
    assertThat(new Origin("f", 1, 2)).isNotEqualTo(new Origin("g", 1, 2)).isNotEqualTo(new Origin("f", 2, 1)).isNotEqualTo(null);
    Cpu c = new Cpu(BigDecimal.valueOf(Math.abs(a % 1000), 2));
    assertThat(c).isEqualTo(new Cpu(BigDecimal.valueOf(Math.abs(a % 1000) * 10, 3))).hasSameHashCodeAs(
        new Cpu(BigDecimal.valueOf(Math.abs(a % 1000) * 10, 3)));
    assertThat(c.equals(new Cpu(BigDecimal.valueOf(Math.abs(b % 1000), 2)))).isEqualTo(Math.abs(a % 1000) == Math.abs(b % 1000));
  }

  @Property(tries = 1000)
  void canonicalFormOfWholeUnitsReadsBack(
      @ForAll @LongRange(min = 0, max = 1L << 12) long n, @ForAll @IntRange(min = 0, max = 5) int unitPower) {
    // n × 1024^k / 8 (at most three binary decimals): the form most values of a catalog have;
    // n ≤ 2^12 and 1024^5 = 2^50, so n × 1024^k ≤ 2^62: no overflow
    long v = (n << (10 * unitPower)) >> 3;
    assertThat(Units.parseCatalogBytes(new Bytes(v).toString()).value()).isEqualTo(v);
  }

  @Property(tries = 1000)
  void largerUnitsGiveLargerValues(@ForAll @LongRange(min = 1, max = (1L << 33) - 1) long n) {
    // n ≤ 2^33 - 1, so n GiB ≤ (2^33 - 1) × 2^30 < 2^63: no overflow
    long kib = Units.parseCatalogBytes(n + "KiB").value();
    long mib = Units.parseCatalogBytes(n + "MiB").value();
    long gib = Units.parseCatalogBytes(n + "GiB").value();
    assertThat(kib).isLessThan(mib);
    assertThat(mib).isLessThan(gib);
    assertThat(kib).isEqualTo(n * 1024);
    assertThat(mib).isEqualTo(n * 1024 * 1024);
    assertThat(gib).isEqualTo(n * 1024 * 1024 * 1024);
    // the aliases read the same
    assertThat(Units.parseCatalogBytes(n + "KB").value()).isEqualTo(kib);
    assertThat(Units.parseCatalogBytes(n + " Mi").value()).isEqualTo(mib);
    assertThat(Units.parseCatalogBytes(n + " GB").value()).isEqualTo(gib);
  }

  @Property(tries = 1000)
  void aBareRangeTakesTheHighEndsUnit(
      @ForAll @LongRange(min = 0, max = 1L << 20) long a, @ForAll @LongRange(min = 0, max = 1L << 20) long b) {
    long lo = Math.min(a, b);
    long hi = Math.max(a, b);
    Range r = Units.parseCatalogRange(lo + ".." + hi + "MiB");
    assertThat(r.low()).isEqualTo(Bytes.mib(lo));
    assertThat(r.high()).isEqualTo(Bytes.mib(hi));
    if (lo < hi) {
      assertThatThrownBy(() -> Units.parseCatalogRange(hi + ".." + lo + "MiB")).isInstanceOf(QuantityException.class);
    }
  }

  // ------------------------------------------------------------------ compose

  @Provide
  Arbitrary<String> composeSuffixes() {
    // every spelling go-units accepts: prefix alone, +b, +ib, in any mix of case
    Arbitrary<String> prefix = Arbitraries.of("", "k", "m", "g", "t", "p");
    Arbitrary<String> tail = Arbitraries.of("", "b", "ib");
    return Combinators.combine(prefix, tail, Arbitraries.integers().between(0, 7))
        .as((p, t, caseBits) -> {
          String s = p.isEmpty() ? (t.equals("b") ? "b" : "") : p + t;
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append((caseBits >> i & 1) == 1 ? Character.toUpperCase(c) : c);
          }
          return sb.toString();
        });
  }

  @Property(tries = 2000)
  void composeSuffixMultipliesByAPowerOf1024(
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int n,
      @ForAll("composeSuffixes") String suffix,
      @ForAll boolean space) {
    String lower = suffix.toLowerCase(Locale.ROOT);
    int k = lower.isEmpty() || lower.equals("b") ? 0 : "kmgtp".indexOf(lower.charAt(0)) + 1;
    BigInteger expected = BigInteger.valueOf(n).shiftLeft(10 * k);
    String text = n + (space && !suffix.isEmpty() ? " " : "") + suffix;
    if (expected.compareTo(LONG_MAX) > 0) {
      assertThatThrownBy(() -> Units.parseComposeBytes(text)).isInstanceOf(QuantityException.class);
    } else {
      assertThat(Units.parseComposeBytes(text).value()).as(text).isEqualTo(expected.longValueExact());
      // the lower-case, upper-case and long forms agree
      assertThat(Units.parseComposeBytes(n + suffix.toUpperCase(Locale.ROOT)).value()).isEqualTo(expected.longValueExact());
      assertThat(Units.parseComposeBytes(n + lower).value()).isEqualTo(expected.longValueExact());
    }
  }

  @Property(tries = 1000)
  void composeFractionsAreTruncatedAfterMultiplying(
      @ForAll @IntRange(min = 0, max = 1_000_000) int whole,
      @ForAll @IntRange(min = 0, max = 999) int thousandths,
      @ForAll @IntRange(min = 1, max = 3) int k) {
    String num = whole + "." + String.format("%03d", thousandths);
    String text = num + "kmg".charAt(k - 1);
    // go-units computes float64(num) × 1024^k and truncates; the multiplier is a power of two, so
    // the product is exactly float64(num) scaled: compare with the same computation in exact form.
    BigDecimal exact = new BigDecimal(Double.parseDouble(num)).multiply(BigDecimal.valueOf(1L << (10 * k)));
    assertThat(Units.parseComposeBytes(text).value()).as(text).isEqualTo(exact.toBigInteger().longValueExact());
  }

  // ------------------------------------------------------------------ no other exception, ever

  @Provide
  Arbitrary<String> quantityLike() {
    // strings built from the characters the parsers look at, to reach deep into them
    Arbitrary<String> dense = Arbitraries.strings().withChars("0123456789.eE+- kKmMgGtTpPeEiIbB").ofMaxLength(24);
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(40);
    Arbitrary<String> numberAndUnit =
        Combinators.combine(
                Arbitraries.strings().withChars("0123456789.").ofMinLength(1).ofMaxLength(45),
                Arbitraries.of("", " ", "  "),
                Arbitraries.of("", "B", "b", "k", "K", "KiB", "Ki", "KB", "kib", "m", "M", "MiB", "Mi", "MB", "mb", "g", "G",
                    "GiB", "Gi", "GB", "T", "TiB", "P", "PiB", "Pi", "E", "EiB", "Ei", "e3", "e-3", "E18", "e999", "..60MiB",
                    "..", "İ", "\u0000"))
            .as((n, s, u) -> n + s + u);
    Arbitrary<String> longOnes = Arbitraries.strings().withChars("0123456789.").ofMinLength(60).ofMaxLength(200);
    return Arbitraries.oneOf(dense, any, numberAndUnit, longOnes);
  }

  private static void onlyQuantityException(String text, Function<String, ?> parse) {
    try {
      Object unused = parse.apply(text);
    } catch (QuantityException expected) {
      // the message may quote the input; the one-line-per-problem form is made by Problem
      assertThat(expected.getMessage()).isNotBlank();
      assertThat(Problem.at("f.yaml", expected.getMessage()).format()).doesNotContain("\n", "\r");
    }
    // any other exception propagates and fails the property
  }

  @Property(tries = 3000)
  void catalogParsesOrRefuses(@ForAll("quantityLike") String text) {
    onlyQuantityException(text, Units::parseCatalogBytes);
    onlyQuantityException(text, Units::parseCatalogRange);
  }

  @Property(tries = 3000)
  void composeParsesOrRefuses(@ForAll("quantityLike") String text) {
    onlyQuantityException(text, Units::parseComposeBytes);
  }

  @Property(tries = 3000)
  void kubernetesParsesOrRefuses(@ForAll("quantityLike") String text) {
    onlyQuantityException(text, Units::parseKubernetes);
    onlyQuantityException(text, Units::parseKubernetesBytes);
  }

  @Property(tries = 3000)
  void cpuParsesOrRefuses(@ForAll("quantityLike") String text) {
    onlyQuantityException(text, Cpu::parse);
  }

  @Property(tries = 1000)
  void arbitraryUnicodeParsesOrRefuses(@ForAll @StringLength(max = 80) String text) {
    onlyQuantityException(text, Units::parseCatalogBytes);
    onlyQuantityException(text, Units::parseCatalogRange);
    onlyQuantityException(text, Units::parseComposeBytes);
    onlyQuantityException(text, Units::parseKubernetes);
    onlyQuantityException(text, Units::parseKubernetesBytes);
    onlyQuantityException(text, Cpu::parse);
  }

  @Property(tries = 1000)
  void parsedBytesAreNeverNegative(@ForAll("quantityLike") String text) {
    for (Function<String, Bytes> parse :
        List.<Function<String, Bytes>>of(Units::parseCatalogBytes, Units::parseComposeBytes, Units::parseKubernetesBytes)) {
      try {
        assertThat(parse.apply(text).value()).as(text).isNotNegative();
      } catch (QuantityException refused) {
        // fine
      }
    }
  }

  // ------------------------------------------------------------------ exact sums

  @Provide
  Arbitrary<Cpu> cpus() {
    return Combinators.combine(
            Arbitraries.longs().between(0, 1_000_000_000_000L), Arbitraries.integers().between(0, Cpu.MAX_SCALE))
        .as((unscaled, scale) -> new Cpu(BigDecimal.valueOf(unscaled, scale)));
  }

  @Property(tries = 1000)
  void cpuSumsAreExact(@ForAll("cpus") Cpu x, @ForAll @IntRange(min = 0, max = 500) int n) {
    Cpu sum = Cpu.ZERO;
    for (int i = 0; i < n; i++) {
      sum = sum.plus(x);
    }
    assertThat(sum).isEqualTo(x.times(n));
    assertThat(sum.cores()).isEqualByComparingTo(x.cores().multiply(BigDecimal.valueOf(n)));
    // the canonical text reads back to the same value
    assertThat(Cpu.parse(sum.toString())).isEqualTo(sum);
  }

  @Property(tries = 1000)
  void bytesSumsAreExactOrThrow(@ForAll @Size(max = 20) List<Long> values) {
    BigInteger exact = BigInteger.ZERO;
    boolean overflows = false;
    for (long v : values) {
      exact = exact.add(BigInteger.valueOf(v));
      overflows |= exact.compareTo(LONG_MAX) > 0 || exact.compareTo(LONG_MIN) < 0;
    }
    Bytes sum = Bytes.ZERO;
    try {
      for (long v : values) {
        sum = sum.plus(new Bytes(v));
      }
    } catch (ArithmeticException e) {
      assertThat(overflows).as("threw although every partial sum fits").isTrue();
      return;
    }
    assertThat(overflows).as("no exception although a partial sum overflows").isFalse();
    assertThat(BigInteger.valueOf(sum.value())).isEqualTo(exact);
  }

  @Property(tries = 1000)
  void bytesTimesIsExactOrThrows(@ForAll long v, @ForAll @LongRange(min = -1_000_000, max = 1_000_000) long n) {
    BigInteger exact = BigInteger.valueOf(v).multiply(BigInteger.valueOf(n));
    boolean fits = exact.compareTo(LONG_MAX) <= 0 && exact.compareTo(LONG_MIN) >= 0;
    if (fits) {
      assertThat(BigInteger.valueOf(new Bytes(v).times(n).value())).isEqualTo(exact);
    } else {
      assertThatThrownBy(() -> new Bytes(v).times(n)).isInstanceOf(ArithmeticException.class);
    }
  }

  @Property(tries = 1000)
  void bytesDifferenceIsExactOrThrows(@ForAll long a, @ForAll long b) {
    BigInteger exact = BigInteger.valueOf(a).subtract(BigInteger.valueOf(b));
    if (exact.compareTo(LONG_MAX) <= 0 && exact.compareTo(LONG_MIN) >= 0) {
      assertThat(new Bytes(a).minus(new Bytes(b)).value()).isEqualTo(exact.longValueExact());
    } else {
      assertThatThrownBy(() -> new Bytes(a).minus(new Bytes(b))).isInstanceOf(ArithmeticException.class);
    }
  }
}
