package io.salesdw.testing;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.StructType;

/**
 * Makes tiny Delta tables in a directory with the shared {@link TestingSparkSession}, for tests
 * that need real tables: each call below is exactly one Delta commit, so a test can compute the
 * expected version of a table from the calls it made.
 */
public final class TinyDeltaTables {
  /** The placeholder {@link #execute} replaces with the table's reference. */
  public static final String TABLE_PLACEHOLDER = "{table}";

  private TinyDeltaTables() {}

  /**
   * Creates an empty table (version 0) from a column list such as {@code "id BIGINT, region
   * STRING"}, partitioned by {@code partitionColumns} and with the given table properties (e.g.
   * {@code delta.enableDeletionVectors=true}).
   */
  public static void create(
      Path directory,
      String columns,
      List<String> partitionColumns,
      Map<String, String> tableProperties) {
    requireNonNull(columns, "columns is null");
    requireNonNull(partitionColumns, "partitionColumns is null");
    requireNonNull(tableProperties, "tableProperties is null");
    StringBuilder sql =
        new StringBuilder("CREATE TABLE ")
            .append(reference(directory))
            .append(" (")
            .append(columns)
            .append(") USING delta");
    if (!partitionColumns.isEmpty()) {
      sql.append(" PARTITIONED BY (")
          .append(
              partitionColumns.stream()
                  .map(TinyDeltaTables::quoteIdentifier)
                  .collect(Collectors.joining(", ")))
          .append(')');
    }
    if (!tableProperties.isEmpty()) {
      sql.append(" TBLPROPERTIES (")
          .append(
              tableProperties.entrySet().stream()
                  .sorted(Map.Entry.comparingByKey())
                  .map(e -> quoteLiteral(e.getKey()) + " = " + quoteLiteral(e.getValue()))
                  .collect(Collectors.joining(", ")))
          .append(')');
    }
    TestingSparkSession.get().sql(sql.toString());
  }

  /**
   * Inserts the rows of a SQL {@code VALUES} list, such as {@code "(1, 'EU'), (2, 'US')"}, in one
   * commit. The table must exist.
   */
  public static void insert(Path directory, String values) {
    requireNonNull(values, "values is null");
    TestingSparkSession.get().sql("INSERT INTO " + reference(directory) + " VALUES " + values);
  }

  /**
   * Appends rows in one commit, creating the table (partitioned by {@code partitionColumns}) if the
   * directory holds none yet.
   */
  public static void append(
      Path directory, StructType schema, List<Row> rows, String... partitionColumns) {
    requireNonNull(schema, "schema is null");
    requireNonNull(rows, "rows is null");
    TestingSparkSession.get()
        .createDataFrame(rows, schema)
        .write()
        .format("delta")
        .mode(SaveMode.Append)
        .partitionBy(partitionColumns)
        .save(location(directory));
  }

  /**
   * Runs one SQL statement on the table, written with {@value #TABLE_PLACEHOLDER} for the table:
   * {@code "DELETE FROM {table} WHERE id = 3"}.
   */
  public static void execute(Path directory, String statement) {
    requireNonNull(statement, "statement is null");
    if (!statement.contains(TABLE_PLACEHOLDER)) {
      throw new IllegalArgumentException(
          "statement does not mention " + TABLE_PLACEHOLDER + ": " + statement);
    }
    TestingSparkSession.get().sql(statement.replace(TABLE_PLACEHOLDER, reference(directory)));
  }

  /** The number of rows in the table's current version, as Spark counts them. */
  public static long count(Path directory) {
    return TestingSparkSession.get().read().format("delta").load(location(directory)).count();
  }

  /** The table as Spark SQL names it: {@code delta.`/tmp/.../table`}. */
  public static String reference(Path directory) {
    return "delta." + quoteIdentifier(location(directory));
  }

  // A plain absolute path, not a URI: Hadoop would read a URI's %20 literally.
  private static String location(Path directory) {
    return requireNonNull(directory, "directory is null").toAbsolutePath().toString();
  }

  private static String quoteIdentifier(String identifier) {
    return '`' + identifier.replace("`", "``") + '`';
  }

  private static String quoteLiteral(String literal) {
    return '\'' + literal.replace("\\", "\\\\").replace("'", "\\'") + '\'';
  }
}
