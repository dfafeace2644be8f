package io.salesdw.semantic.jdbc;

import io.salesdw.semantic.engine.ResultColumn;
import java.math.BigDecimal;
import java.sql.DatabaseMetaData;
import java.sql.JDBCType;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.ColumnMetaData.Rep;

/**
 * How a result column is described to JDBC, and how its values are held for Avatica's cursors,
 * which follow Calcite's conventions: a {@code DATE} as the days since 1970-01-01, a {@code TIME}
 * as the milliseconds of the day, a {@code TIMESTAMP} as the milliseconds since the epoch of its
 * wall clock read as UTC. The layer's timestamps are instants normalised to UTC, so that number is
 * the instant's: {@code getTimestamp(i, utcCalendar)} returns the instant, {@code getString} its
 * UTC wall clock, and {@code getTimestamp(i)} that wall clock in the connection's time zone, as for
 * any {@code TIMESTAMP} without a time zone. Public for the served Avatica endpoint (module serve),
 * which describes the same results to remote JDBC clients.
 */
public enum JdbcColumnType {
  VARCHAR(Types.VARCHAR, Rep.STRING, String.class),
  BOOLEAN(Types.BOOLEAN, Rep.BOOLEAN, Boolean.class),
  TINYINT(Types.TINYINT, Rep.BYTE, Byte.class),
  SMALLINT(Types.SMALLINT, Rep.SHORT, Short.class),
  INTEGER(Types.INTEGER, Rep.INTEGER, Integer.class),
  BIGINT(Types.BIGINT, Rep.LONG, Long.class),
  REAL(Types.REAL, Rep.FLOAT, Float.class),
  DOUBLE(Types.DOUBLE, Rep.DOUBLE, Double.class),
  DECIMAL(Types.DECIMAL, Rep.NUMBER, BigDecimal.class),
  DATE(Types.DATE, Rep.INTEGER, java.sql.Date.class),
  TIME(Types.TIME, Rep.INTEGER, java.sql.Time.class),
  TIMESTAMP(Types.TIMESTAMP, Rep.LONG, java.sql.Timestamp.class);

  private static final long NANOS_PER_MILLI = 1_000_000L;

  private final int typeId;
  private final Rep rep;
  private final Class<?> objectClass;

  JdbcColumnType(int typeId, Rep rep, Class<?> objectClass) {
    this.typeId = typeId;
    this.rep = rep;
    this.objectClass = objectClass;
  }

  /**
   * The JDBC type a column of the layer's type is given. A type the layer does not otherwise return
   * (an engine's array, interval…) is given as its text.
   */
  public static JdbcColumnType of(JDBCType type) {
    return switch (type) {
      case BOOLEAN, BIT -> BOOLEAN;
      case TINYINT -> TINYINT;
      case SMALLINT -> SMALLINT;
      case INTEGER -> INTEGER;
      case BIGINT -> BIGINT;
      case REAL -> REAL;
      case FLOAT, DOUBLE -> DOUBLE;
      case DECIMAL, NUMERIC -> DECIMAL;
      case DATE -> DATE;
      case TIME -> TIME;
      case TIMESTAMP, TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP;
      default -> VARCHAR;
    };
  }

  /** The column's description, {@code ordinal} counted from 0. */
  public ColumnMetaData columnMetaData(int ordinal, ResultColumn column, int nullable) {
    int precision = this == DECIMAL || this == VARCHAR ? column.precision() : defaultPrecision();
    int scale = this == DECIMAL ? column.scale() : 0;
    return new ColumnMetaData(
        ordinal,
        false,
        this == VARCHAR,
        true,
        false,
        nullable,
        isNumeric(),
        displaySize(precision),
        column.name(),
        column.name(),
        null,
        precision,
        scale,
        null,
        null,
        ColumnMetaData.scalar(typeId, name(), rep),
        true,
        false,
        false,
        objectClass.getName());
  }

  /** A description whose nullability is unknown, as for the engine's result columns. */
  public ColumnMetaData columnMetaData(int ordinal, ResultColumn column) {
    return columnMetaData(ordinal, column, DatabaseMetaData.columnNullableUnknown);
  }

  /** The JDBC type number ({@link Types}). */
  public int typeId() {
    return typeId;
  }

  /** A value of the layer's (never null) as Avatica's cursors read it for this type. */
  public Object value(Object value) {
    return switch (this) {
      case VARCHAR -> value.toString();
      case BOOLEAN -> (Boolean) value;
      case TINYINT -> ((Number) value).byteValue();
      case SMALLINT -> ((Number) value).shortValue();
      case INTEGER -> ((Number) value).intValue();
      case BIGINT -> ((Number) value).longValue();
      case REAL -> ((Number) value).floatValue();
      case DOUBLE -> ((Number) value).doubleValue();
      case DECIMAL ->
          value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
      case DATE -> Math.toIntExact(((LocalDate) value).toEpochDay());
      case TIME -> (int) (((LocalTime) value).toNanoOfDay() / NANOS_PER_MILLI);
      case TIMESTAMP -> ((Instant) value).toEpochMilli();
    };
  }

  private boolean isNumeric() {
    return switch (this) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DECIMAL -> true;
      default -> false;
    };
  }

  private int defaultPrecision() {
    return switch (this) {
      case TINYINT -> 3;
      case SMALLINT -> 5;
      case INTEGER -> 10;
      case BIGINT -> 19;
      case REAL -> 7;
      case DOUBLE -> 15;
      case DATE -> 10;
      case TIME -> 12;
      case TIMESTAMP -> 26;
      default -> 0;
    };
  }

  // JDBC's "normal maximum width in characters"; 0 where the engine gave no length.
  private int displaySize(int precision) {
    return switch (this) {
      case BOOLEAN -> 5;
      case TINYINT, SMALLINT, INTEGER, BIGINT -> precision + 1;
      case REAL -> 15;
      case DOUBLE -> 24;
      case DECIMAL -> precision + 2;
      default -> precision;
    };
  }
}
