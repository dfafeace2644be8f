package io.salesdw.reports.superset;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Makes a Superset hold the assets, idempotently: each object is found by its key (database name;
 * dataset table, schema and database; chart name; dashboard slug), created if missing, and updated
 * only where it differs from the model, so a re-run over an unchanged model sends no write. A
 * dataset's metrics and columns are sent whole with the ids Superset gave them: a changed metric
 * keeps its id and is updated, and a metric no longer in the model is deleted.
 *
 * <pre>{@code
 * SyncSummary summary = SupersetSync.sync(
 *     new SupersetLogin(URI.create("http://localhost:8088"), "admin", password),
 *     SupersetAssets.of(SemanticManifestLoader.loadShipped(), TrinoConnection.defaults()),
 *     System.err::println);
 * }</pre>
 */
public final class SupersetSync {
  private final SupersetClient client;
  private final SupersetAssets assets;
  private final Consumer<String> progress;
  private final ObjectMapper json = new ObjectMapper();
  private final List<String> created = new ArrayList<>();
  private final List<String> updated = new ArrayList<>();
  private final List<String> unchanged = new ArrayList<>();
  private final List<String> removed = new ArrayList<>();
  private final Map<String, JsonNode> existingDatasets = new HashMap<>();

  private SupersetSync(SupersetClient client, SupersetAssets assets, Consumer<String> progress) {
    this.client = client;
    this.assets = assets;
    this.progress = progress;
  }

  /**
   * Syncs the assets to the Superset of the login.
   *
   * @param progress told of each step, for a command's progress lines
   * @throws io.salesdw.contracts.SalesdwException if the login is refused (a user error) or
   *     Superset fails or cannot be reached (external)
   */
  public static SyncSummary sync(
      SupersetLogin login, SupersetAssets assets, Consumer<String> progress) {
    return sync(login, assets, progress, SupersetClient.MAX_PAGE_SIZE);
  }

  static SyncSummary sync(
      SupersetLogin login, SupersetAssets assets, Consumer<String> progress, int pageSize) {
    requireNonNull(login, "login is null");
    requireNonNull(assets, "assets is null");
    requireNonNull(progress, "progress is null");
    progress.accept("Logging in to Superset at " + login.url() + " as " + login.user());
    SupersetClient client = SupersetClient.login(login, pageSize);
    return new SupersetSync(client, assets, progress).run();
  }

  private SyncSummary run() {
    int databaseId = syncDatabase(assets.database());
    Map<String, Integer> datasetIds = new HashMap<>();
    // One paged list of the database's datasets in the schema, rather than a look-up each.
    for (JsonNode listed :
        client.list(
            "dataset",
            List.of(
                SupersetClient.filter("database", "rel_o_m", databaseId),
                SupersetClient.filter("schema", "eq", SupersetAssets.GOLD_SCHEMA)))) {
      existingDatasets.put(listed.path("table_name").asText(), listed);
    }
    for (DatasetAsset dataset : assets.datasets()) {
      progress.accept(
          "Dataset " + dataset.tableName() + " (" + dataset.metrics().size() + " metrics)");
      datasetIds.put(dataset.tableName(), syncDataset(dataset, databaseId));
    }
    Map<String, Integer> dashboardIds = new LinkedHashMap<>();
    for (DashboardAsset dashboard : assets.dashboards()) {
      dashboardIds.put(dashboard.slug(), findOrCreateDashboard(dashboard));
    }
    Map<String, Integer> chartIds = new HashMap<>();
    for (ChartAsset chart : assets.charts()) {
      List<Integer> onDashboards = new ArrayList<>();
      for (DashboardAsset dashboard : assets.dashboards()) {
        if (dashboard.charts().contains(chart.sliceName())) {
          onDashboards.add(dashboardIds.get(dashboard.slug()));
        }
      }
      chartIds.put(
          chart.sliceName(), syncChart(chart, datasetIds.get(chart.datasetTable()), onDashboards));
    }
    for (DashboardAsset dashboard : assets.dashboards()) {
      progress.accept("Dashboard " + dashboard.dashboardTitle());
      syncDashboard(dashboard, dashboardIds.get(dashboard.slug()), chartIds);
    }
    return new SyncSummary(created, updated, unchanged, removed, assets.leftOut(), client.writes());
  }

