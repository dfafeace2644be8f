package io.salesdw.app;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import io.salesdw.contracts.SourceSystem;
import io.salesdw.ingestion.BronzeIngestion;
import io.salesdw.ingestion.IngestRequest;
import io.salesdw.ingestion.IngestResult;
import io.salesdw.ingestion.TableResult;
import io.salesdw.ingestion.identity.CustomerIdentityJob;
import io.salesdw.ingestion.identity.CustomerIdentitySummary;
import io.salesdw.ingestion.silver.SilverResult;
import io.salesdw.ingestion.silver.SilverTableResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lands a source system's export in the lake's bronze Delta tables. */
@Command(
    mixinStandardHelpOptions = true,
    name = "ingest",
    description = {
      "Land CRM, ERP or chat exports into append-only bronze Delta tables with lineage columns.",
      "Rows that break their data contract go to quarantine/rows with file, line, field and"
          + " reason; quarantine/audit counts every batch; re-running the same input is a no-op."
    })
final class IngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConsoleOptions consoleOptions;

  @Option(
      names = "--source",
      required = true,
      description = "Source system: crm, erp or chat.",
      paramLabel = "crm|erp|chat")
  String source;

  @Option(names = "--input", description = "Export file or directory to land.")
  Path input;

  @Option(
      names = "--jdbc",
      description =
          "JDBC URL of the ERP database (jdbc:postgresql://host:port/db); user and password from"
              + " the URL or SALESDW_JDBC_USER / SALESDW_JDBC_PASSWORD.")
  String jdbcUrl;

  @Option(names = "--lake", required = true, description = "Lake root: a path or a Hadoop URI.")
  String lake;

  @Option(
      names = "--mapping",
      description = "YAML mapping of a differently shaped export (default: the generator's).")
  Path mapping;

  @Option(names = "--master", description = "Spark master (default: local[2]).")
  String master;

  @Option(names = "--json", description = "Print a machine-readable summary per table.")
  boolean json;

  @Override
  public Integer call() {
    Console console = consoleOptions.console(spec);
    SourceSystem system = sourceSystem();
    if (jdbcUrl != null) {
      if (input != null) {
        throw new SalesdwException(ErrorKind.USER_ERROR, "give either --input or --jdbc, not both");
      }
      return JdbcIngestOutput.ingest(console, system, jdbcUrl, lake, master, json);
    }
    if (input == null) {
      throw new SalesdwException(
          ErrorKind.USER_ERROR, "--input is required: the export directory or file to land");
    }
    IngestResult result =
        SparkRun.on(
            master,
            console,
            spark -> {
              IngestResult landed =
                  new BronzeIngestion(spark)
                      .run(
                          new IngestRequest(system, input, lake, Optional.ofNullable(mapping)),
                          console::progress);
              if (CustomerIdentityJob.inputsPresent(spark, lake)) {
                CustomerIdentitySummary identity = CustomerIdentityJob.run(spark, lake);
                console.progress(
                    String.format(
                        Locale.ROOT,
                        "customer identity: %s unified customers in %s",
                        Console.count(identity.unifiedCustomers()),
                        identity.table()));
              }
              return landed;
            });
    if (json) {
      JsonOutput.print(console, asJson(result));
    } else {
      printTable(console, result);
    }
    return ExitCode.OK;
  }

  private SourceSystem sourceSystem() {
    for (SourceSystem system : SourceSystem.values()) {
      if (system.code().equals(source)) {
        return system;
      }
    }
    throw new SalesdwException(
        ErrorKind.USER_ERROR, "--source must be crm, erp or chat, not '" + source + "'");
  }

  private static void printTable(Console console, IngestResult result) {
    String format = "%-36s %10s %10s %12s %8s";
    console.result(
        String.format(Locale.ROOT, format, "table", "read", "landed", "quarantined", "version"));
    for (TableResult table : result.tables()) {
      console.result(
          String.format(
              Locale.ROOT,
              format,
              table.table(),
              Console.count(table.rowsRead()),
              Console.count(table.rowsLanded()),
              Console.count(table.rowsQuarantined()),
              table.version()));
    }
    if (result.silver().isPresent()) {
      String silverFormat = "%-36s %10s %10s %10s %10s %10s %8s";
      console.result(
          String.format(
              Locale.ROOT,
              silverFormat,
              "silver table",
              "rows",
              "inserted",
              "updated",
              "deleted",
              "stale",
              "version"));
      for (SilverTableResult table : result.silver().get().tables()) {
        console.result(
            String.format(
                Locale.ROOT,
                silverFormat,
                table.table(),
                Console.count(table.liveRows()),
                Console.count(table.inserted()),
                Console.count(table.updated()),
                Console.count(table.deleted()),
                Console.count(table.staleSkipped()),
                table.version()));
        table.problem().ifPresent(problem -> console.result("  " + problem));
      }
    }
    String what =
        result.status() == IngestResult.Status.ALREADY_LANDED
            ? "already landed; no table changed"
            : "landed";
    console.result(
        String.format(
            Locale.ROOT,
            "%s batch %s %s: %d files, %s rows read, %s landed, %s quarantined in %s",
            result.source().code(),
            result.batchId(),
            what,
            result.files(),
            Console.count(result.rowsRead()),
            Console.count(result.rowsLanded()),
            Console.count(result.rowsQuarantined()),
            Console.seconds(result.elapsed())));
  }

  private static Map<String, Object> asJson(IngestResult result) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("source", result.source().code());
    document.put("batch_id", result.batchId());
    document.put("status", result.status().name().toLowerCase(Locale.ROOT));
    document.put("files", result.files());
    document.put("bytes", result.bytes());
    document.put("rows_read", result.rowsRead());
    document.put("rows_landed", result.rowsLanded());
    document.put("rows_quarantined", result.rowsQuarantined());
    document.put("quarantine_version", result.quarantineVersion());
    document.put("elapsed_seconds", result.elapsed().toMillis() / 1000.0);
    List<Map<String, Object>> tables = new ArrayList<>();
    for (TableResult table : result.tables()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("table", table.table());
      row.put("rows_read", table.rowsRead());
      row.put("rows_landed", table.rowsLanded());
      row.put("rows_quarantined", table.rowsQuarantined());
      row.put("batch_id", result.batchId());
      row.put("version", table.version());
      tables.add(row);
    }
    document.put("tables", tables);
    result.silver().ifPresent(silver -> document.put("silver", silverJson(silver)));
    return document;
  }

  private static Map<String, Object> silverJson(SilverResult silver) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("status", silver.status().name().toLowerCase(Locale.ROOT));
    List<Map<String, Object>> tables = new ArrayList<>();
    for (SilverTableResult table : silver.tables()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("table", table.table());
      row.put("rows", table.liveRows());
      row.put("rows_in", table.rowsIn());
      row.put("inserted", table.inserted());
      row.put("updated", table.updated());
      row.put("deleted", table.deleted());
      row.put("stale_skipped", table.staleSkipped());
      row.put("quarantined", table.quarantined());
      row.put("added_columns", table.addedColumns());
      row.put("problem", table.problem().orElse(null));
      row.put("version", table.version());
      tables.add(row);
    }
    document.put("tables", tables);
    return document;
  }
}
