package io.salesdw.app;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Serves the semantic layer to remote SQL clients. */
@Command(
    mixinStandardHelpOptions = true,
    name = "serve",
    description = {
      "Serve the semantic layer over Arrow Flight SQL and Avatica (remote JDBC), with"
          + " authentication, row-level security, PII masking, audit and limits.",
      "Binds to loopback unless configured otherwise."
    })
final class ServeCommand extends PlannedCommand {
  @Option(names = "--lake", required = true, description = "Lake root: a path or a Hadoop URI.")
  String lake;

  @Option(names = "--config", description = "Server configuration (YAML).")
  Path config;
}
