package io.salesdw.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import io.salesdw.lake.Lake;
import io.salesdw.semantic.model.SemanticManifestLoader;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Metric queries the layer refuses, over the shipped model and {@link TinyGoldLake}: each is a user
 * error whose message says what is wrong and how to fix it.
 */
class TestMetricQueryErrors {
  @TempDir static Path lakeRoot;

  private static SemanticLayer layer;

  @BeforeAll
  static void openLayer() {
    TinyGoldLake.write(lakeRoot);
    layer =
        SemanticLayer.embedded(
            Lake.open(lakeRoot.toString()), SemanticManifestLoader.loadShipped());
  }

  @AfterAll
  static void closeLayer() {
    layer.close();
  }

  @Test
  void aSyntaxErrorNamesItsLineAndColumnInTheQueryAsWritten() {
    // MEASURE( is quoted before parsing, which moves what follows it on the line: the column
    // must still be the one in the analyst's text.
    String sql = "SELECT region_name, MEASURE(revenue) FORM metrics GROUP BY region_name";
    int column = sql.indexOf("metrics") + 1;

    assertUserError(sql)
        .hasMessage(
            "SQL syntax error at line 1, column "
                + column
                + ": Encountered \"metrics\"\n  "
                + sql
                + "\n  "
                + " ".repeat(column - 1)
                + "^");
  }

  @Test
  void aSyntaxErrorAfterTwoMeasuresOnItsLineHasTheColumnAsWritten() {
    String second = "  MEASURE(revenue), measure (win_rate) rate extra";
    String sql = "SELECT region_name,\n" + second + "\nFROM metrics GROUP BY region_name";
    int column = second.indexOf("extra") + 1;

    assertUserError(sql)
        .hasMessage(
            "SQL syntax error at line 2, column "
                + column
                + ": Encountered \"extra\"\n  "
                + second
                + "\n  "
                + " ".repeat(column - 1)
                + "^");
  }

  @Test
  void anUnknownMetricNamesTheNearestOne() {
    assertUserError("SELECT region_name, MEASURE(revenu) FROM metrics GROUP BY region_name")
        .hasMessage(
            "There is no metric 'revenu' (did you mean 'revenue'?)."
                + " Run 'salesdw metrics' to list them.");
  }

  @Test
  void anUnknownDimensionNamesTheNearestOne() {
    assertUserError("SELECT regoin_name, MEASURE(revenue) FROM metrics GROUP BY regoin_name")
        .hasMessage(
            "There is no dimension 'regoin_name' (did you mean 'region_name'?). Time dimensions"
                + " take a grain suffix such as '__month'; 'salesdw metrics --dimensions' lists"
                + " them.");
  }

  // Regression: the message named the measure ('customers_valued') as if it were the metric.
  @Test
  void anUnreachableDimensionNamesTheMetricAndItsModel() {
    // Customer value (one row per customer) reaches customers; nothing leads from it to leads.
    String unreachable =
        "Dimension 'lead_status' cannot be reached from metric 'customers': no chain of"
            + " many-to-one joins leads from semantic model 'customer_value' to it. Group that"
            + " metric by a dimension its model can reach, or query it separately.";
    assertUserError("SELECT lead_status, MEASURE(customers) FROM metrics GROUP BY lead_status")
        .hasMessage(unreachable);
    assertUserError("SELECT MEASURE(customers) FROM metrics WHERE lead_status = 'working'")
        .hasMessage(unreachable);
    // A derived metric is named as asked for, though its inputs' measures are what fail.
    assertUserError(
            "SELECT due_date__month, MEASURE(average_order_value) FROM metrics"
                + " GROUP BY due_date__month")
        .hasMessage(
            "Dimension 'due_date' cannot be reached from metric 'average_order_value': no chain"
                + " of many-to-one joins leads from semantic model 'orders' to it. Group that"
                + " metric by a dimension its model can reach, or query it separately.");
  }

