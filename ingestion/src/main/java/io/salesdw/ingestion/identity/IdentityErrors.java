package io.salesdw.ingestion.identity;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;

/** The user- and data-facing errors of the customer identity job; each says what to do. */
final class IdentityErrors {
  private IdentityErrors() {}

  static SalesdwException missingInput(String lakeRoot, String table) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "neither silver/"
            + table
            + " nor bronze/"
            + table
            + " exists under "
            + lakeRoot
            + "; ingest the "
            + table.substring(0, table.indexOf('_'))
            + " export first (salesdw ingest --source "
            + table.substring(0, table.indexOf('_'))
            + ")");
  }

  static SalesdwException readFailed(String table, String lakeRoot, Exception cause) {
    return new SalesdwException(
        ErrorKind.EXTERNAL,
        "reading " + table + " under " + lakeRoot + " failed: " + cause.getMessage(),
        cause);
  }

  static SalesdwException writeFailed(String location, Exception cause) {
    return new SalesdwException(
        ErrorKind.EXTERNAL,
        "writing the Delta table "
            + location
            + " failed: "
            + cause.getMessage()
            + "; the crosswalk is rebuilt whole on every run, so running again is safe",
        cause);
  }
}
