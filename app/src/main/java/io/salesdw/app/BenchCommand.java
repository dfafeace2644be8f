package io.salesdw.app;

import io.salesdw.app.bench.Benchmark;
import io.salesdw.app.bench.BenchmarkReport;
import io.salesdw.app.bench.BenchmarkRunner;
import io.salesdw.app.bench.Measurement;
import io.salesdw.generator.GenerationResult;
import io.salesdw.generator.GeneratorConfig;
import io.salesdw.generator.SalesOrganisationGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Benchmarks: warm-up and repeated runs, a min/median/max table, and a CSV of the figures. */
@Command(
    mixinStandardHelpOptions = true,
    name = "bench",
    description = {
      "Benchmark a part of salesdw: warm-up runs, then repeated measured runs; prints a table of"
          + " min / median / max per figure and writes it as CSV."
    },
    subcommands = {
      BenchCommand.GenerateBenchmark.class,
      IngestBenchmarkCommand.class,
      TransformBenchmarkCommand.class,
      QueryBenchmarkCommand.class,
      ServeBenchmarkCommand.class
    })
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USER_ERROR;
  }

  /** Options every benchmark shares. */
  static final class RunOptions {
    @Option(
        names = "--warmup",
        defaultValue = "1",
        description = "Unmeasured warm-up runs (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
        names = "--runs",
        defaultValue = "3",
        description = "Measured runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
        names = "--csv",
        description =
            "CSV file for the results (default: bench-results/<benchmark>-scale-<S>.csv).")
    Path csv;

    @Option(names = "--json", description = "Print the results as JSON on standard output.")
    boolean json;

    BenchmarkRunner runner(CommandSpec spec, Console console) {
      try {
        return new BenchmarkRunner(warmup, runs, console::progress);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage(), e);
      }
    }

    void report(Console console, BenchmarkReport report, double scale) {
      Path file =
          csv != null
              ? csv
              : Path.of(
                  "bench-results",
                  String.format(Locale.ROOT, "%s-scale-%s.csv", report.benchmark(), scale));
      report.writeCsv(file);
      if (json) {
        JsonOutput.print(console, report);
      } else {
        console.result(report.toTable());
        console.result("Results written to " + file.toAbsolutePath());
      }
    }
  }

  /** Times {@code salesdw generate} end to end. */
  @Command(
      mixinStandardHelpOptions = true,
      name = "generate",
      description =
          "Time generating a sales organisation's sources into a temporary folder: seconds, rows"
              + " per second, megabytes written.")
  static final class GenerateBenchmark implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConsoleOptions consoleOptions;

    @Mixin RunOptions runOptions;

    @Option(
        names = "--scale",
        defaultValue = "0.1",
        description = "Scale to generate (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(
        names = "--seed",
        defaultValue = "42",
        description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
      Console console = consoleOptions.console(spec);
      BenchmarkRunner runner = runOptions.runner(spec, console);
      Path scratch = Files.createTempDirectory("salesdw-bench-generate");
      try {
        GeneratorConfig config =
            new GeneratorConfig(
                scale, seed, GeneratorConfig.DEFAULT_YEAR, scratch.resolve("org"), true);
        Benchmark benchmark = new Generation(config);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("scale", Double.toString(scale));
        parameters.put("seed", Long.toString(seed));
        BenchmarkReport report = runner.run(benchmark, parameters);
        runOptions.report(console, report, scale);
      } finally {
        deleteRecursively(scratch);
      }
      return ExitCode.OK;
    }
  }

  /** One generation into a scratch folder, emptied before each run. */
  private record Generation(GeneratorConfig config) implements Benchmark {
    @Override
    public String name() {
      return "generate";
    }

    @Override
    public List<Measurement> runOnce() {
      deleteRecursively(config.outputDirectory());
      GenerationResult result =
          new SalesOrganisationGenerator(config)
              .generate(io.salesdw.generator.GenerationProgress.silent());
      double seconds = result.elapsed().toNanos() / 1e9;
      return List.of(
          new Measurement("rows", "rows", result.totalRows()),
          new Measurement("megabytes", "MB", result.totalBytes() / 1e6),
          new Measurement("rows_per_second", "rows/s", result.totalRows() / seconds));
    }
  }

  static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}
