package io.salesdw.semantic.engine;

import static io.salesdw.semantic.engine.HandWrittenDeltaTable.field;
import static io.salesdw.semantic.engine.HandWrittenDeltaTable.metadata;
import static io.salesdw.semantic.engine.HandWrittenDeltaTable.protocol;
import static io.salesdw.semantic.engine.TinySalesLake.FACT_ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.LakeZone;
import io.salesdw.contracts.SalesdwException;
import io.salesdw.lake.Lake;
import io.salesdw.semantic.engine.TinySalesLake.Order;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SqlPlanner} with {@link DuckDbEngine} over Delta tables written by hand: every expected
 * value is computed here from the fixture's rows.
 */
class TestSqlPlanner {
  private static final String ORDERS_PER_MONTH =
      "SELECT month_key, count(*) AS orders, sum(amount) AS amount FROM gold.fact_order"
          + " GROUP BY month_key ORDER BY month_key";

  @TempDir Path lakeRoot;

  private HandWrittenDeltaTable orders;
  private DuckDbEngine engine;
  private SqlPlanner planner;

  @BeforeEach
  void openLake() {
    orders = TinySalesLake.writeOrders(lakeRoot);
    Lake lake = Lake.open(lakeRoot.toString());
    engine = DuckDbEngine.open(lake);
    planner = SqlPlanner.create(lake, EnumSet.of(LakeZone.GOLD), engine);
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  @Test
  void countsAndSumsPerPartitionAreTheFixtures() {
    ExecutedQuery run = planner.execute(ORDERS_PER_MONTH);

    assertThat(run.result().columnNames()).containsExactly("month_key", "orders", "amount");
    assertThat(rows(run)).isEqualTo(expectedPerMonth(TinySalesLake.version0()));
    assertThat(run.tableVersions()).isEqualTo(Map.of(FACT_ORDER, 0L));
  }

  @Test
  void everyValueIsReadWithItsDeltaType() {
    ExecutedQuery run = planner.execute("SELECT * FROM gold.fact_order ORDER BY order_no");

    assertThat(run.result().columnNames())
        .containsExactly(
            "order_no", "customer_id", "amount", "is_paid", "order_date", "paid_at", "month_key");
    assertThat(run.result().columns())
        .extracting(ResultColumn::type)
        .containsExactly(
            JDBCType.VARCHAR,
            JDBCType.BIGINT,
            JDBCType.DECIMAL,
            JDBCType.BOOLEAN,
            JDBCType.DATE,
            JDBCType.TIMESTAMP,
            JDBCType.INTEGER);
    assertThat(run.result().columns().get(2).precision()).isEqualTo(12);
    assertThat(run.result().columns().get(2).scale()).isEqualTo(2);
    List<List<Optional<Object>>> expected = new ArrayList<>();
    for (Order order : TinySalesLake.version0()) {
      expected.add(
          List.of(
              Optional.of(order.orderNo()),
              order.customerId().map(Object.class::cast),
              order.amount().map(Object.class::cast),
              order.paid().map(Object.class::cast),
              Optional.of(order.orderDate()),
              order.paidAt().map(Object.class::cast),
              Optional.of(order.monthKey())));
    }
    assertThat(rows(run)).isEqualTo(expected);
  }

  @Test
  void aSecondCommitIsSeenOnTheNextQuery() {
    assertThat(rows(planner.execute(ORDERS_PER_MONTH)))
        .isEqualTo(expectedPerMonth(TinySalesLake.version0()));

    TinySalesLake.rewriteJanuaryAndAddMarch(orders);
    ExecutedQuery run = planner.execute(ORDERS_PER_MONTH);

    assertThat(rows(run)).isEqualTo(expectedPerMonth(TinySalesLake.version1()));
    assertThat(run.tableVersions()).isEqualTo(Map.of(FACT_ORDER, 1L));
    // Instants in the JVM zone's daylight-saving gap come back unchanged.
    ExecutedQuery march =
        planner.execute(
            "SELECT paid_at FROM gold.fact_order WHERE month_key = 202403 ORDER BY order_no");
    assertThat(rows(march))
        .isEqualTo(
            TinySalesLake.MARCH.stream()
                .map(order -> List.of(order.paidAt().map(Object.class::cast)))
                .toList());
  }

  @Test
  void anEmptyTableHasItsColumnsAndNoRows() {
    HandWrittenDeltaTable channels = new HandWrittenDeltaTable(lakeRoot, "gold/dim_channel");
    channels.commit(
        0,
        protocol(),
        metadata(
            List.of(
                field("channel_code", "string", false),
                field("rank", "integer", true),
                field("weight", "decimal(5,3)", true),
                field("launched_on", "date", true),
                field("updated_at", "timestamp", true)),
            List.of(),
            Map.of()));

    ExecutedQuery all = planner.execute("SELECT * FROM gold.dim_channel");
    ExecutedQuery count = planner.execute("SELECT count(*) AS channels FROM gold.dim_channel");

    assertThat(all.result().rows()).isEmpty();
    assertThat(all.result().columns())
        .extracting(ResultColumn::name, ResultColumn::type)
        .containsExactly(
            tuple("channel_code", JDBCType.VARCHAR),
            tuple("rank", JDBCType.INTEGER),
            tuple("weight", JDBCType.DECIMAL),
            tuple("launched_on", JDBCType.DATE),
            tuple("updated_at", JDBCType.TIMESTAMP));
    assertThat(all.result().columns().get(2).scale()).isEqualTo(3);
    assertThat(rows(count)).isEqualTo(List.of(List.of(Optional.of(0L))));
  }

  @Test
  void partitionValuesComeFromTheLogWhereverTheFilesLie() {
    // A NULL partition, a value with a space (percent-encoded in the log), and a file outside
    // the partition directories: DuckDB's Hive partitioning would get each of them wrong.
    HandWrittenDeltaTable payments = new HandWrittenDeltaTable(lakeRoot, "gold/fact_payment");
    Map<Optional<String>, List<Long>> paymentsByRegion = new TreeMap<>(optionalOrder());
    paymentsByRegion.put(Optional.of("North America"), List.of(1L, 2L, 3L));
    paymentsByRegion.put(Optional.empty(), List.of(4L));
    paymentsByRegion.put(Optional.of("EU"), List.of(5L, 6L));
    Map<Optional<String>, String> paths =
        Map.of(
            Optional.of("North America"), "region=North America/part-0.parquet",
            Optional.empty(), "region=__HIVE_DEFAULT_PARTITION__/part-0.parquet",
            Optional.of("EU"), "part-0.parquet");
    List<String> adds = new ArrayList<>();
    adds.add(protocol());
    adds.add(
        metadata(
            List.of(field("payment_id", "long", false), field("region", "string", true)),
            List.of("region"),
            Map.of()));
    paymentsByRegion.forEach(
        (region, ids) -> {
          List<String> values = ids.stream().map(id -> "(" + id + ")").toList();
          payments.writeParquet(
              paths.get(region),
              "SELECT * FROM (VALUES " + String.join(", ", values) + ") AS t(payment_id)");
          adds.add(payments.add(paths.get(region), Map.of("region", region), ids.size()));
        });
    payments.commit(0, adds.toArray(String[]::new));

    ExecutedQuery run =
        planner.execute(
            "SELECT region, count(*) AS payments, sum(payment_id) AS ids FROM gold.fact_payment"
                + " GROUP BY region ORDER BY region NULLS FIRST");

    List<List<Optional<Object>>> expected = new ArrayList<>();
    paymentsByRegion.forEach(
        (region, ids) ->
            expected.add(
                List.of(
                    region.map(Object.class::cast),
                    Optional.of((long) ids.size()),
                    Optional.of(
                        BigDecimal.valueOf(ids.stream().mapToLong(Long::longValue).sum())))));
    assertThat(rows(run)).isEqualTo(expected);
  }

  @Test
  void aTableWithDeletionVectorsIsRefusedWithTheReason() {
    HandWrittenDeltaTable calls = new HandWrittenDeltaTable(lakeRoot, "gold/fact_call");
    calls.writeParquet("part-0.parquet", "SELECT * FROM (VALUES (1), (2), (3)) AS t(call_id)");
    calls.commit(
        0,
        HandWrittenDeltaTable.deletionVectorProtocol(),
        metadata(
            List.of(field("call_id", "long", false)),
            List.of(),
            Map.of("delta.enableDeletionVectors", "true")));
    calls.commit(1, calls.addWithDeletionVector("part-0.parquet", Map.of(), 3, 1));

    assertThatThrownBy(() -> planner.execute("SELECT count(*) FROM gold.fact_call"))
        .isInstanceOfSatisfying(
            SalesdwException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER_ERROR))
        .hasMessageStartingWith(
            "The DuckDB engine cannot read the Delta table 'gold/fact_call' (version 1): some of"
                + " its files have deletion vectors, whose deleted rows a Parquet reader would"
                + " return as live.")
        .hasMessageContaining("REORG TABLE");
  }

