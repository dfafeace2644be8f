package io.salesdw.semantic;

import static io.salesdw.semantic.TinyGoldLake.CHANNELS;
import static io.salesdw.semantic.TinyGoldLake.CUSTOMERS;
import static io.salesdw.semantic.TinyGoldLake.EAST;
import static io.salesdw.semantic.TinyGoldLake.FORECAST_SNAPSHOTS;
import static io.salesdw.semantic.TinyGoldLake.LEADS;
import static io.salesdw.semantic.TinyGoldLake.ORDERS;
import static io.salesdw.semantic.TinyGoldLake.PAYMENTS;
import static io.salesdw.semantic.TinyGoldLake.REPS;
import static io.salesdw.semantic.TinyGoldLake.STAGE_TRANSITIONS;
import static io.salesdw.semantic.TinyGoldLake.TARGET_ATTAINMENT;
import static io.salesdw.semantic.TinyGoldLake.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesdw.lake.Lake;
import io.salesdw.semantic.TinyGoldLake.Channel;
import io.salesdw.semantic.TinyGoldLake.Customer;
import io.salesdw.semantic.TinyGoldLake.ForecastSnapshot;
import io.salesdw.semantic.TinyGoldLake.Lead;
import io.salesdw.semantic.TinyGoldLake.Order;
import io.salesdw.semantic.TinyGoldLake.Payment;
import io.salesdw.semantic.TinyGoldLake.Rep;
import io.salesdw.semantic.TinyGoldLake.StageTransition;
import io.salesdw.semantic.TinyGoldLake.TargetAttainment;
import io.salesdw.semantic.TinyGoldLake.Team;
import io.salesdw.semantic.engine.ResultRow;
import io.salesdw.semantic.model.Metric;
import io.salesdw.semantic.model.SemanticManifestLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every metric of the shipped sales model answered on {@link TinyGoldLake}, against answers found
 * by two other routes: arithmetic here over the fixture's rows (simple, ratio, derived,
 * semi-additive, cumulative, offset and conversion metrics, the rep-level filter, a dimension two
 * joins away), and, for every metric, the same question as plain SQL over the gold tables, which
 * Calcite plans and DuckDB runs without the metric compiler.
 *
 * <p>Queries of cumulative metrics and of comparisons with earlier periods keep to periods with
 * rows of their own ({@code HAVING MEASURE(revenue) IS NOT NULL}): which other periods they report
 * is changing (a time spine from {@code gold/dim_date}).
 */
class TestShippedMetrics {
  private static final double TOLERANCE = 1e-9;
  private static final Pattern MEASURE_CALL = Pattern.compile("MEASURE\\((\\w+)");

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

  // ------------------------------------------------------------- against hand-computed answers

  @Test
  void revenueByRegionReachesTeamsThroughTheCurrentRepOnly() {
    SemanticAnswer answer =
        layer.query(
            "SELECT region_name, MEASURE(revenue), MEASURE(order_count) FROM metrics"
                + " GROUP BY region_name");

    List<List<Object>> expected = new ArrayList<>();
    group(ORDERS, order -> regionOfRep(order.repId()))
        .forEach(
            (region, orders) ->
                expected.add(row(region, sum(orders, Order::amount), (long) orders.size())));
    assertThat(answer.result().columnNames())
        .containsExactly("region_name", "revenue", "order_count");
    assertSameRows(answer, expected);
    // The NULL group: an order without a rep.
    assertThat(expected).anySatisfy(row -> assertThat(row.get(0)).isNull());
    // REP0001 has two versions in dim_rep, yet each order is counted once, in its current team's
    // region.
    assertThat(REPS.stream().filter(rep -> rep.repId().equals("REP0001"))).hasSize(2);
    BigDecimal total = BigDecimal.ZERO;
    for (ResultRow row : answer.result().rows()) {
      total = total.add((BigDecimal) row.value(1).orElseThrow());
    }
    assertThat(total).isEqualByComparingTo(sum(ORDERS, Order::amount));
  }

  // Also a regression: Calcite's default character set (ISO-8859-1) refused the literal '华东'.
  @Test
  void aWhereOnADimensionOutsideGroupByFiltersTheRows() {
    SemanticAnswer answer =
        layer.query(
            "SELECT metric_time__year, MEASURE(revenue) FROM metrics WHERE region_name = '华东'"
                + " GROUP BY metric_time__year");

    List<Order> east = filter(ORDERS, order -> EAST.equals(regionOfRep(order.repId())));
    List<List<Object>> expected = new ArrayList<>();
    group(east, order -> order.orderDate().withDayOfYear(1))
        .forEach((year, orders) -> expected.add(row(year, sum(orders, Order::amount))));
    assertSameRows(answer, expected);
  }

  @Test
  void aNullDimensionValueIsAGroupOfItsOwn() {
    // Orders of C003 (no industry) and the order without a customer are one NULL group.
    SemanticAnswer answer =
        layer.query(
            "SELECT customer_industry, MEASURE(order_count), MEASURE(buying_customers)"
                + " FROM metrics GROUP BY customer_industry");

    List<List<Object>> expected = new ArrayList<>();
    group(ORDERS, order -> customer(order.customerId()).flatMap(Customer::industry).orElse(null))
        .forEach(
            (industry, orders) ->
                expected.add(
                    row(
                        industry,
                        (long) orders.size(),
                        orders.stream()
                            .map(Order::customerId)
                            .flatMap(Optional::stream)
                            .distinct()
                            .count())));
    assertSameRows(answer, expected);
  }

  @Test
  void aRatioDividesTheSumsAndADerivedMetricCombinesItsInputs() {
    SemanticAnswer answer =
        layer.query(
            "SELECT metric_time__quarter, MEASURE(gross_margin_rate), MEASURE(average_order_value)"
                + " FROM metrics GROUP BY metric_time__quarter");

    List<List<Object>> expected = new ArrayList<>();
    group(ORDERS, order -> quarterOf(order.orderDate()))
        .forEach(
            (quarter, orders) ->
                expected.add(
                    row(
                        quarter,
                        ratio(sum(orders, Order::grossMargin), sum(orders, Order::amount)),
                        ratio(sum(orders, Order::amount), BigDecimal.valueOf(orders.size())))));
    assertSameRows(answer, expected);
  }

  @Test
  void aColumnNamedLikeAKeywordIsADimension() {
    // Regression: payment_method's expr is 'method', an SQL keyword, which the model validator
    // reads as a column and the compiler could not parse.
    SemanticAnswer answer =
        layer.query(
            "SELECT payment_method, MEASURE(collected_revenue), MEASURE(revenue_due),"
                + " MEASURE(collection_rate) FROM metrics GROUP BY payment_method");

    List<List<Object>> expected = new ArrayList<>();
    group(PAYMENTS, payment -> payment.method().orElse(null))
        .forEach(
            (method, payments) -> {
              BigDecimal collected = sum(payments, TestShippedMetrics::collected);
              BigDecimal due = sum(payments, Payment::amount);
              expected.add(row(method, collected, due, ratio(collected, due)));
            });
    assertSameRows(answer, expected);
  }

