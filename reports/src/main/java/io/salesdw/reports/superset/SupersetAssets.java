package io.salesdw.reports.superset;

import static java.util.Objects.requireNonNull;

import io.salesdw.semantic.compile.SemanticModelViews;
import io.salesdw.semantic.model.Certification;
import io.salesdw.semantic.model.Dimension;
import io.salesdw.semantic.model.Entity;
import io.salesdw.semantic.model.Measure;
import io.salesdw.semantic.model.Metric;
import io.salesdw.semantic.model.MetricGovernance;
import io.salesdw.semantic.model.SemanticManifest;
import io.salesdw.semantic.model.SemanticModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Superset should hold, derived from the semantic model alone (no lake, no server): the Trino
 * database, one virtual dataset per semantic model (the {@code semantic.<model>} view compiled for
 * Trino) with every governed metric that is one aggregate over it, the executive dashboards' charts
 * and dashboards, and the metrics left out with the reason. Every object has a uuid derived from
 * its name, so a bundle exported twice is the same bundle.
 */
public record SupersetAssets(
    DatabaseAsset database,
    List<DatasetAsset> datasets,
    List<ChartAsset> charts,
    List<DashboardAsset> dashboards,
    List<LeftOutMetric> leftOut) {
  /** The Superset database's name. */
  public static final String DATABASE_NAME = "salesdw_trino";

  /** The Trino schema the gold tables are in, and the virtual datasets' schema. */
  public static final String GOLD_SCHEMA = "gold";

  /** The prefix of the datasets' names: {@code semantic_orders} is the view of {@code orders}. */
  public static final String DATASET_PREFIX = "semantic_";

  private static final Pattern NUMBER_FORMAT = Pattern.compile("(#,##)?0(?:\\.(0+))?(%)?");

  public SupersetAssets {
    requireNonNull(database, "database is null");
    datasets = List.copyOf(requireNonNull(datasets, "datasets is null"));
    charts = List.copyOf(requireNonNull(charts, "charts is null"));
    dashboards = List.copyOf(requireNonNull(dashboards, "dashboards is null"));
    leftOut = List.copyOf(requireNonNull(leftOut, "leftOut is null"));
  }

  /** The assets of a model, with Superset reaching Trino as {@code trino}. */
  public static SupersetAssets of(SemanticManifest manifest, TrinoConnection trino) {
    requireNonNull(manifest, "manifest is null");
    requireNonNull(trino, "trino is null");
    DatabaseAsset database =
        new DatabaseAsset(DATABASE_NAME, trino.sqlalchemyUri(), uuid("database", DATABASE_NAME));
    Map<String, String> views =
        SemanticModelViews.of(
            manifest,
            table -> {
              int slash = table.indexOf('/');
              return TrinoSql.quote(table.substring(0, slash))
                  + "."
                  + TrinoSql.quote(table.substring(slash + 1));
            });
    MetricExpressions expressions = new MetricExpressions(manifest);
    Map<String, List<DatasetMetric>> metricsByModel = new LinkedHashMap<>();
    List<LeftOutMetric> leftOut = new ArrayList<>();
    for (Metric metric : manifest.metrics()) {
      MetricExpressions.Placement placement = expressions.place(metric);
      if (!placement.placed()) {
        leftOut.add(new LeftOutMetric(metric.name(), metric.name() + " " + placement.reason()));
      } else if (!views.containsKey(placement.model())) {
        leftOut.add(
            new LeftOutMetric(
                metric.name(), "its semantic model " + placement.model() + " has no view"));
      } else {
        String trinoSql = TrinoSql.print(TrinoSql.parseExpression(placement.expression()));
        metricsByModel
            .computeIfAbsent(placement.model(), m -> new ArrayList<>())
            .add(datasetMetric(metric, trinoSql));
      }
    }
    List<DatasetAsset> datasets = new ArrayList<>();
    for (SemanticModel model : manifest.semanticModels()) {
      String view = views.get(model.name());
      if (view == null) {
        continue;
      }
      String tableName = DATASET_PREFIX + model.name();
      datasets.add(
          new DatasetAsset(
              model.name(),
              tableName,
              GOLD_SCHEMA,
              TrinoSql.print(TrinoSql.parseQuery(view)),
              model.description(),
              model.defaultTimeDimension(),
              columns(model),
              metricsByModel.getOrDefault(model.name(), List.of()),
              uuid("dataset", tableName)));
    }
    ExecutiveDashboards executive = ExecutiveDashboards.of(datasets);
    return new SupersetAssets(
        database, datasets, executive.charts(), executive.dashboards(), leftOut);
  }

  /** The dataset of that name. */
  public Optional<DatasetAsset> dataset(String tableName) {
    return datasets.stream().filter(d -> d.tableName().equals(tableName)).findFirst();
  }

  /** The number of governed metrics placed on datasets. */
  public int metricCount() {
    return datasets.stream().mapToInt(d -> d.metrics().size()).sum();
  }

  static UUID uuid(String kind, String name) {
    return UUID.nameUUIDFromBytes(
        ("salesdw/superset/" + kind + "/" + name).getBytes(StandardCharsets.UTF_8));
  }

  private static List<DatasetColumn> columns(SemanticModel model) {
    // The view's columns in its order, first name wins, as SemanticModelViews writes them.
    Map<String, DatasetColumn> columns = new LinkedHashMap<>();
    for (Entity entity : model.entities()) {
      columns.putIfAbsent(
          entity.name().toLowerCase(Locale.ROOT),
          new DatasetColumn(
              entity.name(),
              "The "
                  + entity.name()
                  + " ("
                  + entity.type().name().toLowerCase(Locale.ROOT)
                  + " entity).",
              false,
              true));
    }
    for (Dimension dimension : model.dimensions()) {
      columns.putIfAbsent(
          dimension.name().toLowerCase(Locale.ROOT),
          new DatasetColumn(dimension.name(), dimension.description(), dimension.isTime(), true));
    }
    for (Measure measure : model.measures()) {
      columns.putIfAbsent(
          measure.name().toLowerCase(Locale.ROOT),
          new DatasetColumn(measure.name(), measure.description(), false, false));
    }
    return List.copyOf(columns.values());
  }

  private static DatasetMetric datasetMetric(Metric metric, String expression) {
    MetricGovernance governance = metric.governance();
    Map<String, Object> extra = new LinkedHashMap<>();
    if (governance.certification() == Certification.CERTIFIED) {
      extra.put(
          "certification",
          Map.of(
              "certified_by",
              governance.owner(),
              "details",
              "Governed metric " + metric.name() + ", version " + governance.version()));
    }
    Map<String, Object> salesdw = new LinkedHashMap<>();
    salesdw.put("certification", governance.certification().name().toLowerCase(Locale.ROOT));
    salesdw.put("owner", governance.owner());
    salesdw.put("unit", governance.unit());
    salesdw.put("version", governance.version());
    salesdw.put("description_zh", governance.description().zh());
    extra.put("salesdw", salesdw);
    return new DatasetMetric(
        metric.name(),
        expression,
        governance.label(),
        governance.description().en(),
        d3format(governance.format()),
        extra);
  }

  /** A model number format ({@code #,##0.00}, {@code 0.0%}) as a d3 format, if it is one. */
  static Optional<String> d3format(String format) {
    Matcher matcher = NUMBER_FORMAT.matcher(format);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    int decimals = matcher.group(2) == null ? 0 : matcher.group(2).length();
    String grouping = matcher.group(1) == null ? "" : ",";
    return Optional.of(grouping + "." + decimals + (matcher.group(3) == null ? "f" : "%"));
  }
}
