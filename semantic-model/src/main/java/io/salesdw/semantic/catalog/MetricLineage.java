package io.salesdw.semantic.catalog;

import static java.util.Comparator.comparing;
import static java.util.Objects.requireNonNull;

import io.salesdw.semantic.compile.ExpressionColumns;
import io.salesdw.semantic.model.ConversionMetric;
import io.salesdw.semantic.model.Dimension;
import io.salesdw.semantic.model.Measure;
import io.salesdw.semantic.model.Metric;
import io.salesdw.semantic.model.SemanticManifest;
import io.salesdw.semantic.model.SemanticModel;
import io.salesdw.semantic.model.SimpleMetric;
import io.salesdw.semantic.model.TimeGrain;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which gold columns each metric reads: its measures found through its ratio, derived and
 * cumulative inputs, and for each measure the columns of its expr, of its agg time dimension (what
 * {@code metric_time} means for it), of its non-additive dimension and of its semantic model's
 * filter; a conversion metric adds its entity's key in both models, a simple metric's filter the
 * columns of the dimensions and entities it names. Join keys a query needs to reach a dimension it
 * groups by are the query's lineage, not the metric's, and are not listed.
 */
public final class MetricLineage {
  private static final Comparator<GoldColumn> ORDER =
      comparing(GoldColumn::table).thenComparing(GoldColumn::column);

  private MetricLineage() {}

  /**
   * One column of a lake table.
   *
   * @param table the lake table, such as {@code gold/fact_order}
   * @param column the column's name as the model writes it
   */
  public record GoldColumn(String table, String column) implements Comparable<GoldColumn> {
    public GoldColumn {
      requireNonNull(table, "table is null");
      requireNonNull(column, "column is null");
    }

    @Override
    public int compareTo(GoldColumn other) {
      return ORDER.compare(this, other);
    }
  }

  /**
   * The columns a metric reads, ordered by table and column.
   *
   * @param manifest a valid manifest
   * @throws IllegalArgumentException if the manifest has no such metric
   */
  public static SortedSet<GoldColumn> of(SemanticManifest manifest, String metricName) {
    requireNonNull(manifest, "manifest is null");
    requireNonNull(metricName, "metricName is null");
    Metric metric =
        manifest
            .metric(metricName)
            .orElseThrow(() -> new IllegalArgumentException("no metric " + metricName));
    SortedSet<GoldColumn> columns = new TreeSet<>();
    Set<String> seen = new HashSet<>();
    Deque<Metric> pending = new ArrayDeque<>();
    pending.add(metric);
    while (!pending.isEmpty()) {
      Metric next = pending.remove();
      // A valid manifest has no metric cycle; the seen set keeps a diamond from being walked
      // twice.
      if (!seen.add(next.name())) {
        continue;
      }
      next.inputMetrics().forEach(input -> manifest.metric(input).ifPresent(pending::add));
      for (String measure : next.inputMeasures()) {
        manifest
            .modelOfMeasure(measure)
            .ifPresent(model -> measureColumns(model, manifest.measure(measure), columns));
      }
      if (next instanceof ConversionMetric conversion) {
        for (String measure : conversion.inputMeasures()) {
          manifest
              .modelOfMeasure(measure)
              .ifPresent(
                  model ->
                      model
                          .entity(conversion.entity())
                          .ifPresent(entity -> read(model, entity.expr(), columns)));
        }
      }
      if (next instanceof SimpleMetric simple && simple.filter().isPresent()) {
        filterColumns(manifest, simple, columns);
      }
    }
    return columns;
  }

  /** The columns of every metric, by metric name in the manifest's order. */
  public static Map<String, SortedSet<GoldColumn>> ofAll(SemanticManifest manifest) {
    requireNonNull(manifest, "manifest is null");
    Map<String, SortedSet<GoldColumn>> lineage = new LinkedHashMap<>();
    for (Metric metric : manifest.metrics()) {
      lineage.put(metric.name(), of(manifest, metric.name()));
    }
    return lineage;
  }

  private static void measureColumns(
      SemanticModel model, Optional<Measure> found, Set<GoldColumn> columns) {
    if (found.isEmpty()) {
      return;
    }
    Measure measure = found.get();
    read(model, measure.expr(), columns);
    measure
        .aggTimeDimension()
        .or(model::defaultTimeDimension)
        .flatMap(model::dimension)
        .ifPresent(dimension -> read(model, dimension.expr(), columns));
    measure
        .nonAdditiveDimension()
        .flatMap(nonAdditive -> model.dimension(nonAdditive.timeDimension()))
        .ifPresent(dimension -> read(model, dimension.expr(), columns));
    model.filter().ifPresent(filter -> read(model, filter, columns));
  }

  /** A simple metric's filter names dimensions (maybe at a grain) and entities of its model. */
  private static void filterColumns(
      SemanticManifest manifest, SimpleMetric metric, Set<GoldColumn> columns) {
    Optional<SemanticModel> measureModel = manifest.modelOfMeasure(metric.measure());
    for (String name : ExpressionColumns.namesRead(metric.filter().orElseThrow())) {
      String dimensionName = withoutGrain(name);
      Optional<SemanticModel> dimensionModel = manifest.modelOfDimension(dimensionName);
      if (dimensionModel.isPresent()) {
        dimensionModel
            .get()
            .dimension(dimensionName)
            .map(Dimension::expr)
            .ifPresent(expr -> read(dimensionModel.get(), expr, columns));
      } else {
        measureModel.ifPresent(
            model -> model.entity(name).ifPresent(entity -> read(model, entity.expr(), columns)));
      }
    }
  }

  private static String withoutGrain(String name) {
    int separator = name.lastIndexOf(TimeGrain.SEPARATOR);
    if (separator > 0
        && TimeGrain.fromSuffix(name.substring(separator + TimeGrain.SEPARATOR.length()))
            .isPresent()) {
      return name.substring(0, separator);
    }
    return name;
  }

  private static void read(SemanticModel model, String expr, Set<GoldColumn> columns) {
    for (String column : ExpressionColumns.namesRead(expr)) {
      columns.add(new GoldColumn(model.table(), column));
    }
  }
}
