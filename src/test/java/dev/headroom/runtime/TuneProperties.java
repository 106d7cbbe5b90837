package dev.headroom.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.headroom.model.Bytes;
import dev.headroom.runtime.RuntimeModel.Demand;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;

/**
 * The law of tune, for every runtime: for any limit, either the settings fit it (the footprint's
 * high end is at most the limit) or the limit is below the minimum TooSmall names, and that minimum
 * itself is enough, and the least that is.
 */
class TuneProperties {

  @Provide
  Arbitrary<RuntimeModel> models() {
    return Arbitraries.of(Runtimes.ALL);
  }

  /** Mostly the small limits where the minimum lies, some up to 64 GiB. */
  @Provide
  Arbitrary<Long> limits() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.longs().between(1, 2L << 30)),
        Tuple.of(1, Arbitraries.longs().between(1, 64L << 30)));
  }

  @Property(tries = 1000)
  void tunedSettingsFitOrTheMinimumIsNamedAndEnough(@ForAll("models") RuntimeModel model,
      @ForAll("limits") long limitBytes, @ForAll @LongRange(min = 1, max = 2000) long demand) {
    Demand d = new Demand(model.id().equals("postgres") ? demand : null, model.id().equals("jvm") ? demand : null);
    Bytes limit = Bytes.of(limitBytes);
    try {
      Tuning t = model.tune(limit, d, Map.of());
      assertThat(t.fits()).isTrue();
      assertThat(t.footprint().total().high()).isLessThanOrEqualTo(limit);
      for (Map.Entry<String, String> e : t.settings().entrySet()) {
        assertThat(model.problem(e.getKey(), e.getValue())).as(e.toString()).isNull();
      }
    } catch (TooSmall e) {
      assertThat(e.minimum()).isGreaterThan(limit);
      try {
        assertThat(model.tune(e.minimum(), d, Map.of()).fits()).isTrue();
      } catch (TooSmall again) {
        fail("the minimum " + e.minimum() + " named for " + limit + " is not enough: " + again.getMessage());
      }
      try {
        model.tune(e.minimum().minus(Bytes.of(1)), d, Map.of());
        fail("the minimum " + e.minimum() + " is not the least: one byte less is enough");
      } catch (TooSmall expected) {
        assertThat(expected.minimum()).isEqualTo(e.minimum());
      }
    }
  }
}
