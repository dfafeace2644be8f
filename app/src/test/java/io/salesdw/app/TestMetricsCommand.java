package io.salesdw.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesdw.semantic.model.Metric;
import io.salesdw.semantic.model.SemanticManifest;
import io.salesdw.semantic.model.SemanticManifestLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code salesdw metrics} on the shipped model and on {@link TinyGoldLake#MODEL}. */
class TestMetricsCommand {
  private static final String ALL_GRAINS = "day,week,month,quarter,year,fiscal_quarter,fiscal_year";

  @TempDir Path root;

  private String model;

  @BeforeEach
  void writeModel() {
    model = TinyGoldLake.writeModel(root, "").toString();
  }

  @Test
  void theShippedModelsMetricsAreListedOnePerLine() {
    CliRun run = CliRun.of("metrics");

    SemanticManifest shipped = SemanticManifestLoader.loadShipped();
    List<String> lines = run.out().lines().toList();
    assertThat(run.exitCode()).isZero();
    assertThat(lines).hasSize(shipped.metrics().size() + 2);
    assertThat(lines.get(0))
        .matches(
            "name +type +label +unit +certification +owner +version +description_en"
                + " +description_zh");
    for (int i = 0; i < shipped.metrics().size(); i++) {
      Metric metric = shipped.metrics().get(i);
      assertThat(lines.get(i + 2))
          .startsWith(metric.name() + " ")
          .contains(metric.governance().owner());
    }
    assertThat(run.err().strip())
        .isEqualTo(shipped.metrics().size() + " metrics in the shipped sales model");
  }

  @Test
  void eachMetricShowsItsGovernanceInEnglishAndChinese() {
    CliRun run = CliRun.of("metrics", "--model", model);

    // The metrics of TinyGoldLake.MODEL; order_count and average_order_value are drafts of
    // version 1, the defaults.
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().skip(2))
        .hasSize(3)
        .satisfiesExactly(
            line ->
                assertThat(line)
                    .matches(
                        "revenue +simple +Revenue +CNY +certified +finance +2 +Order value\\."
                            + " +订单金额。"),
            line ->
                assertThat(line)
                    .matches(
                        "order_count +simple +Orders +count +draft +sales-ops +1 +Order lines\\."
                            + " +订单行数。"),
            line ->
                assertThat(line)
                    .matches(
                        "average_order_value +ratio +Average order value +CNY +draft +finance +1"
                            + " +Revenue per order line\\. +平均订单金额。"));
  }

  @Test
  void jsonListsWhatEachMetricReads() throws Exception {
    CliRun run = CliRun.of("metrics", "--model", model, "--json");

    JsonNode metrics = new ObjectMapper().readTree(run.out()).get("metrics");
    assertThat(run.exitCode()).isZero();
    assertThat(metrics).hasSize(3);
    JsonNode revenue = metrics.get(0);
    assertThat(revenue.get("name").asText()).isEqualTo("revenue");
    assertThat(revenue.get("certification").asText()).isEqualTo("certified");
    assertThat(revenue.get("version").asInt()).isEqualTo(2);
    assertThat(revenue.get("description_zh").asText()).isEqualTo("订单金额。");
    // sum(amount), dated by order_date (its expr is its name); a ratio reads both inputs'.
    assertThat(revenue.get("reads").toString())
        .isEqualTo("[{\"table\":\"gold/fact_order\",\"columns\":[\"amount\",\"order_date\"]}]");
    assertThat(metrics.get(2).get("reads").toString())
        .isEqualTo(
            "[{\"table\":\"gold/fact_order\",\"columns\":[\"amount\",\"order_date\",\"order_no\"]}]");
  }

  @Test
  void lineageListsTheColumnsByTable() {
    CliRun run = CliRun.of("metrics", "--model", model, "--lineage");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines())
        .containsExactly(
            // The widest values: average_order_value (19), gold/fact_order (15), and the last
            // line's columns (28).
            String.format("%-19s  %-15s  %s", "metric", "table", "columns"),
            String.format("%s  %s  %s", "-".repeat(19), "-".repeat(15), "-".repeat(28)),
            String.format("%-19s  %-15s  %s", "revenue", "gold/fact_order", "amount, order_date"),
            String.format(
                "%-19s  %-15s  %s", "order_count", "gold/fact_order", "order_date, order_no"),
            String.format(
                "%-19s  %-15s  %s",
                "average_order_value", "gold/fact_order", "amount, order_date, order_no"));
  }

  @Test
  void dimensionsListMetricTimeAndTheGrainsOfTimeDimensions() {
    CliRun run = CliRun.of("metrics", "--model", model, "--dimensions");

    assertThat(run.exitCode()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).matches("name +type +grains +model +table_name +expr");
    assertThat(lines.subList(2, lines.size()))
        .satisfiesExactly(
            line -> assertThat(line).matches("metric_time +time +" + ALL_GRAINS),
            line ->
                assertThat(line)
                    .matches(
                        "order_date +time +"
                            + ALL_GRAINS
                            + " +orders +gold/fact_order +order_date"),
            line ->
                assertThat(line).matches("region +categorical +orders +gold/fact_order +region"));
  }

  @Test
  void dimensionsAndLineageCannotBeAskedTogether() {
    CliRun run = CliRun.of("metrics", "--dimensions", "--lineage");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err())
        .startsWith("salesdw metrics: ")
        .contains("--dimensions")
        .contains("--lineage")
        .contains("mutually exclusive");
  }

  @Test
  void aMissingModelDirectoryIsAUserError() {
    CliRun run = CliRun.of("metrics", "--model", root.resolve("nowhere").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("salesdw metrics: ")
        .contains(root.resolve("nowhere").toString());
  }
}
