package io.salesdw.semantic.compile;

import static java.util.Objects.requireNonNull;

/**
 * A metric a query asks for, as a result column.
 *
 * @param metric the metric's name
 * @param comparison the period comparison, or {@link PeriodComparison#NONE}
 * @param columnName the result column's name
 */
record RequestedMetric(String metric, PeriodComparison comparison, String columnName) {
  RequestedMetric {
    requireNonNull(metric, "metric is null");
    requireNonNull(comparison, "comparison is null");
    requireNonNull(columnName, "columnName is null");
  }
}
