package io.salesdw.serve;

import static java.util.Objects.requireNonNull;

import io.salesdw.semantic.engine.TableColumn;
import java.util.List;
import java.util.Optional;

/**
 * A table or view in the served catalog.
 *
 * @param schema its schema, such as {@code gold}; empty for the {@code metrics} view, which is in
 *     no schema
 * @param name its name
 * @param type {@code TABLE} or {@code VIEW}, as JDBC's {@code TABLE_TYPE}
 * @param columns its columns, in order
 */
public record ServedTable(
    Optional<String> schema, String name, String type, List<TableColumn> columns) {
  public ServedTable {
    requireNonNull(schema, "schema is null");
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
    if (!type.equals("TABLE") && !type.equals("VIEW")) {
      throw new IllegalArgumentException("a table's type is TABLE or VIEW: " + type);
    }
  }
}
