package io.salesdw.semantic.compile;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlNode;

/**
 * A question for the semantic layer: metrics, grouped by dimensions, over the rows a condition on
 * dimensions keeps. It is what an analyst's {@code MEASURE} query says once parsed.
 *
 * @param metrics the metrics, each a result column
 * @param groupBy the dimensions, each a result column
 * @param where a condition over dimensions (by name), applied to the rows before aggregation
 */
record MetricQuery(
    List<RequestedMetric> metrics, List<DimensionReference> groupBy, Optional<SqlNode> where) {
  MetricQuery {
    metrics = List.copyOf(requireNonNull(metrics, "metrics is null"));
    groupBy = List.copyOf(requireNonNull(groupBy, "groupBy is null"));
    requireNonNull(where, "where is null");
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("a metric query asks for at least one metric");
    }
  }
}
