package dev.headroom.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three unit dialects (DESIGN.md sections 2 and 6), CPU and byte arithmetic. Every expected
 * number carries its arithmetic.
 */
class UnitsTest {

  // 1 KiB = 2^10 = 1,024; 1 MiB = 2^20 = 1,048,576; 1 GiB = 2^30 = 1,073,741,824;
  // 1 TiB = 2^40 = 1,099,511,627,776; 1 PiB = 2^50 = 1,125,899,906,842,624;
  // 1 EiB = 2^60 = 1,152,921,504,606,846,976; Long.MAX_VALUE = 2^63 - 1 = 9,223,372,036,854,775,807.

  private static long catalog(String s) {
    return Units.parseCatalogBytes(s).value();
  }

  private static long compose(String s) {
    return Units.parseComposeBytes(s).value();
  }

  // ===================================================================== catalog dialect

  @Nested
  class Catalog {

    @ParameterizedTest
    @ValueSource(strings = {"512MiB", "512MB", "512Mi", "512 MiB", "512 MB", "512 Mi", "536870912", "536870912 B"})
    void fiveHundredTwelveMebibytesInEverySpelling(String text) {
      // 512 × 1,048,576 = 536,870,912
      assertThat(catalog(text)).isEqualTo(536_870_912L);
    }

    @Test
    void fractionsThatAreWholeBytes() {
      // 1.5 × 1,073,741,824 = 1,610,612,736
      assertThat(catalog("1.5GiB")).isEqualTo(1_610_612_736L);
      assertThat(catalog("1.5 GB")).isEqualTo(1_610_612_736L);
      // 1.25 × 1,048,576 = 1,310,720
      assertThat(catalog("1.25MiB")).isEqualTo(1_310_720L);
      // 1.5 × 1,024 = 1,536
      assertThat(catalog("1.5KiB")).isEqualTo(1_536L);
      // 15.625 × 1,073,741,824 = 16,777,216,000
      assertThat(catalog("15.625GiB")).isEqualTo(16_777_216_000L);
    }

