package io.salesdw.semantic.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.semantic.catalog.MetricLineage.GoldColumn;
import io.salesdw.semantic.model.SemanticManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The columns each metric of {@link CatalogFixtures#MODEL} reads, listed by hand. */
class TestMetricLineage {
  private static final String ORDERS = "gold/fact_order";
  private static final String CUSTOMERS = "gold/dim_customer";
  private static final String BALANCES = "gold/fact_balance";

  private final SemanticManifest manifest = CatalogFixtures.manifest();

  @Test
  void aSimpleMetricReadsItsMeasureItsTimeDimensionAndItsModelsFilter() {
    // CASE WHEN is_paid THEN amount ELSE 0 END; CAST(ordered_at AS DATE); is_deleted = false.
    assertThat(MetricLineage.of(manifest, "revenue"))
        .containsExactlyElementsOf(
            columns(ORDERS, "amount", "is_deleted", "is_paid", "ordered_at"));
  }

  @Test
  void aMetricFilterAddsTheColumnsOfItsDimensionsInEveryModel() {
    List<GoldColumn> expected = new ArrayList<>(columns(CUSTOMERS, "region_name"));
    expected.addAll(
        columns(ORDERS, "amount", "is_deleted", "is_paid", "ordered_at", "sales_channel"));

    assertThat(MetricLineage.of(manifest, "web_revenue")).containsExactlyElementsOf(expected);
  }

  @Test
  void aRatioReadsWhatItsNumeratorAndDenominatorRead() {
    assertThat(MetricLineage.of(manifest, "average_order_value"))
        .containsExactlyElementsOf(
            columns(ORDERS, "amount", "is_deleted", "is_paid", "order_id", "ordered_at"));
  }

  @Test
  void aDerivedMetricReadsEachInputOnceEvenWhenOffset() {
    List<GoldColumn> expected = new ArrayList<>(columns(CUSTOMERS, "customer_id", "signed_up_on"));
    expected.addAll(columns(ORDERS, "amount", "is_deleted", "is_paid", "ordered_at"));

    assertThat(MetricLineage.of(manifest, "revenue_per_signup"))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void aSemiAdditiveMeasureReadsItsAggTimeAndItsNonAdditiveDimension() {
    // agg-time-dimension posted_date (posted_on), not the default balance_date, which the
    // non-additive dimension reads (snapshot_day).
    assertThat(MetricLineage.of(manifest, "closing_balance"))
        .containsExactlyElementsOf(columns(BALANCES, "balance_cny", "posted_on", "snapshot_day"));
  }

  @Test
  void aConversionReadsBothMeasuresAndTheEntityKeyInBothModels() {
    List<GoldColumn> expected = new ArrayList<>(columns(CUSTOMERS, "customer_id", "signed_up_on"));
    expected.addAll(columns(ORDERS, "customer_id", "is_deleted", "order_id", "ordered_at"));

    assertThat(MetricLineage.of(manifest, "first_order_rate")).containsExactlyElementsOf(expected);
  }

  @Test
  void everyMetricIsListedInTheManifestsOrder() {
    assertThat(MetricLineage.ofAll(manifest).keySet())
        .containsExactly(
            "revenue",
            "web_revenue",
            "order_count",
            "average_order_value",
            "new_customers",
            "revenue_per_signup",
            "closing_balance",
            "first_order_rate");
  }

  @Test
  void anUnknownMetricIsRefused() {
    assertThatThrownBy(() -> MetricLineage.of(manifest, "profit"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no metric profit");
  }

  private static List<GoldColumn> columns(String table, String... names) {
    Set<GoldColumn> columns = new TreeSet<>();
    for (String name : names) {
      columns.add(new GoldColumn(table, name));
    }
    return new ArrayList<>(columns);
  }
}
