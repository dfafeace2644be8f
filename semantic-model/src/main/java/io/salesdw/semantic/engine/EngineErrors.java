package io.salesdw.semantic.engine;

import static io.salesdw.contracts.ErrorKind.EXTERNAL;
import static io.salesdw.contracts.ErrorKind.USER_ERROR;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.lake.DeltaColumn;
import java.util.Optional;

/**
 * The engine package's user- and data-facing errors: each says what failed, why, and what to do.
 */
final class EngineErrors {
  private EngineErrors() {}

  static SalesdwException syntaxError(int line, int column, String problem, Exception cause) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "SQL syntax error at line %d, column %d: %s Fix the SQL there and run it again.",
            line, column, problem),
        cause);
  }

  static SalesdwException invalidQuery(
      int line, int column, String problem, Optional<String> nearestName, Exception cause) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "The query is not valid at line %d, column %d: %s.%s",
            line,
            column,
            problem,
            nearestName.map(name -> " Did you mean '" + name + "'?").orElse("")),
        cause);
  }

  static SalesdwException notAQuery(String statement) {
    return new SalesdwException(
        USER_ERROR,
        "The layer answers queries only, and this is "
            + statement
            + ": the lake is written by the pipeline (salesdw run), never through SQL.");
  }

  static SalesdwException invalidQuery(String problem, Exception cause) {
    return new SalesdwException(
        USER_ERROR, String.format("The query is not valid: %s.", problem), cause);
  }

  static SalesdwException notPlainParquet(
      String table, long version, boolean deletionVectors, String columnMapping) {
    String why =
        deletionVectors
            ? "some of its files have deletion vectors, whose deleted rows a Parquet reader would"
                + " return as live"
            : "it uses column mapping ('"
                + columnMapping
                + "'), so its Parquet files hold"
                + " physical column names, not the table's";
    String fix =
        deletionVectors
            ? "Rewrite the files without them (REORG TABLE … APPLY (PURGE) in Spark) and write"
                + " the table with delta.enableDeletionVectors=false, as the gold build does"
            : "Write the table without column mapping, as the gold build does";
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "The DuckDB engine cannot read the Delta table '%s' (version %d): %s. %s.",
            table, version, why, fix));
  }

  static SalesdwException unsupportedColumnType(String table, DeltaColumn column) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "The column '%s' of the Delta table '%s' has the type %s, which the semantic layer"
                + " does not read (it reads string, byte, short, integer, long, float, double,"
                + " decimal, boolean, date and timestamp). Leave the column out of the tables"
                + " the semantic layer reads, or cast it in the transform that writes the table.",
            column.name(), table, column.type().description()));
  }

  static SalesdwException unsupportedPartitionType(String table, DeltaColumn column) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "The Delta table '%s' is partitioned by the %s column '%s': the log does not say in"
                + " which time zone such partition values are written, so the DuckDB engine does"
                + " not read them. Partition by a date or an integer key such as month_key.",
            table, column.type().description(), column.name()));
  }

  static SalesdwException notLocalFile(String table, String uri) {
    return new SalesdwException(
        USER_ERROR,
        String.format(
            "The DuckDB engine reads local files only, but the Delta table '%s' has the file %s."
                + " Run the query on the Trino engine, or copy the lake to a local disk.",
            table, uri));
  }

  static SalesdwException engineStartFailed(Exception cause) {
    return new SalesdwException(
        EXTERNAL,
        String.format(
            "Cannot start the in-process DuckDB engine: %s. Check that the DuckDB JDBC jar"
                + " matches this platform and that the temporary directory is writable.",
            cause.getMessage()),
        cause);
  }

  static SalesdwException refreshFailed(String table, long version, Exception cause) {
    return new SalesdwException(
        EXTERNAL,
        String.format(
            "Cannot make DuckDB read version %d of the Delta table '%s': %s. Check that the"
                + " table's data files exist and are readable Parquet.",
            version, table, cause.getMessage()),
        cause);
  }

  static SalesdwException executionFailed(String sql, Exception cause) {
    return new SalesdwException(
        EXTERNAL,
        String.format(
            "DuckDB failed to run the query: %s. The SQL sent was: %s", cause.getMessage(), sql),
        cause);
  }

  static SalesdwException loadFailed(String table, Exception cause) {
    return new SalesdwException(
        EXTERNAL,
        String.format(
            "Cannot load the table '%s' into DuckDB: %s. Check that the temporary directory is"
                + " writable and that there is memory left.",
            table, cause.getMessage()),
        cause);
  }
}
