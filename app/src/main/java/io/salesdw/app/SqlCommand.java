package io.salesdw.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Answers SQL over the governed metrics and the gold tables. */
@Command(
    mixinStandardHelpOptions = true,
    name = "sql",
    description = {
      "Run SQL through the semantic layer: governed metrics as MEASURE(metric) grouped by any"
          + " reachable dimension, and plain SQL over the gold tables.",
      "Executed in-process (DuckDB over the current Delta snapshot) or on Trino."
    })
final class SqlCommand extends PlannedCommand {
  @Parameters(paramLabel = "SQL", description = "The query.")
  String sql;

  @Option(names = "--lake", description = "Lake root (default: ./salesdw-demo/lake).")
  String lake;

  @Option(names = "--engine", description = "duckdb (default) or trino.")
  String engine;

  @Option(names = "--explain", description = "Show the Calcite plan and the SQL sent.")
  boolean explain;

  @Option(names = "--format", description = "table (default), csv or json.")
  String format;
}
