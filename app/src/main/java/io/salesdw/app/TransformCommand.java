package io.salesdw.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Builds the gold layer (star schemas and marts) from silver. */
@Command(
    mixinStandardHelpOptions = true,
    name = "transform",
    description = {
      "Build the gold layer from silver: conformed dimensions, facts, and the funnel, process DNA,"
          + " LTV, forecast calibration, targets, incentives and data health marts.",
      "Incremental by month; re-running a month is a no-op."
    })
final class TransformCommand extends PlannedCommand {
  @Option(names = "--lake", required = true, description = "Lake root: a path or a Hadoop URI.")
  String lake;

  @Option(names = "--month", description = "Month to build, yyyy-MM (default: every month).")
  String month;

  @Option(names = "--master", description = "Spark master (default: local[2]).")
  String master;

  @Option(names = "--json", description = "Print a machine-readable summary per table.")
  boolean json;
}
