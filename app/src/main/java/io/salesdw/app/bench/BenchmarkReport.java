package io.salesdw.app.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The result of a benchmark: its parameters and the summary of every figure. */
public record BenchmarkReport(
    String benchmark,
    Map<String, String> parameters,
    int warmupRuns,
    int measuredRuns,
    List<FigureSummary> figures) {
  public BenchmarkReport {
    requireNonNull(benchmark, "benchmark is null");
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    figures = List.copyOf(figures);
  }

  /** A plain-text table, one line per figure, for a person. */
  public String toTable() {
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "%s %s (%d warm-up, %d measured runs)%n",
            benchmark,
            parameters,
            warmupRuns,
            measuredRuns));
    table.append(
        String.format(
            Locale.ROOT, "%-24s %-8s %14s %14s %14s%n", "figure", "unit", "min", "median", "max"));
    for (FigureSummary figure : figures) {
      table.append(
          String.format(
              Locale.ROOT,
              "%-24s %-8s %14s %14s %14s%n",
              figure.figure(),
              figure.unit(),
              format(figure.min()),
              format(figure.median()),
              format(figure.max())));
    }
    return table.toString();
  }

  /** Writes the report as CSV: one row per figure, the parameters repeated on each row. */
  public void writeCsv(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      List<String> header = new java.util.ArrayList<>(List.of("benchmark"));
      header.addAll(parameters.keySet());
      header.addAll(List.of("warmup_runs", "runs", "figure", "unit", "min", "median", "max"));
      try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
          CSVPrinter csv =
              CSVFormat.RFC4180
                  .builder()
                  .setHeader(header.toArray(String[]::new))
                  .setRecordSeparator('\n')
                  .get()
                  .print(writer)) {
        for (FigureSummary figure : figures) {
          List<Object> row = new java.util.ArrayList<>(List.of(benchmark));
          row.addAll(parameters.values());
          row.addAll(
              List.of(
                  warmupRuns,
                  measuredRuns,
                  figure.figure(),
                  figure.unit(),
                  plain(figure.min()),
                  plain(figure.median()),
                  plain(figure.max())));
          csv.printRecord(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write benchmark results to " + file, e);
    }
  }

  private static String format(double value) {
    return Math.abs(value) >= 1000
        ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%.3f", value);
  }

  private static String plain(double value) {
    return String.format(Locale.ROOT, "%.6f", value);
  }
}
