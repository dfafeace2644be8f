package io.salesdw.semantic.engine;

import static java.util.Objects.requireNonNull;

/**
 * A column of a table the layer reads, as catalogs such as JDBC's {@code DatabaseMetaData} describe
 * it.
 *
 * @param column the column's name and type, as a query selecting it would describe it
 * @param nullable whether it may hold NULL
 */
public record TableColumn(ResultColumn column, boolean nullable) {
  public TableColumn {
    requireNonNull(column, "column is null");
  }

  public String name() {
    return column.name();
  }
}
