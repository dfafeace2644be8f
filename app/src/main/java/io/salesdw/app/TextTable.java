package io.salesdw.app;

import java.util.ArrayList;
import java.util.List;

/**
 * A table for a terminal: a header, a rule of dashes, then the rows, columns two spaces apart,
 * numbers right-aligned. Widths count a Chinese character as two columns, as terminals show it.
 */
final class TextTable {
  private final List<String> headers;
  private final List<Boolean> rightAligned;
  private final List<List<String>> rows = new ArrayList<>();

  /**
   * @param headers the column names
   * @param rightAligned for each column, whether it holds numbers
   */
  TextTable(List<String> headers, List<Boolean> rightAligned) {
    if (headers.size() != rightAligned.size()) {
      throw new IllegalArgumentException(headers.size() + " headers, " + rightAligned.size());
    }
    this.headers = List.copyOf(headers);
    this.rightAligned = List.copyOf(rightAligned);
  }

  /** A table whose columns are all left-aligned. */
  static TextTable of(String... headers) {
    List<Boolean> left = new ArrayList<>();
    for (int i = 0; i < headers.length; i++) {
      left.add(false);
    }
    return new TextTable(List.of(headers), left);
  }

  TextTable add(List<String> row) {
    if (row.size() != headers.size()) {
      throw new IllegalArgumentException(row.size() + " values for " + headers.size() + " columns");
    }
    rows.add(List.copyOf(row));
    return this;
  }

  /** The table's lines, without trailing blanks. */
  List<String> lines() {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = width(headers.get(i));
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], width(row.get(i)));
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(line(headers, widths));
    List<String> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    lines.add(line(rule, widths));
    for (List<String> row : rows) {
      lines.add(line(row, widths));
    }
    return lines;
  }

  void print(Console console) {
    lines().forEach(console::result);
  }

  private String line(List<String> values, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        line.append("  ");
      }
      String value = values.get(i);
      String padding = " ".repeat(widths[i] - width(value));
      if (rightAligned.get(i)) {
        line.append(padding).append(value);
      } else {
        line.append(value).append(padding);
      }
    }
    return line.toString().stripTrailing();
  }

  /** The columns a terminal gives the text: two for each East Asian wide character. */
  static int width(String text) {
    return text.codePoints().map(TextTable::width).sum();
  }

  private static int width(int codePoint) {
    boolean wide =
        (codePoint >= 0x1100 && codePoint <= 0x115F)
            || (codePoint >= 0x2E80 && codePoint <= 0xA4CF)
            || (codePoint >= 0xAC00 && codePoint <= 0xD7A3)
            || (codePoint >= 0xF900 && codePoint <= 0xFAFF)
            || (codePoint >= 0xFE30 && codePoint <= 0xFE4F)
            || (codePoint >= 0xFF00 && codePoint <= 0xFF60)
            || (codePoint >= 0xFFE0 && codePoint <= 0xFFE6)
            || (codePoint >= 0x20000 && codePoint <= 0x3FFFD);
    return wide ? 2 : 1;
  }
}