    @Test
    void plainIntegersAreBytes() {
      assertThat(catalog("0")).isZero();
      assertThat(catalog("1")).isEqualTo(1L);
      assertThat(catalog("1000 B")).isEqualTo(1_000L);
      assertThat(catalog("1000B")).isEqualTo(1_000L);
      assertThat(catalog("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void everyBinaryUnitAndItsAliases() {
      assertThat(catalog("1KiB")).isEqualTo(1_024L).isEqualTo(catalog("1Ki")).isEqualTo(catalog("1KB"));
      assertThat(catalog("1GiB")).isEqualTo(1_073_741_824L).isEqualTo(catalog("1Gi")).isEqualTo(catalog("1GB"));
      assertThat(catalog("1TiB")).isEqualTo(1_099_511_627_776L).isEqualTo(catalog("1Ti")).isEqualTo(catalog("1TB"));
      assertThat(catalog("1PiB")).isEqualTo(1_125_899_906_842_624L).isEqualTo(catalog("1Pi")).isEqualTo(catalog("1PB"));
      assertThat(catalog("1EiB")).isEqualTo(1_152_921_504_606_846_976L).isEqualTo(catalog("1Ei")).isEqualTo(catalog("1EB"));
      // 7 × 1,152,921,504,606,846,976 = 8,070,450,532,247,928,832 (still below 2^63)
      assertThat(catalog("7EiB")).isEqualTo(8_070_450_532_247_928_832L);
    }

    @Test
    void surroundingWhitespaceIsIgnoredButOnlyOneSpaceInside() {
      // 512 × 1,048,576 = 536,870,912
      assertThat(catalog("  512MiB  ")).isEqualTo(536_870_912L);
      assertThatThrownBy(() -> catalog("512  MiB")).isInstanceOf(QuantityException.class);
      assertThatThrownBy(() -> catalog("512\tMiB")).isInstanceOf(QuantityException.class);
    }

    @Test
    void lowerCaseMIsRefusedBecauseKubernetesReadsItAsMilli() {
      assertThatThrownBy(() -> catalog("512m"))
          .isInstanceOf(QuantityException.class)
          .hasMessageContaining("milli")
          .hasMessageContaining("write 512MiB");
    }

    @ParameterizedTest
    @CsvSource({
      "512k, write 512KiB",
      "1g, write 1GiB",
      "512mb, write 512MiB",
      "2gb, write 2GiB",
      "1.5g, write 1.5GiB",
      "4kib, write 4KiB",
      "3t, write 3TiB",
    })
    void ambiguousOrLowerCaseUnitsAreRefusedWithTheFix(String text, String fix) {
      assertThatThrownBy(() -> catalog(text))
          .isInstanceOf(QuantityException.class)
          .hasMessageContaining("not a catalog unit")
          .hasMessageContaining(fix);
    }

    @Test
    void unknownUnitListsTheCatalogUnits() {
      assertThatThrownBy(() -> catalog("12 furlongs"))
          .isInstanceOf(QuantityException.class)
          .hasMessageContaining("unknown unit 'furlongs'")
          .hasMessageContaining("KiB, MiB, GiB");
    }

    @Test
    void negativeIsRefused() {
      assertThatThrownBy(() -> catalog("-1MiB")).isInstanceOf(QuantityException.class).hasMessageContaining("negative");
      assertThatThrownBy(() -> catalog("-0")).isInstanceOf(QuantityException.class).hasMessageContaining("negative");
    }

    @Test
    void fractionThatIsNotAWholeNumberOfBytesIsRefusedWithTheRoundedUpValue() {
      // 1.1 × 1,048,576 = 1,153,433.6 bytes: not whole; rounded up 1,153,434
      assertThatThrownBy(() -> catalog("1.1MiB"))
          .isInstanceOf(QuantityException.class)
          .hasMessageContaining("1153433.6 bytes")
          .hasMessageContaining("not a whole number of bytes")
          .hasMessageContaining("1153434");
      // 0.5 bytes
      assertThatThrownBy(() -> catalog("0.5")).isInstanceOf(QuantityException.class).hasMessageContaining("whole number");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "9223372036854775808", // 2^63 = Long.MAX_VALUE + 1
          "99999999999999999999", // 20 digits
          "8EiB", // 8 × 2^60 = 2^63
          "8192PiB", // 8,192 × 2^50 = 2^13 × 2^50 = 2^63
          "8388608TiB" // 8,388,608 × 2^40 = 2^23 × 2^40 = 2^63
        })
    void valuesPastTwoToTheSixtyThreeMinusOneAreRefused(String text) {
      assertThatThrownBy(() -> catalog(text))
          .isInstanceOf(QuantityException.class)
          .hasMessageContaining("too large")
          .hasMessageContaining("2^63-1");
    }

    @Test
    void largeButRepresentableValuesAreAccepted() {
      // 7.5 × 1,152,921,504,606,846,976 = 8,646,911,284,551,352,320 < 2^63
      assertThat(catalog("7.5EiB")).isEqualTo(8_646_911_284_551_352_320L);
      // 8,191 × 1,125,899,906,842,624 = 9,222,246,136,947,933,184 < 2^63
      assertThat(catalog("8191PiB")).isEqualTo(9_222_246_136_947_933_184L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void emptyIsRefused(String text) {
      assertThatThrownBy(() -> catalog(text)).isInstanceOf(QuantityException.class).hasMessageContaining("empty");
    }

    @Test
    void nullIsRefusedAsEmpty() {
      assertThatThrownBy(() -> Units.parseCatalogBytes(null)).isInstanceOf(QuantityException.class).hasMessageContaining("empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "MiB", "1.MiB", ".5MiB", "1e3", "0x10", "1,000", "512 MiB extra", "1..2"})
    void nonQuantitiesAreRefused(String text) {
      assertThatThrownBy(() -> catalog(text)).isInstanceOf(QuantityException.class);
    }

    @Test
    void abcNamesTheExpectedForm() {
      assertThatThrownBy(() -> catalog("abc"))
          .isInstanceOf(QuantityException.class)
          .hasMessageContaining("'abc' is not a memory quantity")
          .hasMessageContaining("512MiB");
    }

    @Test
    void aRangeIsRefusedWhereASingleQuantityIsExpected() {
      assertThatThrownBy(() -> catalog("45..60MiB")).isInstanceOf(QuantityException.class).hasMessageContaining("is a range");
    }

    @Test
    void hugeInputIsRefusedCheaply() {
      String longDigits = "1".repeat(10_000);
      assertThatThrownBy(() -> catalog(longDigits)).isInstanceOf(QuantityException.class).hasMessageContaining("too long");
    }
  }

  // ===================================================================== catalog ranges

  @Nested
  class CatalogRange {

    @Test
    void unitOnTheHighEndAppliesToBoth() {
      Range r = Units.parseCatalogRange("45..60MiB");
      // 45 × 1,048,576 = 47,185,920; 60 × 1,048,576 = 62,914,560
      assertThat(r.low().value()).isEqualTo(47_185_920L);
      assertThat(r.high().value()).isEqualTo(62_914_560L);
      assertThat(r).hasToString("45..60 MiB");
    }

    @Test
    void unitsOnBothEnds() {
      Range r = Units.parseCatalogRange("1GiB..1.5GiB");
      // 1 × 1,073,741,824 = 1,073,741,824; 1.5 × 1,073,741,824 = 1,610,612,736
      assertThat(r.low().value()).isEqualTo(1_073_741_824L);
      assertThat(r.high().value()).isEqualTo(1_610_612_736L);
      assertThat(r).hasToString("1..1.5 GiB");
    }

    @Test
    void mixedUnitsAndSpaces() {
      Range r = Units.parseCatalogRange("512MiB .. 1.5 GiB");
      // 512 × 1,048,576 = 536,870,912; 1.5 × 1,073,741,824 = 1,610,612,736
      assertThat(r.low().value()).isEqualTo(536_870_912L);
      assertThat(r.high().value()).isEqualTo(1_610_612_736L);
      assertThat(r).hasToString("512 MiB..1.5 GiB");
      // "45 .. 60 MiB": the high end's unit still applies to the bare low end; 45 × 1,048,576 = 47,185,920
      assertThat(Units.parseCatalogRange("45 .. 60 MiB").low().value()).isEqualTo(47_185_920L);
    }

    @Test
    void unitlessRangeIsBytesAndASingleQuantityIsAnExactRange() {
      Range r = Units.parseCatalogRange("100..200");
      assertThat(r.low().value()).isEqualTo(100L);
      assertThat(r.high().value()).isEqualTo(200L);
      Range single = Units.parseCatalogRange("512MiB");
      assertThat(single.isExact()).isTrue();
      // 512 × 1,048,576 = 536,870,912
      assertThat(single.high().value()).isEqualTo(536_870_912L);
      assertThat(Units.parseCatalogRange("60..60MiB").isExact()).isTrue();
    }

    @Test
    void backwardsRangeIsRefused() {
      assertThatThrownBy(() -> Units.parseCatalogRange("60..45MiB"))
          .isInstanceOf(QuantityException.class)
          .hasMessageContaining("runs backwards")
          .hasMessageContaining("60 MiB is above 45 MiB");
      assertThatThrownBy(() -> Units.parseCatalogRange("2GiB..1GiB"))
          .isInstanceOf(QuantityException.class)
          .hasMessageContaining("runs backwards");
    }

    @Test
    void unitOnTheLowEndOnlyIsRefused() {
      assertThatThrownBy(() -> Units.parseCatalogRange("45MiB..60"))
          .isInstanceOf(QuantityException.class)
          .hasMessageContaining("low end only")
          .hasMessageContaining("45..60MiB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..60MiB", "45..", "..", "1..2..3MiB", "45..60m", "45m..60MiB", "a..b"})
    void malformedRangesAreRefused(String text) {
      assertThatThrownBy(() -> Units.parseCatalogRange(text)).isInstanceOf(QuantityException.class);
    }

    @Test
    void bareLowEndTakesTheUnitOfTheHighEndAndMustThenBeWhole() {
      // "1.1..2MiB" → low 1.1 × 1,048,576 = 1,153,433.6 bytes: not whole
      assertThatThrownBy(() -> Units.parseCatalogRange("1.1..2MiB"))
          .isInstanceOf(QuantityException.class)
          .hasMessageContaining("whole number");
    }
  }

  // ===================================================================== compose dialect

  @Nested
  class Compose {

    @ParameterizedTest
    @CsvSource({
      // suffix, multiplier: every suffix ×1024 (go-units v0.5.0 RAMInBytes uses the binary map)
      "b, 1",
      "B, 1",
      "k, 1024",
      "K, 1024",
      "kb, 1024",
      "KB, 1024",
      "kib, 1024",
      "KiB, 1024",
      "KIB, 1024",
      "m, 1048576",
      "M, 1048576",
      "mb, 1048576",
      "Mb, 1048576",
      "mib, 1048576",
      "MiB, 1048576",
      "g, 1073741824",
      "G, 1073741824",
      "gb, 1073741824",
      "GB, 1073741824",
      "gib, 1073741824",
      "GiB, 1073741824",
      "t, 1099511627776",
      "T, 1099511627776",
      "tb, 1099511627776",
      "tib, 1099511627776",
      "TiB, 1099511627776",
      "p, 1125899906842624",
      "P, 1125899906842624",
      "pb, 1125899906842624",
      "pib, 1125899906842624",
      "PIB, 1125899906842624",
    })
    void everySuffixInAnyCaseIsAPowerOf1024(String suffix, long multiplier) {
      // 3 × multiplier, with and without the one optional space
      assertThat(compose("3" + suffix)).isEqualTo(3 * multiplier);
      assertThat(compose("3 " + suffix)).isEqualTo(3 * multiplier);
    }

    @ParameterizedTest
    @ValueSource(strings = {"512m", "512M", "512MB", "512mb", "512MiB", "512mib", "512 m", "512 MiB"})
    void fiveHundredTwelveMegabytesAreAllTheSame(String text) {
      // 512 × 1,048,576 = 536,870,912
      assertThat(compose(text)).isEqualTo(536_870_912L);
    }

    @Test
    void plainNumbersAreBytes() {
      assertThat(compose("0")).isZero();
      assertThat(compose("1024")).isEqualTo(1_024L);
      assertThat(compose("1024b")).isEqualTo(1_024L);
    }

    @Test
    void fractionIsTruncatedAfterMultiplying() {
      // 1.5 × 1,073,741,824 = 1,610,612,736
      assertThat(compose("1.5g")).isEqualTo(1_610_612_736L);
      // 0.5 × 1,024 = 512
      assertThat(compose("0.5k")).isEqualTo(512L);
      // 1.1 × 1,024 = 1,126.4 → 1,126 (truncated after multiplying, not 1 × 1,024)
      assertThat(compose("1.1k")).isEqualTo(1_126L);
      // 1.9 bytes → 1
      assertThat(compose("1.9b")).isEqualTo(1L);
      assertThat(compose("1.9")).isEqualTo(1L);
      // .5 × 1,024 = 512 (Go ParseFloat accepts a leading dot)
      assertThat(compose(".5k")).isEqualTo(512L);
      // 5. × 1,024 = 5,120 (and a trailing dot)
      assertThat(compose("5.k")).isEqualTo(5_120L);
      // 1.1 × 1,048,576 = 1,153,433.6 → 1,153,433
      assertThat(compose("1.1MiB")).isEqualTo(1_153_433L);
    }

    @Test
    void kubernetesStyleUnitsAreRefusedNamingTheFix() {
      assertThatThrownBy(() -> compose("512Mi"))
          .isInstanceOf(QuantityException.class)
          .hasMessageContaining("docker compose refuses Kubernetes-style units")
          .hasMessageContaining("512M or 512MiB");
      assertThatThrownBy(() -> compose("1Gi"))
          .isInstanceOf(QuantityException.class)
          .hasMessageContaining("1G or 1GiB");
      assertThatThrownBy(() -> compose("1 ki"))
          .isInstanceOf(QuantityException.class)
          .hasMessageContaining("docker compose refuses Kubernetes-style units");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1x", "1kbb", "1bb", "1kibi", "1mbi", "1e", "1 EiB", "1Ei", "1kk", "1 k b"})
    void unknownSuffixesAreRefusedListingTheValidOnes(String text) {
      assertThatThrownBy(() -> compose(text)).isInstanceOf(QuantityException.class);
    }

    @Test
    void badSuffixMessageListsTheSuffixes() {
      assertThatThrownBy(() -> compose("1x"))
          .isInstanceOf(QuantityException.class)
          .hasMessageContaining("invalid suffix 'x'")
          .hasMessageContaining("b, k, kb, kib, m, mb, mib, g, gb, gib, t, tb, tib, p, pb, pib");
    }

    @Test
    void negativeIsRefused() {
      assertThatThrownBy(() -> compose("-1m")).isInstanceOf(QuantityException.class).hasMessageContaining("negative");
      assertThatThrownBy(() -> compose("-1")).isInstanceOf(QuantityException.class).hasMessageContaining("negative");
    }

    @Test
    void exponentsAreAcceptedAsGoParseFloatDoes() {
      // 1e3 = 1,000 bytes
      assertThat(compose("1e3")).isEqualTo(1_000L);
      assertThat(compose("1E3")).isEqualTo(1_000L);
      // 1e3 × 1,024 = 1,024,000
      assertThat(compose("1e3k")).isEqualTo(1_024_000L);
      // 2.5e-1 × 1,024 = 256
      assertThat(compose("2.5e-1k")).isEqualTo(256L);
      // +1 × 1,024 = 1,024 (ParseFloat accepts a plus sign)
      assertThat(compose("+1k")).isEqualTo(1_024L);
    }

    @Test
    void theLimitIsTwoToTheSixtyThree() {
      // 8e18 = 8,000,000,000,000,000,000 < 2^63 = 9,223,372,036,854,775,808: fine
      assertThat(compose("8e18")).isEqualTo(8_000_000_000_000_000_000L);
      // 9e18 = 9,000,000,000,000,000,000 is also below 2^63 (9.22e18), so it fits an int64 too
      assertThat(compose("9e18")).isEqualTo(9_000_000_000_000_000_000L);
      // 8 × 2^50 = 2^53 = 9,007,199,254,740,992
      assertThat(compose("8p")).isEqualTo(9_007_199_254_740_992L);
      // 9.3e18 > 9.2234e18 = 2^63; 1e19 > 2^63; 8,192 × 2^50 = 2^63; 2^23 × 2^40 = 2^63
      for (String tooLarge : new String[] {"9.3e18", "1e19", "8192p", "8388608t", "1e300", "99999999999999999999"}) {
        assertThatThrownBy(() -> compose(tooLarge))
            .as(tooLarge)
            .isInstanceOf(QuantityException.class)
            .hasMessageContaining("too large");
      }
      // 8,191 × 2^50 = 9,222,246,136,947,933,184 < 2^63: fits
      assertThat(compose("8191p")).isEqualTo(9_222_246_136_947_933_184L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "m", "abc", "1  m", "1 2m", ".", ".k", "0x10", "inf", "NaN", "1,5g", " 1m", "1m "})
    void nonSizesAreRefused(String text) {
      assertThatThrownBy(() -> compose(text)).isInstanceOf(QuantityException.class);
    }

    @Test
    void nullIsRefused() {
      assertThatThrownBy(() -> Units.parseComposeBytes(null)).isInstanceOf(QuantityException.class);
    }
  }

  // ===================================================================== kubernetes dialect

  @Nested
  class Kubernetes {

    @Test
    void decimalAndBinarySuffixes() {
      // 500 × 10^6 = 500,000,000
      assertThat(Units.parseKubernetesBytes("500M").value()).isEqualTo(500_000_000L);
      // 128 × 1,048,576 = 134,217,728
      assertThat(Units.parseKubernetesBytes("128Mi").value()).isEqualTo(134_217_728L);
      // 1.5 × 1,073,741,824 = 1,610,612,736
      assertThat(Units.parseKubernetesBytes("1.5Gi").value()).isEqualTo(1_610_612_736L);
      assertThat(Units.parseKubernetesBytes("1k").value()).isEqualTo(1_000L);
      assertThat(Units.parseKubernetesBytes("1Ki").value()).isEqualTo(1_024L);
      // 2 × 10^9 = 2,000,000,000
      assertThat(Units.parseKubernetesBytes("2G").value()).isEqualTo(2_000_000_000L);
      // 1 × 10^12
      assertThat(Units.parseKubernetesBytes("1T").value()).isEqualTo(1_000_000_000_000L);
      // 1 × 10^15
      assertThat(Units.parseKubernetesBytes("1P").value()).isEqualTo(1_000_000_000_000_000L);
      // 1 × 10^18
      assertThat(Units.parseKubernetesBytes("1E").value()).isEqualTo(1_000_000_000_000_000_000L);
      // 1 × 2^40 = 1,099,511,627,776
      assertThat(Units.parseKubernetesBytes("1Ti").value()).isEqualTo(1_099_511_627_776L);
      assertThat(Units.parseKubernetesBytes("1Pi").value()).isEqualTo(1_125_899_906_842_624L);
      assertThat(Units.parseKubernetesBytes("1Ei").value()).isEqualTo(1_152_921_504_606_846_976L);
      assertThat(Units.parseKubernetesBytes("1048576").value()).isEqualTo(1_048_576L);
    }

    @Test
    void milliIsAFractionOfAByteRoundedUp() {
      // 100m = 100 / 1,000 = 0.1
      BigDecimal v = Units.parseKubernetes("100m");
      assertThat(v).isEqualByComparingTo("0.1");
      assertThat(Units.isFractional(v)).isTrue();
      // 0.1 byte rounded up (as Kubernetes does) = 1
      assertThat(Units.parseKubernetesBytes("100m").value()).isEqualTo(1L);
      // 1500m = 1.5 → 2
      assertThat(Units.parseKubernetesBytes("1500m").value()).isEqualTo(2L);
      // 2000m = 2 exactly: not fractional
      assertThat(Units.isFractional(Units.parseKubernetes("2000m"))).isFalse();
      assertThat(Units.isFractional(Units.parseKubernetes("128Mi"))).isFalse();
    }

    @Test
    void exponents() {
      // 1e3 = 1,000
      assertThat(Units.parseKubernetes("1e3")).isEqualByComparingTo("1000");
      assertThat(Units.parseKubernetesBytes("1e3").value()).isEqualTo(1_000L);
      // 1.5e6 = 1,500,000
      assertThat(Units.parseKubernetesBytes("1.5e6").value()).isEqualTo(1_500_000L);
      // 5e-1 = 0.5
      assertThat(Units.parseKubernetes("5e-1")).isEqualByComparingTo("0.5");
      // 1E3 = 1,000 (E followed by digits is an exponent, not exa)
      assertThat(Units.parseKubernetes("1E3")).isEqualByComparingTo("1000");
    }

    @Test
    void resultIsNormalised() {
      assertThat(Units.parseKubernetes("1.50")).isEqualTo(new BigDecimal("1.5"));
      assertThat(Units.parseKubernetes("1k")).isEqualTo(new BigDecimal("1000"));
      assertThat(Units.parseKubernetes("5.")).isEqualTo(new BigDecimal("5"));
      assertThat(Units.parseKubernetes(".5")).isEqualTo(new BigDecimal("0.5"));
    }

    @Test
    void caseMattersAndThereIsNoB() {
      assertThatThrownBy(() -> Units.parseKubernetes("1GB"))
          .isInstanceOf(QuantityException.class)
          .hasMessageContaining("have no 'B'")
          .hasMessageContaining("1Gi (binary)")
          .hasMessageContaining("1G (decimal)");
      assertThatThrownBy(() -> Units.parseKubernetes("1gi"))
          .isInstanceOf(QuantityException.class)
          .hasMessageContaining("case-sensitive")
          .hasMessageContaining("1Gi (binary)");
      // upper-case K is not a Kubernetes suffix (kilo is a lower-case k)
      assertThatThrownBy(() -> Units.parseKubernetes("1K"))
          .isInstanceOf(QuantityException.class)
          .hasMessageContaining("1Ki (binary) or 1k (decimal)");
      assertThatThrownBy(() -> Units.parseKubernetes("512MiB"))
          .isInstanceOf(QuantityException.class)
          .hasMessageContaining("512Mi");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1 Mi", " 1Mi", "1Mi ", "Mi", "1.2.3", "1e", "1e1234", "1x", "--1"})
    void malformedQuantitiesAreRefused(String text) {
      assertThatThrownBy(() -> Units.parseKubernetes(text)).isInstanceOf(QuantityException.class);
    }

    @Test
    void negativeParsesAsAQuantityButNotAsMemory() {
      // -1 × 1,048,576 = -1,048,576
      assertThat(Units.parseKubernetes("-1Mi")).isEqualByComparingTo("-1048576");
      assertThatThrownBy(() -> Units.parseKubernetesBytes("-1Mi"))
          .isInstanceOf(QuantityException.class)
          .hasMessageContaining("negative");
    }

    @Test
    void tooLarge() {
      // 8 × 2^60 = 2^63 > 2^63 - 1
      assertThatThrownBy(() -> Units.parseKubernetes("8Ei")).isInstanceOf(QuantityException.class).hasMessageContaining("too large");
      assertThatThrownBy(() -> Units.parseKubernetes("1e19")).isInstanceOf(QuantityException.class).hasMessageContaining("too large");
      assertThatThrownBy(() -> Units.parseKubernetes("1e999")).isInstanceOf(QuantityException.class).hasMessageContaining("too large");
      assertThat(Units.parseKubernetesBytes("9223372036854775807").value()).isEqualTo(Long.MAX_VALUE);
    }
  }

  // ===================================================================== cpu

  @Nested
  class Cpus {

    @Test
    void plainDecimals() {
      assertThat(Cpu.parse("0.5").cores()).isEqualByComparingTo("0.5");
      assertThat(Cpu.parse(".25").cores()).isEqualByComparingTo("0.25");
      assertThat(Cpu.parse("2").cores()).isEqualByComparingTo("2");
      assertThat(Cpu.parse("0").isZero()).isTrue();
      assertThat(Cpu.parse("0.123456789").cores()).isEqualByComparingTo("0.123456789");
      assertThat(Cpu.parse(" 1.5 ").cores()).isEqualByComparingTo("1.5");
    }

    @Test
    void normalisedSoEqualValuesAreEqual() {
      assertThat(Cpu.parse("2.50")).isEqualTo(Cpu.parse("2.5")).hasToString("2.5");
      assertThat(Cpu.parse("4.000")).isEqualTo(Cpu.parse("4")).hasToString("4");
      assertThat(Cpu.ofMillis(1500)).isEqualTo(Cpu.parse("1.5"));
      assertThat(Cpu.parse("100")).hasToString("100");
    }

    @Test
    void millicoresAreRefusedWithTheDecimalFix() {
      assertThatThrownBy(() -> Cpu.parse("500m"))
          .isInstanceOf(QuantityException.class)
          .hasMessageContaining("millicores")
          .hasMessageContaining("0.5");
      // 1500m = 1500 / 1000 = 1.5
      assertThatThrownBy(() -> Cpu.parse("1500m")).isInstanceOf(QuantityException.class).hasMessageContaining("decimal: 1.5");
      // 2000m = 2
      assertThatThrownBy(() -> Cpu.parse("2000m")).isInstanceOf(QuantityException.class).hasMessageContaining("decimal: 2");
    }

    @Test
    void moreThanNineDecimalsAreRefused() {
      assertThatThrownBy(() -> Cpu.parse("0.1234567890"))
          .isInstanceOf(QuantityException.class)
          .hasMessageContaining("more than 9 decimals");
    }

    @Test
    void negativeIsRefused() {
      assertThatThrownBy(() -> Cpu.parse("-1")).isInstanceOf(QuantityException.class).hasMessageContaining("negative");
      assertThatThrownBy(() -> Cpu.parse("-0.5")).isInstanceOf(QuantityException.class).hasMessageContaining("negative");
      assertThatThrownBy(() -> new Cpu(new BigDecimal("-0.1"))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "1e3", "1,5", "0x1", "1.", "+1", "1 core", "m", "NaN", "Infinity"})
    void nonDecimalsAreRefused(String text) {
      assertThatThrownBy(() -> Cpu.parse(text)).isInstanceOf(QuantityException.class);
    }

    @Test
    void eightyTimesPointOneIsExactlyEight() {
      Cpu sum = Cpu.ZERO;
      for (int i = 0; i < 80; i++) {
        sum = sum.plus(Cpu.of("0.1"));
      }
      // 80 × 0.1 = 8, exactly (a double sum gives 7.999999999999...)
      assertThat(sum).isEqualTo(Cpu.of("8")).hasToString("8");
      assertThat(Cpu.of("0.1").times(80)).isEqualTo(Cpu.of("8"));
      double d = 0;
      for (int i = 0; i < 80; i++) {
        d += 0.1;
      }
      assertThat(d).as("the double sum is what headroom must not do").isNotEqualTo(8.0);
    }

    @Test
    void minusAndCompare() {
      // 4 - 0.5 = 3.5
      assertThat(Cpu.of("4").minus(Cpu.of("0.5"))).isEqualTo(Cpu.of("3.5"));
      assertThat(Cpu.of("0.9")).isLessThan(Cpu.of("1"));
    }
  }

  // ===================================================================== bytes

  @Nested
  class BytesArithmetic {

    @Test
    void overflowThrowsInsteadOfWrapping() {
      Bytes max = new Bytes(Long.MAX_VALUE);
      assertThatThrownBy(() -> max.plus(new Bytes(1))).isInstanceOf(ArithmeticException.class);
      assertThatThrownBy(() -> new Bytes(Long.MIN_VALUE).minus(new Bytes(1))).isInstanceOf(ArithmeticException.class);
      // 8 GiB × 2^30 = 2^33 × 2^30 = 2^63: one past Long.MAX_VALUE
      assertThatThrownBy(() -> Bytes.gib(8).times(1L << 30)).isInstanceOf(ArithmeticException.class);
      // Long.MAX_VALUE × 2^20 overflows
      assertThatThrownBy(() -> Bytes.mib(Long.MAX_VALUE)).isInstanceOf(ArithmeticException.class);
      // 2^33 × 2^30 = 2^63
      assertThatThrownBy(() -> Bytes.gib(1L << 33)).isInstanceOf(ArithmeticException.class);
      assertThatThrownBy(() -> Range.exactly(max).plus(Range.exactly(new Bytes(1)))).isInstanceOf(ArithmeticException.class);
      assertThatThrownBy(() -> Range.exactly(max).times(2)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void exactArithmetic() {
      // 512 MiB - 80 MiB = 432 MiB = 432 × 1,048,576 = 452,984,832
      assertThat(Bytes.mib(512).minus(Bytes.mib(80)).value()).isEqualTo(452_984_832L);
      // 2 × 316 MiB = 632 MiB = 662,700,032
      assertThat(Bytes.mib(316).times(2).value()).isEqualTo(662_700_032L);
      // 432 MiB - 632 MiB = -200 MiB: headroom may be negative
      assertThat(Bytes.mib(432).minus(Bytes.mib(632))).isEqualTo(Bytes.mib(-200));
      // an optimization never saves more than there is
      assertThat(Bytes.mib(5).minusClamped(Bytes.mib(20))).isEqualTo(Bytes.ZERO);
      // 60 MiB - 5 MiB = 55 MiB
      assertThat(Bytes.mib(60).minusClamped(Bytes.mib(5))).isEqualTo(Bytes.mib(55));
    }

    @Test
    void canonicalToString() {
      // 432 × 1,048,576 = 452,984,832
      assertThat(new Bytes(452_984_832L)).hasToString("432 MiB");
      // 1.5 × 1,073,741,824 = 1,610,612,736
      assertThat(new Bytes(1_610_612_736L)).hasToString("1.5 GiB");
      // 15.625 × 1,073,741,824 = 16,777,216,000
      assertThat(new Bytes(16_777_216_000L)).hasToString("15.625 GiB");
      // 1,000 < 1,024: bytes
      assertThat(new Bytes(1_000L)).hasToString("1000 B");
      // -1,040 × 1,048,576 = -1,090,519,040; in GiB that is -1.015625 (6 decimals), so MiB
      assertThat(new Bytes(-1_090_519_040L)).hasToString("-1040 MiB");
      assertThat(new Bytes(1_024L)).hasToString("1 KiB");
      assertThat(Bytes.ZERO).hasToString("0 B");
      assertThat(new Bytes(1_023L)).hasToString("1023 B");
      // 1,536 = 1.5 × 1,024
      assertThat(new Bytes(1_536L)).hasToString("1.5 KiB");
      // 1,025 / 1,024 = 1.0009765625 (10 decimals, more than 3): printed in bytes
      assertThat(new Bytes(1_025L)).hasToString("1025 B");
      // 1.0625 MiB = 1,114,112 bytes has 4 decimals in MiB, so 1.0625 × 1,024 = 1,088 KiB
      assertThat(new Bytes(1_114_112L)).hasToString("1088 KiB");
      // 1.125 MiB = 1,179,648 bytes: 3 decimals are allowed
      assertThat(new Bytes(1_179_648L)).hasToString("1.125 MiB");
      // 2^60 = 1 EiB
      assertThat(new Bytes(1L << 60)).hasToString("1 EiB");
      // 2^63 - 1 is odd: only bytes print it exactly
      assertThat(new Bytes(Long.MAX_VALUE)).hasToString("9223372036854775807 B");
      assertThat(new Bytes(Long.MIN_VALUE)).hasToString("-9223372036854775808 B");
      // 512 MiB - 80 MiB
      assertThat(Bytes.mib(512).minus(Bytes.mib(80))).hasToString("432 MiB");
    }

    @Test
    void canonicalFormReadsBack() {
      for (long v : new long[] {0, 1, 1_000, 1_024, 1_536, 452_984_832L, 16_777_216_000L, 1L << 60, Long.MAX_VALUE}) {
        assertThat(Units.parseCatalogBytes(new Bytes(v).toString()).value()).as("%d", v).isEqualTo(v);
      }
    }

    @Test
    void rangeInvariants() {
      assertThatThrownBy(() -> new Range(Bytes.mib(2), Bytes.mib(1))).isInstanceOf(IllegalArgumentException.class);
      // (45..60 MiB) × 2 = 90..120 MiB
      assertThat(Units.parseCatalogRange("45..60MiB").times(2)).isEqualTo(Units.parseCatalogRange("90..120MiB"));
      // 45..60 MiB minus 50 MiB, clamped: 0..10 MiB
      assertThat(Units.parseCatalogRange("45..60MiB").minusClamped(Bytes.mib(50))).hasToString("0..10 MiB");
    }
  }
}
