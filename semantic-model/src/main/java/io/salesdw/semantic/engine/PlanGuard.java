package io.salesdw.semantic.engine;

import org.apache.calcite.rel.RelNode;

/**
 * Rewrites a validated logical plan before it is unparsed for the engine, or refuses it: the seam
 * through which access policies reach every query, whatever its shape, because it sees the plan
 * after views are expanded and sub-queries resolved into the tables they scan.
 */
public interface PlanGuard {
  /**
   * What the guard's rewrite depends on besides the query text, such as the user's role and the
   * reps they may see: plans are cached by it.
   */
  String cacheKey();

  /**
   * The plan to run in place of {@code plan}.
   *
   * @throws io.salesdw.contracts.SalesdwException to refuse the query
   */
  RelNode guard(RelNode plan);
}
