package io.salesdw.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesdw.app.TinyGoldLake.Order;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code salesdw sql} on a lake of five orders written by hand: every expected row is computed here
 * from {@link TinyGoldLake#ORDERS}.
 */
class TestSqlCommand {
  private static final String TIMINGS = "\\d+ rows? \\(planning \\d+ ms, execution \\d+ ms\\)";

  @TempDir Path root;

  private String lake;
  private String model;

  @BeforeEach
  void writeLake() {
    TinyGoldLake.write(root.resolve("lake"));
    lake = root.resolve("lake").toString();
    model = TinyGoldLake.writeModel(root.resolve("model"), "").toString();
  }

  @Test
  void aMetricQueryPrintsAlignedColumnsWithNumbersOnTheRight() {
    CliRun run =
        sql("SELECT region, MEASURE(revenue) FROM metrics GROUP BY region ORDER BY region");

    Map<String, BigDecimal> revenue = new TreeMap<>();
    for (Order order : TinyGoldLake.ORDERS) {
      order.amount().ifPresent(amount -> revenue.merge(order.region(), amount, BigDecimal::add));
    }
    // "region" is the widest of its column (6), "revenue" of its (7).
    List<String> expected = new ArrayList<>(List.of("region  revenue", "------  -------"));
    revenue.forEach(
        (region, amount) ->
            expected.add(String.format("%-6s  %7s", region, amount.toPlainString())));
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).containsExactlyElementsOf(expected);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err().strip()).matches(TIMINGS).startsWith("2 rows");
  }

  @Test
  void aNullIsPrintedAsNullInATable() {
    CliRun run =
        sql("SELECT order_no, amount FROM gold.fact_order WHERE region = 'East' ORDER BY order_no");

    List<String> expected = new ArrayList<>(List.of("order_no  amount", "--------  ------"));
    for (Order order : TinyGoldLake.ORDERS) {
      if (order.region().equals("East")) {
        expected.add(
            String.format(
                "%-8s  %6s",
                order.orderNo(), order.amount().map(BigDecimal::toPlainString).orElse("NULL")));
      }
    }
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).containsExactlyElementsOf(expected);
  }

  @Test
  void csvHasAHeaderAndAnEmptyFieldForNull() {
    CliRun run =
        sql(
            "SELECT order_no, region, amount, order_date FROM gold.fact_order ORDER BY order_no",
            "--format",
            "csv");

    List<String> expected = new ArrayList<>(List.of("order_no,region,amount,order_date"));
    for (Order order : TinyGoldLake.ORDERS) {
      expected.add(
          String.join(
              ",",
              order.orderNo(),
              order.region(),
              order.amount().map(BigDecimal::toPlainString).orElse(""),
              order.orderDate().toString()));
    }
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(String.join("\n", expected) + "\n");
  }

  @Test
  void jsonHasColumnsRowsTimingsAndTheTableVersionsRead() throws Exception {
    CliRun run =
        sql(
            "SELECT region, MEASURE(order_count) FROM metrics GROUP BY region ORDER BY region",
            "--format",
            "JSON");

    Map<String, Long> orders = new TreeMap<>();
    TinyGoldLake.ORDERS.forEach(order -> orders.merge(order.region(), 1L, Long::sum));
    JsonNode document = new ObjectMapper().readTree(run.out());
    assertThat(run.exitCode()).isZero();
    assertThat(document.get("columns").get(0).get("name").asText()).isEqualTo("region");
    assertThat(document.get("columns").get(0).get("type").asText()).isEqualTo("VARCHAR");
    assertThat(document.get("columns").get(1).get("name").asText()).isEqualTo("order_count");
    List<String> rows = new ArrayList<>();
    document.get("rows").forEach(row -> rows.add(row.get(0).asText() + "=" + row.get(1).asLong()));
    assertThat(rows).containsExactly("East=" + orders.get("East"), "West=" + orders.get("West"));
    assertThat(document.get("planningMillis").asLong()).isNotNegative();
    assertThat(document.get("executionMillis").asLong()).isNotNegative();
    assertThat(document.get("tableVersions").get("gold/fact_order").asLong()).isZero();
  }

  @Test
  void explainShowsEveryStepWithoutRunning() {
    String query = "SELECT region, MEASURE(revenue) FROM metrics GROUP BY region";

    CliRun run = sql(query, "--explain");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("-- SQL as written\n" + query + "\n")
        .contains("-- SQL over gold, compiled from the semantic model\n")
        .contains("-- Calcite logical plan\n")
        .contains("LogicalAggregate")
        .contains("-- DuckDB SQL (run by --engine duckdb)\n")
        .contains("-- Trino SQL (run by --engine trino)\n")
        .contains("\"gold\".\"fact_order\"");
    assertThat(run.err()).matches("planned in \\d+ ms; not run \\(--explain\\)\\s*");
  }

  @Test
  void explainOfPlainSqlHasNoCompiledSection() {
    CliRun run = sql("SELECT count(*) FROM gold.fact_order", "--explain", "--format", "json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("\"metricQuery\" : false")
        .contains("\"compiledSql\" : null")
        .contains("\"trinoSql\" : \"SELECT COUNT(*)\\nFROM \\\"gold\\\".\\\"fact_order\\\"\"");
  }

  @Test
  void theCatalogTablesAreQueryable() {
    CliRun run = sql("SELECT name, unit FROM catalog.metrics ORDER BY name", "--format", "csv");

    // TinyGoldLake.MODEL's metrics, by name.
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo("name,unit\naverage_order_value,CNY\norder_count,count\nrevenue,CNY\n");
  }

  @Test
  void quietPrintsNoTimings() {
    CliRun run = sql("SELECT count(*) AS orders FROM gold.fact_order", "-q");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out().lines())
        .containsExactly("orders", "------", String.format("%6d", TinyGoldLake.ORDERS.size()));
  }

  @Test
  void anUnknownMetricIsAUserErrorNamingTheNearestOne() {
    CliRun run = sql("SELECT MEASURE(revenu) FROM metrics");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            "salesdw sql: There is no metric 'revenu' (did you mean 'revenue'?). Run 'salesdw"
                + " metrics' to list them.");
  }

  @Test
  void anUnknownColumnIsAUserErrorWithItsPosition() {
    CliRun run = sql("SELECT amout FROM gold.fact_order");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "salesdw sql: The query is not valid at line 1, column 8: Column 'amout' not found in"
                + " any table. Did you mean 'amount'?");
  }

  @Test
  void trinoWithoutAUrlSaysWhereToGetOne() {
    CliRun run = sql("SELECT 1", "--engine", "trino", "--trino-url=");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "salesdw sql: --engine trino needs the Trino JDBC URL: give --trino-url"
                + " jdbc:trino://HOST:PORT/CATALOG or set SALESDW_TRINO_URL (scripts/trino start"
                + " DIR starts a Trino on loopback and prints it as jdbc_url=).");
  }

  @Test
  void aTrinoUrlWithoutACatalogIsRefused() {
    CliRun run = sql("SELECT 1", "--engine", "trino", "--trino-url", "jdbc:trino://127.0.0.1:1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is not a Trino JDBC URL with a catalog");
  }

  @Test
  void anUnknownFormatIsOneClearLine() {
    CliRun run = sql("SELECT 1", "--format", "xml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err())
        .startsWith("salesdw sql: ")
        .contains("'xml' is not a format; use one of table, csv, json");
  }

  @Test
  void aMissingLakeIsAUserError() {
    CliRun run = CliRun.of("sql", "SELECT 1", "--lake", root.resolve("nowhere").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err())
        .startsWith("salesdw sql: The lake root '" + root.resolve("nowhere") + "' does not exist.");
  }

  @Test
  void withoutLakeTheDemoLakeIsReadAndItsAbsenceExplained() {
    // The tests run in app/, where no demo has been built.
    CliRun run = CliRun.of("sql", "SELECT 1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "salesdw sql: There is no lake at ./salesdw-demo/lake (the default). Run 'salesdw"
                + " demo' to build the demo lake there, or give --lake DIR.");
  }

  private CliRun sql(String query, String... options) {
    List<String> args = new ArrayList<>(List.of("sql", query, "--lake", lake, "--model", model));
    args.addAll(List.of(options));
    return CliRun.of(args.toArray(String[]::new));
  }
}
