package io.salesdw.reports.superset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import io.salesdw.semantic.model.SemanticManifest;
import io.salesdw.semantic.model.SemanticManifestLoader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SupersetSync} against {@link TestingSupersetServer}, which checks every request and
 * response against Superset's OpenAPI spec: a violation fails the test in {@link #noViolations}.
 */
class TestSupersetSync {
  private static final String USER = "admin";
  private static final String PASSWORD = "pa55-Wörd-7f3c";
  private static final SemanticManifest MANIFEST = SemanticManifestLoader.loadShipped();
  private static final SupersetAssets SHIPPED =
      SupersetAssets.of(MANIFEST, TrinoConnection.defaults());
  // Read off the model: a dataset per semantic model; every metric but the six that are not one
  // aggregate of one view (TestSupersetAssets names them).
  private static final int MODELS = MANIFEST.semanticModels().size();
  private static final int PLACED_METRICS = MANIFEST.metrics().size() - 6;

  /**
   * Two datasets and the target-health dashboard: enough for the tests of one behaviour, at a fifth
   * of the requests (each is checked against the 800 kB spec).
   */
  private static final SupersetAssets SMALL =
      new SupersetAssets(
          SHIPPED.database(),
          SHIPPED.datasets().stream()
              .filter(
                  d ->
                      d.tableName().equals("semantic_orders")
                          || d.tableName().equals("semantic_rep_target_attainment"))
              .toList(),
          SHIPPED.charts().stream()
              .filter(c -> c.datasetTable().equals("semantic_rep_target_attainment"))
              .toList(),
          SHIPPED.dashboards().stream()
              .filter(d -> d.slug().equals("salesdw-target-health"))
              .toList(),
          SHIPPED.leftOut());

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> progress = new ArrayList<>();
  private TestingSupersetServer server = new TestingSupersetServer(USER, PASSWORD, 100);

  @AfterEach
  void noViolations() {
    List<String> violations = server.violations();
    server.close();
    assertThat(violations).isEmpty();
  }

  private SyncSummary sync(SupersetAssets assets) {
    return SupersetSync.sync(
        new SupersetLogin(server.url(), USER, PASSWORD), assets, progress::add, 100);
  }

  @Test
  void theFirstSyncCreatesEverything() {
    SyncSummary summary = sync(SHIPPED);

    // 1 database, a dataset per semantic model, 18 charts, 5 dashboards.
    assertThat(summary.created()).hasSize(1 + MODELS + 18 + 5);
    assertThat(summary.updated()).isEmpty();
    assertThat(summary.removed()).isEmpty();
    assertThat(summary.leftOut()).hasSize(6);
    assertThat(server.objects("database").values())
        .singleElement()
        .satisfies(
            db -> {
              assertThat(db.path("database_name").asText()).isEqualTo("salesdw_trino");
              assertThat(db.path("sqlalchemy_uri").asText())
                  .isEqualTo("trino://salesdw@localhost:8080/delta_lake");
            });
    Map<String, ObjectNode> datasets = byKey(server.objects("dataset"), "table_name");
    assertThat(datasets).hasSize(MODELS);
    int metrics = 0;
    for (DatasetAsset wanted : SHIPPED.datasets()) {
      ObjectNode stored = datasets.get(wanted.tableName());
      assertThat(stored.path("sql").asText()).isEqualTo(wanted.sql());
      assertThat(stored.path("columns")).hasSize(wanted.columns().size());
      assertThat(stored.path("metrics")).hasSize(wanted.metrics().size());
      metrics += stored.path("metrics").size();
    }
    assertThat(metrics).isEqualTo(PLACED_METRICS);
    JsonNode winRate = metric(datasets.get("semantic_stage_transitions"), "win_rate");
    assertThat(winRate.path("verbose_name").asText()).isEqualTo("Win rate");
    assertThat(winRate.path("d3format").asText()).isEqualTo(".1%");
    JsonNode extra = read(winRate.path("extra").asText());
    assertThat(extra.path("certification").path("certified_by").asText()).isEqualTo("sales-ops");
    assertThat(extra.path("salesdw").path("certification").asText()).isEqualTo("certified");

    Map<String, ObjectNode> dashboards = byKey(server.objects("dashboard"), "slug");
    Map<String, ObjectNode> charts = byKey(server.objects("chart"), "slice_name");
    assertThat(charts).hasSize(18);
    ObjectNode funnel = dashboards.get("salesdw-funnel-lead-sla");
    JsonNode position = read(funnel.path("position_json").asText());
    List<Integer> placed = new ArrayList<>();
    position.forEach(
        node -> {
          if (node.path("type").asText().equals("CHART")) {
            placed.add(node.path("meta").path("chartId").asInt());
          }
        });
    List<Integer> linked = new ArrayList<>();
    charts
        .values()
        .forEach(
            chart -> {
              for (JsonNode id : chart.path("dashboards")) {
                if (id.asInt() == funnel.path("id").asInt()) {
                  linked.add(chart.path("id").asInt());
                }
              }
            });
    assertThat(placed).hasSize(5).containsExactlyInAnyOrderElementsOf(linked);
    ObjectNode winRateChart = charts.get("Win rate by industry");
    int transitionsId = datasets.get("semantic_stage_transitions").path("id").asInt();
    assertThat(winRateChart.path("datasource_id").asInt()).isEqualTo(transitionsId);
    assertThat(read(winRateChart.path("params").asText()).path("datasource").asText())
        .isEqualTo(transitionsId + "__table");
  }

