package dev.headroom.render;

import dev.headroom.model.Bytes;
import dev.headroom.model.Host;
import dev.headroom.model.Scenario;
import dev.headroom.solve.MatrixResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's chart: memory demand (the estimate's end) of every scenario for agents 1..N against
 * the available memory of every host. As an SVG (written beside a report, or inside the HTML one)
 * and as a Mermaid {@code xychart-beta} block (GitHub renders it) when the report goes to standard
 * output and no file can sit beside it. Coordinates are doubles: they place pixels; every figure in
 * a label is exact.
 */
public final class MemoryChart {
  private MemoryChart() {}

  private static final String[] SCENARIO_COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2"};
  private static final String[] HOST_COLORS = {"#d62728", "#7f7f7f", "#17becf", "#bcbd22", "#393b79", "#637939"};

  private static final int WIDTH = 900;
  private static final int HEIGHT = 420;
  private static final int LEFT = 80;
  /** Room on the right for the legend, outside the plot. */
  private static final int RIGHT = 260;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;

  /** A line of the chart: a scenario's demand per agent count, or a host's available memory. */
  private record Series(String label, List<Bytes> values, boolean host) {}

  /** The chart's series and the top of its axis; hosts far above the demand are left out and named. */
  private record Data(List<Series> series, List<Host> above, long top) {}

  private static Data data(MatrixResult m) {
    List<Series> series = new ArrayList<>();
    Bytes maxDemand = Bytes.ZERO;
    for (Scenario sc : m.scenarios()) {
      List<Bytes> values = new ArrayList<>();
      for (long n = 1; n <= m.maxAgents(); n++) {
        Bytes b = m.demand(sc).shared().end(m.estimate()).plus(m.demand(sc).perAgent().end(m.estimate()).times(n));
        values.add(b);
        maxDemand = b.compareTo(maxDemand) > 0 ? b : maxDemand;
      }
      series.add(new Series(sc.name(), values, false));
    }
    // a host more than twice the largest demand would flatten every other line: named, not drawn
    List<Host> above = new ArrayList<>();
    Bytes top = maxDemand;
    for (Host h : m.hosts()) {
      Bytes a = h.available();
      if (!maxDemand.isZero() && a.compareTo(maxDemand.times(2)) > 0) {
        above.add(h);
        continue;
      }
      series.add(new Series(h.id() + " available", java.util.Collections.nCopies((int) m.maxAgents(), a), true));
      top = a.compareTo(top) > 0 ? a : top;
    }
    return new Data(series, above, niceTop(top.value()));
  }

