package io.salesdw.app;

import io.salesdw.app.bench.Benchmark;
import io.salesdw.app.bench.BenchmarkReport;
import io.salesdw.app.bench.BenchmarkRunner;
import io.salesdw.app.bench.Measurement;
import io.salesdw.contracts.SourceSystem;
import io.salesdw.generator.GenerationProgress;
import io.salesdw.generator.GeneratorConfig;
import io.salesdw.generator.SalesOrganisationGenerator;
import io.salesdw.ingestion.BronzeIngestion;
import io.salesdw.ingestion.IngestRequest;
import io.salesdw.ingestion.IngestionSparkSession;
import io.salesdw.ingestion.identity.CustomerIdentityJob;
import io.salesdw.transforms.GoldBuild;
import io.salesdw.transforms.GoldBuildRequest;
import io.salesdw.transforms.GoldBuildResult;
import io.salesdw.transforms.GoldTableResult;
import io.salesdw.transforms.TransformConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Times building the gold layer of a landed organisation from scratch. */
@Command(
    mixinStandardHelpOptions = true,
    name = "transform",
    description =
        "Time building the whole gold layer (dimensions, facts, marts) from silver: seconds per"
            + " table and in total. The organisation is generated and landed once, before the"
            + " runs; each run starts from an empty gold zone. Spark starts once.")
final class TransformBenchmarkCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConsoleOptions consoleOptions;

  @Mixin BenchCommand.RunOptions runOptions;

  @Option(
      names = "--scale",
      defaultValue = "0.1",
      description = "Scale to generate, land and transform (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--master", description = "Spark master (default: local[2]).")
  String master;

  @Override
  public Integer call() throws Exception {
    Console console = consoleOptions.console(spec);
    BenchmarkRunner runner = runOptions.runner(spec, console);
    Path scratch = Files.createTempDirectory("salesdw-bench-transform");
    try {
      Path sources = scratch.resolve("sources");
      String lake = scratch.resolve("lake").toString();
      console.progress("bench transform: generating scale " + scale + " into " + sources);
      new SalesOrganisationGenerator(
              new GeneratorConfig(scale, seed, GeneratorConfig.DEFAULT_YEAR, sources, false))
          .generate(GenerationProgress.silent());
      SparkSession spark =
          IngestionSparkSession.create(
              master == null ? IngestionSparkSession.DEFAULT_MASTER : master);
      try {
        BronzeIngestion ingestion = new BronzeIngestion(spark);
        for (SourceSystem source : SourceSystem.values()) {
          console.progress("bench transform: landing " + source.code() + " (not timed)");
          ingestion.run(
              new IngestRequest(source, sources.resolve(source.code()), lake, Optional.empty()),
              line -> {});
        }
        CustomerIdentityJob.run(spark, lake);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("scale", Double.toString(scale));
        parameters.put("seed", Long.toString(seed));
        BenchmarkReport report =
            runner.run(new GoldFromScratch(spark, scratch.resolve("lake"), console), parameters);
        runOptions.report(console, report, scale);
      } finally {
        spark.stop();
      }
    } finally {
      BenchCommand.deleteRecursively(scratch);
    }
    return ExitCode.OK;
  }

  /** One build of the whole gold layer into an empty gold zone. */
  private static final class GoldFromScratch implements Benchmark {
    private final SparkSession spark;
    private final Path lake;
    private final Console console;

    GoldFromScratch(SparkSession spark, Path lake, Console console) {
      this.spark = spark;
      this.lake = lake;
      this.console = console;
    }

    @Override
    public String name() {
      return "transform";
    }

    @Override
    public List<Measurement> runOnce() {
      BenchCommand.deleteRecursively(lake.resolve("gold"));
      BenchCommand.deleteRecursively(lake.resolve("quarantine").resolve("gold_builds"));
      GoldBuildResult result =
          new GoldBuild(spark, TransformConfig.defaults())
              .run(
                  GoldBuildRequest.allMonths(lake.toString()),
                  TransformCommand.progressOn(console));
      List<Measurement> measurements = new ArrayList<>();
      long rows = 0;
      for (GoldTableResult table : result.tables()) {
        measurements.add(
            new Measurement(table.name() + "_seconds", "s", table.elapsed().toMillis() / 1000.0));
        rows += table.rows();
      }
      measurements.add(new Measurement("gold_rows", "rows", rows));
      return measurements;
    }
  }
}
