package io.salesdw.semantic.compile;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * An analyst's query as SQL over the lake's tables, in Calcite's dialect.
 *
 * @param sql the query to validate and run
 * @param metricQuery whether it was a {@code MEASURE} query, compiled from the semantic model
 * @param lakeTables the lake tables a metric query reads (empty for plain SQL, whose tables the
 *     validator finds)
 * @param dimensionColumns a metric query's dimension columns
 * @param metricColumns a metric query's metric columns
 */
public record RewrittenQuery(
    String sql,
    boolean metricQuery,
    Set<String> lakeTables,
    List<String> dimensionColumns,
    List<String> metricColumns) {
  public RewrittenQuery {
    requireNonNull(sql, "sql is null");
    lakeTables = Set.copyOf(requireNonNull(lakeTables, "lakeTables is null"));
    dimensionColumns = List.copyOf(requireNonNull(dimensionColumns, "dimensionColumns is null"));
    metricColumns = List.copyOf(requireNonNull(metricColumns, "metricColumns is null"));
  }
}
