package io.salesdw.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the pipeline DAG locally for one month or a range of months. */
@Command(
    mixinStandardHelpOptions = true,
    name = "run",
    description = {
      "Run the pipeline locally: ingest per source, transform, data-quality gates, reports,"
          + " dashboard sync.",
      "Resumable after a failure, idempotent for a finished month, and backfills with"
          + " --from/--to."
    })
final class RunCommand extends PlannedCommand {
  @Option(names = "--month", description = "Month to run, yyyy-MM.")
  String month;

  @Option(names = "--from", description = "First month of a backfill, yyyy-MM.")
  String from;

  @Option(names = "--to", description = "Last month of a backfill, yyyy-MM.")
  String to;

  @Option(names = "--lake", description = "Lake root (default: ./salesdw-demo/lake).")
  String lake;
}
