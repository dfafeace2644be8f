package io.salesdw.generator.erp;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * One ERP table: its CSV file, SQL name, typed columns and rows (null = missing). Rows marked
 * malformed are written to the CSV in their broken form and left out of the SQL file.
 */
final class ErpTable {
  final String file;
  final String sqlName;
  final List<Column> columns;
  final List<String> constraints;
  final List<String[]> rows = new ArrayList<>();

  ErpTable(String file, String sqlName, List<Column> columns, List<String> constraints) {
    this.file = requireNonNull(file, "file is null");
    this.sqlName = requireNonNull(sqlName, "sqlName is null");
    this.columns = List.copyOf(columns);
    this.constraints = List.copyOf(constraints);
  }

  void add(String... row) {
    if (row.length != columns.size()) {
      throw new IllegalArgumentException("expected " + columns.size() + " values for " + sqlName);
    }
    rows.add(row);
  }

  List<String> header() {
    return columns.stream().map(Column::name).toList();
  }

  /** A column and its PostgreSQL type. */
  record Column(String name, String sqlType) {
    Column {
      requireNonNull(name, "name is null");
      requireNonNull(sqlType, "sqlType is null");
    }

    boolean quoted() {
      return !(sqlType.startsWith("numeric")
          || sqlType.equals("integer")
          || sqlType.equals("bigint"));
    }
  }

  static Column column(String name, String sqlType) {
    return new Column(name, sqlType);
  }
}
