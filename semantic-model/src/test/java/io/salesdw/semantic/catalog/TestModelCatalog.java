package io.salesdw.semantic.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.lake.Lake;
import io.salesdw.semantic.SemanticAnswer;
import io.salesdw.semantic.SemanticLayer;
import io.salesdw.semantic.engine.ResultRow;
import io.salesdw.semantic.model.ConversionMetric;
import io.salesdw.semantic.model.CumulativeMetric;
import io.salesdw.semantic.model.DerivedMetric;
import io.salesdw.semantic.model.Metric;
import io.salesdw.semantic.model.MetricGovernance;
import io.salesdw.semantic.model.RatioMetric;
import io.salesdw.semantic.model.SemanticManifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.calcite.sql.dialect.TrinoSqlDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog tables queried with SQL through the semantic layer (Calcite validates, DuckDB runs):
 * their rows are the manifest's, read here from its records.
 */
class TestModelCatalog {
  private static final String ALL_GRAINS = "day,week,month,quarter,year,fiscal_quarter,fiscal_year";

  @TempDir Path lakeRoot;

  private final SemanticManifest manifest = CatalogFixtures.manifest();
  private SemanticLayer layer;

  @BeforeEach
  void open() {
    layer = SemanticLayer.embedded(Lake.open(lakeRoot.toString()), manifest);
  }

  @AfterEach
  void close() {
    layer.close();
  }

  @Test
  void catalogMetricsHasARowPerMetricOfTheManifest() {
    SemanticAnswer answer =
        layer.query(
            "SELECT name, type, label, unit, format, certification, owner, version,"
                + " description_en, description_zh FROM catalog.metrics");

    List<List<Object>> expected = new ArrayList<>();
    for (Metric metric : manifest.metrics()) {
      MetricGovernance governance = metric.governance();
      expected.add(
          List.of(
              metric.name(),
              type(metric),
              governance.label(),
              governance.unit(),
              governance.format(),
              governance.certification().name().toLowerCase(Locale.ROOT),
              governance.owner(),
              governance.version(),
              governance.description().en(),
              governance.description().zh()));
    }
    assertThat(values(answer)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(answer.plan().planned().engineSql()).contains("\"catalog\".\"metrics\"");
  }

  @Test
  void catalogDimensionsHasMetricTimeAndEveryDimensionWithItsGrains() {
    SemanticAnswer answer =
        layer.query(
            "SELECT name, type, grains, model, table_name, expr FROM catalog.dimensions"
                + " ORDER BY name");

    assertThat(answer.result().rows())
        .extracting(ResultRow::values)
        .containsExactly(
            row(
                "balance_date",
                "time",
                ALL_GRAINS,
                "balances",
                "gold/fact_balance",
                "snapshot_day"),
            row("channel", "categorical", null, "orders", "gold/fact_order", "sales_channel"),
            row("metric_time", "time", ALL_GRAINS, null, null, null),
            row(
                "order_date",
                "time",
                ALL_GRAINS,
                "orders",
                "gold/fact_order",
                "CAST(ordered_at AS DATE)"),
            row("posted_date", "time", ALL_GRAINS, "balances", "gold/fact_balance", "posted_on"),
            row("region", "categorical", null, "customers", "gold/dim_customer", "region_name"),
            row(
                "signup_date",
                "time",
                ALL_GRAINS,
                "customers",
                "gold/dim_customer",
                "signed_up_on"));
  }

  @Test
  void catalogMetricLineageJoinsWithCatalogMetrics() {
    // Every metric but the deprecated revenue_per_signup, and the columns outside fact_order:
    // by hand from CatalogFixtures.MODEL.
    SemanticAnswer answer =
        layer.query(
            "SELECT l.metric, l.table_name, l.column_name FROM catalog.metric_lineage AS l"
                + " JOIN catalog.metrics AS m ON m.name = l.metric"
                + " WHERE m.certification <> 'deprecated' AND l.table_name <> 'gold/fact_order'"
                + " ORDER BY 1, 2, 3");

    assertThat(values(answer))
        .containsExactly(
            List.of("closing_balance", "gold/fact_balance", "balance_cny"),
            List.of("closing_balance", "gold/fact_balance", "posted_on"),
            List.of("closing_balance", "gold/fact_balance", "snapshot_day"),
            List.of("first_order_rate", "gold/dim_customer", "customer_id"),
            List.of("first_order_rate", "gold/dim_customer", "signed_up_on"),
            List.of("new_customers", "gold/dim_customer", "customer_id"),
            List.of("new_customers", "gold/dim_customer", "signed_up_on"),
            List.of("web_revenue", "gold/dim_customer", "region_name"));
  }

  @Test
  void theCatalogIsExplainedInTrinosDialectToo() {
    String trino =
        layer.sqlIn(layer.plan("SELECT count(*) FROM catalog.metrics"), TrinoSqlDialect.DEFAULT);

    assertThat(trino).isEqualTo("SELECT COUNT(*)\nFROM \"catalog\".\"metrics\"");
  }

  @Test
  void anUnknownCatalogColumnIsAUserErrorWithItsPosition() {
    assertThatThrownBy(() -> layer.query("SELECT nme FROM catalog.metrics"))
        .isInstanceOf(SalesdwException.class)
        .hasMessageStartingWith(
            "The query is not valid at line 1, column 8: Column 'nme' not found in any table");
  }

  private static String type(Metric metric) {
    if (metric instanceof RatioMetric) {
      return "ratio";
    } else if (metric instanceof DerivedMetric) {
      return "derived";
    } else if (metric instanceof CumulativeMetric) {
      return "cumulative";
    } else if (metric instanceof ConversionMetric) {
      return "conversion";
    }
    return "simple";
  }

  private static List<Optional<Object>> row(Object... values) {
    return Arrays.stream(values).map(Optional::ofNullable).toList();
  }

  /** The rows with every value present: the catalog's columns read here are NOT NULL. */
  private static List<List<Object>> values(SemanticAnswer answer) {
    return answer.result().rows().stream()
        .map(row -> row.values().stream().map(Optional::orElseThrow).toList())
        .toList();
  }
}
