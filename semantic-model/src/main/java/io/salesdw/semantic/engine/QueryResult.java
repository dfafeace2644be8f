package io.salesdw.semantic.engine;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows a query returned, all read into memory, with their columns.
 *
 * @param columns the result's columns, in order
 * @param rows the rows, in the order the engine returned them; each has a value per column
 */
public record QueryResult(List<ResultColumn> columns, List<ResultRow> rows) {
  public QueryResult {
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
    rows = List.copyOf(requireNonNull(rows, "rows is null"));
    for (ResultRow row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "a row has " + row.size() + " values for " + columns.size() + " columns");
      }
    }
  }

  /** The column names, in order. */
  public List<String> columnNames() {
    return columns.stream().map(ResultColumn::name).toList();
  }

  /** The same rows under other column names, one per column. */
  public QueryResult withColumnNames(List<String> names) {
    if (names.size() != columns.size()) {
      throw new IllegalArgumentException(
          names.size() + " names for " + columns.size() + " columns: " + names);
    }
    List<ResultColumn> renamed = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      renamed.add(columns.get(i).withName(names.get(i)));
    }
    return new QueryResult(renamed, rows);
  }
}
