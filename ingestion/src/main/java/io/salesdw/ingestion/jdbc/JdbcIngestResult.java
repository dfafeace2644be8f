package io.salesdw.ingestion.jdbc;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.SourceSystem;
import io.salesdw.ingestion.silver.SilverResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one {@link JdbcIngestion#run}: the batch (empty when nothing changed since the
 * watermarks), one {@link JdbcTableResult} per source table, and the silver merge of the batch.
 */
public record JdbcIngestResult(
    SourceSystem source,
    String sourceLocation,
    Optional<String> batchId,
    Status status,
    List<JdbcTableResult> tables,
    Optional<SilverResult> silver,
    Duration elapsed) {
  /** Whether this run landed a batch or found nothing new since the watermarks. */
  public enum Status {
    LANDED,
    NO_CHANGES
  }

  public JdbcIngestResult {
    requireNonNull(source, "source is null");
    requireNonNull(sourceLocation, "sourceLocation is null");
    requireNonNull(batchId, "batchId is null");
    requireNonNull(status, "status is null");
    tables = List.copyOf(requireNonNull(tables, "tables is null"));
    requireNonNull(silver, "silver is null");
    requireNonNull(elapsed, "elapsed is null");
  }

  public long rowsRead() {
    return tables.stream().mapToLong(JdbcTableResult::rowsRead).sum();
  }

  public long rowsLanded() {
    return tables.stream().mapToLong(JdbcTableResult::rowsLanded).sum();
  }

  public long rowsQuarantined() {
    return tables.stream().mapToLong(JdbcTableResult::rowsQuarantined).sum();
  }

  /** The tables whose source row count differs from the silver table's live rows. */
  public List<JdbcTableResult> unreconciled() {
    return tables.stream().filter(t -> !t.reconciled()).toList();
  }
}
