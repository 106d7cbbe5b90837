package dev.headroom.render;

import dev.headroom.solve.Report;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * {@code report --format html}: the markdown report turned into one self-contained page (commonmark
 * with GitHub tables), the chart inline as SVG. Raw HTML in the markdown is escaped, so nothing a
 * catalog file says can become markup.
 */
public final class ReportHtml {
  private ReportHtml() {}

  /** The image source the markdown gives the chart; the HTML puts the SVG in its place. */
  private static final String CHART_SOURCE = "headroom-chart";

  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

  public static void render(Report r, String generator, PrintWriter out) {
    StringWriter md = new StringWriter();
    try (PrintWriter w = new PrintWriter(md)) {
      ReportMarkdown.render(r, new ReportMarkdown.Chart(CHART_SOURCE), generator, w);
    }
    Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    HtmlRenderer html = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();
    String body = html.render(parser.parse(md.toString()));
    String img = "<img src=\"" + CHART_SOURCE + "\" alt=\"" + ReportMarkdown.CHART_TITLE + "\" />";
    if (!body.contains(img)) {
      throw new IllegalStateException("the chart's place is missing from the HTML");
    }
    body = body.replace(img, MemoryChart.svg(r.matrix(), ReportMarkdown.CHART_TITLE).strip());
    out.println("<!DOCTYPE html>");
    out.println("<html lang=\"en\">");
    out.println("<head>");
    out.println("<meta charset=\"utf-8\">");
    out.println("<title>Capacity report: " + MemoryChart.xml(r.stack().name()) + "</title>");
    out.println("<style>");
    out.println("body { font-family: sans-serif; max-width: 70rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }");
    out.println("table { border-collapse: collapse; margin: 0.5rem 0; }");
    out.println("th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; }");
    out.println("th { background: #f4f4f4; }");
    out.println("code { background: #f4f4f4; padding: 0 0.2rem; }");
    out.println("blockquote { color: #555; border-left: 3px solid #ccc; margin-left: 0; padding-left: 0.75rem; }");
    out.println("</style>");
    out.println("</head>");
    out.println("<body>");
    out.print(body);
    out.println("</body>");
    out.println("</html>");
  }
}
