package io.salesdw.semantic.engine;

import io.salesdw.lake.DeltaColumn;
import io.salesdw.lake.DeltaColumnType;
import io.salesdw.lake.DeltaDataFile;
import io.salesdw.lake.DeltaSnapshotFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The DuckDB statements that make a view read exactly one Delta snapshot: the snapshot's data
 * files, resolved by Delta Kernel, read with {@code read_parquet}, every column cast to its Delta
 * type, in schema order.
 *
 * <p>Partition values are the Delta log's. When every file lies in the directories Spark names
 * after its partition values ({@code month_key=202401/part-….parquet}), and each value is spelt
 * there exactly as in the log, the view reads all files in one {@code read_parquet} with Hive
 * partitioning, typed by the Delta schema: DuckDB then skips the files a partition filter excludes
 * without opening them. Otherwise (a NULL partition, a value Spark escapes in paths, a writer that
 * lays files out otherwise) the files are grouped by partition values, and each group is one {@code
 * SELECT} that gives the log's values as constants, under {@code UNION ALL}: always right, but
 * DuckDB opens every file to plan the query.
 *
 * <p>Timestamps are normalised to UTC: Spark writes a Delta {@code timestamp} as an INT96 (which
 * DuckDB reads as a UTC {@code TIMESTAMP}) or as a {@code TIMESTAMP_MICROS} adjusted to UTC (which
 * it reads as a {@code TIMESTAMP WITH TIME ZONE}); both are cast to {@code TIMESTAMP}, which with
 * the session's {@code TimeZone} set to UTC gives the instant's UTC date and time.
 */
final class DuckDbViewSql {
  // Partition values that Spark writes into paths as they are, and DuckDB reads back unchanged.
  private static final Pattern PLAIN_PARTITION_VALUE = Pattern.compile("[A-Za-z0-9_.-]+");

  private DuckDbViewSql() {}

  /** The schema and view of a lake table: {@code gold/fact_order} is {@code gold.fact_order}. */
  static String qualifiedName(String table) {
    int slash = table.indexOf('/');
    return slash < 0
        ? identifier(table)
        : identifier(table.substring(0, slash)) + "." + identifier(table.substring(slash + 1));
  }

  /** The schema of a lake table's view, if its name has one: {@code gold}. */
  static Optional<String> schema(String table) {
    int slash = table.indexOf('/');
    return slash < 0 ? Optional.empty() : Optional.of(table.substring(0, slash));
  }

  /** {@code CREATE OR REPLACE VIEW} of the snapshot; the caller checked it is plain Parquet. */
  static String createView(DeltaSnapshotFiles snapshot) {
    return "CREATE OR REPLACE VIEW "
        + qualifiedName(snapshot.tableName())
        + " AS\n"
        + select(snapshot);
  }

  /** The query that reads the snapshot. */
  static String select(DeltaSnapshotFiles snapshot) {
    String table = snapshot.tableName();
    List<DeltaColumn> columns = snapshot.columns();
    for (DeltaColumn column : columns) {
      // Fails on a type the semantic layer does not read, before DuckDB sees the SQL.
      DeltaRowTypes.sqlTypeName(table, column);
      if (snapshot.isPartitionColumn(column.name())
          && column.type().kind() == DeltaColumnType.Kind.TIMESTAMP) {
        throw EngineErrors.unsupportedPartitionType(table, column);
      }
    }
    if (snapshot.files().isEmpty()) {
      // No file to read: the view still has the table's columns and types.
      List<String> nulls = new ArrayList<>();
      for (DeltaColumn column : columns) {
        nulls.add(cast("NULL", table, column) + " AS " + identifier(column.name()));
      }
      return "SELECT " + String.join(", ", nulls) + " WHERE false";
    }
    if (!snapshot.partitionColumns().isEmpty() && laidOutByPartitionValues(snapshot)) {
      return selectHivePartitioned(snapshot);
    }
    Map<Map<String, Optional<String>>, List<DeltaDataFile>> groups = new LinkedHashMap<>();
    for (DeltaDataFile file : snapshot.files()) {
      groups.computeIfAbsent(file.partitionValues(), values -> new ArrayList<>()).add(file);
    }
    List<String> selects = new ArrayList<>();
    groups.forEach(
        (partitionValues, files) -> selects.add(selectGroup(snapshot, partitionValues, files)));
    return String.join("\nUNION ALL\n", selects);
  }

