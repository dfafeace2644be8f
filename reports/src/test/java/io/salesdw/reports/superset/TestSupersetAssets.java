package io.salesdw.reports.superset;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdw.semantic.model.Certification;
import io.salesdw.semantic.model.Metric;
import io.salesdw.semantic.model.SemanticManifest;
import io.salesdw.semantic.model.SemanticManifestLoader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link SupersetAssets} of the shipped model. */
class TestSupersetAssets {
  private static final SemanticManifest SHIPPED = SemanticManifestLoader.loadShipped();
  private final SupersetAssets assets = SupersetAssets.of(SHIPPED, TrinoConnection.defaults());

  @Test
  void everyMetricIsOnADatasetOrLeftOutWithItsReason() {
    List<String> placed =
        assets.datasets().stream()
            .flatMap(d -> d.metrics().stream())
            .map(DatasetMetric::metricName)
            .toList();
    List<String> leftOut = assets.leftOut().stream().map(LeftOutMetric::metric).toList();

    // Read off the model: three cumulative metrics, one conversion, the semi-additive pipeline
    // and the year-over-year growth (an input offset by a year).
    assertThat(leftOut)
        .containsExactlyInAnyOrder(
            "revenue_running_total",
            "revenue_trailing_3_months",
            "revenue_fiscal_ytd",
            "lead_to_opportunity_30d",
            "pipeline",
            "revenue_growth_yoy");
    assertThat(placed).hasSize(SHIPPED.metrics().size() - 6).doesNotContainAnyElementsOf(leftOut);
    assertThat(assets.metricCount()).isEqualTo(SHIPPED.metrics().size() - 6);
    assertThat(assets.leftOut())
        .filteredOn(m -> m.metric().equals("pipeline"))
        .singleElement()
        .extracting(LeftOutMetric::reason)
        .isEqualTo(
            "pipeline is semi-additive: it keeps each period's last forecast_week snapshot, which"
                + " one aggregate cannot");
  }

  @Test
  void oneVirtualDatasetPerSemanticModelInTheGoldSchema() {
    assertThat(assets.datasets()).hasSize(SHIPPED.semanticModels().size());
    assertThat(assets.datasets())
        .extracting(DatasetAsset::tableName)
        .containsExactlyElementsOf(
            SHIPPED.semanticModels().stream().map(m -> "semantic_" + m.name()).toList());
    DatasetAsset orders = assets.dataset("semantic_orders").orElseThrow();
    assertThat(orders.schema()).isEqualTo("gold");
    assertThat(orders.mainDttmCol()).contains("order_date");
    assertThat(orders.sql())
        .isEqualTo(
            "SELECT \"t0\".\"order_no\" AS \"order_line\", \"t0\".\"unified_customer_id\" AS"
                + " \"customer\", \"t0\".\"product_line_code\" AS \"product_line\","
                + " \"t0\".\"rep_id\" AS \"rep\", \"t0\".\"order_date\" AS \"order_date\","
                + " \"t0\".\"amount\" AS \"order_amount\", \"t0\".\"gross_margin\" AS"
                + " \"order_gross_margin\", \"t0\".\"order_no\" AS \"order_lines\","
                + " \"t0\".\"unified_customer_id\" AS \"ordering_customers\"\n"
                + "FROM \"gold\".\"fact_order\" AS \"t0\"");
    assertThat(orders.columns())
        .filteredOn(DatasetColumn::isDttm)
        .extracting(DatasetColumn::columnName)
        .containsExactly("order_date");
  }

  @Test
  void theViewSqlIsTrinos() {
    // The model writes SUBSTRING(x FROM 1 FOR 4); Trino's function form is SUBSTRING(x, 1, 4).
    String targets = assets.dataset("semantic_rep_target_attainment").orElseThrow().sql();
    assertThat(targets)
        .contains("SUBSTRING(CAST(\"t0\".\"month_key\" AS VARCHAR), 1, 4)")
        .doesNotContain(" FROM 1 FOR ")
        .endsWith("WHERE \"t0\".\"target_level\" = 'rep'");
  }