  @Test
  void pipelineIsTheLastWeeklySnapshotOfEachPeriodNotTheSumOfTheWeeks() {
    SemanticAnswer byMonth =
        layer.query(
            "SELECT metric_time__month, MEASURE(pipeline) FROM metrics"
                + " GROUP BY metric_time__month");
    SemanticAnswer byQuarter =
        layer.query(
            "SELECT metric_time__quarter, MEASURE(pipeline) FROM metrics"
                + " GROUP BY metric_time__quarter");
    // The period's last snapshot is the last week of any team: a region that submitted nothing
    // that week has no pipeline at the period's end (MetricFlow's semi-additive measures).
    SemanticAnswer byRegionAndMonth =
        layer.query(
            "SELECT region_name, metric_time__month, MEASURE(pipeline) FROM metrics"
                + " GROUP BY region_name, metric_time__month");

    List<List<Object>> expectedByMonth = new ArrayList<>();
    group(lastSnapshots(TestShippedMetrics::monthOf), snapshot -> monthOf(snapshot.weekStart()))
        .forEach(
            (month, last) ->
                expectedByMonth.add(row(month, sum(last, ForecastSnapshot::forecastAmount))));
    List<List<Object>> expectedByQuarter = new ArrayList<>();
    group(lastSnapshots(TestShippedMetrics::quarterOf), snapshot -> quarterOf(snapshot.weekStart()))
        .forEach(
            (quarter, last) ->
                expectedByQuarter.add(row(quarter, sum(last, ForecastSnapshot::forecastAmount))));
    List<List<Object>> expectedByRegionAndMonth = new ArrayList<>();
    group(
            lastSnapshots(TestShippedMetrics::monthOf),
            snapshot -> row(regionOfTeam(snapshot.teamId()), monthOf(snapshot.weekStart())))
        .forEach(
            (key, last) -> {
              List<?> regionAndMonth = (List<?>) key;
              expectedByRegionAndMonth.add(
                  row(
                      regionAndMonth.get(0),
                      regionAndMonth.get(1),
                      sum(last, ForecastSnapshot::forecastAmount)));
            });
    assertSameRows(byMonth, expectedByMonth);
    assertSameRows(byQuarter, expectedByQuarter);
    assertSameRows(byRegionAndMonth, expectedByRegionAndMonth);
    // January has three weekly snapshots: the pipeline is not their sum.
    List<ForecastSnapshot> january =
        filter(FORECAST_SNAPSHOTS, snapshot -> snapshot.weekStart().getMonth() == Month.JANUARY);
    assertThat((BigDecimal) valueOf(byMonth, LocalDate.of(2024, 1, 1)))
        .isNotEqualByComparingTo(sum(january, ForecastSnapshot::forecastAmount));
  }

  @Test
  void cumulativeMetricsSumTheMonthsUpToEachMonth() {
    // The fiscal year is the calendar year: calendar.yaml's first month is January.
    assertThat(layer.manifest().fiscalCalendar().firstMonth()).isEqualTo(Month.JANUARY);
    SemanticAnswer answer =
        layer.query(
            "SELECT metric_time__month, MEASURE(revenue_running_total),"
                + " MEASURE(revenue_trailing_3_months), MEASURE(revenue_fiscal_ytd) FROM metrics"
                + " GROUP BY metric_time__month HAVING MEASURE(revenue) IS NOT NULL");

    List<List<Object>> expected = new ArrayList<>();
    for (LocalDate month : monthsWithOrders()) {
      LocalDate end = month.plusMonths(1);
      expected.add(
          row(
              month,
              revenueBetween(LocalDate.MIN, end),
              revenueBetween(end.minusMonths(3), end),
              revenueBetween(month.withDayOfYear(1), end)));
    }
    assertSameRows(answer, expected);
  }

  @Test
  void comparisonsReadEarlierPeriods() {
    SemanticAnswer answer =
        layer.query(
            "SELECT metric_time__month, MEASURE(revenue), MEASURE(revenue, 'previous_period'),"
                + " MEASURE(revenue, 'same_period_last_year'), MEASURE(revenue, 'year_to_date')"
                + " FROM metrics GROUP BY metric_time__month HAVING MEASURE(revenue) IS NOT NULL");

    List<List<Object>> expected = new ArrayList<>();
    for (LocalDate month : monthsWithOrders()) {
      expected.add(
          row(
              month,
              revenueOfMonth(month),
              revenueOfMonth(month.minusMonths(1)),
              revenueOfMonth(month.minusYears(1)),
              revenueBetween(month.withDayOfYear(1), month.plusMonths(1))));
    }
    assertThat(answer.result().columnNames())
        .containsExactly(
            "metric_time__month",
            "revenue",
            "revenue__previous_period",
            "revenue__same_period_last_year",
            "revenue__year_to_date");
    assertSameRows(answer, expected);
  }

  @Test
  void revenueGrowthComparesEachPeriodWithTheSamePeriodAYearEarlier() {
    SemanticAnswer byMonth =
        layer.query(
            "SELECT metric_time__month, MEASURE(revenue_growth_yoy) FROM metrics"
                + " WHERE metric_time__year = DATE '2024-01-01' GROUP BY metric_time__month"
                + " HAVING MEASURE(revenue) IS NOT NULL");
    SemanticAnswer byYear =
        layer.query(
            "SELECT metric_time__year, MEASURE(revenue_growth_yoy) FROM metrics"
                + " GROUP BY metric_time__year HAVING MEASURE(revenue) IS NOT NULL");

    List<List<Object>> expectedByMonth = new ArrayList<>();
    for (LocalDate month : monthsWithOrders()) {
      if (month.getYear() == 2024) {
        expectedByMonth.add(
            row(month, growth(revenueOfMonth(month), revenueOfMonth(month.minusYears(1)))));
      }
    }
    assertSameRows(byMonth, expectedByMonth);
    // December 2023 had no order: no growth for December 2024.
    assertThat(expectedByMonth).contains(row(LocalDate.of(2024, 12, 1), null));
    LocalDate year2023 = LocalDate.of(2023, 1, 1);
    LocalDate year2024 = LocalDate.of(2024, 1, 1);
    assertSameRows(
        byYear,
        List.of(
            row(year2023, null),
            row(
                year2024,
                growth(
                    revenueBetween(year2024, year2024.plusYears(1)),
                    revenueBetween(year2023, year2024)))));
  }

