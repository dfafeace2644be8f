package io.salesdw.semantic;

import static io.salesdw.semantic.engine.OneFileDeltaTable.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesdw.lake.Lake;
import io.salesdw.semantic.MetricTestResult.Outcome;
import io.salesdw.semantic.engine.OneFileDeltaTable;
import io.salesdw.semantic.model.ModelCheck;
import io.salesdw.semantic.model.ModelSource;
import io.salesdw.semantic.model.SemanticManifest;
import io.salesdw.semantic.model.SemanticManifestLoader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Metric tests run on a lake of five orders written by hand: the expected rows of each test are
 * summed here from the fixture's orders, and the failing test's difference is worked out by hand.
 */
class TestMetricTestRunner {
  /** One order of the fixture. */
  private record Order(String orderNo, String region, Optional<BigDecimal> amount, LocalDate day) {}

  private static final List<Order> ORDERS =
      List.of(
          order("SO-1", "East", "100.50", "2024-01-05"),
          order("SO-2", "East", "200.25", "2024-01-20"),
          order("SO-3", "West", "50.00", "2024-01-31"),
          order("SO-4", "West", "300.00", "2024-02-01"),
          order("SO-5", "East", null, "2024-02-29"));

  @TempDir Path lakeRoot;

  private SemanticLayer layer;
  private String modelText;

  @BeforeEach
  void writeLake() {
    List<String> values = new ArrayList<>();
    for (Order order : ORDERS) {
      values.add(
          String.format(
              "('%s', '%s', CAST(%s AS DECIMAL(12,2)), DATE '%s')",
              order.orderNo(),
              order.region(),
              order.amount().map(BigDecimal::toPlainString).orElse("NULL"),
              order.day()));
    }
    OneFileDeltaTable.write(
        lakeRoot,
        "gold/fact_order",
        List.of(
            field("order_no", "string"),
            field("region", "string"),
            field("amount", "decimal(12,2)"),
            field("order_date", "date")),
        "SELECT * FROM (VALUES "
            + String.join(", ", values)
            + ") AS t(order_no, region, amount, order_date)",
        ORDERS.size());
  }

  @AfterEach
  void close() {
    if (layer != null) {
      layer.close();
    }
  }

