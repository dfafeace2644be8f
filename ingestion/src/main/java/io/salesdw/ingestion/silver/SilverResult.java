package io.salesdw.ingestion.silver;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.SourceSystem;
import java.util.List;

/** The outcome of merging one bronze batch into the silver tables: one result per table. */
public record SilverResult(
    SourceSystem source, String batchId, Status status, List<SilverTableResult> tables) {
  /** Whether this run merged the batch or found it in the silver merge ledger. */
  public enum Status {
    MERGED,
    ALREADY_MERGED
  }

  public SilverResult {
    requireNonNull(source, "source is null");
    requireNonNull(batchId, "batchId is null");
    requireNonNull(status, "status is null");
    tables = List.copyOf(requireNonNull(tables, "tables is null"));
  }

  public long rowsQuarantined() {
    return tables.stream().mapToLong(SilverTableResult::quarantined).sum();
  }
}