  @Test
  void metricsAreAggregatesOverTheViewsColumnsAsTheCompilerWritesThem() {
    DatasetAsset transitions = assets.dataset("semantic_stage_transitions").orElseThrow();
    DatasetAsset orders = assets.dataset("semantic_orders").orElseThrow();
    DatasetAsset customers = assets.dataset("semantic_customer_value").orElseThrow();

    // wins and closes are sum-boolean measures; win_rate is their ratio.
    assertThat(transitions.metric("win_rate").orElseThrow().expression())
        .isEqualTo(
            "CAST(SUM(CASE WHEN \"wins\" THEN 1 ELSE 0 END) AS DOUBLE) / NULLIF(CAST(SUM(CASE WHEN"
                + " \"closes\" THEN 1 ELSE 0 END) AS DOUBLE), 0)");
    assertThat(orders.metric("revenue").orElseThrow().expression())
        .isEqualTo("SUM(\"order_amount\")");
    assertThat(orders.metric("buying_customers").orElseThrow().expression())
        .isEqualTo("COUNT(DISTINCT \"ordering_customers\")");
    // Derived: revenue / order_count, its inputs substituted, in DOUBLE as the layer divides.
    assertThat(orders.metric("average_order_value").orElseThrow().expression())
        .isEqualTo(
            "CAST(SUM(\"order_amount\") AS DOUBLE) / CAST(COUNT(\"order_lines\") AS DOUBLE)");
    assertThat(customers.metric("average_probability_alive").orElseThrow().expression())
        .isEqualTo("AVG(CAST(\"probability_alive_mean\" AS DOUBLE))");
  }

  @Test
  void eachMetricCarriesItsGovernance() {
    for (DatasetAsset dataset : assets.datasets()) {
      for (DatasetMetric metric : dataset.metrics()) {
        Metric model = SHIPPED.metric(metric.metricName()).orElseThrow();
        assertThat(metric.verboseName()).isEqualTo(model.governance().label());
        assertThat(metric.description()).isEqualTo(model.governance().description().en());
        @SuppressWarnings("unchecked")
        Map<String, Object> salesdw = (Map<String, Object>) metric.extra().get("salesdw");
        assertThat(salesdw)
            .containsEntry("owner", model.governance().owner())
            .containsEntry("unit", model.governance().unit())
            .containsEntry("version", model.governance().version())
            .containsEntry("description_zh", model.governance().description().zh());
        if (model.governance().certification() == Certification.CERTIFIED) {
          assertThat(metric.extra().get("certification"))
              .isEqualTo(
                  Map.of(
                      "certified_by",
                      model.governance().owner(),
                      "details",
                      "Governed metric "
                          + model.name()
                          + ", version "
                          + model.governance().version()));
        } else {
          assertThat(metric.extra()).doesNotContainKey("certification");
        }
      }
    }
    DatasetMetric revenue =
        assets.dataset("semantic_orders").orElseThrow().metric("revenue").orElseThrow();
    assertThat(revenue.verboseName()).isEqualTo("Revenue");
    assertThat(revenue.d3format()).contains(",.2f");
  }

  @Test
  void numberFormatsBecomeD3Formats() {
    assertThat(SupersetAssets.d3format("#,##0.00")).contains(",.2f");
    assertThat(SupersetAssets.d3format("#,##0")).contains(",.0f");
    assertThat(SupersetAssets.d3format("0.0%")).contains(".1%");
    assertThat(SupersetAssets.d3format("0.000")).contains(".3f");
    assertThat(SupersetAssets.d3format("yyyy-MM")).isEqualTo(Optional.empty());
  }

  @Test
  void theFiveExecutiveDashboardsHaveAllTheirCharts() {
    assertThat(assets.dashboards())
        .extracting(DashboardAsset::slug)
        .containsExactly(
            "salesdw-funnel-lead-sla",
            "salesdw-forecast-calibration",
            "salesdw-customer-ltv",
            "salesdw-process-dna",
            "salesdw-target-health");
    assertThat(assets.dashboards().stream().mapToInt(d -> d.charts().size()).sum())
        .isEqualTo(18)
        .isEqualTo(assets.charts().size());
    for (ChartAsset chart : assets.charts()) {
      DatasetAsset dataset = assets.dataset(chart.datasetTable()).orElseThrow();
      Object metrics =
          chart.formData().containsKey("metrics")
              ? chart.formData().get("metrics")
              : List.of(chart.formData().get("metric"));
      assertThat((List<?>) metrics)
          .isNotEmpty()
          .allSatisfy(m -> assertThat(dataset.metric((String) m)).isPresent());
    }
  }

  @Test
  void theConnectionAndTheUuidsAreStable() {
    SupersetAssets again =
        SupersetAssets.of(SHIPPED, new TrinoConnection("trino-coordinator", 8443, "lake", "bi"));
    assertThat(again.database().sqlalchemyUri())
        .isEqualTo("trino://bi@trino-coordinator:8443/lake");
    assertThat(again.database().uuid()).isEqualTo(assets.database().uuid());
    assertThat(
            Stream.of(again.datasets(), again.charts(), again.dashboards())
                .flatMap(List::stream)
                .toList())
        .isEqualTo(
            Stream.of(assets.datasets(), assets.charts(), assets.dashboards())
                .flatMap(List::stream)
                .toList());
  }
}
