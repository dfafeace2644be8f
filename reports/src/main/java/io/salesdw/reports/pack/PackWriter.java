package io.salesdw.reports.pack;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.salesdw.reports.pack.PackBlock.Cell;
import io.salesdw.reports.pack.PackBlock.Chart;
import io.salesdw.reports.pack.PackBlock.Note;
import io.salesdw.reports.pack.PackBlock.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.commons.text.StringEscapeUtils;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Writes a pack as {@code index.html} (one self-contained page: inline CSS and SVG charts, no
 * script, nothing fetched) and {@code report.pdf} (the same content, one section per page, charts
 * as PNG, the CJK font embedded).
 */
public final class PackWriter {
  private static final String CSS =
      "body{font-family:'Noto Sans CJK SC','Droid Sans Fallback','PackCJK',sans-serif;"
          + "color:#1d2733;margin:24px auto;max-width:980px;font-size:13px}"
          + "h1{font-size:24px;border-bottom:3px solid #1f5a96;padding-bottom:6px}"
          + "h2{font-size:18px;color:#1f5a96;margin-top:28px;border-bottom:1px solid #c9d6e3}"
          + "h3{font-size:14px;margin:16px 0 6px}"
          + "table{border-collapse:collapse;width:100%;margin:4px 0 12px}"
          + "th{background:#1f5a96;color:#fff;text-align:left;padding:4px 8px;font-weight:bold}"
          + "td{padding:3px 8px;border-bottom:1px solid #e3e8ee}"
          + "td.num{text-align:right}"
          + ".green{background:#d8f0de}.yellow{background:#fdf1c7}.red{background:#f8d3cf}"
          + ".heat0{background:#ffffff}.heat1{background:#dbe7f3}.heat2{background:#a9c6e3}"
          + ".heat3{background:#6d9fcf;color:#fff}.heat4{background:#1f5a96;color:#fff}"
          + "p.note{color:#4a5a6a;margin:4px 0}"
          + ".chart svg,.chart img{max-width:100%;height:auto}"
          + ".meta{color:#6a7a8a}"
          + "section{page-break-before:always}section.first{page-break-before:avoid}"
          + "@page{size:A4;margin:14mm}";

  private final Optional<Path> cjkFont;

  /** A writer whose PDF embeds {@code cjkFont} (needed for Chinese text in the PDF). */
  public PackWriter(Optional<Path> cjkFont) {
    this.cjkFont = cjkFont;
  }

  /** Writes {@code index.html} and {@code report.pdf} into {@code directory} (created). */
  public PackFiles write(MonthlyHealthPack pack, Path directory) {
    try {
      Files.createDirectories(directory);
      Path html = directory.resolve("index.html");
      Files.writeString(html, document(pack, false), StandardCharsets.UTF_8);
      Path pdf = directory.resolve("report.pdf");
      try (OutputStream out = Files.newOutputStream(pdf)) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        cjkFont.ifPresent(font -> builder.useFont(font.toFile(), PackFonts.PDF_FAMILY));
        builder.withHtmlContent(document(pack, true), directory.toUri().toString());
        builder.toStream(out);
        builder.run();
      }
      int pages;
      try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
        pages = document.getNumberOfPages();
      }
      return new PackFiles(html, pdf, pages);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the health pack to " + directory, e);
    }
  }

  /** The XHTML of the pack: inline SVG charts for the browser, PNG images for the PDF. */
  static String document(MonthlyHealthPack pack, boolean forPdf) {
    Properties labels = pack.language().labels();
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
        .append(pack.language().code())
        .append("\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>")
        .append(escape(pack.title()))
        .append("</title>\n<style>")
        .append(forPdf ? CSS.replace("body{font-family:", "body{font-family:'PackCJK',") : CSS)
        .append("</style>\n</head>\n<body>\n");
    boolean first = true;
    for (PackSection section : pack.sections()) {
      html.append("<section id=\"")
          .append(escape(section.id()))
          .append(first ? "\" class=\"first\">\n" : "\">\n");
      if (first) {
        html.append("<h1>").append(escape(pack.title())).append("</h1>\n");
        html.append("<p class=\"meta\">")
            .append(escape(labels.getProperty("pack.generated")))
            .append("</p>\n");
        first = false;
      }
      html.append("<h2>").append(escape(section.title())).append("</h2>\n");
      for (PackBlock block : section.blocks()) {
        if (block instanceof Table table) {
          appendTable(html, table);
        } else if (block instanceof Chart chart) {
          html.append("<h3>")
              .append(escape(chart.caption()))
              .append("</h3>\n<div class=\"chart\">");
          if (forPdf) {
            html.append("<img style=\"width:100%\" alt=\"")
                .append(escape(chart.caption()))
                .append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(chart.png()))
                .append("\"/>");
          } else {
            html.append(chart.svg());
          }
          html.append("</div>\n");
        } else if (block instanceof Note note) {
          html.append("<p class=\"note\">").append(escape(note.text())).append("</p>\n");
        }
      }
      html.append("</section>\n");
    }
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  private static void appendTable(StringBuilder html, Table table) {
    html.append("<h3>").append(escape(table.caption())).append("</h3>\n<table>\n<tr>");
    for (String header : table.headers()) {
      html.append("<th>").append(escape(header)).append("</th>");
    }
    html.append("</tr>\n");
    for (List<Cell> row : table.rows()) {
      html.append("<tr>");
      for (Cell cell : row) {
        html.append("<td");
        String classes = cell.figure().isPresent() ? "num" : "";
        if (cell.status().isPresent()) {
          classes = (classes + " " + cell.status().get()).trim();
        }
        if (!classes.isEmpty()) {
          html.append(" class=\"").append(escape(classes)).append('"');
        }
        cell.figure()
            .ifPresent(
                figure ->
                    html.append(" data-metric=\"")
                        .append(escape(figure.metric()))
                        .append("\" data-key=\"")
                        .append(escape(figure.key()))
                        .append("\" data-value=\"")
                        .append(escape(figure.value()))
                        .append('"'));
        html.append('>').append(escape(cell.text())).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</table>\n");
  }

  private static String escape(String text) {
    return StringEscapeUtils.escapeXml11(text);
  }
}
