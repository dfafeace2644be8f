package io.salesdw.semantic.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.LakeZone;
import io.salesdw.lake.Lake;
import io.salesdw.semantic.access.QueryCancellation;
import io.salesdw.semantic.access.QueryLimits;
import io.salesdw.semantic.access.QueryOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planner passes a served query's limits and cancellation on to the engine. */
class TestSqlPlannerLimits {
  private static final String THREE_ROWS = "SELECT x FROM (VALUES (1), (2), (3)) AS t(x)";

  @TempDir Path lakeRoot;

  @Test
  void passesTheLimitsOnToTheEngine() {
    try (DuckDbEngine engine = DuckDbEngine.open(Lake.open(lakeRoot.toString()))) {
      SqlPlanner planner =
          SqlPlanner.create(Lake.open(lakeRoot.toString()), EnumSet.of(LakeZone.GOLD), engine);
      PlannedQuery plan = planner.plan(THREE_ROWS);

      assertThatThrownBy(
              () ->
                  planner.execute(
                      plan, new QueryLimits(Duration.ofSeconds(30), 2), new QueryCancellation()))
          .hasMessageContaining("more than the 2 rows allowed")
          .satisfies(e -> assertThat(QueryOutcome.of(e)).isEqualTo(QueryOutcome.TOO_MANY_ROWS));

      QueryCancellation cancelled = new QueryCancellation();
      cancelled.cancel();
      assertThatThrownBy(() -> planner.execute(plan, QueryLimits.none(), cancelled))
          .hasMessage("the query was cancelled");

      ExecutedQuery three =
          planner.execute(
              plan, new QueryLimits(Duration.ofSeconds(30), 3), new QueryCancellation());
      assertThat(three.result().rows()).hasSize(3);
      assertThat(three.result().columns().get(0).name()).isEqualTo("x");
    }
  }
}
