package io.salesdw.app;

import io.salesdw.contracts.SourceSystem;
import io.salesdw.ingestion.jdbc.JdbcIngestRequest;
import io.salesdw.ingestion.jdbc.JdbcIngestResult;
import io.salesdw.ingestion.jdbc.JdbcIngestion;
import io.salesdw.ingestion.jdbc.JdbcSource;
import io.salesdw.ingestion.jdbc.JdbcTableResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code salesdw ingest --jdbc}: runs {@link JdbcIngestion} and prints its table or JSON. */
final class JdbcIngestOutput {
  private JdbcIngestOutput() {}

  static int ingest(
      Console console,
      SourceSystem source,
      String jdbcUrl,
      String lake,
      String master,
      boolean json) {
    // Credentials from the URL or the environment; never printed (JdbcSource hides them).
    JdbcSource database = JdbcSource.parse(jdbcUrl, System.getenv());
    JdbcIngestResult result =
        SparkRun.on(
            master,
            console,
            spark ->
                new JdbcIngestion(spark)
                    .run(new JdbcIngestRequest(source, database, lake), console::progress));
    if (json) {
      JsonOutput.print(console, asJson(result));
    } else {
      printTable(console, result);
    }
    return ExitCode.OK;
  }

  private static void printTable(Console console, JdbcIngestResult result) {
    String format = "%-30s %8s %8s %12s %10s %10s";
    console.result(
        String.format(
            Locale.ROOT, format, "table", "read", "landed", "quarantined", "source", "silver"));
    for (JdbcTableResult table : result.tables()) {
      console.result(
          String.format(
              Locale.ROOT,
              format,
              table.table(),
              Console.count(table.rowsRead()),
              Console.count(table.rowsLanded()),
              Console.count(table.rowsQuarantined()),
              Console.count(table.sourceRows()),
              Console.count(table.lakeRows()) + (table.reconciled() ? "" : " !")));
    }
    String what =
        result.status() == JdbcIngestResult.Status.NO_CHANGES
            ? "no changes since the watermarks; no table changed"
            : "batch " + result.batchId().orElseThrow() + " landed";
    console.result(
        String.format(
            Locale.ROOT,
            "%s from %s: %s: %s rows read, %s landed, %s quarantined in %s",
            result.source().code(),
            result.sourceLocation(),
            what,
            Console.count(result.rowsRead()),
            Console.count(result.rowsLanded()),
            Console.count(result.rowsQuarantined()),
            Console.seconds(result.elapsed())));
    if (!result.unreconciled().isEmpty()) {
      console.result(
          "! the source's row count differs from silver's live rows: rows quarantined, or deleted"
              + " in the source (a watermark cannot see hard deletes)");
    }
  }

  private static Map<String, Object> asJson(JdbcIngestResult result) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("source", result.source().code());
    document.put("source_location", result.sourceLocation());
    document.put("batch_id", result.batchId().orElse(null));
    document.put("status", result.status().name().toLowerCase(Locale.ROOT));
    document.put("rows_read", result.rowsRead());
    document.put("rows_landed", result.rowsLanded());
    document.put("rows_quarantined", result.rowsQuarantined());
    document.put("reconciled", result.unreconciled().isEmpty());
    document.put("elapsed_seconds", result.elapsed().toMillis() / 1000.0);
    List<Map<String, Object>> tables = new ArrayList<>();
    for (JdbcTableResult table : result.tables()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("table", table.table());
      row.put("source_query", table.sourceQuery());
      row.put("previous_mark", text(table.previousMark()));
      row.put("high_water_mark", text(table.highWaterMark()));
      row.put("rows_read", table.rowsRead());
      row.put("rows_landed", table.rowsLanded());
      row.put("rows_quarantined", table.rowsQuarantined());
      row.put("rows_already_landed", table.rowsAlreadyLanded());
      row.put("batch_id", result.batchId().orElse(null));
      row.put("version", table.version());
      row.put("source_rows", table.sourceRows());
      row.put("lake_rows", table.lakeRows());
      row.put("reconciled", table.reconciled());
      tables.add(row);
    }
    document.put("tables", tables);
    return document;
  }

  private static String text(Optional<Instant> instant) {
    return instant.map(Instant::toString).orElse(null);
  }
}
