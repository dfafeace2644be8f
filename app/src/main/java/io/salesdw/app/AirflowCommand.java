package io.salesdw.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Drives the production pipeline on Airflow. */
@Command(
    mixinStandardHelpOptions = true,
    name = "airflow",
    description = {
      "Trigger the salesdw DAG on Airflow (2 or 3) for a month, follow it to the end, and show"
          + " task states and logs.",
      "Subcommands trigger, status and logs."
    })
final class AirflowCommand extends PlannedCommand {
  @Option(names = "--url", description = "Airflow base URL.")
  String url;

  @Option(names = "--month", description = "Logical month, yyyy-MM.")
  String month;
}
