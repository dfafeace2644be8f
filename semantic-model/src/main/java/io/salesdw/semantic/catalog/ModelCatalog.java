package io.salesdw.semantic.catalog;

import static java.util.Objects.requireNonNull;

import io.salesdw.semantic.catalog.MetricLineage.GoldColumn;
import io.salesdw.semantic.engine.InMemoryTable;
import io.salesdw.semantic.engine.InMemoryTable.Column;
import io.salesdw.semantic.model.ConversionMetric;
import io.salesdw.semantic.model.CumulativeMetric;
import io.salesdw.semantic.model.DerivedMetric;
import io.salesdw.semantic.model.Dimension;
import io.salesdw.semantic.model.Metric;
import io.salesdw.semantic.model.MetricGovernance;
import io.salesdw.semantic.model.RatioMetric;
import io.salesdw.semantic.model.SemanticManifest;
import io.salesdw.semantic.model.SemanticModel;
import io.salesdw.semantic.model.SimpleMetric;
import io.salesdw.semantic.model.TimeGrain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The semantic model as tables that SQL reads like any other: {@code catalog.metrics} (one row per
 * metric, with its governance), {@code catalog.dimensions} (one row per dimension, with the grains
 * of a time dimension) and {@code catalog.metric_lineage} (one row per gold column a metric reads,
 * see {@link MetricLineage}). {@code salesdw metrics} prints the same rows.
 *
 * <p>Columns that hold a table's or a column's name are {@code table_name} and {@code column_name}:
 * {@code TABLE} and {@code COLUMN} are reserved words in SQL.
 */
public final class ModelCatalog {
  /** The schema of the catalog's tables. */
  public static final String SCHEMA = "catalog";

  public static final String METRICS = "metrics";
  public static final String DIMENSIONS = "dimensions";
  public static final String METRIC_LINEAGE = "metric_lineage";

  /** What {@code metric_time} means, for its row of {@code catalog.dimensions}. */
  static final String METRIC_TIME_DESCRIPTION =
      "The time of each metric's measures (their agg time dimension): puts metrics of several"
          + " models on one time axis.";

  private static final List<Column> METRIC_COLUMNS =
      List.of(
          text("name", false),
          text("type", false),
          text("label", false),
          text("unit", false),
          text("format", false),
          text("certification", false),
          text("owner", false),
          new Column("version", SqlTypeName.INTEGER, false),
          text("description_en", false),
          text("description_zh", false));

  private static final List<Column> DIMENSION_COLUMNS =
      List.of(
          text("name", false),
          text("type", false),
          text("grains", true),
          text("model", true),
          text("table_name", true),
          text("expr", true),
          text("description", false));

  private static final List<Column> LINEAGE_COLUMNS =
      List.of(text("metric", false), text("table_name", false), text("column_name", false));

  private ModelCatalog() {}

  /** The catalog's three tables, in the schema {@value #SCHEMA}. */
  public static List<InMemoryTable> tables(SemanticManifest manifest) {
    return List.of(metrics(manifest), dimensions(manifest), metricLineage(manifest));
  }

  /** {@code catalog.metrics}: one row per metric, in the manifest's order. */
  public static InMemoryTable metrics(SemanticManifest manifest) {
    requireNonNull(manifest, "manifest is null");
    List<List<Optional<Object>>> rows = new ArrayList<>();
    for (Metric metric : manifest.metrics()) {
      MetricGovernance governance = metric.governance();
      rows.add(
          values(
              metric.name(),
              typeName(metric),
              governance.label(),
              governance.unit(),
              governance.format(),
              lowerCase(governance.certification()),
              governance.owner(),
              governance.version(),
              governance.description().en(),
              governance.description().zh()));
    }
    return new InMemoryTable(SCHEMA, METRICS, METRIC_COLUMNS, rows);
  }

  /**
   * {@code catalog.dimensions}: {@code metric_time} first, then each model's dimensions in the
   * manifest's order. {@code grains} lists a time dimension's grains, comma-separated.
   */
  public static InMemoryTable dimensions(SemanticManifest manifest) {
    requireNonNull(manifest, "manifest is null");
    List<List<Optional<Object>>> rows = new ArrayList<>();
    rows.add(
        values(Dimension.METRIC_TIME, "time", grains(), null, null, null, METRIC_TIME_DESCRIPTION));
    for (SemanticModel model : manifest.semanticModels()) {
      for (Dimension dimension : model.dimensions()) {
        rows.add(
            values(
                dimension.name(),
                lowerCase(dimension.type()),
                dimension.isTime() ? grains() : null,
                model.name(),
                model.table(),
                dimension.expr(),
                dimension.description()));
      }
    }
    return new InMemoryTable(SCHEMA, DIMENSIONS, DIMENSION_COLUMNS, rows);
  }

  /** {@code catalog.metric_lineage}: each metric's gold columns, by table and column. */
  public static InMemoryTable metricLineage(SemanticManifest manifest) {
    requireNonNull(manifest, "manifest is null");
    List<List<Optional<Object>>> rows = new ArrayList<>();
    for (Map.Entry<String, SortedSet<GoldColumn>> metric :
        MetricLineage.ofAll(manifest).entrySet()) {
      for (GoldColumn column : metric.getValue()) {
        rows.add(values(metric.getKey(), column.table(), column.column()));
      }
    }
    return new InMemoryTable(SCHEMA, METRIC_LINEAGE, LINEAGE_COLUMNS, rows);
  }

  /** A metric's type as the model's YAML writes it: {@code simple}, {@code ratio}, … */
  public static String typeName(Metric metric) {
    requireNonNull(metric, "metric is null");
    if (metric instanceof SimpleMetric) {
      return "simple";
    } else if (metric instanceof RatioMetric) {
      return "ratio";
    } else if (metric instanceof DerivedMetric) {
      return "derived";
    } else if (metric instanceof CumulativeMetric) {
      return "cumulative";
    } else if (metric instanceof ConversionMetric) {
      return "conversion";
    }
    throw new IllegalArgumentException("unknown metric type " + metric.getClass());
  }

  /** Every time dimension's grains, as a query's suffix names them, comma-separated. */
  private static String grains() {
    return Arrays.stream(TimeGrain.values())
        .map(TimeGrain::suffix)
        .collect(Collectors.joining(","));
  }

  private static String lowerCase(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static Column text(String name, boolean nullable) {
    return new Column(name, SqlTypeName.VARCHAR, nullable);
  }

  private static List<Optional<Object>> values(Object... values) {
    List<Optional<Object>> row = new ArrayList<>();
    for (Object value : values) {
      row.add(Optional.ofNullable(value));
    }
    return row;
  }
}