  private int syncDatabase(DatabaseAsset database) {
    String name = "database " + database.databaseName();
    Optional<JsonNode> found =
        client.find(
            "database",
            List.of(SupersetClient.filter("database_name", "eq", database.databaseName())),
            name);
    if (found.isEmpty()) {
      ObjectNode body = json.createObjectNode();
      body.put("database_name", database.databaseName());
      body.put("sqlalchemy_uri", database.sqlalchemyUri());
      body.put("expose_in_sqllab", true);
      body.put("allow_run_async", false);
      body.put("allow_dml", false);
      body.put("extra", "{\"allows_virtual_table_explore\": true}");
      body.put("uuid", database.uuid().toString());
      created.add(name);
      return id(client.post("/database/", body), "POST /database/");
    }
    int id = id(found.get(), "GET /database/");
    JsonNode connection = client.get("/database/" + id + "/connection");
    JsonNode current = connection.has("result") ? connection.get("result") : connection;
    if (database.sqlalchemyUri().equals(current.path("sqlalchemy_uri").asText())
        && current.path("expose_in_sqllab").asBoolean(false)) {
      unchanged.add(name);
    } else {
      ObjectNode body = json.createObjectNode();
      body.put("sqlalchemy_uri", database.sqlalchemyUri());
      body.put("expose_in_sqllab", true);
      client.put("/database/" + id, body);
      updated.add(name);
    }
    return id;
  }

  private int syncDataset(DatasetAsset dataset, int databaseId) {
    if (!dataset.schema().equals(SupersetAssets.GOLD_SCHEMA)) {
      throw new IllegalArgumentException("datasets are in " + SupersetAssets.GOLD_SCHEMA);
    }
    String name = "dataset " + dataset.tableName();
    Optional<JsonNode> found = Optional.ofNullable(existingDatasets.get(dataset.tableName()));
    int id;
    boolean isNew = found.isEmpty();
    if (isNew) {
      ObjectNode body = json.createObjectNode();
      body.put("database", databaseId);
      body.put("table_name", dataset.tableName());
      body.put("schema", dataset.schema());
      body.put("sql", dataset.sql());
      id = id(client.post("/dataset/", body), "POST /dataset/");
      created.add(name);
    } else {
      id = id(found.get(), "GET /dataset/");
    }
    JsonNode current = client.get("/dataset/" + id).path("result");
    Map<String, JsonNode> currentMetrics = byName(current.path("metrics"), "metric_name");
    Map<String, JsonNode> currentColumns = byName(current.path("columns"), "column_name");
    ObjectNode body = json.createObjectNode();
    body.put("sql", dataset.sql());
    body.put("description", dataset.description());
    if (dataset.mainDttmCol().isPresent()) {
      body.put("main_dttm_col", dataset.mainDttmCol().get());
    } else {
      body.putNull("main_dttm_col");
    }
    ArrayNode columns = body.putArray("columns");
    boolean columnsDiffer =
        !currentColumns
            .keySet()
            .equals(names(dataset.columns().stream().map(DatasetColumn::columnName).toList()));
    for (DatasetColumn column : dataset.columns()) {
      ObjectNode wanted = columns.addObject();
      JsonNode existing = currentColumns.get(column.columnName());
      if (existing != null) {
        wanted.put("id", existing.path("id").asInt());
      }
      wanted.put("column_name", column.columnName());
      wanted.put("description", column.description());
      wanted.put("is_dttm", column.isDttm());
      wanted.put("groupby", column.groupby());
      wanted.put("filterable", true);
      columnsDiffer |= existing == null || !sameFields(wanted, existing);
    }
    ArrayNode metrics = body.putArray("metrics");
    boolean metricsDiffer = false;
    for (DatasetMetric metric : dataset.metrics()) {
      ObjectNode wanted = metrics.addObject();
      JsonNode existing = currentMetrics.get(metric.metricName());
      if (existing != null) {
        wanted.put("id", existing.path("id").asInt());
      }
      wanted.put("metric_name", metric.metricName());
      wanted.put("expression", metric.expression());
      wanted.put("verbose_name", metric.verboseName());
      wanted.put("description", metric.description());
      if (metric.d3format().isPresent()) {
        wanted.put("d3format", metric.d3format().get());
      } else {
        wanted.putNull("d3format");
      }
      wanted.put("extra", write(metric.extra()));
      boolean differs = existing == null || !sameFields(wanted, existing);
      metricsDiffer |= differs;
      if (!isNew) {
        String metricName = "metric " + dataset.tableName() + "." + metric.metricName();
        (existing == null ? created : differs ? updated : unchanged).add(metricName);
      }
    }
    for (String stale : currentMetrics.keySet()) {
      if (dataset.metric(stale).isEmpty()) {
        metricsDiffer = true;
        removed.add("metric " + dataset.tableName() + "." + stale);
      }
    }
    boolean differs =
        isNew
            || columnsDiffer
            || metricsDiffer
            || !Objects.equals(dataset.sql(), current.path("sql").asText(null))
            || !Objects.equals(dataset.description(), current.path("description").asText(null))
            || !Objects.equals(
                dataset.mainDttmCol().orElse(null), current.path("main_dttm_col").asText(null));
    if (differs) {
      client.put("/dataset/" + id + "?override_columns=false", body);
      if (!isNew) {
        updated.add(name);
      }
    } else {
      unchanged.add(name);
    }
    return id;
  }

