package io.salesdw.ingestion;

import io.salesdw.contracts.LakeZone;
import io.salesdw.contracts.TableContract;

/** The names and locations of the tables ingestion writes under a lake root. */
public final class LakeTables {
  /** Every quarantined row of every batch, with its raw payload, file, line, field and reason. */
  public static final String QUARANTINE_ROWS = LakeZone.QUARANTINE.directoryName() + "/rows";

  /** One row per batch and bronze table: rows read, landed and quarantined, table version. */
  public static final String AUDIT = LakeZone.QUARANTINE.directoryName() + "/audit";

  /** The batch ledger: one row per landed batch, keyed by the content checksum of its input. */
  public static final String BATCHES = LakeZone.QUARANTINE.directoryName() + "/batches";

  private LakeTables() {}

  /** The bronze table of a contract, such as {@code bronze/crm_leads}. */
  public static String bronze(TableContract contract) {
    return LakeZone.BRONZE.directoryName() + "/" + contract.tableName();
  }

  /** The location of a table under a lake root given as a path or a Hadoop URI. */
  public static String location(String lake, String table) {
    return lake.replaceAll("/+$", "") + "/" + table;
  }
}
