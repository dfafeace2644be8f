package io.salesdw.semantic.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Tables Calcite knows by their columns only, as one Calcite schema: it validates and plans against
 * the columns; the engine, which holds the rows, runs the query. The in-memory tables the engine
 * loaded ({@code catalog.metrics}) and the tables it defines itself ({@code audit.queries}).
 */
final class ColumnsSchema extends AbstractSchema {
  /** A column as Calcite is told it. */
  private record Column(String name, SqlTypeName type, boolean nullable) {}

  private final Map<String, Table> tables = new LinkedHashMap<>();

  private ColumnsSchema() {}

  static ColumnsSchema ofInMemory(List<InMemoryTable> tables) {
    ColumnsSchema schema = new ColumnsSchema();
    for (InMemoryTable table : tables) {
      schema.tables.put(
          table.name(),
          new ColumnsTable(
              table.columns().stream()
                  .map(column -> new Column(column.name(), column.type(), column.nullable()))
                  .toList()));
    }
    return schema;
  }

  static ColumnsSchema ofEngine(List<EngineTable> tables) {
    ColumnsSchema schema = new ColumnsSchema();
    for (EngineTable table : tables) {
      schema.tables.put(
          table.name(),
          new ColumnsTable(
              table.columns().stream()
                  .map(column -> new Column(column.name(), column.type(), column.nullable()))
                  .toList()));
    }
    return schema;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }

  /** A table Calcite knows by its columns only. */
  private static final class ColumnsTable extends AbstractTable {
    private final List<Column> columns;

    ColumnsTable(List<Column> columns) {
      this.columns = columns;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
      RelDataTypeFactory.Builder row = typeFactory.builder();
      for (Column column : columns) {
        // The factory's type system (LakeTypeSystem) gives TIMESTAMP the lake's microseconds.
        row.add(
            column.name(),
            typeFactory.createTypeWithNullability(
                typeFactory.createSqlType(column.type()), column.nullable()));
      }
      return row.build();
    }
  }
}
