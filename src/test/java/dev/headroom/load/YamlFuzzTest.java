package dev.headroom.load;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the safe YAML reader, which also reads JSON (docs/fuzzing.md): any bytes are nodes or
 * headroom's own {@link InputException}; never another exception, never a class loaded or a file read.
 */
class YamlFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void yamlOrJson(byte[] data) {
    try {
      new YamlReader().readAll(new Source("fuzz.yaml", null, data));
    } catch (InputException e) {
      // headroom's own input error: fine
    }
  }
}
