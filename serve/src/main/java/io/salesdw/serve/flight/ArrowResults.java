package io.salesdw.serve.flight;

import io.salesdw.semantic.engine.QueryResult;
import io.salesdw.semantic.engine.ResultColumn;
import io.salesdw.semantic.engine.ResultRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.sql.FlightSqlColumnMetadata;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The layer's results as Arrow: a schema whose fields carry Flight SQL's column metadata (type
 * name, precision, scale, so that JDBC's {@code ResultSetMetaData} reports them), and the rows as
 * record batches. A {@code TIMESTAMP} is microseconds of its UTC wall clock (the layer's timestamps
 * are instants normalised to UTC), as the embedded JDBC driver gives it; a {@code TIMESTAMP WITH
 * TIME ZONE} is the instant in UTC. A type the layer does not otherwise return is sent as its text.
 */
final class ArrowResults {
  static final int BATCH_ROWS = 4096;
  private static final int MAX_DECIMAL_PRECISION = 38;

  private ArrowResults() {}

  static Schema schema(List<ResultColumn> columns) {
    List<Field> fields = new ArrayList<>();
    for (ResultColumn column : columns) {
      fields.add(field(column, true, Optional.empty(), Optional.empty()));
    }
    return new Schema(fields);
  }

  /** A column's field, with its table's schema and name when it describes a table. */
  static Field field(
      ResultColumn column, boolean nullable, Optional<String> schema, Optional<String> table) {
    ArrowType type = arrowType(column);
    FlightSqlColumnMetadata.Builder metadata =
        new FlightSqlColumnMetadata.Builder()
            .typeName(column.typeName())
            .isReadOnly(true)
            .isAutoIncrement(false)
            .isCaseSensitive(type instanceof ArrowType.Utf8)
            .isSearchable(true);
    if (type instanceof ArrowType.Decimal) {
      ArrowType.Decimal decimal = (ArrowType.Decimal) type;
      metadata.precision(decimal.getPrecision()).scale(decimal.getScale());
    } else if (type instanceof ArrowType.Utf8 && column.precision() > 0) {
      metadata.precision(column.precision());
    }
    schema.ifPresent(metadata::schemaName);
    table.ifPresent(metadata::tableName);
    Map<String, String> map = metadata.build().getMetadataMap();
    return new Field(column.name(), new FieldType(nullable, type, null, map), null);
  }

  static ArrowType arrowType(ResultColumn column) {
    switch (column.type()) {
      case BOOLEAN:
      case BIT:
        return ArrowType.Bool.INSTANCE;
      case TINYINT:
        return new ArrowType.Int(8, true);
      case SMALLINT:
        return new ArrowType.Int(16, true);
      case INTEGER:
        return new ArrowType.Int(32, true);
      case BIGINT:
        return new ArrowType.Int(64, true);
      case REAL:
        return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
      case FLOAT:
      case DOUBLE:
        return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case DECIMAL:
      case NUMERIC:
        {
          int precision = column.precision();
          if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
            precision = MAX_DECIMAL_PRECISION;
          }
          int scale = Math.min(Math.max(column.scale(), 0), precision);
          return new ArrowType.Decimal(precision, scale, 128);
        }
      case DATE:
        return new ArrowType.Date(DateUnit.DAY);
      case TIMESTAMP:
        return new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
      case TIMESTAMP_WITH_TIMEZONE:
        return new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
      default:
        return ArrowType.Utf8.INSTANCE;
    }
  }

  /**
   * Sends the result to the client in batches, stopping early if it goes away.
   *
   * @return whether every row was sent
   */
  static boolean send(
      QueryResult result, Schema schema, BufferAllocator allocator, ServerStreamListener listener) {
    try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
      listener.start(root);
      List<ResultRow> rows = result.rows();
      for (int from = 0; from < rows.size() || from == 0; from += BATCH_ROWS) {
        if (listener.isCancelled()) {
          return false;
        }
        int to = Math.min(rows.size(), from + BATCH_ROWS);
        fill(root, rows.subList(from, to));
        listener.putNext();
        if (rows.isEmpty()) {
          break;
        }
      }
      listener.completed();
      return true;
    }
  }

  private static void fill(VectorSchemaRoot root, List<ResultRow> rows) {
    root.allocateNew();
    List<FieldVector> vectors = root.getFieldVectors();
    for (int row = 0; row < rows.size(); row++) {
      for (int column = 0; column < vectors.size(); column++) {
        Optional<Object> value = rows.get(row).value(column);
        FieldVector vector = vectors.get(column);
        if (value.isEmpty()) {
          vector.setNull(row);
        } else {
          set(vector, row, value.get());
        }
      }
    }
    for (FieldVector vector : vectors) {
      vector.setValueCount(rows.size());
    }
    root.setRowCount(rows.size());
  }

  private static void set(FieldVector vector, int row, Object value) {
    if (vector instanceof BitVector) {
      ((BitVector) vector).setSafe(row, ((Boolean) value) ? 1 : 0);
    } else if (vector instanceof TinyIntVector) {
      ((TinyIntVector) vector).setSafe(row, ((Number) value).byteValue());
    } else if (vector instanceof SmallIntVector) {
      ((SmallIntVector) vector).setSafe(row, ((Number) value).shortValue());
    } else if (vector instanceof IntVector) {
      ((IntVector) vector).setSafe(row, ((Number) value).intValue());
    } else if (vector instanceof BigIntVector) {
      ((BigIntVector) vector).setSafe(row, ((Number) value).longValue());
    } else if (vector instanceof Float4Vector) {
      ((Float4Vector) vector).setSafe(row, ((Number) value).floatValue());
    } else if (vector instanceof Float8Vector) {
      ((Float8Vector) vector).setSafe(row, ((Number) value).doubleValue());
    } else if (vector instanceof DecimalVector) {
      DecimalVector decimals = (DecimalVector) vector;
      BigDecimal decimal =
          value instanceof BigDecimal ? (BigDecimal) value : new BigDecimal(value.toString());
      decimals.setSafe(row, decimal.setScale(decimals.getScale(), RoundingMode.HALF_UP));
    } else if (vector instanceof DateDayVector) {
      ((DateDayVector) vector).setSafe(row, (int) ((LocalDate) value).toEpochDay());
    } else if (vector instanceof TimeStampMicroTZVector) {
      ((TimeStampMicroTZVector) vector).setSafe(row, micros(value));
    } else if (vector instanceof TimeStampMicroVector) {
      ((TimeStampMicroVector) vector).setSafe(row, micros(value));
    } else {
      ((VarCharVector) vector).setSafe(row, value.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private static long micros(Object value) {
    Instant instant =
        value instanceof Instant
            ? (Instant) value
            : value instanceof LocalDate
                ? ((LocalDate) value).atStartOfDay().toInstant(ZoneOffset.UTC)
                : Instant.parse(value.toString());
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }
}
