package io.salesdw.lake;

import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a Kernel schema into this module's {@link DeltaColumn}s. */
final class DeltaSchemas {
  private DeltaSchemas() {}

  /** The top-level columns of a table schema, in schema order. */
  static List<DeltaColumn> columns(StructType schema) {
    List<DeltaColumn> columns = new ArrayList<>();
    for (StructField field : schema.fields()) {
      columns.add(new DeltaColumn(field.getName(), type(field.getDataType()), field.isNullable()));
    }
    return List.copyOf(columns);
  }

  static DeltaColumnType type(DataType type) {
    // Kernel's StringType may carry a collation; its values are strings all the same.
    if (type instanceof StringType) {
      return DeltaColumnType.of(DeltaColumnType.Kind.STRING);
    } else if (type instanceof ByteType) {
      return DeltaColumnType.of(DeltaColumnType.Kind.BYTE);
    } else if (type instanceof ShortType) {
      return DeltaColumnType.of(DeltaColumnType.Kind.SHORT);
    } else if (type instanceof IntegerType) {
      return DeltaColumnType.of(DeltaColumnType.Kind.INTEGER);
    } else if (type instanceof LongType) {
      return DeltaColumnType.of(DeltaColumnType.Kind.LONG);
    } else if (type instanceof FloatType) {
      return DeltaColumnType.of(DeltaColumnType.Kind.FLOAT);
    } else if (type instanceof DoubleType) {
      return DeltaColumnType.of(DeltaColumnType.Kind.DOUBLE);
    } else if (type instanceof DecimalType decimal) {
      return DeltaColumnType.decimal(decimal.getPrecision(), decimal.getScale());
    } else if (type instanceof BooleanType) {
      return DeltaColumnType.of(DeltaColumnType.Kind.BOOLEAN);
    } else if (type instanceof DateType) {
      return DeltaColumnType.of(DeltaColumnType.Kind.DATE);
    } else if (type instanceof TimestampType) {
      return DeltaColumnType.of(DeltaColumnType.Kind.TIMESTAMP);
    } else if (type instanceof TimestampNTZType) {
      return DeltaColumnType.of(DeltaColumnType.Kind.TIMESTAMP_NTZ);
    } else if (type instanceof BinaryType) {
      return DeltaColumnType.of(DeltaColumnType.Kind.BINARY);
    }
    return DeltaColumnType.other(describe(type));
  }

  // Delta's spelling of a nested type, for messages: array<string>, map<string,long>, struct<…>.
  private static String describe(DataType type) {
    if (type instanceof ArrayType array) {
      return "array<" + describeElement(array.getElementType()) + ">";
    } else if (type instanceof MapType map) {
      return "map<"
          + describeElement(map.getKeyType())
          + ","
          + describeElement(map.getValueType())
          + ">";
    } else if (type instanceof StructType) {
      return "struct";
    }
    return type.toString().toLowerCase(Locale.ROOT);
  }

  private static String describeElement(DataType type) {
    return type(type).description();
  }
}
