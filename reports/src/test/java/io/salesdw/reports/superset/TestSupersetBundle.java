package io.salesdw.reports.superset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.salesdw.semantic.model.SemanticManifestLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SupersetBundle}: the ZIP read back and checked against what Superset's importer
 * (ImportV1*Schema, ENDPOINTS.md) requires: one root folder, required keys, parseable YAML, and
 * every uuid a file refers to defined by another file.
 */
class TestSupersetBundle {
  private static final SupersetAssets SHIPPED =
      SupersetAssets.of(SemanticManifestLoader.loadShipped(), TrinoConnection.defaults());
  private static final Instant EXPORTED_AT = Instant.parse("2026-11-01T08:30:15Z");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path dir;

  @Test
  void theBundleHasOneRootFolderAndTheImportersLayout() throws IOException {
    Path zip = dir.resolve("out/bundle.zip");
    int files = SupersetBundle.write(SHIPPED, zip, EXPORTED_AT);

    Map<String, JsonNode> bundle = read(zip);
    // metadata + 1 database + a dataset per semantic model + 18 charts + 5 dashboards
    assertThat(files)
        .isEqualTo(1 + 1 + SemanticManifestLoader.loadShipped().semanticModels().size() + 18 + 5)
        .isEqualTo(bundle.size());
    assertThat(bundle.keySet())
        .allSatisfy(name -> assertThat(name).startsWith("dashboard_export_20261101T083015/"));
    Map<String, JsonNode> byPath = new LinkedHashMap<>();
    bundle.forEach((name, yaml) -> byPath.put(name.substring(name.indexOf('/') + 1), yaml));
    assertThat(byPath.keySet())
        .allSatisfy(
            path ->
                assertThat(path)
                    .matches(
                        "metadata\\.yaml|databases/[^/]+\\.yaml|datasets/salesdw_trino/[^/]+\\.yaml"
                            + "|charts/[^/]+_\\d+\\.yaml|dashboards/[^/]+_\\d+\\.yaml"));
    JsonNode metadata = byPath.get("metadata.yaml");
    assertThat(metadata.path("version").asText()).isEqualTo("1.0.0");
    assertThat(metadata.path("type").asText()).isEqualTo("Dashboard");
    assertThat(metadata.path("timestamp").asText()).isEqualTo("2026-11-01T08:30:15+00:00");
    assertThat(byPath).containsKey("datasets/salesdw_trino/semantic_orders.yaml");
    assertThat(byPath).containsKey("dashboards/Funnel_and_lead_SLA_1.yaml");
  }

