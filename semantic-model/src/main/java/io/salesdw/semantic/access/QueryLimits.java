package io.salesdw.semantic.access;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The most one query may take.
 *
 * @param timeout how long it may run, waiting for the engine included
 * @param maxRows how many rows it may return; a query with more fails rather than being cut short
 */
public record QueryLimits(Duration timeout, long maxRows) {
  public QueryLimits {
    requireNonNull(timeout, "timeout is null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a query timeout must be positive: " + timeout);
    }
    if (maxRows < 1) {
      throw new IllegalArgumentException("a row limit must be at least 1: " + maxRows);
    }
  }

  /** No practical limit: for the layer's owner, not for served users. */
  public static QueryLimits none() {
    return new QueryLimits(Duration.ofDays(1), Long.MAX_VALUE);
  }
}
