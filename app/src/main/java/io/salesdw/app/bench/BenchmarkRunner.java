package io.salesdw.app.bench;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a benchmark a few times unmeasured to warm the JVM up, then a number of measured times, and
 * summarises every figure as minimum, median and maximum. Wall time of each run is always one of
 * the figures ({@code seconds}).
 */
public final class BenchmarkRunner {
  /** Figure name of the wall time of one run. */
  public static final String WALL_TIME = "seconds";

  private final int warmupRuns;
  private final int measuredRuns;
  private final Consumer<String> progress;

  public BenchmarkRunner(int warmupRuns, int measuredRuns, Consumer<String> progress) {
    if (warmupRuns < 0) {
      throw new IllegalArgumentException("warm-up runs must be >= 0, got " + warmupRuns);
    }
    if (measuredRuns < 1) {
      throw new IllegalArgumentException("measured runs must be >= 1, got " + measuredRuns);
    }
    this.warmupRuns = warmupRuns;
    this.measuredRuns = measuredRuns;
    this.progress = requireNonNull(progress, "progress is null");
  }

  public BenchmarkReport run(Benchmark benchmark, Map<String, String> parameters) throws Exception {
    for (int i = 1; i <= warmupRuns; i++) {
      progress.accept(
          String.format(
              java.util.Locale.ROOT, "%s: warm-up %d/%d ...", benchmark.name(), i, warmupRuns));
      benchmark.runOnce();
    }
    Map<String, String> units = new LinkedHashMap<>();
    Map<String, List<Double>> values = new LinkedHashMap<>();
    units.put(WALL_TIME, "s");
    values.put(WALL_TIME, new ArrayList<>());
    for (int i = 1; i <= measuredRuns; i++) {
      long start = System.nanoTime();
      List<Measurement> measurements = benchmark.runOnce();
      double seconds = (System.nanoTime() - start) / 1e9;
      values.get(WALL_TIME).add(seconds);
      for (Measurement measurement : measurements) {
        units.putIfAbsent(measurement.figure(), measurement.unit());
        values
            .computeIfAbsent(measurement.figure(), figure -> new ArrayList<>())
            .add(measurement.value());
      }
      progress.accept(
          String.format(
              java.util.Locale.ROOT,
              "%s: run %d/%d took %.2f s",
              benchmark.name(),
              i,
              measuredRuns,
              seconds));
    }
    List<FigureSummary> figures = new ArrayList<>();
    values.forEach(
        (figure, list) -> figures.add(FigureSummary.of(figure, units.get(figure), list)));
    return new BenchmarkReport(benchmark.name(), parameters, warmupRuns, measuredRuns, figures);
  }
}
