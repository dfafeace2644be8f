package io.salesdw.semantic.engine;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A table the engine defines itself, such as the query audit's {@code audit.queries}, a DuckDB view
 * over the audit's files: Calcite validates queries against its columns, and the engine reads
 * whatever the table holds when the query runs. Unlike an {@link InMemoryTable}, its rows are not
 * the layer's to load.
 *
 * @param schema the schema that holds it, such as {@code audit}
 * @param name the table's name in the schema
 * @param columns its columns, in order, as the engine's table has them
 */
public record EngineTable(String schema, String name, List<Column> columns) {
  /** The column types an engine table may have. */
  public static final Set<SqlTypeName> TYPES =
      Set.of(
          SqlTypeName.VARCHAR,
          SqlTypeName.INTEGER,
          SqlTypeName.BIGINT,
          SqlTypeName.BOOLEAN,
          SqlTypeName.TIMESTAMP);

  public EngineTable {
    requireNonNull(schema, "schema is null");
    requireNonNull(name, "name is null");
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("engine table " + schema + "." + name + " has no column");
    }
  }

  /**
   * One column of an engine table.
   *
   * @param name the column's name
   * @param type one of {@link EngineTable#TYPES}; a {@code TIMESTAMP} has the lake's precision
   *     (microseconds) and holds a UTC date and time, as the lake's timestamps do
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
  }
}
