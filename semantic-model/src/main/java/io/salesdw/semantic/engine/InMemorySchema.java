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
 * The in-memory tables of one schema as a Calcite schema: Calcite validates and plans against their
 * columns; the engine, which loaded their rows, runs the query.
 */
final class InMemorySchema extends AbstractSchema {
  private final Map<String, Table> tables = new LinkedHashMap<>();

  InMemorySchema(List<InMemoryTable> tables) {
    for (InMemoryTable table : tables) {
      this.tables.put(table.name(), new RowTypeTable(table.columns()));
    }
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }

  /** A table Calcite knows by its row type only. */
  private static final class RowTypeTable extends AbstractTable {
    private final List<InMemoryTable.Column> columns;

    RowTypeTable(List<InMemoryTable.Column> columns) {
      this.columns = columns;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
      RelDataTypeFactory.Builder row = typeFactory.builder();
      for (InMemoryTable.Column column : columns) {
        row.add(
            column.name(),
            typeFactory.createTypeWithNullability(
                typeFactory.createSqlType(column.type()), column.nullable()));
      }
      return row.build();
    }
  }
}
