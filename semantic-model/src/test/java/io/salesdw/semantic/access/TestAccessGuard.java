package io.salesdw.semantic.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdw.contracts.LakeZone;
import io.salesdw.lake.Lake;
import io.salesdw.semantic.TinyGoldLake;
import io.salesdw.semantic.engine.DuckDbEngine;
import io.salesdw.semantic.engine.ResultRow;
import io.salesdw.semantic.engine.SqlPlanner;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The customer rules under scopes set by hand. TinyGoldLake's deals (orders and opportunities) by
 * customer: C001 with REP0001, REP0002 and REP0003; C002 with REP0002 and REP0003; C003 with
 * REP0001, REP0003 and REP0004; C004 and C005 with none.
 */
class TestAccessGuard {
  private static final Principal MANAGER =
      new Principal("manager", Role.manager(), Optional.of("REP0002"));

  @TempDir static Path lakeRoot;

  private static DuckDbEngine engine;
  private static SqlPlanner planner;

  @BeforeAll
  static void open() {
    TinyGoldLake.write(lakeRoot);
    Lake lake = Lake.open(lakeRoot.toString());
    engine = DuckDbEngine.open(lake);
    planner = SqlPlanner.create(lake, EnumSet.of(LakeZone.GOLD), engine);
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  private static Set<String> customers(String table, Set<String> reps) {
    AccessGuard guard =
        new AccessGuard(
            GoldAccessRules.shipped(),
            MANAGER,
            new RepScope(false, new TreeSet<>(reps), new TreeSet<>(), new TreeSet<>()));
    Set<String> customers = new TreeSet<>();
    for (ResultRow row :
        planner
            .execute(planner.plan("SELECT unified_customer_id FROM gold." + table, guard))
            .result()
            .rows()) {
      customers.add((String) row.value(0).orElseThrow());
    }
    return customers;
  }

  @Test
  void aCustomerIsListedWhenAnyOfTheirDealsIsInScope() {
    assertThat(customers("dim_customer", Set.of("REP0002", "REP0003")))
        .containsExactly("C001", "C002", "C003");
    assertThat(customers("dim_customer", Set.of("REP0004"))).containsExactly("C003");
  }

  @Test
  void aCustomersTotalsShowOnlyWhenAllTheirDealsAreInScope() {
    assertThat(customers("mart_customer_value", Set.of("REP0002", "REP0003")))
        .containsExactly("C002");
    assertThat(customers("mart_customer_value", Set.of("REP0001", "REP0002", "REP0003")))
        .containsExactly("C001", "C002");
    // A rep alone shares every customer of theirs: no customer's totals.
    assertThat(customers("mart_customer_value", Set.of("REP0001"))).isEmpty();
    assertThat(customers("mart_customer_value", Set.of())).isEmpty();
  }

  @Test
  void theRuleNamesAreTheFilesValues() {
    assertThat(List.of(RowsBy.values()).stream().map(RowsBy::configName))
        .contains("customer-totals", "organisation");
    assertThat(GoldAccessRules.shipped().of("mart_customer_value").orElseThrow().rowsBy())
        .isEqualTo(RowsBy.CUSTOMER_TOTALS);
  }
}
