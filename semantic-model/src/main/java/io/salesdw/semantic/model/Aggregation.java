package io.salesdw.semantic.model;

/** How a measure's rows are combined into one value. */
public enum Aggregation {
  SUM,
  /** Rows where the expression is not NULL. */
  COUNT,
  COUNT_DISTINCT,
  MIN,
  MAX,
  AVERAGE,
  /** Rows where the boolean expression is true. */
  SUM_BOOLEAN;

  /** Whether summing partial results per group gives the total (what a fan-out would break). */
  public boolean isAdditive() {
    return this == SUM || this == COUNT || this == SUM_BOOLEAN;
  }
}
