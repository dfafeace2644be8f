package io.salesdw.semantic;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.semantic.MetricTestResult.Outcome;
import io.salesdw.semantic.compile.SemanticQueryRewriter;
import io.salesdw.semantic.engine.QueryResult;
import io.salesdw.semantic.engine.ResultRow;
import io.salesdw.semantic.model.Metric;
import io.salesdw.semantic.model.MetricTest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the metrics' {@code tests:} (Looker's data tests) through a semantic layer: each test asks
 * {@code SELECT <group-by…>, MEASURE(<metric>) FROM metrics [WHERE <where>] GROUP BY <group-by…>}
 * and compares the rows with its {@code expect} rows, in any order.
 *
 * <p>Values are compared by the result's type: numbers numerically, equal when they differ by at
 * most {@link #RELATIVE_TOLERANCE} of the expected value (of 1 below 1), so that a ratio written to
 * six decimals matches; dates as ISO text ({@code 2024-01-31}); timestamps as ISO instants, or as
 * the date when they fall on midnight UTC; booleans ignoring case; text exactly. An empty expected
 * value (YAML {@code null} or {@code ''}) is SQL NULL.
 */
public final class MetricTestRunner {
  /** How far apart two numbers may be, relative to the expected one, and still be equal. */
  public static final BigDecimal RELATIVE_TOLERANCE = new BigDecimal("0.000001");

  private MetricTestRunner() {}

  /** Runs every test of every metric of the layer's manifest, in the manifest's order. */
  public static List<MetricTestResult> run(SemanticLayer layer) {
    requireNonNull(layer, "layer is null");
    List<MetricTestResult> results = new ArrayList<>();
    for (Metric metric : layer.manifest().metrics()) {
      for (MetricTest test : metric.tests()) {
        results.add(run(layer, metric, test));
      }
    }
    return results;
  }

  /** Runs one test of a metric. */
  public static MetricTestResult run(SemanticLayer layer, Metric metric, MetricTest test) {
    requireNonNull(layer, "layer is null");
    requireNonNull(metric, "metric is null");
    requireNonNull(test, "test is null");
    String sql = sql(metric, test);
    List<String> columns = new ArrayList<>(test.groupBy());
    columns.add(metric.name());
    Optional<String> badRow = badExpectedRow(test, columns);
    if (badRow.isPresent()) {
      return error(metric, test, sql, badRow.get());
    }
    QueryResult result;
    try {
      result = layer.query(sql).result();
    } catch (SalesdwException e) {
      return error(metric, test, sql, e.getMessage());
    }
    List<Map<String, String>> missing = new ArrayList<>();
    List<ResultRow> unmatched = new ArrayList<>(result.rows());
    for (Map<String, String> expected : test.expect()) {
      Optional<ResultRow> match =
          unmatched.stream().filter(row -> matches(expected, columns, row)).findFirst();
      if (match.isPresent()) {
        unmatched.remove(match.get());
      } else {
        missing.add(ordered(expected, columns));
      }
    }
    List<Map<String, String>> unexpected = new ArrayList<>();
    for (ResultRow row : unmatched) {
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        values.put(columns.get(i), text(row.value(i)));
      }
      unexpected.add(values);
    }
    Outcome outcome = missing.isEmpty() && unexpected.isEmpty() ? Outcome.PASSED : Outcome.FAILED;
    return new MetricTestResult(
        metric.name(), test, sql, outcome, missing, unexpected, Optional.empty());
  }

  /** The test's metric query. */
  static String sql(Metric metric, MetricTest test) {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (String dimension : test.groupBy()) {
      sql.append(dimension).append(", ");
    }
    sql.append("MEASURE(")
        .append(metric.name())
        .append(") FROM ")
        .append(SemanticQueryRewriter.METRICS_VIEW);
    test.where().ifPresent(where -> sql.append(" WHERE ").append(where));
    if (!test.groupBy().isEmpty()) {
      sql.append(" GROUP BY ").append(String.join(", ", test.groupBy()));
    }
    return sql.toString();
  }

  /** Whether a value of the result equals the expected text, by the value's type. */
  static boolean matches(String expected, Optional<Object> actual) {
    if (actual.isEmpty()) {
      return expected.isEmpty();
    }
    Object value = actual.get();
    if (value instanceof Number number) {
      Optional<BigDecimal> actualNumber = decimal(number);
      if (actualNumber.isEmpty()) {
        return expected.equals(number.toString());
      }
      BigDecimal expectedNumber;
      try {
        expectedNumber = new BigDecimal(expected.strip());
      } catch (NumberFormatException e) {
        return false;
      }
      BigDecimal allowed = RELATIVE_TOLERANCE.multiply(expectedNumber.abs().max(BigDecimal.ONE));
      return actualNumber.get().subtract(expectedNumber).abs().compareTo(allowed) <= 0;
    } else if (value instanceof Instant instant) {
      String text = expected.strip();
      return text.equals(instant.toString())
          || isInstant(text, instant)
          || (instant.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay() == 0
              && instant.getNano() == 0
              && text.equals(instant.atOffset(ZoneOffset.UTC).toLocalDate().toString()));
    } else if (value instanceof LocalDate date) {
      return expected.strip().equals(date.toString());
    } else if (value instanceof Boolean bool) {
      return expected.strip().toLowerCase(Locale.ROOT).equals(bool.toString());
    }
    return expected.equals(value.toString());
  }

  /** A result value as text, as an expected row would write it; empty for NULL. */
  static String text(Optional<Object> value) {
    if (value.isEmpty()) {
      return "";
    }
    Object present = value.get();
    if (present instanceof Number number) {
      return decimal(number).map(BigDecimal::toPlainString).orElseGet(number::toString);
    }
    return present.toString();
  }

  private static boolean matches(
      Map<String, String> expected, List<String> columns, ResultRow row) {
    for (int i = 0; i < columns.size(); i++) {
      if (!matches(valueOf(expected, columns.get(i)), row.value(i))) {
        return false;
      }
    }
    return true;
  }

  /** Every expected row names each group-by dimension and the metric, and nothing else. */
  private static Optional<String> badExpectedRow(MetricTest test, List<String> columns) {
    Set<String> wanted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    wanted.addAll(columns);
    for (int i = 0; i < test.expect().size(); i++) {
      Set<String> keys = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      keys.addAll(test.expect().get(i).keySet());
      if (!keys.equals(wanted)) {
        return Optional.of(
            String.format(
                Locale.ROOT,
                "expected row %d names %s, but each row names the test's group-by"
                    + " dimensions and the metric: %s. Fix the row in %s.",
                i + 1,
                keys,
                columns,
                test.location()));
      }
    }
    return Optional.empty();
  }

  private static String valueOf(Map<String, String> row, String column) {
    for (Map.Entry<String, String> entry : row.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(column)) {
        return entry.getValue();
      }
    }
    throw new IllegalStateException("checked: " + column + " in " + row);
  }

  private static Map<String, String> ordered(Map<String, String> row, List<String> columns) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String column : columns) {
      values.put(column, valueOf(row, column));
    }
    return values;
  }

  private static boolean isInstant(String text, Instant instant) {
    try {
      return Instant.parse(text).equals(instant);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** A number as a decimal; empty for a NaN or an infinity. */
  private static Optional<BigDecimal> decimal(Number number) {
    if (number instanceof BigDecimal decimal) {
      return Optional.of(decimal);
    }
    if (number instanceof Double || number instanceof Float) {
      double value = number.doubleValue();
      return Double.isFinite(value)
          ? Optional.of(new BigDecimal(Double.toString(value)))
          : Optional.empty();
    }
    if (number instanceof BigInteger integer) {
      return Optional.of(new BigDecimal(integer));
    }
    return Optional.of(BigDecimal.valueOf(number.longValue()));
  }

  private static MetricTestResult error(
      Metric metric, MetricTest test, String sql, String message) {
    return new MetricTestResult(
        metric.name(), test, sql, Outcome.ERROR, List.of(), List.of(), Optional.of(message));
  }
}
