package io.salesdw.serve;

import static java.util.Objects.requireNonNull;

import io.salesdw.semantic.access.QueryLimits;
import java.time.Duration;

/**
 * The limits on served queries ({@code limits:} in the configuration), the same for every user.
 *
 * @param queryTimeout how long one query may run
 * @param maxRows how many rows one query may return; a query with more fails
 * @param concurrentQueriesPerUser how many queries one user may run at once
 */
public record ServeLimits(Duration queryTimeout, long maxRows, int concurrentQueriesPerUser) {
  public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);
  public static final long DEFAULT_MAX_ROWS = 100_000;
  public static final int DEFAULT_CONCURRENT_QUERIES_PER_USER = 4;

  public ServeLimits {
    requireNonNull(queryTimeout, "queryTimeout is null");
    if (queryTimeout.isNegative() || queryTimeout.isZero()) {
      throw new IllegalArgumentException("query-timeout must be positive: " + queryTimeout);
    }
    if (maxRows < 1) {
      throw new IllegalArgumentException("max-rows must be at least 1: " + maxRows);
    }
    if (concurrentQueriesPerUser < 1) {
      throw new IllegalArgumentException(
          "concurrent-queries-per-user must be at least 1: " + concurrentQueriesPerUser);
    }
  }

  public static ServeLimits defaults() {
    return new ServeLimits(
        DEFAULT_QUERY_TIMEOUT, DEFAULT_MAX_ROWS, DEFAULT_CONCURRENT_QUERIES_PER_USER);
  }

  /** One query's limits, as the semantic layer takes them. */
  public QueryLimits queryLimits() {
    return new QueryLimits(queryTimeout, maxRows);
  }
}
