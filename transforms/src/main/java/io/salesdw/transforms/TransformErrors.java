package io.salesdw.transforms;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import java.util.List;

/** The user- and data-facing errors of the gold build; each says what to do about it. */
final class TransformErrors {
  private TransformErrors() {}

  static SalesdwException inputsMissing(String lakeRoot, String table, List<String> missing) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "gold/"
            + table
            + " needs "
            + String.join(", ", missing)
            + ", which the lake at "
            + lakeRoot
            + " does not hold; land the sources first (salesdw ingest --source crm|erp|chat"
            + " --input DIR --lake "
            + lakeRoot
            + ")");
  }

  static SalesdwException buildFailed(String table, RuntimeException cause) {
    return new SalesdwException(
        ErrorKind.INTERNAL, "building gold/" + table + " failed: " + cause.getMessage(), cause);
  }

  static SalesdwException writeFailed(String location, RuntimeException cause) {
    return new SalesdwException(
        ErrorKind.EXTERNAL,
        "cannot write the Delta table "
            + location
            + ": "
            + cause.getMessage()
            + "; check that the lake is writable and not being changed by another job",
        cause);
  }

  static SalesdwException noData(String lakeRoot) {
    return new SalesdwException(
        ErrorKind.USER_ERROR,
        "the lake at "
            + lakeRoot
            + " holds no opportunities or activities to build gold from; land the CRM export"
            + " first");
  }
}
