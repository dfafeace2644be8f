package io.salesdw.contracts;

import java.util.Locale;

/** The layers of the lake: raw landed rows, conformed current state, and analytic marts. */
public enum LakeZone {
  /** Append-only tables of landed source rows with lineage columns. */
  BRONZE,
  /** Conformed current-state tables merged from bronze on natural keys. */
  SILVER,
  /** Star schemas and marts built by the transforms; read by the semantic layer. */
  GOLD,
  /** Rows that broke their contract, with the reason; and the batch audit and ledger tables. */
  QUARANTINE;

  /** The directory name of this zone under the lake root. */
  public String directoryName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