  private int findOrCreateDashboard(DashboardAsset dashboard) {
    Optional<JsonNode> found =
        client.find(
            "dashboard",
            List.of(SupersetClient.filter("slug", "eq", dashboard.slug())),
            "dashboard " + dashboard.slug());
    if (found.isPresent()) {
      return id(found.get(), "GET /dashboard/");
    }
    ObjectNode body = json.createObjectNode();
    body.put("dashboard_title", dashboard.dashboardTitle());
    body.put("slug", dashboard.slug());
    body.put("published", true);
    created.add("dashboard " + dashboard.slug());
    return id(client.post("/dashboard/", body), "POST /dashboard/");
  }

  private int syncChart(ChartAsset chart, int datasetId, List<Integer> dashboards) {
    String name = "chart " + chart.sliceName();
    Map<String, Object> params = new LinkedHashMap<>(chart.formData());
    params.put("datasource", datasetId + "__table");
    ObjectNode body = json.createObjectNode();
    body.put("slice_name", chart.sliceName());
    body.put("viz_type", chart.vizType());
    body.put("datasource_id", datasetId);
    body.put("datasource_type", "table");
    body.put("description", chart.description());
    body.put("params", write(params));
    ArrayNode onDashboards = body.putArray("dashboards");
    dashboards.forEach(onDashboards::add);
    Optional<JsonNode> found =
        client.find(
            "chart", List.of(SupersetClient.filter("slice_name", "eq", chart.sliceName())), name);
    if (found.isEmpty()) {
      created.add(name);
      return id(client.post("/chart/", body), "POST /chart/");
    }
    int id = id(found.get(), "GET /chart/");
    JsonNode listed = found.get();
    JsonNode current = client.get("/chart/" + id).path("result");
    TreeSet<Integer> currentDashboards = new TreeSet<>();
    current.path("dashboards").forEach(d -> currentDashboards.add(d.path("id").asInt()));
    boolean same =
        chart.vizType().equals(current.path("viz_type").asText())
            && chart.description().equals(current.path("description").asText())
            && listed.path("datasource_id").asInt(datasetId) == datasetId
            && contains(read(current.path("params").asText("{}")), json.valueToTree(params))
            && currentDashboards.equals(new TreeSet<>(dashboards));
    if (same) {
      unchanged.add(name);
    } else {
      client.put("/chart/" + id, body);
      updated.add(name);
    }
    return id;
  }

