package io.salesdw.semantic;

import static io.salesdw.semantic.TinyGoldLake.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.lake.Lake;
import io.salesdw.semantic.access.Principal;
import io.salesdw.semantic.access.QueryCancellation;
import io.salesdw.semantic.access.QueryContext;
import io.salesdw.semantic.access.QueryLimits;
import io.salesdw.semantic.access.QueryOutcome;
import io.salesdw.semantic.access.Role;
import io.salesdw.semantic.engine.ResultRow;
import io.salesdw.semantic.model.SemanticManifestLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The access policies through every query shape: what each role sees of TinyGoldLake, and each way
 * a rep might try to read past their rows. The hierarchy (TinyGoldLake.REPS): REP0002 manages
 * REP0001 (team T001, region R01); REP0004 manages REP0003 (T002, R02) and leads T003 (R03) alone.
 * Expected values are summed from the fixture's rows here, not read from the layer.
 */
class TestSemanticLayerAccess {
  private static final Principal CEO = new Principal("ceo", Role.executive(), Optional.empty());
  private static final Principal LI_NA =
      new Principal("li.na", Role.manager(), Optional.of("REP0002"));
  private static final Principal CHEN_JIE =
      new Principal("chen.jie", Role.manager(), Optional.of("REP0004"));
  private static final Principal WANG_FANG =
      new Principal("wang.fang", Role.rep(), Optional.of("REP0001"));

  @TempDir static Path lakeRoot;

  private static SemanticLayer layer;

  @BeforeAll
  static void openLayer() {
    TinyGoldLake.write(lakeRoot);
    TinyHealthMarts.write(lakeRoot);
    layer =
        SemanticLayer.embedded(
            Lake.open(lakeRoot.toString()), SemanticManifestLoader.loadShipped());
  }

  @AfterAll
  static void closeLayer() {
    layer.close();
  }

  private static SemanticAnswer query(Principal principal, String sql) {
    return layer.query(
        sql,
        new QueryContext(
            principal, "test", "127.0.0.1:1", QueryLimits.none(), new QueryCancellation()));
  }

