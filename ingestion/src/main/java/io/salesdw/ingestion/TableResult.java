package io.salesdw.ingestion;

import static java.util.Objects.requireNonNull;

/**
 * What a batch did to one bronze table: rows read from the export, landed in the table and
 * quarantined ({@code rowsRead == rowsLanded + rowsQuarantined}), and the table's version after.
 *
 * @param table the table's path under the lake root, such as {@code bronze/crm_leads}
 */
public record TableResult(
    String table, long rowsRead, long rowsLanded, long rowsQuarantined, long version) {
  public TableResult {
    requireNonNull(table, "table is null");
    if (rowsRead != rowsLanded + rowsQuarantined) {
      throw new IllegalArgumentException(
          "rows read must equal landed + quarantined: "
              + table
              + " "
              + rowsRead
              + " != "
              + rowsLanded
              + " + "
              + rowsQuarantined);
    }
  }
}
