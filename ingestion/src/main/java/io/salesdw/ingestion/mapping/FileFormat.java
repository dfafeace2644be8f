package io.salesdw.ingestion.mapping;

import java.util.Locale;
import java.util.Optional;

/** How the rows of an export file are written. */
public enum FileFormat {
  /** RFC 4180 CSV with a header line; the delimiter is configurable. */
  CSV,
  /** One JSON object per line. */
  JSONL;

  /** The format named in a mapping ({@code csv}, {@code jsonl}). */
  static Optional<FileFormat> parse(String text) {
    for (FileFormat format : values()) {
      if (format.name().toLowerCase(Locale.ROOT).equals(text)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** The format a file name implies ({@code .csv}, {@code .jsonl}, also under {@code .gz}). */
  static Optional<FileFormat> fromFileName(String name) {
    String lower = name.toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
    if (lower.endsWith(".csv")) {
      return Optional.of(CSV);
    }
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
      return Optional.of(JSONL);
    }
    return Optional.empty();
  }
}
