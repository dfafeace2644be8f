package io.salesdw.semantic.access;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * How a gold table is read by roles that do not read every row, and which of its columns hold
 * personal data.
 *
 * @param table the table's name in the gold zone, such as {@code fact_order}
 * @param rowsBy what decides its visible rows
 * @param column the rep, team, customer or owner id column, for all but {@code EVERYONE} and {@code
 *     ORGANISATION}
 * @param levelColumn the owner's level column, for {@code OWNER} only
 * @param personalData the columns masked for roles that may not see personal data
 */
public record GoldTableAccess(
    String table,
    RowsBy rowsBy,
    Optional<String> column,
    Optional<String> levelColumn,
    List<String> personalData) {
  public GoldTableAccess {
    requireNonNull(table, "table is null");
    requireNonNull(rowsBy, "rowsBy is null");
    requireNonNull(column, "column is null");
    requireNonNull(levelColumn, "levelColumn is null");
    personalData = List.copyOf(requireNonNull(personalData, "personalData is null"));
    boolean needsColumn = rowsBy != RowsBy.EVERYONE && rowsBy != RowsBy.ORGANISATION;
    if (needsColumn != column.isPresent()) {
      throw new IllegalArgumentException(
          "table "
              + table
              + (needsColumn ? " needs a column" : " takes no column")
              + " with rows-by "
              + rowsBy.configName());
    }
    if ((rowsBy == RowsBy.OWNER) != levelColumn.isPresent()) {
      throw new IllegalArgumentException(
          "table " + table + ": a level column goes with rows-by owner, and only with it");
    }
  }
}