  /**
   * Whether DuckDB's Hive partitioning would read exactly the log's partition values: every file is
   * {@code <table>/<c1>=<v1>/…/<cn>=<vn>/<file>}, in the order of the partition columns, with each
   * value as the log has it and made of characters no writer escapes; and no directory of the
   * table's own location looks like a partition, which DuckDB would also read.
   */
  static boolean laidOutByPartitionValues(DeltaSnapshotFiles snapshot) {
    String location = snapshot.location().normalize().getPath();
    if (location.contains("=")) {
      return false;
    }
    String prefix = location.endsWith("/") ? location : location + "/";
    for (DeltaDataFile file : snapshot.files()) {
      String path = file.uri().normalize().getPath();
      if (!path.startsWith(prefix)) {
        return false;
      }
      String[] segments = path.substring(prefix.length()).split("/", -1);
      List<String> partitionColumns = snapshot.partitionColumns();
      if (segments.length != partitionColumns.size() + 1) {
        return false;
      }
      for (int i = 0; i < partitionColumns.size(); i++) {
        String column = partitionColumns.get(i);
        Optional<String> value = partitionValue(file.partitionValues(), column);
        if (value.isEmpty()
            || !PLAIN_PARTITION_VALUE.matcher(value.get()).matches()
            || !segments[i].equals(column + "=" + value.get())) {
          return false;
        }
      }
    }
    return true;
  }

  private static String selectHivePartitioned(DeltaSnapshotFiles snapshot) {
    String table = snapshot.tableName();
    List<String> expressions = new ArrayList<>();
    List<String> hiveTypes = new ArrayList<>();
    for (DeltaColumn column : snapshot.columns()) {
      expressions.add(
          cast(identifier(column.name()), table, column) + " AS " + identifier(column.name()));
      if (snapshot.isPartitionColumn(column.name())) {
        hiveTypes.add(literal(column.name()) + ": " + duckDbType(table, column));
      }
    }
    return "SELECT "
        + String.join(", ", expressions)
        + " FROM read_parquet("
        + fileList(table, snapshot.files())
        + ", hive_partitioning = true, hive_types = {"
        + String.join(", ", hiveTypes)
        + "})";
  }

  private static String selectGroup(
      DeltaSnapshotFiles snapshot,
      Map<String, Optional<String>> partitionValues,
      List<DeltaDataFile> files) {
    String table = snapshot.tableName();
    List<String> expressions = new ArrayList<>();
    for (DeltaColumn column : snapshot.columns()) {
      String value;
      if (snapshot.isPartitionColumn(column.name())) {
        value =
            partitionValue(partitionValues, column.name())
                .map(DuckDbViewSql::literal)
                .orElse("NULL");
      } else {
        value = identifier(column.name());
      }
      expressions.add(cast(value, table, column) + " AS " + identifier(column.name()));
    }
    return "SELECT "
        + String.join(", ", expressions)
        + " FROM read_parquet("
        + fileList(table, files)
        + ", hive_partitioning = false)";
  }

  private static String fileList(String table, List<DeltaDataFile> files) {
    List<String> paths = new ArrayList<>();
    for (DeltaDataFile file : files) {
      if (!"file".equals(file.uri().getScheme())) {
        throw EngineErrors.notLocalFile(table, file.uri().toString());
      }
      paths.add(literal(Path.of(file.uri()).toString()));
    }
    return "[" + String.join(", ", paths) + "]";
  }

  // Delta matches column names case-insensitively; the log's map is keyed as the schema spells
  // the partition column, but a writer may spell it otherwise.
  private static Optional<String> partitionValue(
      Map<String, Optional<String>> partitionValues, String column) {
    for (Map.Entry<String, Optional<String>> entry : partitionValues.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(column)) {
        return entry.getValue();
      }
    }
    return Optional.empty();
  }

  private static String cast(String value, String table, DeltaColumn column) {
    return "CAST(" + value + " AS " + duckDbType(table, column) + ")";
  }

  /** DuckDB's name of the column's type. */
  static String duckDbType(String table, DeltaColumn column) {
    return switch (DeltaRowTypes.sqlTypeName(table, column)) {
      case VARCHAR -> "VARCHAR";
      case TINYINT -> "TINYINT";
      case SMALLINT -> "SMALLINT";
      case INTEGER -> "INTEGER";
      case BIGINT -> "BIGINT";
      case REAL -> "REAL";
      case DOUBLE -> "DOUBLE";
      case DECIMAL ->
          String.format(
              Locale.ROOT, "DECIMAL(%d, %d)", column.type().precision(), column.type().scale());
      case BOOLEAN -> "BOOLEAN";
      case DATE -> "DATE";
      case TIMESTAMP -> "TIMESTAMP";
      default -> throw EngineErrors.unsupportedColumnType(table, column);
    };
  }

  static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
