package dev.headroom.compose;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.headroom.load.InputException;
import java.util.ArrayList;
import java.util.Map;

/**
 * Fuzzes the {@code .env} parser and interpolation (docs/fuzzing.md): any text is variables or
 * headroom's own input error ({@link InputException}, {@link InterpolationException}), never another exception.
 */
class DotEnvFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void dotEnvAndInterpolation(FuzzedDataProvider in) {
    String name = in.consumeString(16);
    String value = in.consumeString(64);
    String text = in.consumeRemainingAsString();
    try {
      DotEnv.parse(".env", text, Lookup.of(Map.of(name.isEmpty() ? "X" : name, value)), new ArrayList<>());
    } catch (InputException | InterpolationException e) {
      // headroom's own input errors: fine
    }
    try {
      Interpolation.substitute(text, Lookup.of(Map.of(name.isEmpty() ? "X" : name, value)), new ArrayList<>());
    } catch (InterpolationException e) {
      // fine
    }
  }
}