  @Test
  void leadToOpportunityCountsOpportunitiesWithinThirtyDaysOfTheLead() {
    SemanticAnswer byMonth =
        layer.query(
            "SELECT metric_time__month, MEASURE(lead_to_opportunity_30d) FROM metrics"
                + " GROUP BY metric_time__month");
    SemanticAnswer byChannel =
        layer.query(
            "SELECT channel_name, MEASURE(lead_to_opportunity_30d) FROM metrics"
                + " GROUP BY channel_name");
    // Regression: without GROUP BY, Calcite nested the aggregates, which DuckDB rejects.
    SemanticAnswer overall = layer.query("SELECT MEASURE(lead_to_opportunity_30d) FROM metrics");

    List<List<Object>> expectedByMonth = new ArrayList<>();
    group(LEADS, lead -> lead.createdDate().withDayOfMonth(1))
        .forEach((month, leads) -> expectedByMonth.add(row(month, conversionRate(leads))));
    List<List<Object>> expectedByChannel = new ArrayList<>();
    group(LEADS, lead -> channelName(lead.channelId()))
        .forEach((channel, leads) -> expectedByChannel.add(row(channel, conversionRate(leads))));
    assertSameRows(byMonth, expectedByMonth);
    assertSameRows(byChannel, expectedByChannel);
    assertSameRows(overall, List.of(row(conversionRate(LEADS))));
    // LD-7 was created on 1 February in UTC (31 January in the tests' zone): February's.
    assertThat(valueOf(byMonth, LocalDate.of(2024, 2, 1)))
        .isEqualTo(
            conversionRate(
                filter(LEADS, lead -> lead.createdAt().toString().startsWith("2024-02"))));
  }

  @Test
  void targetAttainmentReadsTheRepRowsOfTheMartOnly() {
    SemanticAnswer byMonth =
        layer.query(
            "SELECT metric_time__month, MEASURE(target), MEASURE(credited_won_amount),"
                + " MEASURE(target_attainment) FROM metrics GROUP BY metric_time__month");
    SemanticAnswer byRegion =
        layer.query(
            "SELECT region_name, MEASURE(target_attainment) FROM metrics GROUP BY region_name");

    List<TargetAttainment> repRows = filter(TARGET_ATTAINMENT, row -> row.level().equals("rep"));
    List<List<Object>> expectedByMonth = new ArrayList<>();
    group(repRows, TargetAttainment::month)
        .forEach(
            (month, rows) -> {
              BigDecimal target = sum(rows, TargetAttainment::targetAmount);
              BigDecimal won = sum(rows, row -> row.wonAmount().orElse(null));
              expectedByMonth.add(row(month, target, won, ratio(won, target)));
            });
    List<List<Object>> expectedByRegion = new ArrayList<>();
    group(repRows, row -> regionOfRep(Optional.of(row.ownerId())))
        .forEach(
            (region, rows) ->
                expectedByRegion.add(
                    row(
                        region,
                        ratio(
                            sum(rows, row -> row.wonAmount().orElse(null)),
                            sum(rows, TargetAttainment::targetAmount)))));
    assertSameRows(byMonth, expectedByMonth);
    assertSameRows(byRegion, expectedByRegion);
    // The mart's team and region rows of January would change both answers.
    assertThat(TARGET_ATTAINMENT)
        .anySatisfy(row -> assertThat(row.level()).isEqualTo("team"))
        .anySatisfy(row -> assertThat(row.level()).isEqualTo("region"));
  }

  @Test
  void authenticityIsTheMeanOfTheTeamsRepsAndCoachingCountsThoseBelowTheLine() {
    SemanticAnswer answer =
        layer.query(
            "SELECT team_name, MEASURE(target_authenticity_index), MEASURE(reps_needing_coaching)"
                + " FROM metrics WHERE metric_time__month = DATE '2024-01-01' GROUP BY team_name");

    // January (TinyHealthMarts): 华东一组 has REP0001 (0.80) and REP0002 (0.60, below the 0.65
    // line); 华南一组 has REP0003 (0.70); 华北一组 has REP0004 (0.50, below the line).
    assertSameRows(
        answer, List.of(row("华东一组", 0.70, 1L), row("华南一组", 0.70, 0L), row("华北一组", 0.50, 1L)));
  }

  @Test
  void metricsOfTwoFactTablesJoinOnTheirSharedDimension() {
    // Orders reach a region through their rep's current team, stage transitions through the team
    // they carry. 华北 has transitions and no orders; the orders without a rep have no region.
    SemanticAnswer answer =
        layer.query(
            "SELECT region_name, MEASURE(revenue), MEASURE(win_rate) FROM metrics"
                + " GROUP BY region_name");

    Map<Object, List<Order>> orders = group(ORDERS, order -> regionOfRep(order.repId()));
    Map<Object, List<StageTransition>> transitions =
        group(STAGE_TRANSITIONS, change -> regionOfTeam(change.opportunity().teamId()));
    Set<Object> regions = new LinkedHashSet<>(orders.keySet());
    regions.addAll(transitions.keySet());
    List<List<Object>> expected = new ArrayList<>();
    for (Object region : regions) {
      List<StageTransition> changes = transitions.getOrDefault(region, List.of());
      long wins = changes.stream().filter(StageTransition::win).count();
      long closes = changes.stream().filter(change -> change.win() || change.loss()).count();
      expected.add(
          row(
              region,
              sum(orders.getOrDefault(region, List.of()), Order::amount),
              ratio(BigDecimal.valueOf(wins), BigDecimal.valueOf(closes))));
    }
    assertSameRows(answer, expected);
    assertThat(expected)
        .contains(row(TinyGoldLake.NORTH, null, 1.0))
        .anySatisfy(row -> assertThat(row.get(0)).isNull());
  }

  @Test
  void havingFiltersOnAMetric() {
    BigDecimal threshold = new BigDecimal("425");
    SemanticAnswer answer =
        layer.query(
            "SELECT rep_name, MEASURE(revenue) FROM metrics GROUP BY rep_name"
                + " HAVING MEASURE(revenue) > "
                + threshold);

    List<List<Object>> expected = new ArrayList<>();
    revenueByRepName()
        .forEach(
            (name, revenue) -> {
              if (revenue.compareTo(threshold) > 0) {
                expected.add(row(name, revenue));
              }
            });
    assertSameRows(answer, expected);
    assertThat(expected).hasSizeLessThan(revenueByRepName().size());
  }

  @Test
  void orderByAMetricWithALimitKeepsTheLargest() {
    SemanticAnswer byMeasure =
        layer.query(
            "SELECT rep_name, MEASURE(revenue) FROM metrics GROUP BY rep_name"
                + " ORDER BY MEASURE(revenue) DESC LIMIT 2");
    // Regression: ORDER BY a select item's alias was refused ("not in GROUP BY").
    SemanticAnswer byAlias =
        layer.query(
            "SELECT rep_name, MEASURE(revenue) AS rep_revenue FROM metrics GROUP BY rep_name"
                + " ORDER BY rep_revenue DESC LIMIT 2");

    List<List<Object>> expected =
        revenueByRepName().entrySet().stream()
            .sorted(Map.Entry.<Object, BigDecimal>comparingByValue().reversed())
            .limit(2)
            .map(entry -> row(entry.getKey(), entry.getValue()))
            .toList();
    assertSameRowsInOrder(byMeasure, expected);
    assertSameRowsInOrder(byAlias, expected);
    assertThat(byAlias.result().columnNames()).containsExactly("rep_name", "rep_revenue");
  }

  // ------------------------------------------------------------- against hand-written SQL

