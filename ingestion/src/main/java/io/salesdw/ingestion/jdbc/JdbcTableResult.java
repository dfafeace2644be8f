package io.salesdw.ingestion.jdbc;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * What one run did with one source table: the query, the watermark before and after, the rows read
 * ({@code rowsRead == rowsLanded + rowsQuarantined}, rows landed by an earlier run and read again
 * at the watermark's edge are counted apart in {@code rowsAlreadyLanded}), the bronze table's
 * version, and the reconciliation: rows in the source ({@code count(*)}) against live rows in the
 * silver table.
 *
 * @param table the bronze table, such as {@code bronze/erp_orders}
 * @param sourceQuery the lineage of the rows: {@code <url>#<schema>.<table>}
 * @param previousMark the watermark the read started from (empty: a full read)
 * @param highWaterMark the largest {@code updated_at} read so far (empty: a table without one)
 * @param version the bronze table's version after the run (-1 when it does not exist)
 */
public record JdbcTableResult(
    String table,
    String sourceQuery,
    Optional<Instant> previousMark,
    Optional<Instant> highWaterMark,
    long rowsRead,
    long rowsLanded,
    long rowsQuarantined,
    long rowsAlreadyLanded,
    long version,
    long sourceRows,
    long lakeRows) {
  public JdbcTableResult {
    requireNonNull(table, "table is null");
    requireNonNull(sourceQuery, "sourceQuery is null");
    requireNonNull(previousMark, "previousMark is null");
    requireNonNull(highWaterMark, "highWaterMark is null");
    if (rowsRead != rowsLanded + rowsQuarantined) {
      throw new IllegalArgumentException(
          "rows read must equal landed + quarantined: " + table + " " + rowsRead);
    }
  }

  /** Whether the source holds as many rows as the silver table's live rows. */
  public boolean reconciled() {
    return sourceRows == lakeRows;
  }
}
