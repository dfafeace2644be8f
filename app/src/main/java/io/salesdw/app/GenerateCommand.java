package io.salesdw.app;

import io.salesdw.generator.GenerationResult;
import io.salesdw.generator.GeneratorConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a generated sales organisation's source-system exports. */
@Command(
    mixinStandardHelpOptions = true,
    name = "generate",
    description = {
      "Write a deterministic, realistic sales organisation as its source systems export it: CRM"
          + " CSV exports and change feed, ERP CSV (and a PostgreSQL load script with --erp-sql),"
          + " and the WeCom-style chat archive, with defects injected at known rates and a"
          + " ground-truth manifest.",
      "The same --scale, --seed and --year give byte-identical files. --scale 1 is about a year"
          + " of a 150-rep organisation."
    })
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConsoleOptions consoleOptions;

  @Option(
      names = "--scale",
      defaultValue = "0.1",
      description = "Size relative to a 150-rep organisation's year (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--year",
      defaultValue = "" + GeneratorConfig.DEFAULT_YEAR,
      description = "Simulated fiscal year (default: ${DEFAULT-VALUE}).")
  int year;

  @Option(names = "--out", required = true, description = "Output directory.")
  Path out;

  @Option(names = "--erp-sql", description = "Also write erp/erp.sql, a PostgreSQL load script.")
  boolean erpSql;

  @Option(names = "--json", description = "Print the summary as JSON on standard output.")
  boolean json;

  @Override
  public Integer call() {
    Console console = consoleOptions.console(spec);
    GeneratorConfig config = new GeneratorConfig(scale, seed, year, out, erpSql);
    GenerationResult result = SourceGeneration.generate(config, console);
    if (json) {
      JsonOutput.print(console, summary(config, result));
    } else {
      console.result(SourceGeneration.describe(config, result));
    }
    return ExitCode.OK;
  }

  private static Map<String, Object> summary(GeneratorConfig config, GenerationResult result) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("output", result.outputDirectory().toAbsolutePath().toString());
    summary.put("scale", config.scale());
    summary.put("seed", config.seed());
    summary.put("year", config.year());
    summary.put(
        "files",
        result.files().stream()
            .map(
                file -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("path", file.relativePath());
                  entry.put("encoding", file.encoding());
                  entry.put("rows", file.rows());
                  entry.put("bytes", file.bytes());
                  return entry;
                })
            .toList());
    summary.put("rows", result.totalRows());
    summary.put("bytes", result.totalBytes());
    summary.put("seconds", result.elapsed().toMillis() / 1000.0);
    return summary;
  }
}
