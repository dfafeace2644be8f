package io.salesdw.semantic.jdbc;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.semantic.SemanticLayer;
import io.salesdw.semantic.engine.ResultColumn;
import io.salesdw.semantic.engine.TableColumn;
import io.salesdw.semantic.model.Dimension;
import io.salesdw.semantic.model.Metric;
import io.salesdw.semantic.model.SemanticManifest;
import io.salesdw.semantic.model.SemanticModel;
import io.salesdw.semantic.model.SimpleMetric;
import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The columns of the {@code metrics} view: each dimension of the model, then each metric, typed as
 * the layer plans a query of it (a dimension with a simple metric of its own semantic model). One
 * whose query cannot be planned alone (a metric that needs a time grain and has none…) is typed
 * {@code OTHER}. Public for the served catalog (module serve), which lists the same view.
 */
public final class MetricsViewColumns {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsViewColumns.class);

  private MetricsViewColumns() {}

  /** The view's columns over the layer's model; public for the served catalog (serve module). */
  public static List<TableColumn> of(SemanticLayer layer) {
    SemanticManifest manifest = layer.manifest();
    List<TableColumn> columns = new ArrayList<>();
    for (SemanticModel model : manifest.semanticModels()) {
      Optional<String> metric = simpleMetricOf(manifest, model);
      for (Dimension dimension : model.dimensions()) {
        String name = dimension.name();
        columns.add(
            typed(
                layer,
                name,
                metric.map(
                    m -> "SELECT " + name + ", MEASURE(" + m + ") FROM metrics GROUP BY " + name)));
      }
    }
    for (Metric metric : manifest.metrics()) {
      String name = metric.name();
      Optional<TableColumn> alone =
          plannedType(layer, name, "SELECT MEASURE(" + name + ") FROM metrics");
      columns.add(
          alone.orElseGet(
              () ->
                  typed(
                      layer,
                      name,
                      Optional.of(
                          "SELECT MEASURE(" + name + ") FROM metrics GROUP BY metric_time__day"))));
    }
    return columns;
  }

  private static TableColumn typed(SemanticLayer layer, String name, Optional<String> query) {
    return query
        .flatMap(sql -> plannedType(layer, name, sql))
        .orElseGet(
            () -> new TableColumn(new ResultColumn(name, JDBCType.OTHER, "OTHER", 0, 0), true));
  }

  /** The type of the query's first column (its only one but for grouping columns not selected). */
  private static Optional<TableColumn> plannedType(SemanticLayer layer, String name, String sql) {
    try {
      ResultColumn column = layer.plan(sql).planned().columns().get(0);
      return Optional.of(new TableColumn(column.withName(name), true));
    } catch (SalesdwException e) {
      LOG.debug("No type for the metrics view's column {}: {}", name, e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<String> simpleMetricOf(SemanticManifest manifest, SemanticModel model) {
    return manifest.metrics().stream()
        .filter(SimpleMetric.class::isInstance)
        .map(SimpleMetric.class::cast)
        .filter(
            metric ->
                manifest
                    .modelOfMeasure(metric.measure())
                    .map(owner -> owner.name().equals(model.name()))
                    .orElse(false))
        .map(SimpleMetric::name)
        .findFirst();
  }
}
