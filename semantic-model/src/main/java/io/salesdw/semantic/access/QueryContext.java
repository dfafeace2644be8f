package io.salesdw.semantic.access;

import static java.util.Objects.requireNonNull;

/**
 * Who asks a query, through what, and within which limits: what the layer needs to enforce the
 * access policies and the limits, and to audit the query.
 *
 * @param principal the authenticated user
 * @param endpoint what the query came through, such as {@code flight-sql} or {@code avatica}
 * @param client the client's address, such as {@code 127.0.0.1:53122}
 * @param limits the query's time and row limits
 * @param cancellation the query's cancel button
 */
public record QueryContext(
    Principal principal,
    String endpoint,
    String client,
    QueryLimits limits,
    QueryCancellation cancellation) {
  public QueryContext {
    requireNonNull(principal, "principal is null");
    requireNonNull(endpoint, "endpoint is null");
    requireNonNull(client, "client is null");
    requireNonNull(limits, "limits is null");
    requireNonNull(cancellation, "cancellation is null");
  }
}
