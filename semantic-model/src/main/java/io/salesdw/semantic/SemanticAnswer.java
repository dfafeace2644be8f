package io.salesdw.semantic;

import static java.util.Objects.requireNonNull;

import io.salesdw.semantic.engine.ExecutedQuery;
import io.salesdw.semantic.engine.QueryResult;

/**
 * A query's answer: the rows, with the plan that produced them and the timings.
 *
 * @param plan the plan
 * @param executed the engine's run: rows, table versions read, timings
 */
public record SemanticAnswer(SemanticPlan plan, ExecutedQuery executed) {
  public SemanticAnswer {
    requireNonNull(plan, "plan is null");
    requireNonNull(executed, "executed is null");
  }

  public QueryResult result() {
    return executed.result();
  }
}
