package io.salesdw.app;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Provisions Superset from the semantic model. */
@Command(
    mixinStandardHelpOptions = true,
    name = "superset",
    description = {
      "Provision Superset from the semantic model over its REST API: the Trino connection, one"
          + " dataset per semantic view with every governed metric, and the executive dashboards.",
      "'sync' is idempotent; 'export' writes an importable dashboard bundle."
    })
final class SupersetCommand extends PlannedCommand {
  @Option(names = "--url", description = "Superset base URL.")
  String url;

  @Option(names = "--user", description = "Superset user; password from SUPERSET_PASSWORD.")
  String user;

  @Option(names = "--out", description = "Bundle file for export (.zip).")
  Path out;
}