  @Test
  void aSecondSyncChangesNothing() {
    sync(SHIPPED);
    server.clearCalls();

    SyncSummary again = sync(SHIPPED);

    assertThat(server.writes()).isEmpty();
    assertThat(again.writeRequests()).isZero();
    assertThat(again.changed()).isFalse();
    // Every object, and each metric of the datasets that existed.
    assertThat(again.unchanged()).hasSize(1 + MODELS + 18 + 5 + PLACED_METRICS);
  }

  @Test
  void aChangedMetricIsUpdatedInPlaceAndARenamedOneIsNotDuplicated() {
    sync(SMALL);
    JsonNode revenueBefore =
        metric(byKey(server.objects("dataset"), "table_name").get("semantic_orders"), "revenue");
    SupersetAssets changed =
        withOrdersMetrics(
            metrics -> {
              List<DatasetMetric> edited = new ArrayList<>();
              for (DatasetMetric m : metrics) {
                if (m.metricName().equals("revenue")) {
                  edited.add(
                      new DatasetMetric(
                          "revenue",
                          "SUM(\"order_amount\") - 0",
                          m.verboseName(),
                          "Value of orders, restated.",
                          m.d3format(),
                          m.extra()));
                } else if (m.metricName().equals("gross_margin")) {
                  edited.add(
                      new DatasetMetric(
                          "gross_margin_amount",
                          m.expression(),
                          m.verboseName(),
                          m.description(),
                          m.d3format(),
                          m.extra()));
                } else {
                  edited.add(m);
                }
              }
              return edited;
            });
    server.clearCalls();

    SyncSummary summary = sync(changed);

    ObjectNode orders = byKey(server.objects("dataset"), "table_name").get("semantic_orders");
    List<String> names = new ArrayList<>();
    orders.path("metrics").forEach(m -> names.add(m.path("metric_name").asText()));
    assertThat(names)
        .containsExactlyInAnyOrder(
            "revenue",
            "gross_margin_amount",
            "gross_margin_rate",
            "order_count",
            "average_order_value",
            "buying_customers");
    JsonNode revenueAfter = metric(orders, "revenue");
    assertThat(revenueAfter.path("id").asInt()).isEqualTo(revenueBefore.path("id").asInt());
    assertThat(revenueAfter.path("expression").asText()).isEqualTo("SUM(\"order_amount\") - 0");
    assertThat(revenueAfter.path("description").asText()).isEqualTo("Value of orders, restated.");
    assertThat(summary.updated())
        .containsExactlyInAnyOrder("dataset semantic_orders", "metric semantic_orders.revenue");
    assertThat(summary.created()).containsExactly("metric semantic_orders.gross_margin_amount");
    assertThat(summary.removed()).containsExactly("metric semantic_orders.gross_margin");
    assertThat(server.writes())
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.method()).isEqualTo("PUT");
              assertThat(call.path()).isEqualTo("/api/v1/dataset/" + orders.path("id").asInt());
            });
  }

  @Test
  void aMetricRemovedFromTheModelIsRemovedFromSuperset() {
    sync(SMALL);
    ObjectNode before = byKey(server.objects("dataset"), "table_name").get("semantic_orders");
    Map<String, Integer> idsBefore = new HashMap<>();
    before
        .path("metrics")
        .forEach(m -> idsBefore.put(m.path("metric_name").asText(), m.path("id").asInt()));

    SyncSummary summary =
        sync(
            withOrdersMetrics(
                metrics ->
                    metrics.stream()
                        .filter(m -> !m.metricName().equals("buying_customers"))
                        .toList()));

    ObjectNode after = byKey(server.objects("dataset"), "table_name").get("semantic_orders");
    Map<String, Integer> idsAfter = new HashMap<>();
    after
        .path("metrics")
        .forEach(m -> idsAfter.put(m.path("metric_name").asText(), m.path("id").asInt()));
    idsBefore.remove("buying_customers");
    assertThat(idsAfter).isEqualTo(idsBefore);
    assertThat(summary.removed()).containsExactly("metric semantic_orders.buying_customers");
    assertThat(sync(SMALL).created()).containsExactly("metric semantic_orders.buying_customers");
  }

  @Test
  void listsAreReadPageByPageWhenTheServerCapsThePageSize() {
    server.close();
    server = new TestingSupersetServer(USER, PASSWORD, 2);
    // Datasets someone else made in the same database, and one in another schema.
    sync(SHIPPED);
    int databaseId = server.objects("database").keySet().iterator().next();
    for (int i = 0; i < 3; i++) {
      ObjectNode other = JSON.createObjectNode();
      other.put("table_name", "analyst_table_" + i);
      other.put("schema", i == 0 ? "scratch" : "gold");
      other.put("database", databaseId);
      other.putArray("columns");
      other.putArray("metrics");
      server.add("dataset", other);
    }
    server.clearCalls();

    SyncSummary again = sync(SHIPPED);

    // Ours and 2 others in gold, two a page.
    int inGold = MODELS + 2;
    List<Integer> expectedPages = new ArrayList<>();
    for (int page = 0; page * 2 < inGold; page++) {
      expectedPages.add(page);
    }
    List<Integer> pages = new ArrayList<>();
    for (TestingSupersetServer.Call call : server.calls()) {
      if (call.method().equals("GET") && call.path().equals("/api/v1/dataset/")) {
        pages.add(q(call).path("page").asInt());
      }
    }
    assertThat(pages).isEqualTo(expectedPages).hasSizeGreaterThan(1);
    assertThat(again.writeRequests()).isZero();
    assertThat(server.objects("dataset")).hasSize(MODELS + 3);
  }

  @Test
  void objectsAreLookedUpWithRisonFilters() {
    sync(SMALL);

    List<JsonNode> lookups = new ArrayList<>();
    List<String> rawQueries = new ArrayList<>();
    for (TestingSupersetServer.Call call : server.calls()) {
      if (call.method().equals("GET") && call.query() != null && call.query().startsWith("q=")) {
        lookups.add(q(call));
        rawQueries.add(URLDecoder.decode(call.query().substring(2), StandardCharsets.UTF_8));
      }
    }
    assertThat(lookups.get(0).path("filters"))
        .isEqualTo(
            read("[{\"col\":\"database_name\",\"opr\":\"eq\",\"value\":\"salesdw_trino\"}]"));
    int databaseId = server.objects("database").keySet().iterator().next();
    assertThat(lookups.get(1).path("filters"))
        .isEqualTo(
            read(
                "[{\"col\":\"database\",\"opr\":\"rel_o_m\",\"value\":"
                    + databaseId
                    + "},{\"col\":\"schema\",\"opr\":\"eq\",\"value\":\"gold\"}]"));
    assertThat(rawQueries)
        .contains(
            "(filters:!((col:slice_name,opr:eq,value:'Target and credited won amount by month')),"
                + "order_column:changed_on_delta_humanized,order_direction:desc,page:0,page_size:100)",
            "(filters:!((col:slug,opr:eq,value:salesdw-target-health)),"
                + "order_column:changed_on_delta_humanized,order_direction:desc,page:0,page_size:100)");
  }

  @Test
  void theClientLogsInAndSendsTheCsrfTokenAndSessionOnEveryWrite() {
    sync(SMALL);

    List<TestingSupersetServer.Call> calls = server.calls();
    assertThat(calls.get(0).path()).isEqualTo("/api/v1/security/login");
    assertThat(calls.get(1).path()).isEqualTo("/api/v1/security/csrf_token/");
    String csrf = read(calls.get(1).responseBody()).path("result").asText();
    String token = read(calls.get(0).responseBody()).path("access_token").asText();
    assertThat(server.writes()).isNotEmpty();
    for (TestingSupersetServer.Call call : calls.subList(1, calls.size())) {
      assertThat(call.headers().get("Authorization")).containsExactly("Bearer " + token);
      assertThat(call.status()).isLessThan(300);
    }
    for (TestingSupersetServer.Call write : server.writes()) {
      assertThat(write.headers().get("X-CSRFToken")).containsExactly(csrf);
      assertThat(write.headers().get("Cookie").get(0)).startsWith("session=session-");
    }
  }

  @Test
  void anExpiredAccessTokenIsRefreshedOnce() {
    sync(SMALL);
    SupersetClient client =
        SupersetClient.login(new SupersetLogin(server.url(), USER, PASSWORD), 100);
    server.expireAccessTokens();
    server.clearCalls();

    JsonNode databases = client.get("/database/");

    assertThat(databases.path("count").asInt()).isEqualTo(1);
    assertThat(server.calls())
        .extracting(TestingSupersetServer.Call::path)
        .containsExactly(
            "/api/v1/database/",
            "/api/v1/security/refresh",
            "/api/v1/security/csrf_token/",
            "/api/v1/database/");
    assertThat(server.calls().get(0).status()).isEqualTo(401);
  }

  @Test
  void aWrongPasswordIsAUserErrorThatNamesTheUserButNotThePassword() {
    assertThatThrownBy(
            () ->
                SupersetSync.sync(
                    new SupersetLogin(server.url(), USER, "wrong-" + PASSWORD),
                    SMALL,
                    progress::add))
        .isInstanceOfSatisfying(
            SalesdwException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER_ERROR))
        .hasMessage(
            "Superset at "
                + server.url()
                + " refused the login of user 'admin' (HTTP 401). Check --user and the password in"
                + " SUPERSET_PASSWORD.")
        .message()
        .doesNotContain(PASSWORD);
    assertThat(server.calls())
        .extracting(TestingSupersetServer.Call::path)
        .containsExactly("/api/v1/security/login");
  }

  @Test
  void aServerErrorIsExternalAndTheNextSyncResumes() {
    server.failNext("POST", "/dataset/", 500, "Internal Server Error: database is locked");

    assertThatThrownBy(() -> sync(SMALL))
        .isInstanceOfSatisfying(
            SalesdwException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL))
        .hasMessage(
            "Superset answered POST /api/v1/dataset/ with HTTP 500: Internal Server Error: database"
                + " is locked. The server failed; see Superset's log, then run the sync again (it"
                + " resumes).");

    SyncSummary resumed = sync(SMALL);
    assertThat(resumed.unchanged()).containsExactly("database salesdw_trino");
    assertThat(server.objects("dataset")).hasSize(2);
    assertThat(sync(SMALL).writeRequests()).isZero();
  }

  @Test
  void aRefusedCommandAndAMissingObjectAreReportedWithSupersetsMessage() {
    server.failNext("POST", "/chart/", 422, "Chart parameters are invalid.");
    assertThatThrownBy(() -> sync(SMALL))
        .isInstanceOfSatisfying(
            SalesdwException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL))
        .hasMessageStartingWith(
            "Superset answered POST /api/v1/chart/ with HTTP 422: Chart parameters are invalid.");

    server.failNext("PUT", "/dataset/\\d+", 404, "Not found");
    assertThatThrownBy(
            () -> sync(withOrdersMetrics(metrics -> metrics.subList(0, metrics.size() - 1))))
        .hasMessageMatching(
            "Superset answered PUT /api/v1/dataset/\\d+ with HTTP 404: Not found\\. Nothing after"
                + " this step was changed; .*");
  }

  @Test
  void thePasswordIsSentOnlyInTheLoginBody() {
    SyncSummary summary = sync(SMALL);
    assertThatThrownBy(
        () ->
            SupersetSync.sync(
                new SupersetLogin(server.url(), USER, PASSWORD + "x"), SMALL, progress::add));

    for (TestingSupersetServer.Call call : server.calls()) {
      String everything = call.query() + call.headers() + call.responseBody();
      assertThat(everything).doesNotContain(PASSWORD);
      if (!call.path().equals("/api/v1/security/login")) {
        assertThat(call.requestBody()).doesNotContain(PASSWORD);
      }
    }
    assertThat(String.join("\n", progress)).doesNotContain(PASSWORD);
    assertThat(summary.toString()).doesNotContain(PASSWORD);
    assertThat(new SupersetLogin(server.url(), USER, PASSWORD).toString()).doesNotContain(PASSWORD);
  }

  // ------------------------------------------------------------------------------- helpers

  private static SupersetAssets withOrdersMetrics(UnaryOperator<List<DatasetMetric>> edit) {
    List<DatasetAsset> datasets = new ArrayList<>();
    for (DatasetAsset d : SMALL.datasets()) {
      datasets.add(
          d.tableName().equals("semantic_orders")
              ? new DatasetAsset(
                  d.semanticModel(),
                  d.tableName(),
                  d.schema(),
                  d.sql(),
                  d.description(),
                  d.mainDttmCol(),
                  d.columns(),
                  edit.apply(d.metrics()),
                  d.uuid())
              : d);
    }
    return new SupersetAssets(
        SMALL.database(), datasets, SMALL.charts(), SMALL.dashboards(), SMALL.leftOut());
  }

  private static Map<String, ObjectNode> byKey(Map<Integer, ObjectNode> objects, String key) {
    Map<String, ObjectNode> byKey = new HashMap<>();
    objects.values().forEach(o -> byKey.put(o.path(key).asText(), o));
    return byKey;
  }

  private static JsonNode metric(JsonNode dataset, String name) {
    for (JsonNode metric : dataset.path("metrics")) {
      if (metric.path("metric_name").asText().equals(name)) {
        return metric;
      }
    }
    throw new AssertionError("no metric " + name + " in " + dataset.path("table_name"));
  }

  private static JsonNode q(TestingSupersetServer.Call call) {
    return RisonParser.parse(URLDecoder.decode(call.query().substring(2), StandardCharsets.UTF_8));
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