  /** The sum of the fixture's order amounts of these reps. */
  private static BigDecimal ordersOf(Set<String> reps) {
    return ORDERS.stream()
        .filter(order -> order.repId().filter(reps::contains).isPresent())
        .map(TinyGoldLake.Order::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static BigDecimal allOrders() {
    return ORDERS.stream().map(TinyGoldLake.Order::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static Object single(SemanticAnswer answer) {
    assertThat(answer.result().rows()).hasSize(1);
    return answer.result().rows().get(0).value(0).orElse(null);
  }

  private static BigDecimal decimal(Object value) {
    return value instanceof BigDecimal ? (BigDecimal) value : new BigDecimal(value.toString());
  }

  // ------------------------------------------------------------------ what each role sees

  static Stream<Arguments> ordersByRole() {
    return Stream.of(
        Arguments.of(CEO, allOrders()),
        Arguments.of(LI_NA, ordersOf(Set.of("REP0002", "REP0001"))),
        Arguments.of(CHEN_JIE, ordersOf(Set.of("REP0004", "REP0003"))),
        Arguments.of(WANG_FANG, ordersOf(Set.of("REP0001"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ordersByRole")
  void eachRoleSumsTheOrdersOfItsScope(Principal principal, BigDecimal expected) {
    assertThat(decimal(single(query(principal, "SELECT SUM(amount) FROM gold.fact_order"))))
        .isEqualByComparingTo(expected);
    assertThat(decimal(single(query(principal, "SELECT MEASURE(revenue) FROM metrics"))))
        .isEqualByComparingTo(expected);
  }

  @Test
  void theFixtureMakesTheScopesDiffer() {
    // Guards the test itself: four different totals, none of them zero.
    List<BigDecimal> totals =
        ordersByRole().map(arguments -> (BigDecimal) arguments.get()[1]).toList();
    assertThat(totals).doesNotHaveDuplicates().allMatch(total -> total.signum() > 0);
  }

  @Test
  void targetsShowATeamOrRegionOnlyWhenAllItsRepsAreInScope() {
    String sql =
        "SELECT target_level, owner_id, month_key FROM gold.mart_target_attainment"
            + " ORDER BY target_level, owner_id, month_key";
    assertThat(rows(query(LI_NA, sql)))
        .containsExactly(
            List.of("region", "R01", 202401),
            List.of("rep", "REP0001", 202304),
            List.of("rep", "REP0001", 202401),
            List.of("rep", "REP0001", 202402),
            List.of("rep", "REP0002", 202401),
            List.of("team", "T001", 202401));
    assertThat(rows(query(CHEN_JIE, sql)))
        .containsExactly(
            List.of("rep", "REP0003", 202401),
            List.of("rep", "REP0003", 202402),
            List.of("team", "T002", 202402));
    // A rep sees no team's total: it would show their teammates' numbers.
    assertThat(rows(query(WANG_FANG, sql)))
        .containsExactly(
            List.of("rep", "REP0001", 202304),
            List.of("rep", "REP0001", 202401),
            List.of("rep", "REP0001", 202402));
    assertThat(query(CEO, sql).result().rows()).hasSize(9);
  }

  /**
   * The table of what each role sees, one row per role: orders, rep rows, customer names in clear,
   * and whether it reads organisation totals. Worked out from the fixture and the rules by hand.
   */
  static Stream<Arguments> whatEachRoleSees() {
    int allCustomers = TinyGoldLake.CUSTOMERS.size();
    return Stream.of(
        Arguments.of(CEO, ORDERS.size(), 5, allCustomers, true),
        // REP0002's and REP0001's orders: 3 + 4; rep rows: REP0001's two versions and REP0002.
        Arguments.of(LI_NA, 7, 3, 0, false),
        // REP0003's 4 orders; REP0003 and REP0004.
        Arguments.of(CHEN_JIE, 4, 2, 0, false),
        Arguments.of(WANG_FANG, 4, 2, 0, false),
        // An analyst: every row, personal data masked, totals allowed.
        Arguments.of(
            new Principal(
                "analyst",
                new io.salesdw.semantic.access.Role(
                    "analyst", io.salesdw.semantic.access.RowScope.ALL, false, true, false),
                Optional.empty()),
            ORDERS.size(),
            5,
            0,
            true),
        // A rep the rep dimension does not know: nothing.
        Arguments.of(new Principal("ghost", Role.rep(), Optional.of("REP9999")), 0, 0, 0, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("whatEachRoleSees")
  void eachRoleSeesItsRowOfTheTable(
      Principal principal, int orders, int repRows, int namesInClear, boolean readsTotals) {
    assertThat(
            ((Number) single(query(principal, "SELECT COUNT(*) FROM gold.fact_order"))).intValue())
        .isEqualTo(orders);
    assertThat(((Number) single(query(principal, "SELECT COUNT(*) FROM gold.dim_rep"))).intValue())
        .isEqualTo(repRows);
    assertThat(
            ((Number)
                    single(
                        query(
                            principal,
                            "SELECT COUNT(*) FROM gold.dim_customer WHERE customer_name <> '***'")))
                .intValue())
        .isEqualTo(namesInClear);
    if (readsTotals) {
      assertThat(
              query(principal, "SELECT COUNT(*) FROM gold.mart_incentive_health").result().rows())
          .hasSize(1);
    } else {
      assertThatThrownBy(() -> query(principal, "SELECT COUNT(*) FROM gold.mart_incentive_health"))
          .satisfies(e -> assertThat(QueryOutcome.of(e)).isEqualTo(QueryOutcome.DENIED));
    }
  }

  // ------------------------------------------------------------------ bypass attempts by a rep

  static Stream<Arguments> bypasses() {
    return Stream.of(
        Arguments.of(
            "a derived table", "SELECT SUM(amount) FROM (SELECT * FROM gold.fact_order) t"),
        Arguments.of("a scalar sub-query", "SELECT (SELECT SUM(amount) FROM gold.fact_order)"),
        Arguments.of(
            "a join to another rep-owned table",
            "SELECT SUM(o.amount) FROM gold.fact_order o JOIN gold.dim_rep r"
                + " ON o.rep_id = r.rep_id AND r.is_current"),
        Arguments.of(
            "a CTE",
            "WITH x AS (SELECT rep_id, amount FROM gold.fact_order) SELECT SUM(amount) FROM x"),
        Arguments.of(
            "a UNION",
            "SELECT SUM(amount) FROM (SELECT amount FROM gold.fact_order WHERE rep_id = 'REP0003'"
                + " UNION ALL SELECT amount FROM gold.fact_order)"),
        Arguments.of(
            "a window",
            "SELECT total FROM (SELECT order_no, SUM(amount) OVER () AS total FROM"
                + " gold.fact_order) ORDER BY order_no LIMIT 1"),
        Arguments.of(
            "a correlated EXISTS",
            "SELECT SUM(o.amount) FROM gold.fact_order o WHERE EXISTS (SELECT 1 FROM gold.fact_order"
                + " p WHERE p.order_no = o.order_no)"),
        Arguments.of(
            "an IN sub-query",
            "SELECT SUM(amount) FROM gold.fact_order WHERE rep_id IN (SELECT rep_id FROM"
                + " gold.dim_rep)"),
        Arguments.of(
            "the metrics view over the model's views", "SELECT MEASURE(revenue) FROM metrics"),
        Arguments.of(
            "a view over a view",
            "SELECT MEASURE(revenue) FROM metrics WHERE region_name IS NOT NULL OR region_name IS"
                + " NULL"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bypasses")
  void noQueryShapeReadsAnotherRepsOrders(String shape, String sql) {
    assertThat(decimal(single(query(WANG_FANG, sql))))
        .as(shape)
        .isEqualByComparingTo(ordersOf(Set.of("REP0001")));
  }

  @Test
  void aTeamTotalToARepIsTheirOwnOrders() {
    // REP0001's team T001 also has REP0002's orders: the rep's "team total" must not show them.
    assertThat(
            rows(
                query(
                    WANG_FANG,
                    "SELECT team_name, MEASURE(revenue) FROM metrics GROUP BY team_name")))
        .hasSize(1)
        .first()
        .satisfies(
            row -> {
              assertThat(row.get(0)).isEqualTo(TinyGoldLake.TEAMS.get(0).teamName());
              assertThat(decimal(row.get(1))).isEqualByComparingTo(ordersOf(Set.of("REP0001")));
            });
  }

  @Test
  void explainShowsTheGuardedPlanAndNoData() {
    List<List<Object>> plan =
        rows(
            query(
                WANG_FANG,
                "EXPLAIN PLAN FOR SELECT customer_name, amount FROM gold.fact_order o"
                    + " JOIN gold.dim_customer c ON o.unified_customer_id = c.unified_customer_id"));
    String text = plan.toString();
    assertThat(text).contains("'REP0001'").contains("'***'");
    for (TinyGoldLake.Customer customer : TinyGoldLake.CUSTOMERS) {
      assertThat(text).doesNotContain(customer.name());
    }
    assertThatThrownBy(
            () -> query(WANG_FANG, "EXPLAIN SELECT COUNT(*) FROM gold.mart_funnel_stage_summary"))
        .satisfies(e -> assertThat(QueryOutcome.of(e)).isEqualTo(QueryOutcome.DENIED));
  }

  @Test
  void noStatementButAQueryIsServed() {
    for (String statement :
        List.of(
            "DELETE FROM gold.fact_order",
            "INSERT INTO gold.fact_order (order_no) VALUES ('X')",
            "UPDATE gold.dim_customer SET customer_name = 'x'")) {
      assertThatThrownBy(() -> query(WANG_FANG, statement))
          .as(statement)
          .isInstanceOf(SalesdwException.class)
          .hasMessageContaining("answers queries only");
    }
    // The catalog is a real table in the engine: it is not writable either.
    assertThatThrownBy(() -> query(CEO, "DELETE FROM catalog.metrics"))
        .hasMessageContaining("answers queries only");
    assertThat(((Number) single(query(CEO, "SELECT COUNT(*) FROM catalog.metrics"))).intValue())
        .isEqualTo(SemanticManifestLoader.loadShipped().metrics().size());
    assertThat(((Number) single(query(CEO, "SELECT COUNT(*) FROM gold.fact_order"))).intValue())
        .isEqualTo(ORDERS.size());
  }

  @Test
  void aCorrelatedExistsFindsNoOtherRepsRows() {
    Object count =
        single(
            query(
                WANG_FANG,
                "SELECT COUNT(*) FROM gold.dim_rep r WHERE EXISTS (SELECT 1 FROM gold.fact_order o"
                    + " WHERE o.rep_id = r.rep_id AND o.rep_id <> 'REP0001')"));
    assertThat(((Number) count).longValue()).isZero();
  }

  @Test
  void aRepSeesOnlyTheirOwnRepRowsAndTheirOwnCustomers() {
    assertThat(rows(query(WANG_FANG, "SELECT DISTINCT rep_id FROM gold.dim_rep ORDER BY rep_id")))
        .containsExactly(List.of("REP0001"));
    // Customers with an order or an opportunity of REP0001's: C001 and C003 from orders.
    Set<Object> expected = new java.util.TreeSet<>();
    ORDERS.stream()
        .filter(order -> order.repId().equals(Optional.of("REP0001")))
        .forEach(order -> order.customerId().ifPresent(expected::add));
    List<List<Object>> customers =
        rows(query(WANG_FANG, "SELECT unified_customer_id FROM gold.dim_customer"));
    assertThat(customers.stream().map(row -> row.get(0)).toList()).containsAll(expected);
    assertThat(customers).hasSizeLessThan(TinyGoldLake.CUSTOMERS.size());
  }

  // ------------------------------------------------------------------ personal data

  @Test
  void personalDataIsMaskedForReps() {
    String sql = "SELECT customer_name FROM gold.dim_customer ORDER BY unified_customer_id";
    assertThat(rows(query(WANG_FANG, sql)))
        .isNotEmpty()
        .allMatch(row -> row.equals(List.of("***")));
    assertThat(rows(query(CEO, sql)).get(0)).containsExactly(TinyGoldLake.CUSTOMERS.get(0).name());
  }

  @Test
  void aFilterOnMaskedDataCannotProbeIt() {
    String name = TinyGoldLake.CUSTOMERS.get(0).name();
    String sql = "SELECT COUNT(*) FROM gold.dim_customer WHERE customer_name = '" + name + "'";
    assertThat(((Number) single(query(WANG_FANG, sql))).longValue()).isZero();
    assertThat(((Number) single(query(CEO, sql))).longValue()).isEqualTo(1);
  }

  // ------------------------------------------------------------------ refused

  @Test
  void organisationTotalsAreRefusedToRepsAndManagers() {
    for (Principal principal : List.of(WANG_FANG, LI_NA)) {
      assertThatThrownBy(
              () -> query(principal, "SELECT COUNT(*) FROM gold.mart_funnel_stage_summary"))
          .isInstanceOf(SalesdwException.class)
          .hasMessageContaining("mart_funnel_stage_summary")
          .hasMessageContaining("totals over the whole organisation")
          .satisfies(e -> assertThat(QueryOutcome.of(e)).isEqualTo(QueryOutcome.DENIED));
    }
    assertThat(single(query(CEO, "SELECT COUNT(*) FROM gold.mart_funnel_stage_summary")))
        .isNotNull();
  }

  @Test
  void aTableHiddenFromTheRoleIsNotListed() {
    assertThat(layer.tableNames(WANG_FANG).get("gold"))
        .contains("fact_order", "dim_rep")
        .doesNotContain("mart_funnel_stage_summary", "mart_incentive_health");
    assertThat(layer.tableNames(CEO).get("gold")).contains("mart_funnel_stage_summary");
    assertThat(layer.tableColumns(WANG_FANG, "gold", "mart_incentive_health")).isEmpty();
    assertThat(layer.tableColumns(CEO, "gold", "mart_incentive_health")).isPresent();
  }

  @Test
  void theModelsCatalogIsReadableByEveryone() {
    assertThat(
            ((Number) single(query(WANG_FANG, "SELECT COUNT(*) FROM catalog.metrics"))).longValue())
        .isEqualTo(SemanticManifestLoader.loadShipped().metrics().size());
  }

  private static List<List<Object>> rows(SemanticAnswer answer) {
    List<List<Object>> rows = new ArrayList<>();
    for (ResultRow row : answer.result().rows()) {
      List<Object> values = new ArrayList<>();
      for (Optional<Object> value : row.values()) {
        values.add(value.map(TestSemanticLayerAccess::plain).orElse(null));
      }
      rows.add(values);
    }
    return rows;
  }

  private static Object plain(Object value) {
    return value instanceof Long && (Long) value < Integer.MAX_VALUE
        ? (Object) ((Long) value).intValue()
        : value;
  }
}