  @Test
  void aTestWhoseRowsAreTheFixturesPasses() {
    Map<String, BigDecimal> revenueByRegion = new TreeMap<>();
    Map<String, Long> ordersByRegion = new TreeMap<>();
    for (Order order : ORDERS) {
      order
          .amount()
          .ifPresent(amount -> revenueByRegion.merge(order.region(), amount, BigDecimal::add));
      ordersByRegion.merge(order.region(), 1L, Long::sum);
    }
    StringBuilder revenueRows = new StringBuilder();
    // Listed in reverse: the comparison ignores the order of rows.
    for (String region : List.of("West", "East")) {
      revenueRows.append(
          String.format(
              "      - {region: %s, revenue: %s}%n",
              region, revenueByRegion.get(region).toPlainString()));
    }
    // A ratio of sums, written to six decimals: 300.75 / 3 and 350.00 / 2.
    String averageRows =
        String.format(
            "      - {region: East, average_order_value: %s}%n"
                + "      - {region: West, average_order_value: %s}%n",
            revenueByRegion
                .get("East")
                .divide(BigDecimal.valueOf(ordersByRegion.get("East")), 6, RoundingMode.HALF_UP),
            revenueByRegion
                .get("West")
                .divide(BigDecimal.valueOf(ordersByRegion.get("West")), 6, RoundingMode.HALF_UP));
    open(
        model(
            """
            tests:
              - name: by_region
                group-by: [region]
                expect:
            """
                + revenueRows,
            """
            tests:
              - name: by_region
                group-by: [region]
                expect:
            """
                + averageRows));

    List<MetricTestResult> results = MetricTestRunner.run(layer);

    assertThat(results)
        .extracting(MetricTestResult::metric)
        .containsExactly("revenue", "average_order_value");
    assertThat(results)
        .allSatisfy(
            result -> {
              assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.PASSED);
              assertThat(result.missing()).isEmpty();
              assertThat(result.unexpected()).isEmpty();
            });
    assertThat(results.get(0).sql())
        .isEqualTo("SELECT region, MEASURE(revenue) FROM metrics GROUP BY region");
  }

  @Test
  void aNullAndAMonthAreComparedAsTheTestWritesThem() {
    // East by month: January is SO-1 + SO-2; February only SO-5, whose amount is NULL.
    BigDecimal january = new BigDecimal("100.50").add(new BigDecimal("200.25"));
    open(
        model(
            """
            tests:
              - name: east_by_month
                group-by: [order_date__month]
                where: region = 'East'
                expect:
                  - {order_date__month: 2024-01-01, revenue: %s}
                  - {order_date__month: 2024-02-01, revenue: null}
            """
                .formatted(january.toPlainString()),
            ""));

    MetricTestResult result = MetricTestRunner.run(layer).get(0);

    assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.PASSED);
    assertThat(result.sql())
        .isEqualTo(
            "SELECT order_date__month, MEASURE(revenue) FROM metrics WHERE region = 'East'"
                + " GROUP BY order_date__month");
  }

  @Test
  void aTestWithAWrongValueAndAnExtraRowFailsWithBothDifferences() {
    // West's revenue is 50.00 + 300.00 = 350.00; the test says 350.01, and expects a North row.
    open(
        model(
            """
            tests:
              - name: by_region
                group-by: [region]
                expect:
                  - {region: East, revenue: 300.75}
                  - {region: West, revenue: 350.01}
                  - {region: North, revenue: 1}
            """,
            ""));

    MetricTestResult result = MetricTestRunner.run(layer).get(0);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.missing())
        .containsExactly(
            Map.of("region", "West", "revenue", "350.01"),
            Map.of("region", "North", "revenue", "1"));
    assertThat(result.unexpected()).containsExactly(Map.of("region", "West", "revenue", "350.00"));
    assertThat(result.error()).isEmpty();
  }

  @Test
  void anExpectedRowNamingAnotherColumnIsAnError() {
    open(
        model(
            """
            tests:
              - name: by_region
                group-by: [region]
                expect:
                  - {regoin: East, revenue: 300.75}
            """,
            ""));

    MetricTestResult result = MetricTestRunner.run(layer).get(0);

    assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(result.error())
        .hasValue(
            "expected row 1 names [regoin, revenue], but each row names the test's"
                + " group-by dimensions and the metric: [region, revenue]. Fix the row in"
                + " model.yaml:"
                + lineOf(modelText, "- name: by_region")
                + ".");
  }

  @Test
  void numbersMatchWithinTheRelativeTolerance() {
    // 1e-6 of the expected value, or of 1 below 1.
    assertThat(MetricTestRunner.matches("1000000", Optional.of(new BigDecimal("1000000.999"))))
        .isTrue();
    assertThat(MetricTestRunner.matches("1000000", Optional.of(new BigDecimal("1000001.001"))))
        .isFalse();
    assertThat(MetricTestRunner.matches("0.666667", Optional.of(2.0 / 3))).isTrue();
    assertThat(MetricTestRunner.matches("0.6667", Optional.of(2.0 / 3))).isFalse();
    assertThat(MetricTestRunner.matches("3", Optional.of(3L))).isTrue();
    assertThat(MetricTestRunner.matches("three", Optional.of(3L))).isFalse();
    assertThat(MetricTestRunner.matches("", Optional.empty())).isTrue();
    assertThat(MetricTestRunner.matches("0", Optional.empty())).isFalse();
    assertThat(MetricTestRunner.matches("TRUE", Optional.of(true))).isTrue();
    assertThat(MetricTestRunner.matches("2024-01-01", Optional.of(LocalDate.of(2024, 1, 1))))
        .isTrue();
  }

  private void open(String model) {
    modelText = model;
    ModelCheck check = SemanticManifestLoader.check(List.of(new ModelSource("model.yaml", model)));
    assertThat(check.issues()).isEmpty();
    SemanticManifest manifest = check.manifest().orElseThrow();
    layer = SemanticLayer.embedded(Lake.open(lakeRoot.toString()), manifest);
  }

  /** The model of the fixture's table, with tests under revenue and average_order_value. */
  private static String model(String revenueTests, String averageTests) {
    return """
        semantic-models:
          - name: orders
            table: gold/fact_order
            default-time-dimension: order_date
            entities:
              - {name: order, type: primary, expr: order_no}
            dimensions:
              - {name: order_date, type: time}
              - {name: region, type: categorical}
            measures:
              - {name: order_amount, agg: sum, expr: amount}
              - {name: order_lines, agg: count, expr: order_no}
        metrics:
          - name: revenue
            type: simple
            measure: order_amount
            owner: finance
            unit: CNY
            description: {en: Order value., zh: 订单金额。}
        %s
          - name: order_count
            type: simple
            measure: order_lines
            owner: sales-ops
            unit: count
            description: {en: Order lines., zh: 订单行数。}
          - name: average_order_value
            type: ratio
            numerator: revenue
            denominator: order_count
            owner: finance
            unit: CNY
            description: {en: Revenue per order line., zh: 平均订单金额。}
        %s
        """
        .formatted(indent(revenueTests), indent(averageTests));
  }

  /** The 1-based line of the model that, stripped, is {@code line}. */
  private static int lineOf(String text, String line) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(line)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("no line " + line);
  }

  private static String indent(String tests) {
    return tests.lines().map(line -> "    " + line).reduce("", (a, b) -> a + b + "\n");
  }

  private static Order order(String orderNo, String region, String amount, String day) {
    return new Order(
        orderNo, region, Optional.ofNullable(amount).map(BigDecimal::new), LocalDate.parse(day));
  }
}
