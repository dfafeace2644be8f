package io.salesdw.semantic;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesdw.lake.Lake;
import io.salesdw.semantic.model.SemanticManifestLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SQL the layer writes for representative metric queries of the shipped model, one golden file
 * each under {@code src/test/resources/golden/TestCompiledMetricSql/}: the query rewritten over the
 * gold tables (Calcite SQL, {@code rewritten().sql()}) and the SQL sent to DuckDB ({@code
 * planned().engineSql()}). For reviewers: a change to the compiler shows as a diff of these files.
 * Regenerate them with {@code -Dgolden.overwrite=true}, then read the diff.
 */
class TestCompiledMetricSql {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/TestCompiledMetricSql");
  private static final boolean OVERWRITE = Boolean.getBoolean("golden.overwrite");

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

  static Stream<Arguments> queries() {
    return Stream.of(
        // A dimension two joins away; the type-2 rep joined on its current version only.
        Arguments.of(
            "revenue_by_region",
            "SELECT region_name, MEASURE(revenue) FROM metrics GROUP BY region_name"),
        // A ratio of sums and a derived metric sharing the revenue leaf.
        Arguments.of(
            "margin_rate_and_order_value_by_quarter",
            "SELECT metric_time__quarter, MEASURE(gross_margin_rate),"
                + " MEASURE(average_order_value) FROM metrics GROUP BY metric_time__quarter"),
        // Two fact tables, each aggregated alone, joined on the union of their keys.
        Arguments.of(
            "revenue_and_win_rate_by_region",
            "SELECT region_name, MEASURE(revenue), MEASURE(win_rate) FROM metrics"
                + " GROUP BY region_name ORDER BY MEASURE(revenue) DESC"),
        // Semi-additive: the rows of each period's last weekly snapshot.
        Arguments.of(
            "pipeline_by_month",
            "SELECT metric_time__month, MEASURE(pipeline) FROM metrics"
                + " GROUP BY metric_time__month"),
        // Cumulative: running, a trailing window, fiscal year to date.
        Arguments.of(
            "cumulative_revenue_by_month",
            "SELECT metric_time__month, MEASURE(revenue_running_total),"
                + " MEASURE(revenue_trailing_3_months), MEASURE(revenue_fiscal_ytd) FROM metrics"
                + " GROUP BY metric_time__month"),
        // Offsets: a derived metric with last year's input, and a comparison; a time condition.
        Arguments.of(
            "revenue_growth_and_previous_month_of_2024",
            "SELECT metric_time__month, MEASURE(revenue_growth_yoy),"
                + " MEASURE(revenue, 'previous_period') FROM metrics"
                + " WHERE metric_time__year = DATE '2024-01-01' GROUP BY metric_time__month"),
        // Conversion within a window, by a dimension of the base events.
        Arguments.of(
            "lead_to_opportunity_by_channel",
            "SELECT channel_name, MEASURE(lead_to_opportunity_30d) FROM metrics"
                + " GROUP BY channel_name"),
        // A semantic model's filter (the mart's rep rows) and HAVING on a metric.
        Arguments.of(
            "target_attainment_by_region",
            "SELECT region_name, MEASURE(target_attainment) FROM metrics GROUP BY region_name"
                + " HAVING MEASURE(target) > 0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void theCompiledSqlIsTheGoldenOne(String name, String sql) throws IOException {
    SemanticPlan plan = layer.plan(sql);
    String compiled =
        "-- "
            + sql
            + "\n\n-- Rewritten over the gold tables (Calcite SQL):\n"
            + plan.rewritten().sql()
            + "\n\n-- Sent to DuckDB:\n"
            + plan.planned().engineSql()
            + "\n";

    Path golden = GOLDEN.resolve(name + ".sql");
    if (OVERWRITE) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, compiled, UTF_8);
    }
    assertThat(golden)
        .as("golden file %s (write it with -Dgolden.overwrite=true)", golden.toAbsolutePath())
        .exists();
    assertThat(compiled).isEqualTo(Files.readString(golden, UTF_8));
  }
}
