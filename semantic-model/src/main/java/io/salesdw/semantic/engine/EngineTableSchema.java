package io.salesdw.semantic.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * The engine tables of one schema as a Calcite schema: Calcite validates and plans against their
 * fixed columns; the engine, which defines them, runs the query.
 */
final class EngineTableSchema extends AbstractSchema {
  private final Map<String, Table> tables = new LinkedHashMap<>();

  EngineTableSchema(List<EngineTable> tables) {
    for (EngineTable table : tables) {
      this.tables.put(table.name(), new ColumnsTable(table.columns()));
    }
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }

  /** A table Calcite knows by its columns only. */
  private static final class ColumnsTable extends AbstractTable {
    private final List<EngineTable.Column> columns;

    ColumnsTable(List<EngineTable.Column> columns) {
      this.columns = columns;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
      RelDataTypeFactory.Builder row = typeFactory.builder();
      for (EngineTable.Column column : columns) {
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
