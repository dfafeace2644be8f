package io.salesdw.semantic.model;

import static java.util.Objects.requireNonNull;

/**
 * A table with one row per day (MetricFlow's time spine): cumulative metrics are reported for every
 * period it covers between a measure's first and last rows, including periods with no rows of their
 * own, so that a running total does not skip a quiet month.
 *
 * @param table the lake table, such as {@code gold/dim_date}
 * @param column its DATE column
 * @param location where it is declared
 */
public record TimeSpine(String table, String column, SourceLocation location) {
  public TimeSpine {
    requireNonNull(table, "table is null");
    requireNonNull(column, "column is null");
    requireNonNull(location, "location is null");
  }
}
