package io.salesdw.semantic.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdw.contracts.LakeZone;
import io.salesdw.lake.Lake;
import io.salesdw.semantic.engine.TinySalesLake.Order;
import java.nio.file.Path;
import java.sql.JDBCType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.calcite.sql.dialect.TrinoSqlDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL Calcite unparses for DuckDB runs there and means what the plan means: time truncation by
 * every unit the metrics use, and casts to {@code VARCHAR}. Expected values are computed with
 * {@code java.time} from the fixture's rows.
 */
class TestDuckDbDialect {
  private static final String TRUNCATIONS =
      "SELECT order_no, FLOOR(order_date TO MONTH) AS month_start,"
          + " FLOOR(order_date TO QUARTER) AS quarter_start, FLOOR(order_date TO WEEK) AS week_start,"
          + " FLOOR(order_date TO YEAR) AS year_start, FLOOR(paid_at TO DAY) AS paid_day,"
          + " CAST(amount AS VARCHAR) AS amount_text"
          + " FROM gold.fact_order ORDER BY order_no";

  private static final String ORDERS_PER_QUARTER =
      "SELECT FLOOR(order_date TO QUARTER) AS quarter_start, count(*) AS orders"
          + " FROM gold.fact_order GROUP BY FLOOR(order_date TO QUARTER) ORDER BY 1";

  @TempDir Path lakeRoot;

  private Lake lake;
  private DuckDbEngine engine;
  private SqlPlanner planner;

  @BeforeEach
  void openLake() {
    TinySalesLake.rewriteJanuaryAndAddMarch(TinySalesLake.writeOrders(lakeRoot));
    lake = Lake.open(lakeRoot.toString());
    engine = DuckDbEngine.open(lake);
    planner = SqlPlanner.create(lake, EnumSet.of(LakeZone.GOLD), engine);
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  @Test
  void truncationsAndVarcharCastsRunOnDuckDb() {
    ExecutedQuery run = planner.execute(TRUNCATIONS);

    List<List<Optional<Object>>> expected = new ArrayList<>();
    for (Order order : TinySalesLake.version1()) {
      LocalDate date = order.orderDate();
      expected.add(
          List.of(
              Optional.of(order.orderNo()),
              Optional.of(date.withDayOfMonth(1)),
              Optional.of(LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1)),
              // Weeks start on Monday (ISO), in DuckDB as in Trino.
              Optional.of(date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))),
              Optional.of(date.withDayOfYear(1)),
              order.paidAt().map(instant -> instant.truncatedTo(ChronoUnit.DAYS)),
              order.amount().map(amount -> amount.toPlainString())));
    }
    expected.sort((a, b) -> ((String) a.get(0).get()).compareTo((String) b.get(0).get()));
    assertThat(run.result().rows().stream().map(ResultRow::values).toList()).isEqualTo(expected);
    // FLOOR of a DATE stays a DATE, though DuckDB's DATE_TRUNC returns a TIMESTAMP.
    assertThat(run.result().columns())
        .extracting(ResultColumn::type)
        .containsExactly(
            JDBCType.VARCHAR,
            JDBCType.DATE,
            JDBCType.DATE,
            JDBCType.DATE,
            JDBCType.DATE,
            JDBCType.TIMESTAMP,
            JDBCType.VARCHAR);
    assertThat(run.plan().engineSql())
        .contains("DATE_TRUNC('quarter', \"order_date\")")
        .doesNotContain("CHARACTER SET")
        .doesNotContain("FLOOR");
  }

  @Test
  void groupingByQuarterCountsTheQuartersOrders() {
    ExecutedQuery run = planner.execute(ORDERS_PER_QUARTER);

    Map<LocalDate, Long> expected = new TreeMap<>();
    for (Order order : TinySalesLake.version1()) {
      LocalDate date = order.orderDate();
      expected.merge(
          LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1), 1L, Long::sum);
    }
    List<List<Optional<Object>>> expectedRows = new ArrayList<>();
    expected.forEach(
        (quarter, orders) -> expectedRows.add(List.of(Optional.of(quarter), Optional.of(orders))));
    assertThat(run.result().rows().stream().map(ResultRow::values).toList())
        .isEqualTo(expectedRows);
  }

  @Test
  void trinoDialectUnparsesTheSamePlans() {
    SqlPlanner trino =
        SqlPlanner.create(
            lake, EnumSet.of(LakeZone.GOLD), new PlanOnlyEngine(TrinoSqlDialect.DEFAULT));

    for (String sql : List.of(TRUNCATIONS, ORDERS_PER_QUARTER)) {
      String unparsed = trino.plan(sql).engineSql();

      assertThat(unparsed)
          .as(sql)
          .contains("FROM \"gold\".\"fact_order\"")
          .containsIgnoringCase("DATE_TRUNC('QUARTER'")
          .doesNotContain("FLOOR");
    }
  }
}
