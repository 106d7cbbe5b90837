package dev.headroom.render;

import dev.headroom.model.Bytes;
import dev.headroom.runtime.Part;
import dev.headroom.runtime.RuntimeModel;
import dev.headroom.runtime.Tuning;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** {@code tune} as text: the settings, the footprint part by part against the limit, and how to pass them. */
public final class TuneText {
  private TuneText() {}

  public static void render(RuntimeModel model, Bytes limit, Tuning t, Style style, PrintWriter out) {
    out.println(style.bold(capitalized(model.title()) + " in " + limit));
    out.println();
    TextTable settings = new TextTable(List.of("SETTING", "VALUE"));
    for (Map.Entry<String, String> e : t.settings().entrySet()) {
      settings.row(Style.clean(e.getKey()), e.getValue().isEmpty() ? "\"\"" : Style.clean(e.getValue()));
    }
    out.print(settings.render());
    out.println();
    TextTable parts = new TextTable(List.of("FOOTPRINT", "MEMORY"), TextTable.Align.LEFT, TextTable.Align.RIGHT);
    for (Part p : t.footprint().parts()) {
      parts.row(Style.clean(p.name()) + (p.estimate() ? " (estimate)" : ""), p.memory().toString());
    }
    parts.row("total", t.footprint().total().toString());
    out.print(parts.render());
    out.println();
    Bytes high = t.footprint().total().high();
    out.println(t.fits()
        ? style.bold("fits") + ": up to " + high + " of " + limit + ", " + limit.minus(high) + " to spare at the high end"
        : style.bold("does not fit") + ": up to " + high + " against " + limit + ", " + high.minus(limit) + " over at the high end");
    out.println();
    out.println("To use them:");
    for (String line : model.configure(t.settings()).split("\n", -1)) {
      if (!line.isEmpty()) {
        out.println("  " + Style.clean(line));
      }
    }
    for (String note : t.notes()) {
      out.println();
      out.println("note: " + note);
    }
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
