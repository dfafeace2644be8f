package io.salesdw.contracts;

import java.util.List;

/**
 * The YAML form of the contracts file, bound strictly by {@link StrictYaml}. Absent keys are null
 * here; {@link SourceContracts#parse} applies the defaults and validates the whole file.
 */
record ContractsConfig(List<TableConfig> tables) {
  /** One table of the contracts file. */
  record TableConfig(
      String source,
      String entity,
      String description,
      List<String> naturalKey,
      String changeOrdering,
      List<ColumnConfig> columns) {}

  /** One column of a table. */
  record ColumnConfig(
      String name,
      String type,
      Boolean nullable,
      Boolean pii,
      List<String> values,
      String description) {}
}
