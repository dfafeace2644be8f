package io.salesdw.reports.pack;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** A block of a pack section: a table of figures, a chart or a note. */
public sealed interface PackBlock {
  /**
   * A table. Each cell is text, and a figure cell also names the metric and the group it answers
   * (kept in the HTML as {@code data-metric}, {@code data-key} and {@code data-value}, so the
   * figures can be checked against the semantic layer).
   */
  record Table(String caption, List<String> headers, List<List<Cell>> rows) implements PackBlock {
    public Table {
      requireNonNull(caption, "caption is null");
      headers = List.copyOf(headers);
      rows = rows.stream().map(List::copyOf).toList();
    }
  }

  /**
   * A table cell: its text, its figure (metric, group key, raw value) when it shows one, and a
   * status class (green, yellow, red, or a heat level) for its colour.
   */
  record Cell(String text, Optional<Figure> figure, Optional<String> status) {
    public Cell {
      requireNonNull(text, "text is null");
      requireNonNull(figure, "figure is null");
      requireNonNull(status, "status is null");
    }

    static Cell text(String text) {
      return new Cell(text, Optional.empty(), Optional.empty());
    }
  }

  /** A governed figure: the metric, the group it answers (values joined by '|') and its value. */
  record Figure(String metric, String key, String value) {
    public Figure {
      requireNonNull(metric, "metric is null");
      requireNonNull(key, "key is null");
      requireNonNull(value, "value is null");
    }
  }

  /** A chart rendered twice: SVG for the HTML, PNG for the PDF. */
  record Chart(String caption, String svg, byte[] png) implements PackBlock {
    public Chart {
      requireNonNull(caption, "caption is null");
      requireNonNull(svg, "svg is null");
      png = png.clone();
    }

    @Override
    public byte[] png() {
      return png.clone();
    }
  }

  /** A sentence of explanation or a finding. */
  record Note(String text) implements PackBlock {
    public Note {
      requireNonNull(text, "text is null");
    }
  }
}
