package io.salesdw.semantic.engine;

import io.salesdw.lake.DeltaColumn;
import io.salesdw.lake.DeltaColumnType;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Maps a Delta table's columns to a Calcite row type. Delta's {@code timestamp} is an instant; it
 * becomes {@code TIMESTAMP}, and every engine returns it normalised to UTC (see {@link
 * DuckDbEngine}), so that plans, literals and functions keep Calcite's plain timestamp semantics.
 */
final class DeltaRowTypes {
  private DeltaRowTypes() {}

  static RelDataType rowType(
      RelDataTypeFactory typeFactory, String table, List<DeltaColumn> columns) {
    RelDataTypeFactory.Builder row = typeFactory.builder();
    for (DeltaColumn column : columns) {
      RelDataType type = type(typeFactory, table, column);
      row.add(column.name(), typeFactory.createTypeWithNullability(type, column.nullable()));
    }
    return row.build();
  }

  private static RelDataType type(
      RelDataTypeFactory typeFactory, String table, DeltaColumn column) {
    DeltaColumnType type = column.type();
    return switch (type.kind()) {
      case DECIMAL ->
          typeFactory.createSqlType(SqlTypeName.DECIMAL, type.precision(), type.scale());
      case TIMESTAMP ->
          typeFactory.createSqlType(SqlTypeName.TIMESTAMP, LakeTypeSystem.TIMESTAMP_PRECISION);
      default -> typeFactory.createSqlType(sqlTypeName(table, column));
    };
  }

  /** The Calcite type of a supported column, precision aside. */
  static SqlTypeName sqlTypeName(String table, DeltaColumn column) {
    return switch (column.type().kind()) {
      case STRING -> SqlTypeName.VARCHAR;
      case BYTE -> SqlTypeName.TINYINT;
      case SHORT -> SqlTypeName.SMALLINT;
      case INTEGER -> SqlTypeName.INTEGER;
      case LONG -> SqlTypeName.BIGINT;
      case FLOAT -> SqlTypeName.REAL;
      case DOUBLE -> SqlTypeName.DOUBLE;
      case DECIMAL -> SqlTypeName.DECIMAL;
      case BOOLEAN -> SqlTypeName.BOOLEAN;
      case DATE -> SqlTypeName.DATE;
      case TIMESTAMP -> SqlTypeName.TIMESTAMP;
      // A timestamp_ntz is a wall-clock time, not an instant: mapping it to the same TIMESTAMP
      // as Delta's timestamp would mix the two meanings in one type.
      case TIMESTAMP_NTZ, BINARY, OTHER -> throw EngineErrors.unsupportedColumnType(table, column);
    };
  }
}