  @Test
  void everyFileHasItsRequiredKeysAndEveryUuidItNamesExists() throws IOException {
    Path zip = dir.resolve("bundle.zip");
    SupersetBundle.write(SHIPPED, zip, EXPORTED_AT);
    Map<String, JsonNode> files = new HashMap<>();
    read(zip).forEach((name, yaml) -> files.put(name.substring(name.indexOf('/') + 1), yaml));

    Set<String> databases = new HashSet<>();
    Set<String> datasets = new HashSet<>();
    Map<String, String> charts = new HashMap<>();
    List<JsonNode> dashboards = new ArrayList<>();
    for (Map.Entry<String, JsonNode> file : files.entrySet()) {
      JsonNode yaml = file.getValue();
      String kind = file.getKey().split("/")[0];
      if (!kind.equals("metadata.yaml")) {
        assertThat(yaml.path("version").asText()).as(file.getKey()).isEqualTo("1.0.0");
        assertThat(yaml.path("uuid").asText()).as(file.getKey()).matches("[0-9a-f-]{36}");
      }
      switch (kind) {
        case "databases":
          required(file.getKey(), yaml, "database_name", "sqlalchemy_uri");
          assertThat(yaml.path("extra").isObject()).isTrue();
          databases.add(yaml.path("uuid").asText());
          break;
        case "datasets":
          required(file.getKey(), yaml, "table_name", "database_uuid", "sql", "schema");
          for (JsonNode metric : yaml.path("metrics")) {
            required(file.getKey(), metric, "metric_name", "expression");
            assertThat(metric.path("extra").isObject()).as("extra is a mapping").isTrue();
          }
          for (JsonNode column : yaml.path("columns")) {
            required(file.getKey(), column, "column_name");
          }
          datasets.add(yaml.path("uuid").asText());
          break;
        case "charts":
          required(file.getKey(), yaml, "slice_name", "viz_type", "dataset_uuid");
          assertThat(yaml.path("params").isObject()).isTrue();
          charts.put(yaml.path("uuid").asText(), yaml.path("dataset_uuid").asText());
          break;
        case "dashboards":
          required(file.getKey(), yaml, "dashboard_title", "slug");
          assertThat(yaml.path("metadata").isObject()).isTrue();
          dashboards.add(yaml);
          break;
        default:
          assertThat(kind).isEqualTo("metadata.yaml");
      }
    }
    assertThat(databases).hasSize(1);
    assertThat(datasets).hasSize(SemanticManifestLoader.loadShipped().semanticModels().size());
    for (JsonNode dataset : files.values()) {
      if (dataset.has("database_uuid")) {
        assertThat(databases).contains(dataset.path("database_uuid").asText());
      }
    }
    assertThat(datasets).containsAll(charts.values());

    Set<String> placedCharts = new HashSet<>();
    Set<Integer> chartIds = new HashSet<>();
    for (JsonNode dashboard : dashboards) {
      JsonNode position = dashboard.path("position");
      assertThat(position.path("DASHBOARD_VERSION_KEY").asText()).isEqualTo("v2");
      assertThat(position.path("ROOT_ID").path("children")).hasSize(1);
      position
          .properties()
          .forEach(
              node -> {
                if (node.getKey().equals("DASHBOARD_VERSION_KEY")) {
                  return;
                }
                assertThat(node.getValue().path("id").asText()).isEqualTo(node.getKey());
                for (JsonNode child : node.getValue().path("children")) {
                  assertThat(position.has(child.asText()))
                      .as(node.getKey() + " child " + child)
                      .isTrue();
                }
                for (JsonNode parent : node.getValue().path("parents")) {
                  assertThat(position.has(parent.asText())).isTrue();
                }
                if (node.getValue().path("type").asText().equals("CHART")) {
                  String uuid = node.getValue().path("meta").path("uuid").asText();
                  assertThat(charts).containsKey(uuid);
                  assertThat(placedCharts.add(uuid)).as("placed once: " + uuid).isTrue();
                  assertThat(chartIds.add(node.getValue().path("meta").path("chartId").asInt()))
                      .isTrue();
                }
              });
    }
    assertThat(placedCharts).isEqualTo(charts.keySet());
  }

  @Test
  void aDatasetsMetricsCarryTheirGovernance() throws IOException {
    Path zip = dir.resolve("bundle.zip");
    SupersetBundle.write(SHIPPED, zip, EXPORTED_AT);
    JsonNode orders =
        read(zip)
            .get("dashboard_export_20261101T083015/datasets/salesdw_trino/semantic_orders.yaml");

    JsonNode revenue = null;
    for (JsonNode metric : orders.path("metrics")) {
      if (metric.path("metric_name").asText().equals("revenue")) {
        revenue = metric;
      }
    }
    assertThat(revenue).isNotNull();
    assertThat(revenue.path("expression").asText()).isEqualTo("SUM(\"order_amount\")");
    assertThat(revenue.path("verbose_name").asText()).isEqualTo("Revenue");
    assertThat(revenue.path("d3format").asText()).isEqualTo(",.2f");
    assertThat(revenue.path("extra").path("certification").path("certified_by").asText())
        .isEqualTo("finance");
    assertThat(orders.path("main_dttm_col").asText()).isEqualTo("order_date");
  }

  @Test
  void theSameAssetsAndTimeGiveTheSameBytes() throws IOException {
    Path first = dir.resolve("a.zip");
    Path second = dir.resolve("b.zip");
    SupersetBundle.write(SHIPPED, first, EXPORTED_AT);
    SupersetBundle.write(SHIPPED, second, EXPORTED_AT);

    assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
  }

  private static void required(String file, JsonNode yaml, String... keys) {
    for (String key : keys) {
      assertThat(yaml.path(key).isMissingNode() || yaml.path(key).isNull())
          .as(file + " needs " + key)
          .isFalse();
    }
  }

  private static Map<String, JsonNode> read(Path zip) throws IOException {
    Map<String, JsonNode> files = new LinkedHashMap<>();
    try (ZipInputStream in =
        new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        files.put(
            entry.getName(), YAML.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
    }
    return files;
  }
}
