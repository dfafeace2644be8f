package io.salesdw.ingestion.silver;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;

/** The errors and quarantine reasons of the silver merge; each says what to do about it. */
final class SilverErrors {
  private SilverErrors() {}

  /** The reason recorded with every row of a batch held back by an incompatible type change. */
  static String incompatibleType(
      String table, String column, String tableType, String arrivingType, String batchId) {
    return "incompatible type change in "
        + table
        + ": column "
        + column
        + " is "
        + tableType
        + " in the silver table but arrives as "
        + arrivingType
        + " in batch "
        + batchId
        + "; it cannot be held without losing values, so the batch's rows of this table were"
        + " quarantined and the table was not changed. Restore the column's type in the contract"
        + " or mapping and land the export again, or migrate the table deliberately";
  }

  /** The reason of a change-feed row whose image cannot be read with the entity's mapping. */
  static String noMappingForEntity(String entity, String mappingOrigin) {
    return "the mapping "
        + mappingOrigin
        + " has no 'files' entry for entity "
        + entity
        + ", so the change's row image cannot be read; add one (the columns of its export)";
  }

  static SalesdwException writeFailed(String table, Exception cause) {
    return new SalesdwException(
        ErrorKind.EXTERNAL,
        "writing the silver Delta table "
            + table
            + " failed: "
            + cause.getMessage()
            + "; the tables written so far are consistent: running the same input again"
            + " completes the merge without applying a change twice",
        cause);
  }

  static SalesdwException readFailed(String table, Exception cause) {
    return new SalesdwException(
        ErrorKind.EXTERNAL,
        "reading the Delta table " + table + " failed: " + cause.getMessage(),
        cause);
  }
}
