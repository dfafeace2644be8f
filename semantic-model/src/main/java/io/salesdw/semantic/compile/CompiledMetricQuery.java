package io.salesdw.semantic.compile;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * A metric query compiled to one SQL query (Calcite's dialect) over the lake's tables: a row per
 * combination of the dimensions, a column per dimension and per metric.
 *
 * @param sql the query
 * @param dimensionColumns the dimension columns, in query order
 * @param metricColumns the metric columns, in query order
 * @param tables the lake tables it reads, such as {@code gold/fact_order}
 */
record CompiledMetricQuery(
    String sql, List<String> dimensionColumns, List<String> metricColumns, Set<String> tables) {
  CompiledMetricQuery {
    requireNonNull(sql, "sql is null");
    dimensionColumns = List.copyOf(requireNonNull(dimensionColumns, "dimensionColumns is null"));
    metricColumns = List.copyOf(requireNonNull(metricColumns, "metricColumns is null"));
    tables = Set.copyOf(requireNonNull(tables, "tables is null"));
  }
}