  /**
   * The axis top: the value rounded up to 1, 2, 4 or 5 × 10^k of a binary unit (MiB, GiB, ...), so
   * that its quarters are round too; at least 1 MiB.
   */
  static long niceTop(long bytes) {
    long unit = Bytes.MIB;
    while (bytes / unit >= 1000 && unit <= Long.MAX_VALUE / 1024) {
      unit *= 1024;
    }
    long steps = Math.max(1, bytes / unit + (bytes % unit == 0 ? 0 : 1));
    long base = 1;
    while (base * 10 < steps) {
      base *= 10;
    }
    long top = steps <= base ? base : steps <= 2 * base ? 2 * base : steps <= 4 * base ? 4 * base
        : steps <= 5 * base ? 5 * base : 10 * base;
    try {
      return Math.multiplyExact(top, unit);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  // ------------------------------------------------------------------ SVG

  /** A standalone SVG document. */
  public static String svg(MatrixResult m, String title) {
    Data d = data(m);
    StringBuilder s = new StringBuilder();
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    s.append("  <title>").append(xml(title)).append("</title>\n");
    s.append("  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    s.append("  <text x=\"").append(WIDTH / 2).append("\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">")
        .append(xml(title)).append("</text>\n");
    // y axis: five ticks
    for (int i = 0; i <= 4; i++) {
      long v = d.top() / 4 * i;
      double y = TOP + plotH - plotH * i / 4.0;
      s.append("  <line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(fmt(y))
          .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#e0e0e0\"/>\n");
      s.append("  <text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4)).append("\" text-anchor=\"end\">")
          .append(xml(Bytes.of(v).toString())).append("</text>\n");
    }
    // x axis: agent counts
    long n = m.maxAgents();
    long every = Math.max(1, n / 10);
    for (long a = 1; a <= n; a++) {
      if ((a - 1) % every != 0 && a != n) {
        continue;
      }
      double x = x(a, n, plotW);
      s.append("  <text x=\"").append(fmt(x)).append("\" y=\"").append(HEIGHT - BOTTOM + 18)
          .append("\" text-anchor=\"middle\">").append(a).append("</text>\n");
    }
    s.append("  <text x=\"").append(fmt(LEFT + plotW / 2)).append("\" y=\"").append(HEIGHT - 12)
        .append("\" text-anchor=\"middle\">agents</text>\n");
    s.append("  <line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" y2=\"")
        .append(fmt(TOP + plotH)).append("\" stroke=\"#444\"/>\n");
    s.append("  <line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(fmt(TOP + plotH))
        .append("\" y2=\"").append(fmt(TOP + plotH)).append("\" stroke=\"#444\"/>\n");
    int scenarioIndex = 0;
    int hostIndex = 0;
    List<String> legend = new ArrayList<>();
    for (Series se : d.series()) {
      String color = se.host() ? HOST_COLORS[hostIndex++ % HOST_COLORS.length]
          : SCENARIO_COLORS[scenarioIndex++ % SCENARIO_COLORS.length];
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < se.values().size(); i++) {
        double x = se.values().size() == 1 && se.host() ? (i == 0 ? LEFT : WIDTH - RIGHT) : x(i + 1, n, plotW);
        double y = TOP + plotH - plotH * ratio(se.values().get(i).value(), d.top());
        points.append(i == 0 ? "" : " ").append(fmt(x)).append(',').append(fmt(y));
      }
      if (se.host()) {
        double y = TOP + plotH - plotH * ratio(se.values().get(0).value(), d.top());
        s.append("  <line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(fmt(y))
            .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"").append(color)
            .append("\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n");
      } else {
        s.append("  <polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\" points=\"").append(points)
            .append("\"/>\n");
      }
      legend.add(color + "\u0000" + (se.host() ? "- - " : "—— ") + se.label()
          + (se.host() ? " (" + se.values().get(0) + ")" : " demand"));
    }
    for (Host h : d.above()) {
      legend.add("#999999\u0000" + h.id() + " available (" + h.available() + ") is above the chart");
    }
    int ly = TOP + 4;
    for (String l : legend) {
      String[] parts = l.split("\u0000", 2);
      s.append("  <text x=\"").append(WIDTH - RIGHT + 16).append("\" y=\"").append(ly + 10).append("\" fill=\"").append(parts[0])
          .append("\">").append(xml(parts[1])).append("</text>\n");
      ly += 16;
    }
    s.append("</svg>\n");
    return s.toString();
  }

  private static double x(long agents, long max, double plotW) {
    return max == 1 ? LEFT + plotW / 2 : LEFT + plotW * (agents - 1) / (double) (max - 1);
  }

  private static double ratio(long v, long top) {
    return top == 0 ? 0 : Math.min(1.0, v / (double) top);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** Text from a catalog file, safe in XML and HTML: cleaned of control characters, markup escaped. */
  static String xml(String s) {
    return Style.clean(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  // ------------------------------------------------------------------ Mermaid

  /**
   * A Mermaid {@code xychart-beta} block in MiB (rounded up, so a line never looks lower than it is),
   * with the order of its lines written under it: xychart draws no legend.
   */
  public static String mermaid(MatrixResult m, String title) {
    Data d = data(m);
    StringBuilder s = new StringBuilder("```mermaid\nxychart-beta\n");
    s.append("  title \"").append(label(title)).append("\"\n");
    s.append("  x-axis \"agents\" [");
    for (long a = 1; a <= m.maxAgents(); a++) {
      s.append(a == 1 ? "" : ", ").append(a);
    }
    s.append("]\n");
    s.append("  y-axis \"MiB\" 0 --> ").append(mib(d.top())).append('\n');
    List<String> order = new ArrayList<>();
    for (Series se : d.series()) {
      s.append("  line [");
      for (int i = 0; i < se.values().size(); i++) {
        s.append(i == 0 ? "" : ", ").append(mib(se.values().get(i).value()));
      }
      s.append("]\n");
      order.add(se.host() ? "`" + se.label() + "` (" + se.values().get(0) + ")" : "`" + se.label() + "` demand");
    }
    s.append("```\n\n");
    s.append("Lines, in order: ").append(String.join(", ", order)).append('.');
    for (Host h : d.above()) {
      s.append(" `").append(h.id()).append("` (").append(h.available()).append(" available) is above the chart.");
    }
    s.append('\n');
    return s.toString();
  }

  private static String mib(long bytes) {
    return new BigDecimal(bytes).divide(BigDecimal.valueOf(Bytes.MIB), 0, RoundingMode.CEILING).toPlainString();
  }

  /** Mermaid has no escape for a double quote in a title. */
  private static String label(String s) {
    return Style.clean(s).replace("\"", "'");
  }
}
