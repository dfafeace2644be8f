package io.salesdw.semantic.engine;

import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type limits set to the lake's: decimals of up to 38 digits, as Delta, Spark, DuckDB and
 * Trino allow (Calcite's default of 19 would narrow a {@code decimal(36,2)} column and type {@code
 * SUM} as {@code DECIMAL(19, s)}), and timestamps of microseconds, as Delta stores them (Calcite's
 * default keeps milliseconds at most and makes {@code TIMESTAMP} mean seconds).
 */
final class LakeTypeSystem extends RelDataTypeSystemImpl {
  static final RelDataTypeSystem INSTANCE = new LakeTypeSystem();

  static final int MAX_DECIMAL_PRECISION = 38;
  static final int TIMESTAMP_PRECISION = 6;

  private LakeTypeSystem() {}

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    return switch (typeName) {
      case DECIMAL -> MAX_DECIMAL_PRECISION;
      case TIMESTAMP -> TIMESTAMP_PRECISION;
      default -> super.getMaxPrecision(typeName);
    };
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxScale(typeName);
  }

  @Override
  public int getDefaultPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.TIMESTAMP
        ? TIMESTAMP_PRECISION
        : super.getDefaultPrecision(typeName);
  }
}