  private void syncDashboard(DashboardAsset dashboard, int id, Map<String, Integer> chartIds) {
    String name = "dashboard " + dashboard.slug();
    List<DashboardLayout.PlacedChart> placed = new ArrayList<>();
    for (ChartAsset chart : assets.charts()) {
      if (dashboard.charts().contains(chart.sliceName())) {
        placed.add(
            new DashboardLayout.PlacedChart(
                chartIds.get(chart.sliceName()), chart.sliceName(), chart.uuid()));
      }
    }
    JsonNode position =
        json.valueToTree(DashboardLayout.position(dashboard.dashboardTitle(), placed));
    JsonNode metadata = json.valueToTree(DashboardLayout.metadata());
    JsonNode current = client.get("/dashboard/" + id).path("result");
    boolean same =
        dashboard.dashboardTitle().equals(current.path("dashboard_title").asText())
            && current.path("published").asBoolean(false)
            && position.equals(read(current.path("position_json").asText("{}")))
            && contains(read(current.path("json_metadata").asText("{}")), metadata);
    if (same) {
      if (!created.contains(name)) {
        unchanged.add(name);
      }
      return;
    }
    ObjectNode body = json.createObjectNode();
    body.put("dashboard_title", dashboard.dashboardTitle());
    body.put("slug", dashboard.slug());
    body.put("published", true);
    body.put("position_json", write(position));
    body.put("json_metadata", write(metadata));
    client.put("/dashboard/" + id, body);
    if (!created.contains(name)) {
      updated.add(name);
    }
  }

  /** Whether every field of {@code wanted} but its id has the same value in {@code existing}. */
  private boolean sameFields(ObjectNode wanted, JsonNode existing) {
    for (Map.Entry<String, JsonNode> field : wanted.properties()) {
      if (field.getKey().equals("id")) {
        continue;
      }
      JsonNode have = existing.path(field.getKey());
      JsonNode want = field.getValue();
      if (field.getKey().equals("extra")) {
        if (!read(want.asText()).equals(read(have.asText("{}")))) {
          return false;
        }
      } else if (want.isNull()) {
        if (!have.isNull() && !have.isMissingNode()) {
          return false;
        }
      } else if (!want.equals(have)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code actual} holds every key of {@code wanted} with its value: Superset adds keys of
   * its own to stored metadata and form data.
   */
  private static boolean contains(JsonNode actual, JsonNode wanted) {
    if (!wanted.isObject() || !actual.isObject()) {
      return wanted.equals(actual);
    }
    for (Map.Entry<String, JsonNode> field : wanted.properties()) {
      if (!field.getValue().equals(actual.path(field.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, JsonNode> byName(JsonNode list, String key) {
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    list.forEach(item -> byName.put(item.path(key).asText(), item));
    return byName;
  }

  private static java.util.Set<String> names(List<String> names) {
    return new java.util.LinkedHashSet<>(names);
  }

  private static int id(JsonNode answer, String what) {
    JsonNode id = answer.path("id");
    if (!id.canConvertToInt() && !(id.isTextual() && id.asText().matches("\\d+"))) {
      throw SupersetErrors.badAnswer(what.split(" ")[0], what.split(" ")[1], "no id");
    }
    return id.isTextual() ? Integer.parseInt(id.asText()) : id.asInt();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of strings, numbers and lists always serialise", e);
    }
  }

  private JsonNode read(String text) {
    try {
      return json.readTree(text.isBlank() ? "{}" : text);
    } catch (JsonProcessingException e) {
      return json.createObjectNode();
    }
  }
}
