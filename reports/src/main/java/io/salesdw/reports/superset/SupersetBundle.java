package io.salesdw.reports.superset;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The assets as a bundle for {@code POST /api/v1/dashboard/import/} (or {@code /assets/import/}): a
 * ZIP with one root folder holding {@code metadata.yaml} and the YAML of the database, datasets,
 * charts and dashboards, linked by uuid as Superset's export links them. The uuids come from the
 * names, so importing a newer bundle over an older one matches the same objects.
 */
public final class SupersetBundle {
  /** The bundle format version Superset's importer accepts. */
  static final String VERSION = "1.0.0";

  private static final DateTimeFormatter ROOT_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT).withZone(ZoneOffset.UTC);

  private SupersetBundle() {}

  /** The bundle's files: path (under the root folder) to YAML text, in writing order. */
  static Map<String, String> files(SupersetAssets assets, Instant exportedAt) {
    ObjectMapper yaml =
        new ObjectMapper(
            YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build());
    Map<String, String> files = new LinkedHashMap<>();
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("version", VERSION);
    metadata.put("type", "Dashboard");
    metadata.put("timestamp", TIMESTAMP.format(exportedAt.truncatedTo(ChronoUnit.SECONDS)));
    files.put("metadata.yaml", text(yaml, metadata));

    DatabaseAsset database = assets.database();
    Map<String, Object> db = new LinkedHashMap<>();
    db.put("database_name", database.databaseName());
    db.put("sqlalchemy_uri", database.sqlalchemyUri());
    db.put("cache_timeout", null);
    db.put("expose_in_sqllab", true);
    db.put("allow_run_async", false);
    db.put("allow_ctas", false);
    db.put("allow_cvas", false);
    db.put("allow_dml", false);
    db.put("allow_csv_upload", false);
    db.put("extra", Map.of("allows_virtual_table_explore", true));
    db.put("uuid", database.uuid().toString());
    db.put("version", VERSION);
    files.put("databases/" + fileName(database.databaseName()) + ".yaml", text(yaml, db));

    for (DatasetAsset dataset : assets.datasets()) {
      Map<String, Object> ds = new LinkedHashMap<>();
      ds.put("table_name", dataset.tableName());
      ds.put("main_dttm_col", dataset.mainDttmCol().orElse(null));
      ds.put("description", dataset.description());
      ds.put("default_endpoint", null);
      ds.put("offset", 0);
      ds.put("cache_timeout", null);
      ds.put("schema", dataset.schema());
      ds.put("sql", dataset.sql());
      ds.put("params", null);
      ds.put("template_params", null);
      ds.put("filter_select_enabled", true);
      ds.put("fetch_values_predicate", null);
      ds.put("extra", null);
      ds.put("uuid", dataset.uuid().toString());
      List<Map<String, Object>> metrics = new ArrayList<>();
      for (DatasetMetric metric : dataset.metrics()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric_name", metric.metricName());
        m.put("verbose_name", metric.verboseName());
        m.put("metric_type", null);
        m.put("expression", metric.expression());
        m.put("description", metric.description());
        m.put("d3format", metric.d3format().orElse(null));
        m.put("extra", metric.extra());
        m.put("warning_text", null);
        metrics.add(m);
      }
      ds.put("metrics", metrics);
      List<Map<String, Object>> columns = new ArrayList<>();
      for (DatasetColumn column : dataset.columns()) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("column_name", column.columnName());
        c.put("verbose_name", null);
        c.put("is_dttm", column.isDttm());
        c.put("is_active", true);
        c.put("type", null);
        c.put("groupby", column.groupby());
        c.put("filterable", true);
        c.put("expression", null);
        c.put("description", column.description());
        c.put("python_date_format", null);
        columns.add(c);
      }
      ds.put("columns", columns);
      ds.put("version", VERSION);
      ds.put("database_uuid", database.uuid().toString());
      files.put(
          "datasets/"
              + fileName(database.databaseName())
              + "/"
              + fileName(dataset.tableName())
              + ".yaml",
          text(yaml, ds));
    }

    // Chart ids exist only to tie the layout to the charts: the importer maps them by uuid.
    Map<String, Integer> chartIds = new LinkedHashMap<>();
    for (ChartAsset chart : assets.charts()) {
      int id = chartIds.size() + 1;
      chartIds.put(chart.sliceName(), id);
      DatasetAsset dataset =
          assets
              .dataset(chart.datasetTable())
              .orElseThrow(() -> new IllegalStateException("no dataset " + chart.datasetTable()));
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("slice_name", chart.sliceName());
      c.put("description", chart.description());
      c.put("certified_by", null);
      c.put("certification_details", null);
      c.put("viz_type", chart.vizType());
      c.put("params", chart.formData());
      c.put("query_context", null);
      c.put("cache_timeout", null);
      c.put("uuid", chart.uuid().toString());
      c.put("version", VERSION);
      c.put("dataset_uuid", dataset.uuid().toString());
      files.put("charts/" + fileName(chart.sliceName()) + "_" + id + ".yaml", text(yaml, c));
    }

    int dashboardId = 0;
    for (DashboardAsset dashboard : assets.dashboards()) {
      dashboardId++;
      List<DashboardLayout.PlacedChart> placed = new ArrayList<>();
      for (ChartAsset chart : assets.charts()) {
        if (dashboard.charts().contains(chart.sliceName())) {
          placed.add(
              new DashboardLayout.PlacedChart(
                  chartIds.get(chart.sliceName()), chart.sliceName(), chart.uuid()));
        }
      }
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("dashboard_title", dashboard.dashboardTitle());
      d.put("description", dashboard.description());
      d.put("css", "");
      d.put("slug", dashboard.slug());
      d.put("certified_by", null);
      d.put("certification_details", null);
      d.put("published", true);
      d.put("uuid", dashboard.uuid().toString());
      d.put("position", DashboardLayout.position(dashboard.dashboardTitle(), placed));
      d.put("metadata", DashboardLayout.metadata());
      d.put("version", VERSION);
      files.put(
          "dashboards/" + fileName(dashboard.dashboardTitle()) + "_" + dashboardId + ".yaml",
          text(yaml, d));
    }
    return files;
  }

  /**
   * Writes the bundle as a ZIP.
   *
   * @return the number of YAML files written
   * @throws io.salesdw.contracts.SalesdwException if the file cannot be written
   */
  public static int write(SupersetAssets assets, Path zip, Instant exportedAt) {
    requireNonNull(assets, "assets is null");
    requireNonNull(zip, "zip is null");
    requireNonNull(exportedAt, "exportedAt is null");
    Map<String, String> files = files(assets, exportedAt);
    String root = "dashboard_export_" + ROOT_STAMP.format(exportedAt) + "/";
    try {
      Path parent = zip.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (OutputStream out = Files.newOutputStream(zip);
          ZipOutputStream zipOut = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
        for (Map.Entry<String, String> file : files.entrySet()) {
          ZipEntry entry = new ZipEntry(root + file.getKey());
          entry.setTime(exportedAt.toEpochMilli());
          zipOut.putNextEntry(entry);
          zipOut.write(file.getValue().getBytes(StandardCharsets.UTF_8));
          zipOut.closeEntry();
        }
      }
    } catch (IOException e) {
      throw SupersetErrors.cannotWrite(zip.toString(), e);
    }
    return files.size();
  }

  /** A name as Superset's export names files: letters, digits, '-' and '_' kept, the rest '_'. */
  static String fileName(String name) {
    return name.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  private static String text(ObjectMapper yaml, Object value) {
    try {
      return yaml.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of strings, numbers and lists always serialise", e);
    }
  }
}