  @Test
  void everyShippedMetricHasAHandWrittenSqlCase() {
    Set<String> covered = new TreeSet<>();
    sameQuestionAsPlainSql()
        .forEach(
            arguments -> {
              Matcher calls = MEASURE_CALL.matcher((String) arguments.get()[1]);
              while (calls.find()) {
                covered.add(calls.group(1));
              }
            });

    assertThat(covered)
        .containsExactlyInAnyOrderElementsOf(
            layer.manifest().metrics().stream().map(Metric::name).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sameQuestionAsPlainSql")
  void aMetricAnswersAsHandWrittenSqlOverTheGoldTables(
      String metric, String metricQuery, String plainSql) {
    SemanticAnswer answer = layer.query(metricQuery);
    SemanticAnswer plain = layer.query(plainSql);

    assertThat(answer.plan().rewritten().metricQuery()).isTrue();
    assertThat(plain.plan().rewritten().metricQuery()).isFalse();
    assertThat(answer.result().columnNames()).last().isEqualTo(metric);
    assertThat(answer.result().rows()).isNotEmpty();
    assertSameRows(answer, rows(plain));
  }

  static Stream<Arguments> sameQuestionAsPlainSql() {
    String orderRegion =
        " FROM gold.fact_order AS o"
            + " LEFT JOIN gold.dim_rep AS r ON r.rep_id = o.rep_id AND r.is_current"
            + " LEFT JOIN gold.dim_team AS t ON t.team_id = r.team_id";
    String monthlyRevenue =
        "WITH monthly AS (SELECT FLOOR(order_date TO MONTH) AS order_month,"
            + " SUM(amount) AS revenue FROM gold.fact_order GROUP BY FLOOR(order_date TO MONTH)) ";
    String transitions = " FROM gold.fact_opportunity_stage_transition AS s";
    String leads = " FROM gold.fact_lead_lifecycle AS l";
    String monthOfKey =
        "CAST(SUBSTRING(CAST(month_key AS VARCHAR) FROM 1 FOR 4) || '-'"
            + " || SUBSTRING(CAST(month_key AS VARCHAR) FROM 5 FOR 2) || '-01' AS DATE)";
    String dnaByRep =
        " FROM gold.mart_rep_process_dna AS d"
            + " LEFT JOIN gold.dim_rep AS r ON r.rep_id = d.rep_id AND r.is_current";
    String repTargets =
        " FROM gold.mart_target_attainment AS a"
            + " LEFT JOIN gold.dim_rep AS r ON r.rep_id = a.owner_id AND r.is_current";
    return Stream.of(
        // orders.yaml
        Arguments.of(
            "revenue",
            "SELECT region_name, MEASURE(revenue) FROM metrics GROUP BY region_name",
            "SELECT t.region_name, SUM(o.amount)" + orderRegion + " GROUP BY t.region_name"),
        Arguments.of(
            "gross_margin",
            "SELECT product_line_name, MEASURE(gross_margin) FROM metrics"
                + " GROUP BY product_line_name",
            "SELECT p.product_line_name, SUM(o.gross_margin) FROM gold.fact_order AS o"
                + " LEFT JOIN gold.dim_product_line AS p"
                + " ON p.product_line_code = o.product_line_code GROUP BY p.product_line_name"),
        Arguments.of(
            "gross_margin_rate",
            "SELECT metric_time__year, MEASURE(gross_margin_rate) FROM metrics"
                + " GROUP BY metric_time__year",
            "SELECT FLOOR(order_date TO YEAR),"
                + " CAST(SUM(gross_margin) AS DOUBLE) / CAST(SUM(amount) AS DOUBLE)"
                + " FROM gold.fact_order GROUP BY FLOOR(order_date TO YEAR)"),
        Arguments.of(
            "order_count",
            "SELECT customer_industry, MEASURE(order_count) FROM metrics"
                + " GROUP BY customer_industry",
            "SELECT c.industry, COUNT(*) FROM gold.fact_order AS o LEFT JOIN gold.dim_customer"
                + " AS c ON c.unified_customer_id = o.unified_customer_id GROUP BY c.industry"),
        Arguments.of(
            "average_order_value",
            "SELECT metric_time__quarter, MEASURE(average_order_value) FROM metrics"
                + " GROUP BY metric_time__quarter",
            "SELECT FLOOR(order_date TO QUARTER), CAST(SUM(amount) AS DOUBLE) / COUNT(*)"
                + " FROM gold.fact_order GROUP BY FLOOR(order_date TO QUARTER)"),
        Arguments.of(
            "buying_customers",
            "SELECT rep_level, MEASURE(buying_customers) FROM metrics GROUP BY rep_level",
            "SELECT r.level, COUNT(DISTINCT o.unified_customer_id)"
                + orderRegion
                + " GROUP BY r.level"),
        Arguments.of(
            "revenue_growth_yoy",
            "SELECT metric_time__month, MEASURE(revenue_growth_yoy) FROM metrics"
                + " GROUP BY metric_time__month HAVING MEASURE(revenue) IS NOT NULL",
            monthlyRevenue
                + "SELECT this_year.order_month, CAST(this_year.revenue - last_year.revenue AS"
                + " DOUBLE) / CAST(last_year.revenue AS DOUBLE) FROM monthly AS this_year"
                + " LEFT JOIN monthly AS last_year ON last_year.order_month"
                + " = CAST(this_year.order_month - INTERVAL '1' YEAR AS DATE)"),
        Arguments.of(
            "revenue_running_total",
            "SELECT metric_time__month, MEASURE(revenue_running_total) FROM metrics"
                + " GROUP BY metric_time__month HAVING MEASURE(revenue) IS NOT NULL",
            monthlyRevenue
                + "SELECT order_month, SUM(revenue) OVER (ORDER BY order_month"
                + " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM monthly"),
        Arguments.of(
            "revenue_trailing_3_months",
            "SELECT metric_time__month, MEASURE(revenue_trailing_3_months) FROM metrics"
                + " GROUP BY metric_time__month HAVING MEASURE(revenue) IS NOT NULL",
            monthlyRevenue
                + "SELECT a.order_month, SUM(b.revenue) FROM monthly AS a JOIN monthly AS b"
                + " ON b.order_month <= a.order_month"
                + " AND b.order_month > CAST(a.order_month - INTERVAL '3' MONTH AS DATE)"
                + " GROUP BY a.order_month"),
        Arguments.of(
            "revenue_fiscal_ytd",
            "SELECT metric_time__month, MEASURE(revenue_fiscal_ytd) FROM metrics"
                + " GROUP BY metric_time__month HAVING MEASURE(revenue) IS NOT NULL",
            monthlyRevenue
                + "SELECT m.order_month, SUM(m.revenue) OVER (PARTITION BY d.fiscal_year"
                + " ORDER BY m.order_month) FROM monthly AS m"
                + " JOIN gold.dim_date AS d ON d.\"date\" = m.order_month"),
        Arguments.of(
            "collected_revenue",
            "SELECT payment_method, MEASURE(collected_revenue) FROM metrics"
                + " GROUP BY payment_method",
            "SELECT \"method\", SUM(CASE WHEN is_received THEN amount ELSE 0 END)"
                + " FROM gold.fact_payment GROUP BY \"method\""),
        Arguments.of(
            "collection_rate",
            "SELECT region_name, MEASURE(collection_rate) FROM metrics GROUP BY region_name",
            "SELECT t.region_name, CAST(SUM(CASE WHEN p.is_received THEN p.amount ELSE 0 END)"
                + " AS DOUBLE) / CAST(SUM(p.amount) AS DOUBLE) FROM gold.fact_payment AS p"
                + " LEFT JOIN gold.dim_team AS t ON t.team_id = p.team_id GROUP BY t.region_name"),
        Arguments.of(
            "revenue_due",
            "SELECT metric_time__month, MEASURE(revenue_due) FROM metrics"
                + " GROUP BY metric_time__month",
            "SELECT FLOOR(due_date TO MONTH), SUM(amount) FROM gold.fact_payment"
                + " GROUP BY FLOOR(due_date TO MONTH)"),
        // health.yaml
        Arguments.of(
            "target_authenticity_index",
            "SELECT team_name, MEASURE(target_authenticity_index) FROM metrics GROUP BY team_name",
            "SELECT t.team_name, AVG(a.authenticity_index) FROM gold.mart_target_authenticity AS a"
                + " LEFT JOIN gold.dim_team AS t ON t.team_id = a.team_id GROUP BY t.team_name"),
        Arguments.of(
            "reps_needing_coaching",
            "SELECT metric_time__month, MEASURE(reps_needing_coaching) FROM metrics"
                + " GROUP BY metric_time__month",
            "SELECT "
                + monthOfKey
                + ", SUM(CASE WHEN needs_coaching THEN 1 ELSE 0 END)"
                + " FROM gold.mart_target_authenticity GROUP BY "
                + monthOfKey),
        Arguments.of(
            "record_completeness",
            "SELECT rep_name, MEASURE(record_completeness) FROM metrics GROUP BY rep_name",
            "SELECT r.rep_name, AVG(a.record_completeness) FROM gold.mart_target_authenticity AS a"
                + " LEFT JOIN gold.dim_rep AS r ON r.rep_id = a.rep_id AND r.is_current"
                + " GROUP BY r.rep_name"),
        Arguments.of(
            "dna_visits",
            "SELECT rep_name, MEASURE(dna_visits) FROM metrics GROUP BY rep_name",
            "SELECT r.rep_name, AVG(d.radar_visits)" + dnaByRep + " GROUP BY r.rep_name"),
        Arguments.of(
            "dna_effective_visits",
            "SELECT team_name, MEASURE(dna_effective_visits) FROM metrics GROUP BY team_name",
            "SELECT t.team_name, AVG(d.radar_effective_visit_rate) FROM gold.mart_rep_process_dna"
                + " AS d LEFT JOIN gold.dim_team AS t ON t.team_id = d.team_id GROUP BY t.team_name"),
        Arguments.of(
            "dna_need_discovery",
            "SELECT metric_time__month, MEASURE(dna_need_discovery) FROM metrics"
                + " GROUP BY metric_time__month",
            "SELECT "
                + monthOfKey
                + ", AVG(radar_need_type_coverage)"
                + " FROM gold.mart_rep_process_dna GROUP BY "
                + monthOfKey),
        Arguments.of(
            "dna_key_actions",
            "SELECT rep_name, MEASURE(dna_key_actions) FROM metrics GROUP BY rep_name",
            "SELECT r.rep_name, AVG(d.radar_golden_action_completion)"
                + dnaByRep
                + " GROUP BY r.rep_name"),
        Arguments.of(
            "dna_stage_timeliness",
            "SELECT rep_name, MEASURE(dna_stage_timeliness) FROM metrics GROUP BY rep_name",
            "SELECT r.rep_name, AVG(d.radar_stage_update_timeliness)"
                + dnaByRep
                + " GROUP BY r.rep_name"),
        Arguments.of(
            "dna_listening",
            "SELECT rep_name, MEASURE(dna_listening) FROM metrics GROUP BY rep_name",
            "SELECT r.rep_name, AVG(d.radar_listening)" + dnaByRep + " GROUP BY r.rep_name"),
        Arguments.of(
            "reps_with_process_warning",
            "SELECT process_warning_reasons, MEASURE(reps_with_process_warning) FROM metrics"
                + " GROUP BY process_warning_reasons",
            "SELECT warning_reasons, SUM(CASE WHEN warning_flag THEN 1 ELSE 0 END)"
                + " FROM gold.mart_rep_process_dna GROUP BY warning_reasons"),
        Arguments.of(
            "reliability_forecasts",
            "SELECT reliability_source, MEASURE(reliability_forecasts) FROM metrics"
                + " GROUP BY reliability_source",
            "SELECT probability_source, SUM(forecasts) FROM gold.mart_forecast_reliability"
                + " GROUP BY probability_source"),
        Arguments.of(
            "reliability_mean_predicted",
            "SELECT reliability_source, reliability_bin, MEASURE(reliability_mean_predicted)"
                + " FROM metrics GROUP BY reliability_source, reliability_bin",
            "SELECT probability_source, bin, AVG(mean_predicted) FROM gold.mart_forecast_reliability"
                + " GROUP BY probability_source, bin"),
        Arguments.of(
            "reliability_observed_frequency",
            "SELECT reliability_bin, MEASURE(reliability_observed_frequency) FROM metrics"
                + " GROUP BY reliability_bin",
            "SELECT bin, AVG(observed_frequency) FROM gold.mart_forecast_reliability GROUP BY bin"),
        Arguments.of(
            "forecast_brier_score",
            "SELECT calibration_scope, calibration_source, MEASURE(forecast_brier_score)"
                + " FROM metrics GROUP BY calibration_scope, calibration_source",
            "SELECT scope_type, probability_source, AVG(brier_score)"
                + " FROM gold.mart_forecast_calibration GROUP BY scope_type, probability_source"),
        Arguments.of(
            "funnel_stage_entries",
            "SELECT funnel_cohort, MEASURE(funnel_stage_entries) FROM metrics"
                + " GROUP BY funnel_cohort",
            "SELECT cohort, SUM(entered) FROM gold.mart_funnel_stage_summary GROUP BY cohort"),
        Arguments.of(
            "funnel_stage_advances",
            "SELECT funnel_stage, MEASURE(funnel_stage_advances) FROM metrics"
                + " GROUP BY funnel_stage",
            "SELECT stage, SUM(advanced) FROM gold.mart_funnel_stage_summary GROUP BY stage"),
        Arguments.of(
            "funnel_stage_conversion",
            "SELECT funnel_stage, funnel_is_bottleneck, MEASURE(funnel_stage_conversion)"
                + " FROM metrics WHERE funnel_cohort = 'all'"
                + " GROUP BY funnel_stage, funnel_is_bottleneck",
            "SELECT stage, is_bottleneck, CAST(SUM(advanced) AS DOUBLE) / SUM(entered)"
                + " FROM gold.mart_funnel_stage_summary WHERE cohort = 'all'"
                + " GROUP BY stage, is_bottleneck"),
        Arguments.of(
            "funnel_stage_dwell_days",
            "SELECT funnel_stage_order, MEASURE(funnel_stage_dwell_days) FROM metrics"
                + " GROUP BY funnel_stage_order",
            "SELECT stage_order, AVG(dwell_days_mean) FROM gold.mart_funnel_stage_summary"
                + " GROUP BY stage_order"),
        Arguments.of(
            "unfollowed_leads",
            "SELECT channel_name, MEASURE(unfollowed_leads) FROM metrics GROUP BY channel_name",
            "SELECT c.channel_name, SUM(CASE WHEN l.no_follow_up_90d THEN 1 ELSE 0 END)"
                + leads
                + " LEFT JOIN gold.dim_channel AS c ON c.channel_id = l.channel_id"
                + " GROUP BY c.channel_name"),
        Arguments.of(
            "commission_rule_coverage",
            "SELECT metric_time__year, MEASURE(commission_rule_coverage) FROM metrics"
                + " GROUP BY metric_time__year",
            "SELECT FLOOR("
                + monthOfKey
                + " TO YEAR), AVG(rule_coverage)"
                + " FROM gold.mart_incentive_health GROUP BY FLOOR("
                + monthOfKey
                + " TO YEAR)"),
        Arguments.of(
            "commission_on_time_rate",
            "SELECT metric_time__month, MEASURE(commission_on_time_rate) FROM metrics"
                + " GROUP BY metric_time__month",
            "SELECT "
                + monthOfKey
                + ", AVG(payout_on_time_rate) FROM gold.mart_incentive_health"
                + " GROUP BY "
                + monthOfKey),
        Arguments.of(
            "commission_payout",
            "SELECT metric_time__month, MEASURE(commission_payout) FROM metrics"
                + " GROUP BY metric_time__month",
            "SELECT "
                + monthOfKey
                + ", SUM(commission_amount) FROM gold.mart_incentive_health"
                + " GROUP BY "
                + monthOfKey),
        Arguments.of(
            "data_health_value",
            "SELECT data_health_check, data_health_subject, MEASURE(data_health_value)"
                + " FROM metrics GROUP BY data_health_check, data_health_subject",
            "SELECT metric, subject, AVG(\"value\") FROM gold.mart_data_health_metric"
                + " GROUP BY metric, subject"),
        Arguments.of(
            "health_check_value",
            "SELECT health_check, health_check_status, MEASURE(health_check_value) FROM metrics"
                + " GROUP BY health_check, health_check_status",
            "SELECT check_name, status, AVG(\"value\") FROM gold.mart_sales_health_check"
                + " GROUP BY check_name, status"),
        Arguments.of(
            "health_check_threshold",
            "SELECT health_check, MEASURE(health_check_threshold) FROM metrics"
                + " GROUP BY health_check",
            "SELECT check_name, AVG(threshold) FROM gold.mart_sales_health_check"
                + " GROUP BY check_name"),
        Arguments.of(
            "silent_customers",
            "SELECT rep_name, MEASURE(silent_customers) FROM metrics GROUP BY rep_name",
            "SELECT r.rep_name, COUNT(s.customer_id) FROM gold.mart_silent_customer AS s"
                + " LEFT JOIN gold.dim_rep AS r ON r.rep_id = s.owner_rep_id AND r.is_current"
                + " GROUP BY r.rep_name"),
        Arguments.of(
            "silent_customer_pipeline",
            "SELECT silent_customer_name, MEASURE(silent_customer_pipeline) FROM metrics"
                + " GROUP BY silent_customer_name",
            "SELECT customer_name, SUM(open_pipeline_amount) FROM gold.mart_silent_customer"
                + " GROUP BY customer_name"),
        Arguments.of(
            "days_silent",
            "SELECT silent_customer_name, MEASURE(days_silent) FROM metrics"
                + " GROUP BY silent_customer_name",
            "SELECT customer_name, MAX(days_silent) FROM gold.mart_silent_customer"
                + " GROUP BY customer_name"),
        // customers.yaml
        Arguments.of(
            "customers",
            "SELECT acquisition_channel, MEASURE(customers) FROM metrics"
                + " GROUP BY acquisition_channel",
            "SELECT acquisition_channel, COUNT(unified_customer_id)"
                + " FROM gold.mart_customer_value GROUP BY acquisition_channel"),
        Arguments.of(
            "predicted_ltv_36m",
            "SELECT customer_region, MEASURE(predicted_ltv_36m) FROM metrics"
                + " GROUP BY customer_region",
            "SELECT c.region_name, SUM(v.predicted_ltv_36m) FROM gold.mart_customer_value AS v"
                + " LEFT JOIN gold.dim_customer AS c"
                + " ON c.unified_customer_id = v.unified_customer_id GROUP BY c.region_name"),
        Arguments.of(
            "average_probability_alive",
            "SELECT metric_time__year, MEASURE(average_probability_alive) FROM metrics"
                + " GROUP BY metric_time__year",
            "SELECT FLOOR(first_purchase_date TO YEAR), AVG(probability_alive)"
                + " FROM gold.mart_customer_value GROUP BY FLOOR(first_purchase_date TO YEAR)"),
        // leads.yaml
        Arguments.of(
            "leads",
            "SELECT channel_name, MEASURE(leads) FROM metrics GROUP BY channel_name",
            "SELECT c.channel_name, COUNT(l.lead_id)"
                + leads
                + " LEFT JOIN gold.dim_channel AS c ON c.channel_id = l.channel_id"
                + " GROUP BY c.channel_name"),
        Arguments.of(
            "mqls",
            "SELECT metric_time__month, MEASURE(mqls) FROM metrics GROUP BY metric_time__month",
            "SELECT FLOOR(CAST(created_at AS DATE) TO MONTH), COUNT(mql_at)"
                + " FROM gold.fact_lead_lifecycle GROUP BY FLOOR(CAST(created_at AS DATE) TO MONTH)"),
        Arguments.of(
            "lead_to_mql_rate",
            "SELECT lead_budget_band, MEASURE(lead_to_mql_rate) FROM metrics"
                + " GROUP BY lead_budget_band",
            "SELECT budget_band, CAST(COUNT(mql_at) AS DOUBLE) / COUNT(*)"
                + " FROM gold.fact_lead_lifecycle GROUP BY budget_band"),
        Arguments.of(
            "first_touch_sla_rate",
            "SELECT region_name, MEASURE(first_touch_sla_rate) FROM metrics GROUP BY region_name",
            "SELECT t.region_name,"
                + " CAST(SUM(CASE WHEN l.first_touch_within_sla THEN 1 ELSE 0 END) AS DOUBLE)"
                + " / COUNT(*)"
                + leads
                + " LEFT JOIN gold.dim_team AS t ON t.team_id = l.team_id GROUP BY t.region_name"),
        Arguments.of(
            "leads_touched_within_sla_metric",
            "SELECT rep_name, MEASURE(leads_touched_within_sla_metric) FROM metrics"
                + " GROUP BY rep_name",
            "SELECT r.rep_name, SUM(CASE WHEN l.first_touch_within_sla THEN 1 ELSE 0 END)"
                + leads
                + " LEFT JOIN gold.dim_rep AS r ON r.rep_id = l.rep_id AND r.is_current"
                + " GROUP BY r.rep_name"),
        Arguments.of(
            "lead_to_opportunity_30d",
            "SELECT metric_time__month, MEASURE(lead_to_opportunity_30d) FROM metrics"
                + " GROUP BY metric_time__month",
            // A lead's opportunity is on its own row: the window is a condition on the row.
            "SELECT FLOOR(CAST(created_at AS DATE) TO MONTH), CAST(SUM(CASE WHEN"
                + " CAST(opportunity_created_at AS DATE) >= CAST(created_at AS DATE)"
                + " AND CAST(opportunity_created_at AS DATE)"
                + " <= CAST(CAST(created_at AS DATE) + INTERVAL '30' DAY AS DATE)"
                + " AND opportunity_id IS NOT NULL THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*)"
                + " FROM gold.fact_lead_lifecycle GROUP BY FLOOR(CAST(created_at AS DATE) TO MONTH)"),
        // pipeline.yaml
        Arguments.of(
            "won_deals",
            "SELECT deal_industry, MEASURE(won_deals) FROM metrics GROUP BY deal_industry",
            "SELECT s.industry, SUM(CASE WHEN s.is_win THEN 1 ELSE 0 END)"
                + transitions
                + " GROUP BY s.industry"),
        Arguments.of(
            "lost_deals",
            "SELECT metric_time__quarter, MEASURE(lost_deals) FROM metrics"
                + " GROUP BY metric_time__quarter",
            "SELECT FLOOR(CAST(s.changed_at AS DATE) TO QUARTER),"
                + " SUM(CASE WHEN s.is_loss THEN 1 ELSE 0 END)"
                + transitions
                + " GROUP BY FLOOR(CAST(s.changed_at AS DATE) TO QUARTER)"),
        Arguments.of(
            "closed_deals",
            "SELECT rep_name, MEASURE(closed_deals) FROM metrics GROUP BY rep_name",
            "SELECT r.rep_name, SUM(CASE WHEN s.is_win OR s.is_loss THEN 1 ELSE 0 END)"
                + transitions
                + " LEFT JOIN gold.dim_rep AS r ON r.rep_id = s.rep_id AND r.is_current"
                + " GROUP BY r.rep_name"),
        Arguments.of(
            "win_rate",
            "SELECT region_name, MEASURE(win_rate) FROM metrics GROUP BY region_name",
            "SELECT t.region_name, CAST(SUM(CASE WHEN s.is_win THEN 1 ELSE 0 END) AS DOUBLE)"
                + " / NULLIF(SUM(CASE WHEN s.is_win OR s.is_loss THEN 1 ELSE 0 END), 0)"
                + transitions
                + " LEFT JOIN gold.dim_team AS t ON t.team_id = s.team_id GROUP BY t.region_name"),
        Arguments.of(
            "won_amount",
            "SELECT product_line_name, MEASURE(won_amount) FROM metrics"
                + " GROUP BY product_line_name",
            "SELECT p.product_line_name, SUM(CASE WHEN s.is_win THEN s.amount ELSE 0 END)"
                + transitions
                + " LEFT JOIN gold.dim_product_line AS p"
                + " ON p.product_line_code = s.product_line_code GROUP BY p.product_line_name"),
        Arguments.of(
            "opportunities_created",
            "SELECT channel_name, MEASURE(opportunities_created) FROM metrics"
                + " GROUP BY channel_name",
            "SELECT c.channel_name, SUM(CASE WHEN s.is_creation THEN 1 ELSE 0 END)"
                + transitions
                + " LEFT JOIN gold.dim_channel AS c ON c.channel_id = s.channel_id"
                + " GROUP BY c.channel_name"),
        Arguments.of(
            "stage_update_on_time_rate",
            "SELECT from_stage, MEASURE(stage_update_on_time_rate) FROM metrics"
                + " GROUP BY from_stage",
            "SELECT s.from_stage,"
                + " CAST(SUM(CASE WHEN s.is_on_time THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*)"
                + transitions
                + " GROUP BY s.from_stage"),
        Arguments.of(
            "on_time_stage_changes_metric",
            "SELECT metric_time__month, MEASURE(on_time_stage_changes_metric) FROM metrics"
                + " GROUP BY metric_time__month",
            "SELECT FLOOR(CAST(s.changed_at AS DATE) TO MONTH),"
                + " SUM(CASE WHEN s.is_on_time THEN 1 ELSE 0 END)"
                + transitions
                + " GROUP BY FLOOR(CAST(s.changed_at AS DATE) TO MONTH)"),
        Arguments.of(
            "stage_changes_metric",
            "SELECT customer_name, MEASURE(stage_changes_metric) FROM metrics"
                + " GROUP BY customer_name",
            "SELECT c.customer_name, COUNT(*)"
                + transitions
                + " LEFT JOIN gold.dim_customer AS c"
                + " ON c.unified_customer_id = s.unified_customer_id GROUP BY c.customer_name"),
        Arguments.of(
            "pipeline",
            "SELECT region_name, metric_time__month, MEASURE(pipeline) FROM metrics"
                + " GROUP BY region_name, metric_time__month",
            "SELECT t.region_name, FLOOR(f.week_start TO MONTH), SUM(f.forecast_amount)"
                + " FROM gold.fact_forecast_snapshot AS f"
                + " JOIN (SELECT MAX(week_start) AS last_week FROM gold.fact_forecast_snapshot"
                + " GROUP BY FLOOR(week_start TO MONTH)) AS period_end"
                + " ON f.week_start = period_end.last_week"
                + " LEFT JOIN gold.dim_team AS t ON t.team_id = f.team_id"
                + " GROUP BY t.region_name, FLOOR(f.week_start TO MONTH)"),
        Arguments.of(
            "rep_forecast_brier",
            "SELECT forecast_category, MEASURE(rep_forecast_brier) FROM metrics"
                + " GROUP BY forecast_category",
            "SELECT forecast_category, AVG(CAST((rep_probability - outcome)"
                + " * (rep_probability - outcome) AS DOUBLE)) FROM gold.fact_forecast_snapshot"
                + " GROUP BY forecast_category"),
        // targets.yaml
        Arguments.of(
            "target",
            "SELECT metric_time__month, MEASURE(target) FROM metrics GROUP BY metric_time__month",
            "SELECT d.month_start, SUM(a.target_amount) FROM gold.mart_target_attainment AS a"
                + " JOIN gold.dim_date AS d ON d.month_key = a.month_key AND d.day_of_month = 1"
                + " WHERE a.target_level = 'rep' GROUP BY d.month_start"),
        Arguments.of(
            "credited_won_amount",
            "SELECT rep_name, MEASURE(credited_won_amount) FROM metrics GROUP BY rep_name",
            "SELECT r.rep_name, SUM(a.won_amount)"
                + repTargets
                + " WHERE a.target_level = 'rep' GROUP BY r.rep_name"),
        Arguments.of(
            "target_attainment",
            "SELECT region_name, MEASURE(target_attainment) FROM metrics GROUP BY region_name",
            "SELECT t.region_name,"
                + " CAST(SUM(a.won_amount) AS DOUBLE) / CAST(SUM(a.target_amount) AS DOUBLE)"
                + repTargets
                + " LEFT JOIN gold.dim_team AS t ON t.team_id = r.team_id"
                + " WHERE a.target_level = 'rep' GROUP BY t.region_name"));
  }

  // ------------------------------------------------------------- the fixture, by hand

  /** The region of a rep's current team; null without a rep, a current version or a team. */
  private static String regionOfRep(Optional<String> repId) {
    return repId
        .flatMap(
            id ->
                REPS.stream().filter(rep -> rep.repId().equals(id) && rep.isCurrent()).findFirst())
        .map(rep -> regionOfTeam(rep.teamId()))
        .orElse(null);
  }

  private static String regionOfTeam(String teamId) {
    return TEAMS.stream()
        .filter(team -> team.teamId().equals(teamId))
        .map(Team::regionName)
        .findFirst()
        .orElse(null);
  }

  private static Optional<Customer> customer(Optional<String> customerId) {
    return customerId.flatMap(
        id -> CUSTOMERS.stream().filter(customer -> customer.customerId().equals(id)).findFirst());
  }

  private static String channelName(Optional<String> channelId) {
    return channelId
        .flatMap(
            id -> CHANNELS.stream().filter(channel -> channel.channelId().equals(id)).findFirst())
        .map(Channel::name)
        .orElse(null);
  }

  /** Revenue by the name of each order's current rep (null without a rep). */
  private static Map<Object, BigDecimal> revenueByRepName() {
    Map<Object, BigDecimal> revenue = new LinkedHashMap<>();
    group(
            ORDERS,
            order ->
                order
                    .repId()
                    .flatMap(
                        id ->
                            REPS.stream()
                                .filter(rep -> rep.repId().equals(id) && rep.isCurrent())
                                .findFirst())
                    .map(Rep::name)
                    .orElse(null))
        .forEach((name, orders) -> revenue.put(name, sum(orders, Order::amount)));
    return revenue;
  }

  private static BigDecimal collected(Payment payment) {
    return payment.received() ? payment.amount() : BigDecimal.ZERO;
  }

  private static List<LocalDate> monthsWithOrders() {
    return ORDERS.stream().map(order -> order.orderDate().withDayOfMonth(1)).distinct().toList();
  }

  /** The orders' revenue from {@code start} (included) to {@code end} (excluded); null if none. */
  private static BigDecimal revenueBetween(LocalDate start, LocalDate end) {
    return sum(
        filter(
            ORDERS, order -> !order.orderDate().isBefore(start) && order.orderDate().isBefore(end)),
        Order::amount);
  }

  private static BigDecimal revenueOfMonth(LocalDate month) {
    return revenueBetween(month, month.plusMonths(1));
  }

  private static Double growth(BigDecimal revenue, BigDecimal lastYear) {
    return revenue == null || lastYear == null ? null : ratio(revenue.subtract(lastYear), lastYear);
  }

  /** Converted within 30 days (0 to 30 days after the lead, by UTC dates) over all the leads. */
  private static Double conversionRate(List<Lead> leads) {
    long converted =
        leads.stream()
            .filter(
                lead -> lead.daysToOpportunity().map(days -> days >= 0 && days <= 30).orElse(false))
            .count();
    return ratio(BigDecimal.valueOf(converted), BigDecimal.valueOf(leads.size()));
  }

  /** The forecast snapshots of each period's last week (of any team). */
  private static List<ForecastSnapshot> lastSnapshots(Function<LocalDate, LocalDate> period) {
    List<ForecastSnapshot> last = new ArrayList<>();
    group(FORECAST_SNAPSHOTS, snapshot -> period.apply(snapshot.weekStart()))
        .forEach(
            (start, snapshots) -> {
              LocalDate lastWeek =
                  snapshots.stream()
                      .map(ForecastSnapshot::weekStart)
                      .max(Comparator.naturalOrder())
                      .orElseThrow();
              last.addAll(filter(snapshots, snapshot -> snapshot.weekStart().equals(lastWeek)));
            });
    return last;
  }

  private static LocalDate monthOf(LocalDate date) {
    return date.withDayOfMonth(1);
  }

  private static LocalDate quarterOf(LocalDate date) {
    return LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
  }

  /** Rows grouped by a key that may be null, in the rows' order. */
  private static <T> Map<Object, List<T>> group(List<T> rows, Function<T, ?> key) {
    Map<Object, List<T>> groups = new LinkedHashMap<>();
    for (T row : rows) {
      groups.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row);
    }
    return groups;
  }

  private static <T> List<T> filter(List<T> rows, Predicate<T> condition) {
    return rows.stream().filter(condition).toList();
  }

  /** SQL's SUM: the sum of the values that are not null, null when all are. */
  private static <T> BigDecimal sum(List<T> rows, Function<T, BigDecimal> value) {
    return rows.stream().map(value).filter(Objects::nonNull).reduce(BigDecimal::add).orElse(null);
  }

  /** A ratio metric: numerator over denominator as doubles, null when either is null or 0 below. */
  private static Double ratio(BigDecimal numerator, BigDecimal denominator) {
    if (numerator == null || denominator == null || denominator.signum() == 0) {
      return null;
    }
    return numerator.doubleValue() / denominator.doubleValue();
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  // ------------------------------------------------------------- comparing answers

  private static List<List<Object>> rows(SemanticAnswer answer) {
    return answer.result().rows().stream()
        .map(row -> row.values().stream().map(value -> value.orElse(null)).toList())
        .toList();
  }

  private static Object valueOf(SemanticAnswer answer, Object firstColumn) {
    return rows(answer).stream()
        .filter(row -> Objects.equals(row.get(0), firstColumn))
        .map(row -> row.get(row.size() - 1))
        .findFirst()
        .orElseThrow();
  }

  /** The same rows in any order; numbers equal by value, doubles within {@value #TOLERANCE}. */
  private static void assertSameRows(SemanticAnswer answer, List<List<Object>> expected) {
    assertThat(rows(answer))
        .as("rows of %s", answer.plan().sql())
        .usingElementComparator(TestShippedMetrics::compareRows)
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  private static void assertSameRowsInOrder(SemanticAnswer answer, List<List<Object>> expected) {
    assertThat(rows(answer))
        .as("rows of %s", answer.plan().sql())
        .usingElementComparator(TestShippedMetrics::compareRows)
        .containsExactlyElementsOf(expected);
  }

  /** 0 for the same values; otherwise an order that only tells them apart. */
  private static int compareRows(List<Object> actual, List<Object> expected) {
    if (actual.size() != expected.size()) {
      return Integer.compare(actual.size(), expected.size());
    }
    for (int i = 0; i < actual.size(); i++) {
      if (!sameValue(actual.get(i), expected.get(i))) {
        return String.valueOf(actual.get(i)).compareTo(String.valueOf(expected.get(i))) < 0
            ? -1
            : 1;
      }
    }
    return 0;
  }

  private static boolean sameValue(Object actual, Object expected) {
    if (actual == null || expected == null) {
      return actual == expected;
    }
    if (actual instanceof Number a && expected instanceof Number e) {
      if (a instanceof Double || a instanceof Float || e instanceof Double || e instanceof Float) {
        return Math.abs(a.doubleValue() - e.doubleValue()) <= TOLERANCE;
      }
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(e.toString())) == 0;
    }
    return actual.equals(expected);
  }
}
