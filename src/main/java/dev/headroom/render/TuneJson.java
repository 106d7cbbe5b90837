package dev.headroom.render;

import dev.headroom.model.Bytes;
import dev.headroom.runtime.Part;
import dev.headroom.runtime.RuntimeModel;
import dev.headroom.runtime.Tuning;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code tune --format json}: the {@code headroom.tune/v1} object (docs/models.md#tune,
 * docs/schema/tune.schema.json). Keys may be added, never renamed.
 */
public final class TuneJson {
  private TuneJson() {}

  public static final String SCHEMA = "headroom.tune/v1";

  /** One part of the footprint; {@code estimate} when the range is headroom's estimate, not a setting's. */
  public record PartOut(String name, long lowBytes, long highBytes, boolean estimate) {}

  /** The footprint: its range and its parts. */
  public record FootprintOut(long lowBytes, long highBytes, List<PartOut> parts) {}

  /** The whole object. */
  public record TuneOut(
      String schema, String runtime, long limitBytes, Map<String, String> settings, FootprintOut footprint, boolean fits,
      String configure, List<String> notes) {}

  static TuneOut of(RuntimeModel model, Bytes limit, Tuning t) {
    List<PartOut> parts = t.footprint().parts().stream()
        .map((Part p) -> new PartOut(p.name(), p.memory().low().value(), p.memory().high().value(), p.estimate()))
        .toList();
    return new TuneOut(SCHEMA, model.id(), limit.value(), t.settings(),
        new FootprintOut(t.footprint().total().low().value(), t.footprint().total().high().value(), parts), t.fits(),
        model.configure(t.settings()), t.notes());
  }

  public static void render(RuntimeModel model, Bytes limit, Tuning t, PrintWriter out) {
    Json.write(of(model, limit, t), out);
  }
}
