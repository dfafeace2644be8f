package io.salesdw.reports.superset;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A semantic model as a Superset virtual dataset: the view's SQL compiled for Trino, its columns,
 * its time column and its governed metrics.
 */
public record DatasetAsset(
    String semanticModel,
    String tableName,
    String schema,
    String sql,
    String description,
    Optional<String> mainDttmCol,
    List<DatasetColumn> columns,
    List<DatasetMetric> metrics,
    UUID uuid) {
  public DatasetAsset {
    requireNonNull(semanticModel, "semanticModel is null");
    requireNonNull(tableName, "tableName is null");
    requireNonNull(schema, "schema is null");
    requireNonNull(sql, "sql is null");
    requireNonNull(description, "description is null");
    requireNonNull(mainDttmCol, "mainDttmCol is null");
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
    metrics = List.copyOf(requireNonNull(metrics, "metrics is null"));
    requireNonNull(uuid, "uuid is null");
  }

  /** The metric of that name. */
  public Optional<DatasetMetric> metric(String name) {
    return metrics.stream().filter(m -> m.metricName().equals(name)).findFirst();
  }
}
