package io.salesdw.semantic.access;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One served query, as the audit keeps it.
 *
 * @param startedAt when the layer received it
 * @param elapsed how long it took, to its answer or its failure
 * @param user the user's name
 * @param role the user's role
 * @param endpoint what it came through ({@code flight-sql}, {@code avatica})
 * @param client the client's address
 * @param sql the query as the user wrote it
 * @param metrics the governed metrics it asked for, in order
 * @param tables the lake tables it read ({@code gold.fact_order}), in name order
 * @param rowsReturned rows returned; 0 when it failed
 * @param outcome how it ended
 * @param error the failure's message, when it failed
 */
public record QueryAuditEntry(
    Instant startedAt,
    Duration elapsed,
    String user,
    String role,
    String endpoint,
    String client,
    String sql,
    List<String> metrics,
    List<String> tables,
    long rowsReturned,
    QueryOutcome outcome,
    Optional<String> error) {
  public QueryAuditEntry {
    requireNonNull(startedAt, "startedAt is null");
    requireNonNull(elapsed, "elapsed is null");
    requireNonNull(user, "user is null");
    requireNonNull(role, "role is null");
    requireNonNull(endpoint, "endpoint is null");
    requireNonNull(client, "client is null");
    requireNonNull(sql, "sql is null");
    metrics = List.copyOf(requireNonNull(metrics, "metrics is null"));
    tables = List.copyOf(requireNonNull(tables, "tables is null"));
    requireNonNull(outcome, "outcome is null");
    requireNonNull(error, "error is null");
    if (rowsReturned < 0) {
      throw new IllegalArgumentException("rowsReturned is negative: " + rowsReturned);
    }
    if ((outcome == QueryOutcome.OK) != error.isEmpty()) {
      throw new IllegalArgumentException("a failed query, and only one, has an error: " + outcome);
    }
  }
}