  // Regression: Calcite's default character set, ISO-8859-1, failed any literal outside it
  // ("Failed to encode '华东' in character set 'ISO-8859-1'"); the gold zone's names are Chinese.
  @Test
  void aStringLiteralOutsideLatin1IsCompared() {
    ExecutedQuery run =
        planner.execute(
            "SELECT '华东' AS region, count(*) AS orders FROM gold.fact_order"
                + " WHERE order_no <> '订单' AND month_key = 202402");

    assertThat(rows(run))
        .isEqualTo(
            List.of(List.of(Optional.of("华东"), Optional.of((long) TinySalesLake.FEBRUARY.size()))));
  }

  // Regression: Calcite unparsed a grand total over a grouped sub-query as SUM(MAX(...)) ... GROUP
  // BY, which DuckDB rejects ("aggregate function calls cannot be nested").
  @Test
  void aGrandTotalOverAGroupedSubQueryKeepsTheSubQuery() {
    ExecutedQuery run =
        planner.execute(
            "SELECT sum(largest) AS total FROM (SELECT max(amount) AS largest"
                + " FROM gold.fact_order GROUP BY month_key)");

    // The largest amount of each month (a NULL amount is no candidate), summed.
    BigDecimal expected =
        TinySalesLake.version0().stream()
            .collect(
                Collectors.groupingBy(
                    Order::monthKey,
                    Collectors.mapping(
                        order -> order.amount().orElse(BigDecimal.ZERO),
                        Collectors.reducing(BigDecimal.ZERO, BigDecimal::max))))
            .values()
            .stream()
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(rows(run)).isEqualTo(List.of(List.of(Optional.of(expected))));
    assertThat(run.plan().engineSql()).doesNotContain("SUM(MAX(");
  }

