package io.salesdw.ingestion.silver;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What one batch did to one silver table. Every source row of the batch is counted once: {@code
 * rowsIn == inserted + updated + deleted + staleSkipped + quarantined}.
 *
 * @param table the table's path under the lake root, such as {@code silver/crm_leads}
 * @param rowsIn bronze rows of the batch for the table, change-feed rows included
 * @param inserted keys that became live (new, or an upsert newer than a tombstone)
 * @param updated live rows replaced by a newer version
 * @param deleted deletes applied (the row became a tombstone, or a tombstone was recorded)
 * @param staleSkipped rows superseded within the batch, exact duplicates, or not newer than silver
 * @param quarantined rows not applied: a broken change image, or an incompatible type change
 * @param liveRows rows of the table that are not tombstones, after the batch
 * @param version the table's Delta version after the batch (-1 when it does not exist)
 * @param addedColumns columns this batch added to the table (schema evolution)
 * @param problem why the batch's rows were quarantined as a whole, if they were
 */
public record SilverTableResult(
    String table,
    long rowsIn,
    long inserted,
    long updated,
    long deleted,
    long staleSkipped,
    long quarantined,
    long liveRows,
    long version,
    List<String> addedColumns,
    Optional<String> problem) {
  public SilverTableResult {
    requireNonNull(table, "table is null");
    addedColumns = List.copyOf(requireNonNull(addedColumns, "addedColumns is null"));
    requireNonNull(problem, "problem is null");
    if (rowsIn != inserted + updated + deleted + staleSkipped + quarantined) {
      throw new IllegalArgumentException(
          "rows in must equal inserted + updated + deleted + stale + quarantined: " + table);
    }
  }
}
