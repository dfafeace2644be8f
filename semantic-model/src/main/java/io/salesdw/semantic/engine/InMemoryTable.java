package io.salesdw.semantic.engine;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A small table held in memory, such as the semantic layer's {@code catalog.metrics}: the engine
 * loads its rows once ({@link SqlEngine#load}) and Calcite validates queries against its columns
 * ({@link SqlPlanner#create(io.salesdw.lake.Lake, Set, SqlEngine, List)}), so that it is queried
 * like a lake table, joins with them included.
 *
 * @param schema the schema that holds it, such as {@code catalog}
 * @param name the table's name in the schema
 * @param columns its columns, in order
 * @param rows its rows, each a value per column, empty for NULL: a {@code String} for {@code
 *     VARCHAR}, an {@code Integer}, {@code Long} or {@code Boolean} for the others
 */
public record InMemoryTable(
    String schema, String name, List<Column> columns, List<List<Optional<Object>>> rows) {
  /** The column types an in-memory table may have. */
  public static final Set<SqlTypeName> TYPES =
      Set.of(SqlTypeName.VARCHAR, SqlTypeName.INTEGER, SqlTypeName.BIGINT, SqlTypeName.BOOLEAN);

  public InMemoryTable {
    requireNonNull(schema, "schema is null");
    requireNonNull(name, "name is null");
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
    rows = requireNonNull(rows, "rows is null").stream().map(List::copyOf).toList();
    for (List<Optional<Object>> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "a row of "
                + schema
                + "."
                + name
                + " has "
                + row.size()
                + " values for "
                + columns.size()
                + " columns");
      }
      for (int i = 0; i < row.size(); i++) {
        Column column = columns.get(i);
        Optional<Object> value = row.get(i);
        if (value.isEmpty() ? !column.nullable() : !column.javaType().isInstance(value.get())) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "%s.%s.%s is a %s%s, not %s",
                  schema,
                  name,
                  column.name(),
                  column.nullable() ? "" : "NOT NULL ",
                  column.type(),
                  value.map(v -> "a " + v.getClass().getSimpleName()).orElse("NULL")));
        }
      }
    }
  }

  /**
   * One column of an in-memory table.
   *
   * @param name the column's name
   * @param type one of {@link InMemoryTable#TYPES}
   * @param nullable whether it may hold NULL
   */
  public record Column(String name, SqlTypeName type, boolean nullable) {
    public Column {
      requireNonNull(name, "name is null");
      requireNonNull(type, "type is null");
      if (!TYPES.contains(type)) {
        throw new IllegalArgumentException(
            "column " + name + " has the type " + type + "; use one of " + TYPES);
      }
    }

    /** The Java type of the column's values. */
    Class<?> javaType() {
      return switch (type) {
        case VARCHAR -> String.class;
        case INTEGER -> Integer.class;
        case BIGINT -> Long.class;
        case BOOLEAN -> Boolean.class;
        default -> throw new IllegalStateException("unsupported type " + type);
      };
    }
  }
}