  @Test
  void namesMatchWhateverTheirCase() {
    ExecutedQuery run =
        planner.execute("select COUNT(*) AS n from GOLD.Fact_Order where MONTH_KEY = 202402");

    assertThat(run.result().columnNames()).containsExactly("n");
    assertThat(rows(run))
        .isEqualTo(List.of(List.of(Optional.of((long) TinySalesLake.FEBRUARY.size()))));
  }

  @Test
  void explainHasTheLogicalPlanAndTheSqlSent() {
    PlannedQuery plan = planner.plan("SELECT order_no FROM gold.fact_order WHERE amount > 100");

    assertThat(plan.logicalPlan())
        .contains("LogicalFilter")
        .contains("LogicalTableScan(table=[[gold, fact_order]])");
    assertThat(plan.engineSql()).contains("FROM \"gold\".\"fact_order\"").contains("100");
    assertThat(plan.tableVersions()).isEqualTo(Map.of(FACT_ORDER, 0L));
    assertThat(plan.planningTime()).isPositive();
  }

  @Test
  void aSyntaxErrorNamesItsLineAndColumn() {
    assertThatThrownBy(() -> planner.plan("SELECT order_no,\nFROM gold.fact_order"))
        .isInstanceOfSatisfying(
            SalesdwException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER_ERROR))
        .hasMessageStartingWith("SQL syntax error at line 2, column 1: ")
        .hasMessageContaining("'FROM'");
    // The comparison lacks its right side: the parser stops at the '>'.
    String truncated = "SELECT order_no FROM gold.fact_order WHERE amount >";
    assertThatThrownBy(() -> planner.plan(truncated))
        .hasMessageStartingWith(
            "SQL syntax error at line 1, column " + (truncated.indexOf('>') + 1) + ": ")
        .hasMessageContaining("<EOF>");
  }

  @Test
  void anUnknownColumnNamesTheNearestOne() {
    assertThatThrownBy(() -> planner.plan("SELECT amout FROM gold.fact_order"))
        .isInstanceOfSatisfying(
            SalesdwException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER_ERROR))
        .hasMessage(
            "The query is not valid at line 1, column 8: Column 'amout' not found in any table."
                + " Did you mean 'amount'?");
  }

  @Test
  void anUnknownTableNamesTheNearestOne() {
    assertThatThrownBy(() -> planner.plan("SELECT * FROM gold.fact_ordr"))
        .hasMessage(
            "The query is not valid at line 1, column 15: Object 'fact_ordr' not found within"
                + " 'gold'. Did you mean 'gold.fact_order'?");
    assertThatThrownBy(() -> planner.plan("SELECT * FROM fact_order"))
        .hasMessage(
            "The query is not valid at line 1, column 15: Object 'fact_order' not found."
                + " Did you mean 'gold.fact_order'?");
    assertThatThrownBy(() -> planner.plan("SELECT * FROM gold.refund_ledger"))
        .hasMessage(
            "The query is not valid at line 1, column 15: Object 'refund_ledger' not found within"
                + " 'gold'.");
  }

  /** Month, orders and the sum of the non-NULL amounts, by month, from the fixture's rows. */
  private static List<List<Optional<Object>>> expectedPerMonth(List<Order> rows) {
    Map<Integer, List<Order>> byMonth = new TreeMap<>();
    rows.forEach(
        row -> byMonth.computeIfAbsent(row.monthKey(), month -> new ArrayList<>()).add(row));
    List<List<Optional<Object>>> expected = new ArrayList<>();
    byMonth.forEach(
        (month, monthRows) -> {
          List<BigDecimal> amounts =
              monthRows.stream().map(Order::amount).flatMap(Optional::stream).toList();
          expected.add(
              List.of(
                  Optional.of(month),
                  Optional.of((long) monthRows.size()),
                  amounts.isEmpty()
                      ? Optional.empty()
                      : Optional.of(amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add))));
        });
    return expected;
  }

  private static List<List<Optional<Object>>> rows(ExecutedQuery run) {
    return run.result().rows().stream().map(ResultRow::values).toList();
  }

  // Empty (NULL) first, then by value: the order of ORDER BY region NULLS FIRST.
  private static Comparator<Optional<String>> optionalOrder() {
    return (a, b) ->
        a.isEmpty() || b.isEmpty()
            ? Boolean.compare(a.isPresent(), b.isPresent())
            : Objects.compare(a.get(), b.get(), String::compareTo);
  }
}
