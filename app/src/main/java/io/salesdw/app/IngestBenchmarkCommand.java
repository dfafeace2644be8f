package io.salesdw.app;

import io.salesdw.app.bench.Benchmark;
import io.salesdw.app.bench.BenchmarkReport;
import io.salesdw.app.bench.BenchmarkRunner;
import io.salesdw.app.bench.Measurement;
import io.salesdw.contracts.SourceSystem;
import io.salesdw.generator.GenerationProgress;
import io.salesdw.generator.GenerationResult;
import io.salesdw.generator.GeneratorConfig;
import io.salesdw.generator.SalesOrganisationGenerator;
import io.salesdw.ingestion.BronzeIngestion;
import io.salesdw.ingestion.IngestRequest;
import io.salesdw.ingestion.IngestResult;
import io.salesdw.ingestion.IngestionSparkSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Times landing a generated organisation's three sources in a fresh lake. */
@Command(
    mixinStandardHelpOptions = true,
    name = "ingest",
    description =
        "Time landing CRM, ERP and chat exports of a generated organisation in a fresh lake"
            + " (bronze, quarantine, audit and silver): seconds end to end and rows landed per"
            + " second per source. The sources are generated once, before the runs; Spark starts"
            + " once, before the warm-up.")
final class IngestBenchmarkCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConsoleOptions consoleOptions;

  @Mixin BenchCommand.RunOptions runOptions;

  @Option(
      names = "--scale",
      defaultValue = "0.1",
      description = "Scale to generate and land (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--master", description = "Spark master (default: local[2]).")
  String master;

  @Override
  public Integer call() throws Exception {
    Console console = consoleOptions.console(spec);
    BenchmarkRunner runner = runOptions.runner(spec, console);
    Path scratch = Files.createTempDirectory("salesdw-bench-ingest");
    try {
      Path sources = scratch.resolve("sources");
      console.progress("bench ingest: generating scale " + scale + " into " + sources);
      GenerationResult generated =
          new SalesOrganisationGenerator(
                  new GeneratorConfig(scale, seed, GeneratorConfig.DEFAULT_YEAR, sources, false))
              .generate(GenerationProgress.silent());
      console.progress(
          String.format(
              Locale.ROOT,
              "bench ingest: %s rows, %s generated; starting Spark",
              Console.count(generated.totalRows()),
              Console.megabytes(generated.totalBytes())));
      SparkSession spark =
          IngestionSparkSession.create(
              master == null ? IngestionSparkSession.DEFAULT_MASTER : master);
      try {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("scale", Double.toString(scale));
        parameters.put("seed", Long.toString(seed));
        BenchmarkReport report =
            runner.run(new Landing(spark, sources, scratch.resolve("lakes")), parameters);
        runOptions.report(console, report, scale);
      } finally {
        spark.stop();
      }
    } finally {
      BenchCommand.deleteRecursively(scratch);
    }
    return ExitCode.OK;
  }

  /** One landing of all three sources into a lake of its own. */
  private static final class Landing implements Benchmark {
    private final SparkSession spark;
    private final Path sources;
    private final Path lakes;
    private int run;

    Landing(SparkSession spark, Path sources, Path lakes) {
      this.spark = spark;
      this.sources = sources;
      this.lakes = lakes;
    }

    @Override
    public String name() {
      return "ingest";
    }

    @Override
    public List<Measurement> runOnce() {
      Path lake = lakes.resolve("lake-" + ++run);
      BronzeIngestion ingestion = new BronzeIngestion(spark);
      List<Measurement> measurements = new ArrayList<>();
      long landed = 0;
      for (SourceSystem source : SourceSystem.values()) {
        long start = System.nanoTime();
        IngestResult result =
            ingestion.run(
                new IngestRequest(
                    source, sources.resolve(source.code()), lake.toString(), Optional.empty()),
                line -> {});
        double seconds = (System.nanoTime() - start) / 1e9;
        landed += result.rowsLanded();
        measurements.add(new Measurement(source.code() + "_seconds", "s", seconds));
        measurements.add(
            new Measurement(
                source.code() + "_rows_per_second", "rows/s", result.rowsLanded() / seconds));
      }
      measurements.add(new Measurement("rows_landed", "rows", landed));
      BenchCommand.deleteRecursively(lake);
      return measurements;
    }
  }
}
