package io.salesdw.semantic.engine;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One row of a query's result: a value per column, empty for SQL NULL. Values are Java types that
 * keep their meaning whatever the JVM's time zone: {@code String}, {@code Boolean}, {@code Byte},
 * {@code Short}, {@code Integer}, {@code Long}, {@code Float}, {@code Double}, {@code BigDecimal}
 * (also for an engine's integers wider than 64 bits, such as DuckDB's sum of a {@code BIGINT}),
 * {@code LocalDate} for a {@code DATE}, and {@code Instant} for a {@code TIMESTAMP} (the engines
 * normalise timestamps to UTC) or a {@code TIMESTAMP WITH TIME ZONE}.
 *
 * @param values the row's values, in column order
 */
public record ResultRow(List<Optional<Object>> values) {
  public ResultRow {
    values = List.copyOf(requireNonNull(values, "values is null"));
  }

  /** The value of the column at {@code index} (from 0), empty for NULL. */
  public Optional<Object> value(int index) {
    return values.get(index);
  }

  /** The number of values. */
  public int size() {
    return values.size();
  }
}