  @Test
  void aGrainOnACategoricalDimensionIsRefused() {
    assertUserError(
            "SELECT region_name__month, MEASURE(revenue) FROM metrics"
                + " GROUP BY region_name__month")
        .hasMessage(
            "Dimension 'region_name' is categorical and has no time grain;"
                + " drop the '__<grain>' suffix.");
  }

  @Test
  void aMeasureInWhereIsRefused() {
    assertUserError(
            "SELECT region_name, MEASURE(revenue) FROM metrics WHERE MEASURE(revenue) > 100"
                + " GROUP BY region_name")
        .hasMessage(
            "WHERE filters rows before metrics are computed; filter on a metric in HAVING.");
  }

  @Test
  void selectStarFromMetricsIsRefused() {
    assertUserError("SELECT * FROM metrics")
        .hasMessage(
            "SELECT * FROM metrics: name the dimensions and MEASURE(metric)s you want;"
                + " 'salesdw metrics' lists them.");
  }

  @Test
  void aSelectedDimensionMustBeGrouped() {
    assertUserError(
            "SELECT region_name, rep_name, MEASURE(revenue) FROM metrics GROUP BY region_name")
        .hasMessage("SELECT reads 'rep_name', which is not in GROUP BY. Add it to GROUP BY.");
    assertUserError(
            "SELECT region_name, MEASURE(revenue) FROM metrics GROUP BY region_name"
                + " HAVING revenue > 1")
        .hasMessage(
            "HAVING reads 'revenue', which is not in GROUP BY."
                + " 'revenue' is a metric: write MEASURE(revenue).");
  }

  @Test
  void aCumulativeMetricNeedsATimeGrain() {
    assertUserError(
            "SELECT region_name, MEASURE(revenue_running_total) FROM metrics"
                + " GROUP BY region_name")
        .hasMessage(
            "Metric 'revenue_running_total' is cumulative: group by exactly one time grain,"
                + " e.g. metric_time__month.");
  }

  // Regression: grouped by another time dimension (a rep's hire year), a cumulative metric took
  // it for its periods and summed the orders up to each hire year's end, whoever took them: one
  // row, 2023-01-01, with all the revenue of 2023.
  @Test
  void aCumulativeMetricAccumulatesOverItsOwnTimeOnly() {
    assertUserError(
            "SELECT rep_hire_date__year, MEASURE(revenue_running_total) FROM metrics"
                + " GROUP BY rep_hire_date__year")
        .hasMessage(
            "Metric 'revenue_running_total' accumulates over order_date, not over"
                + " 'rep_hire_date__year': group by exactly one time grain, e.g."
                + " metric_time__month.");
    assertUserError(
            "SELECT customer_first_seen_date__month, MEASURE(revenue, 'year_to_date')"
                + " FROM metrics GROUP BY customer_first_seen_date__month")
        .hasMessage(
            "Metric 'revenue' accumulates over order_date, not over"
                + " 'customer_first_seen_date__month': group by exactly one time grain, e.g."
                + " metric_time__month.");
  }

  @Test
  void anUnknownComparisonListsTheKnownOnes() {
    assertUserError(
            "SELECT metric_time__month, MEASURE(revenue, 'last_quarter') FROM metrics"
                + " GROUP BY metric_time__month")
        .hasMessage(
            "MEASURE(revenue, 'last_quarter') names no comparison; use one of previous_period,"
                + " same_period_last_year, week_to_date, month_to_date, quarter_to_date,"
                + " year_to_date, fiscal_quarter_to_date, fiscal_year_to_date.");
  }

  @Test
  void aComparisonNeedsATimeGrain() {
    assertUserError(
            "SELECT region_name, MEASURE(revenue, 'previous_period') FROM metrics"
                + " GROUP BY region_name")
        .hasMessage(
            "Metric 'revenue' is compared with the previous period: group by exactly one time"
                + " grain, e.g. metric_time__month.");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertUserError(String sql) {
    return assertThatThrownBy(() -> layer.plan(sql))
        .isInstanceOfSatisfying(
            SalesdwException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER_ERROR));
  }
}
