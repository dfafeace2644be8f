package io.salesdw.ingestion.mapping;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.ContractColumn;
import io.salesdw.contracts.LogicalType;
import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How one kind of export file maps onto one contract, with the source-level defaults applied: which
 * files (a glob), how they are written, which source column feeds each contract column, how dates,
 * times and enumerations are spelled.
 *
 * @param pattern a glob over the path relative to the input directory ({@code changes/*.jsonl});
 *     without a {@code /} it matches the file name in any directory. A {@code .gz} suffix of the
 *     file is ignored: {@code leads.csv} matches {@code leads.csv.gz}, which is decompressed.
 * @param columns contract column to source column, for the columns whose names differ
 * @param columnFormats contract column to its own date or timestamp format
 * @param values contract column to a map of source value to contract value (enumerations)
 * @param absentColumns nullable contract columns the export does not have; they land as null
 */
public record FileMapping(
    String entity,
    String pattern,
    FileFormat format,
    Charset encoding,
    char delimiter,
    ZoneId timeZone,
    TemporalFormat timestampFormat,
    TemporalFormat dateFormat,
    Map<String, TemporalFormat> columnFormats,
    Map<String, String> columns,
    Map<String, Map<String, String>> values,
    Set<String> absentColumns,
    List<String> trueValues,
    List<String> falseValues,
    List<String> nullValues) {
  public FileMapping {
    requireNonNull(entity, "entity is null");
    requireNonNull(pattern, "pattern is null");
    requireNonNull(format, "format is null");
    requireNonNull(encoding, "encoding is null");
    requireNonNull(timeZone, "timeZone is null");
    requireNonNull(timestampFormat, "timestampFormat is null");
    requireNonNull(dateFormat, "dateFormat is null");
    columnFormats = Map.copyOf(requireNonNull(columnFormats, "columnFormats is null"));
    columns = Map.copyOf(requireNonNull(columns, "columns is null"));
    values = Map.copyOf(requireNonNull(values, "values is null"));
    absentColumns = Set.copyOf(requireNonNull(absentColumns, "absentColumns is null"));
    trueValues = List.copyOf(requireNonNull(trueValues, "trueValues is null"));
    falseValues = List.copyOf(requireNonNull(falseValues, "falseValues is null"));
    nullValues = List.copyOf(requireNonNull(nullValues, "nullValues is null"));
  }

  /** The name of the source column (CSV header or JSON field) feeding a contract column. */
  public String sourceColumn(String contractColumn) {
    return columns.getOrDefault(contractColumn, contractColumn);
  }

  /** The format a date or timestamp column is read with. */
  public TemporalFormat temporalFormat(ContractColumn column) {
    TemporalFormat own = columnFormats.get(column.name());
    if (own != null) {
      return own;
    }
    return column.type().kind() == LogicalType.Kind.DATE ? dateFormat : timestampFormat;
  }

  /** The map of source values to contract values of a column, if it has one. */
  public Optional<Map<String, String>> valueMap(String contractColumn) {
    return Optional.ofNullable(values.get(contractColumn));
  }

  /** Whether a file, by its path relative to the input directory, is one of these. */
  public boolean matches(String relativePath) {
    return matches(pattern, relativePath);
  }

  static boolean matches(String pattern, String relativePath) {
    String path = relativePath.replaceFirst("\\.gz$", "");
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    Path candidate = Path.of(path);
    if (!pattern.contains("/")) {
      candidate = candidate.getFileName();
    }
    return matcher.matches(candidate);
  }
}
