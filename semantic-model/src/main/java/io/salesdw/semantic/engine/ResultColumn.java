package io.salesdw.semantic.engine;

import static java.util.Objects.requireNonNull;

import java.sql.JDBCType;

/**
 * One column of a query's result.
 *
 * @param name the column's name as the query's validated row type has it (Calcite's, so that it is
 *     the same on every engine: {@code EXPR$0} for an unnamed expression)
 * @param type the JDBC type the engine reports
 * @param typeName the engine's own name of the type, such as {@code DECIMAL(38,2)}
 * @param precision the engine's precision (digits of a decimal, or its display size); 0 if none
 * @param scale the digits after the point of a decimal; 0 otherwise
 */
public record ResultColumn(String name, JDBCType type, String typeName, int precision, int scale) {
  public ResultColumn {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(typeName, "typeName is null");
  }

  /** The same column under another name. */
  public ResultColumn withName(String newName) {
    return new ResultColumn(newName, type, typeName, precision, scale);
  }
}
