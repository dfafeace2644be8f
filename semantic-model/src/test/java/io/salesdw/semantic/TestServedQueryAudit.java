package io.salesdw.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.lake.Lake;
import io.salesdw.semantic.access.Principal;
import io.salesdw.semantic.access.QueryAuditLog;
import io.salesdw.semantic.access.QueryCancellation;
import io.salesdw.semantic.access.QueryContext;
import io.salesdw.semantic.access.QueryLimits;
import io.salesdw.semantic.access.QueryOutcome;
import io.salesdw.semantic.access.Role;
import io.salesdw.semantic.engine.ResultRow;
import io.salesdw.semantic.model.SemanticManifestLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Served queries, answered or refused, land in the audit; only executives read it. */
class TestServedQueryAudit {
  private static final Principal CEO = new Principal("ceo", Role.executive(), Optional.empty());
  private static final Principal WANG_FANG =
      new Principal("wang.fang", Role.rep(), Optional.of("REP0001"));

  @TempDir Path lakeRoot;
  @TempDir Path auditDir;

  private static QueryContext context(Principal principal, QueryLimits limits) {
    return new QueryContext(principal, "test", "127.0.0.1:9", limits, new QueryCancellation());
  }

  @Test
  void everyServedQueryIsAuditedAndOnlyExecutivesReadTheAudit() {
    TinyGoldLake.write(lakeRoot);
    TinyHealthMarts.write(lakeRoot);
    try (QueryAuditLog audit = QueryAuditLog.open(auditDir);
        SemanticLayer layer =
            SemanticLayer.embedded(
                Lake.open(lakeRoot.toString()), SemanticManifestLoader.loadShipped(), audit)) {
      QueryLimits roomy = new QueryLimits(Duration.ofMinutes(1), 1000);
      layer.query("SELECT MEASURE(revenue) FROM metrics", context(WANG_FANG, roomy));
      assertThatThrownBy(
              () ->
                  layer.query(
                      "SELECT COUNT(*) FROM gold.mart_incentive_health", context(WANG_FANG, roomy)))
          .satisfies(e -> assertThat(QueryOutcome.of(e)).isEqualTo(QueryOutcome.DENIED));
      // REP0001 has 4 orders: over a limit of 3.
      assertThatThrownBy(
              () ->
                  layer.query(
                      "SELECT order_no FROM gold.fact_order",
                      context(WANG_FANG, new QueryLimits(Duration.ofMinutes(1), 3))))
          .satisfies(e -> assertThat(QueryOutcome.of(e)).isEqualTo(QueryOutcome.TOO_MANY_ROWS))
          .hasMessageContaining("more than the 3 rows allowed");
      assertThatThrownBy(
              () -> layer.query("SELECT * FROM audit.queries", context(WANG_FANG, roomy)))
          .satisfies(e -> assertThat(QueryOutcome.of(e)).isEqualTo(QueryOutcome.DENIED))
          .hasMessageContaining("audit");

      SemanticAnswer trail =
          layer.query(
              "SELECT user_name, role_name, endpoint, outcome, metrics, tables, rows_returned"
                  + " FROM audit.queries ORDER BY started_at",
              context(CEO, roomy));
      List<List<Object>> rows = new ArrayList<>();
      for (ResultRow row : trail.result().rows()) {
        rows.add(row.values().stream().map(value -> value.orElse(null)).toList());
      }
      assertThat(rows).hasSize(4);
      assertThat(rows.get(0))
          .containsExactly("wang.fang", "rep", "test", "OK", "revenue", "gold.fact_order", 1L);
      assertThat(rows.get(1).subList(0, 4)).containsExactly("wang.fang", "rep", "test", "DENIED");
      assertThat(rows.get(2).get(3)).isEqualTo("TOO_MANY_ROWS");
      assertThat(rows.get(2).get(6)).isEqualTo(0L);
      assertThat(rows.get(3).get(3)).isEqualTo("DENIED");
    }
  }
}
