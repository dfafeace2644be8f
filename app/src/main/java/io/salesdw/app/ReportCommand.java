package io.salesdw.app;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes the monthly health report pack. */
@Command(
    mixinStandardHelpOptions = true,
    name = "report",
    description = {
      "Write the monthly health pack (HTML with SVG charts, and PDF): target health, forecast"
          + " quality, funnel and lead SLA, personal process DNA, incentive health, data health"
          + " and customer value.",
      "Every figure comes from the semantic layer's governed metrics."
    })
final class ReportCommand extends PlannedCommand {
  @Option(names = "--lake", required = true, description = "Lake root: a path or a Hadoop URI.")
  String lake;

  @Option(names = "--month", required = true, description = "Report month, yyyy-MM.")
  String month;

  @Option(names = "--out", required = true, description = "Output directory.")
  Path out;

  @Option(names = "--lang", description = "zh (default) or en.")
  String language;
}
