package io.salesdw.reports.superset;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * A governed metric as a Superset metric: its aggregate expression in Trino's SQL over the
 * dataset's columns, its label, description and number format, and {@code extra} with the
 * certification Superset shows and the model's governance (owner, unit, version).
 */
public record DatasetMetric(
    String metricName,
    String expression,
    String verboseName,
    String description,
    Optional<String> d3format,
    Map<String, Object> extra) {
  public DatasetMetric {
    requireNonNull(metricName, "metricName is null");
    requireNonNull(expression, "expression is null");
    requireNonNull(verboseName, "verboseName is null");
    requireNonNull(description, "description is null");
    requireNonNull(d3format, "d3format is null");
    extra = Map.copyOf(requireNonNull(extra, "extra is null"));
  }
}
