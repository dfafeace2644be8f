package io.salesdw.orchestration;

import static java.util.Objects.requireNonNull;

/** The audit of one bronze table in one batch: rows read and rows set aside in quarantine. */
public record QuarantineMeasure(String table, String batchId, long rowsRead, long rowsQuarantined) {
  public QuarantineMeasure {
    requireNonNull(table, "table is null");
    requireNonNull(batchId, "batchId is null");
    if (rowsRead < 0 || rowsQuarantined < 0 || rowsQuarantined > rowsRead) {
      throw new IllegalArgumentException(
          "counts of "
              + table
              + " must be 0 <= quarantined <= read: "
              + rowsQuarantined
              + " of "
              + rowsRead);
    }
  }

  /** Quarantined over read; 0 for a table that read nothing. */
  public double rate() {
    return rowsRead == 0 ? 0.0 : (double) rowsQuarantined / rowsRead;
  }
}
