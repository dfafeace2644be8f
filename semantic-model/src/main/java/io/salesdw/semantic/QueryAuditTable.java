package io.salesdw.semantic;

import io.salesdw.semantic.access.QueryAuditLog;
import io.salesdw.semantic.engine.EngineTable;
import io.salesdw.semantic.engine.EngineTable.Column;
import java.nio.file.Path;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The query audit as the table {@code audit.queries}: Calcite validates queries against its fixed
 * columns; DuckDB reads the audit's JSON lines afresh at every query, through a view over {@code
 * read_json}, so a query sees every entry appended before it started.
 *
 * <p>{@code metrics} and {@code tables} hold the entry's lists joined by commas ({@code
 * revenue,win_rate}), empty when there are none: metric and table names have no comma, and a string
 * is what every SQL client can filter ({@code metrics LIKE '%revenue%'}).
 */
final class QueryAuditTable {
  static final EngineTable TABLE =
      new EngineTable(
          "audit",
          "queries",
          List.of(
              new Column("started_at", SqlTypeName.TIMESTAMP, false),
              new Column("elapsed_ms", SqlTypeName.BIGINT, false),
              new Column("user_name", SqlTypeName.VARCHAR, false),
              new Column("role_name", SqlTypeName.VARCHAR, false),
              new Column("endpoint", SqlTypeName.VARCHAR, false),
              new Column("client", SqlTypeName.VARCHAR, false),
              new Column("sql_text", SqlTypeName.VARCHAR, false),
              new Column("metrics", SqlTypeName.VARCHAR, false),
              new Column("tables", SqlTypeName.VARCHAR, false),
              new Column("rows_returned", SqlTypeName.BIGINT, false),
              new Column("outcome", SqlTypeName.VARCHAR, false),
              new Column("error", SqlTypeName.VARCHAR, true)));

  private QueryAuditTable() {}

  /**
   * DuckDB's query of the audit in {@code directory}: the log's JSON keys are the table's columns.
   * The engine's session is in UTC, so the cast gives the instant's UTC date and time, as the
   * lake's timestamps are.
   */
  static String duckDbSelect(Path directory) {
    String files = directory.resolve(QueryAuditLog.FILE_GLOB).toString().replace("'", "''");
    return "SELECT CAST(started_at AS TIMESTAMP) AS started_at, elapsed_ms, user_name, role_name,"
        + " endpoint, client, sql_text, array_to_string(metrics, ',') AS metrics,"
        + " array_to_string(tables, ',') AS tables, rows_returned, outcome, error"
        + " FROM read_json('"
        + files
        + "', format = 'newline_delimited', columns = {started_at: 'TIMESTAMPTZ',"
        + " elapsed_ms: 'BIGINT', user_name: 'VARCHAR', role_name: 'VARCHAR',"
        + " endpoint: 'VARCHAR', client: 'VARCHAR', sql_text: 'VARCHAR', metrics: 'VARCHAR[]',"
        + " tables: 'VARCHAR[]', rows_returned: 'BIGINT', outcome: 'VARCHAR', error: 'VARCHAR'},"
        + " ignore_errors = true)"
        // A line a crash tore is read as NULLs: it is no entry, the log having never confirmed it.
        + " WHERE started_at IS NOT NULL";
  }
}
