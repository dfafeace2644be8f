package io.salesdw.semantic.access;

import java.util.List;

/**
 * The rules file as YAML writes it ({@code gold-access.yaml}); {@link GoldAccessRules} checks it.
 */
record GoldAccessFileSpec(List<TableSpec> tables) {
  /** One table's entry; absent keys are null. */
  record TableSpec(
      String table, String rowsBy, String column, String levelColumn, List<String> pii) {}
}
