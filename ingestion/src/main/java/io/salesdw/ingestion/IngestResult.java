package io.salesdw.ingestion;

import static java.util.Objects.requireNonNull;

import io.salesdw.contracts.SourceSystem;
import io.salesdw.ingestion.silver.SilverResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one {@link BronzeIngestion#run}: the batch (its id is derived from the content
 * checksum of the input), whether it landed now or had landed before, and one {@link TableResult}
 * per bronze table; and what the batch did to the silver tables (empty when silver was not run).
 */
public record IngestResult(
    SourceSystem source,
    String batchId,
    Status status,
    int files,
    long bytes,
    List<TableResult> tables,
    long quarantineVersion,
    Duration elapsed,
    Optional<SilverResult> silver) {
  /** Whether the batch was landed by this run or found in the batch ledger. */
  public enum Status {
    LANDED,
    ALREADY_LANDED
  }

  public IngestResult {
    requireNonNull(source, "source is null");
    requireNonNull(batchId, "batchId is null");
    requireNonNull(status, "status is null");
    tables = List.copyOf(requireNonNull(tables, "tables is null"));
    requireNonNull(elapsed, "elapsed is null");
    requireNonNull(silver, "silver is null");
  }

  /** A result without silver. */
  public IngestResult(
      SourceSystem source,
      String batchId,
      Status status,
      int files,
      long bytes,
      List<TableResult> tables,
      long quarantineVersion,
      Duration elapsed) {
    this(
        source,
        batchId,
        status,
        files,
        bytes,
        tables,
        quarantineVersion,
        elapsed,
        Optional.empty());
  }

  /** This result with the batch's silver merge, and the elapsed time including it. */
  public IngestResult withSilver(SilverResult silver, Duration elapsed) {
    return new IngestResult(
        source,
        batchId,
        status,
        files,
        bytes,
        tables,
        quarantineVersion,
        elapsed,
        Optional.of(silver));
  }

  public long rowsRead() {
    return tables.stream().mapToLong(TableResult::rowsRead).sum();
  }

  public long rowsLanded() {
    return tables.stream().mapToLong(TableResult::rowsLanded).sum();
  }

  public long rowsQuarantined() {
    return tables.stream().mapToLong(TableResult::rowsQuarantined).sum();
  }
}
