package io.salesdw.semantic;

import static java.util.Objects.requireNonNull;

import io.salesdw.semantic.compile.RewrittenQuery;
import io.salesdw.semantic.engine.PlannedQuery;
import java.time.Duration;

/**
 * A query on its way to the engine: as the analyst wrote it, as SQL over the gold tables, and as
 * Calcite planned it for the engine.
 *
 * @param sql the analyst's query
 * @param rewritten the query over the gold tables (a metric query compiled from the model)
 * @param planned Calcite's plan and the engine's SQL
 * @param rewriteTime compiling the metric query (zero-ish for plain SQL)
 */
public record SemanticPlan(
    String sql, RewrittenQuery rewritten, PlannedQuery planned, Duration rewriteTime) {
  public SemanticPlan {
    requireNonNull(sql, "sql is null");
    requireNonNull(rewritten, "rewritten is null");
    requireNonNull(planned, "planned is null");
    requireNonNull(rewriteTime, "rewriteTime is null");
  }

  /** Rewriting plus Calcite's planning: everything before the engine runs. */
  public Duration planningTime() {
    return rewriteTime.plus(planned.planningTime());
  }
}
