package io.salesdw.app;

import io.salesdw.app.bench.Benchmark;
import io.salesdw.app.bench.BenchmarkReport;
import io.salesdw.app.bench.BenchmarkRunner;
import io.salesdw.app.bench.DashboardWorkload;
import io.salesdw.app.bench.DashboardWorkload.Question;
import io.salesdw.app.bench.Measurement;
import io.salesdw.lake.Lake;
import io.salesdw.semantic.SemanticAnswer;
import io.salesdw.semantic.SemanticLayer;
import io.salesdw.semantic.engine.DuckDbEngine;
import io.salesdw.semantic.engine.QueryResult;
import io.salesdw.semantic.engine.ResultRow;
import io.salesdw.semantic.engine.TrinoLakeRegistration;
import io.salesdw.semantic.model.SemanticManifest;
import io.salesdw.semantic.model.SemanticManifestLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Times a dashboard's worth of metric queries through the semantic layer against the same questions
 * written by hand for DuckDB, and checks that both give the same answers.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "query",
    description = {
      "Time a fixed dashboard workload of 20 metric queries through the semantic layer (rewrite,"
          + " Calcite planning, DuckDB over the Delta snapshot) side by side with the same"
          + " questions written by hand and run directly on DuckDB: p50/p95 latency, planning"
          + " time and the layer's overhead ratio. Every answer is checked against the hand-written"
          + " one first; a mismatch fails the benchmark (exit 1).",
      "The lake of the given scale is built once under bench-results/lakes/ (Spark: generate,"
          + " land, gold) and reused; --lake uses a gold lake you already have."
    })
final class QueryBenchmarkCommand implements Callable<Integer> {
  // The targets at scale 1 on a 2-core machine.
  private static final double TARGET_PLANNING_MS = 20;
  private static final double TARGET_QUERY_MS = 500;
  private static final double TARGET_OVERHEAD = 1.3;
  private static final double RELATIVE_TOLERANCE = 1e-9;

  @Spec CommandSpec spec;

  @Mixin ConsoleOptions consoleOptions;

  @Mixin BenchCommand.RunOptions runOptions;

  @Mixin BenchLakeOptions lakeOptions;

  @Mixin EngineOptions engineOptions;

  @Override
  public Integer call() throws Exception {
    Console console = consoleOptions.console(spec);
    BenchmarkRunner runner = runOptions.runner(spec, console);
    Path root = lakeOptions.root(console, "bench query");
    List<Question> questions = DashboardWorkload.questions();
    Lake gold = Lake.open(root.toString());
    SemanticManifest manifest = SemanticManifestLoader.loadShipped();
    DuckDbEngine engine = DuckDbEngine.open(gold);
    try (SemanticLayer layer = SemanticLayer.on(gold, manifest, engine);
        SemanticLayer trino = trinoLayer(console, gold, manifest)) {
      console.progress(
          "bench query: checking "
              + questions.size()
              + " answers against hand-written SQL (first planning of each query, not cached)");
      List<Double> firstPlanning = new ArrayList<>();
      List<String> mismatches = new ArrayList<>();
      for (Question question : questions) {
        SemanticAnswer answer = layer.query(question.metricSql());
        firstPlanning.add(millis(answer.plan().planningTime().toNanos()));
        QueryResult direct = engine.execute(question.directSql());
        sameAnswer(answer.result(), direct)
            .ifPresent(problem -> mismatches.add(question.name() + ": " + problem));
        if (trino != null) {
          sameAnswer(trino.query(question.metricSql()).result(), direct)
              .ifPresent(problem -> mismatches.add(question.name() + " on Trino: " + problem));
        }
      }
      if (!mismatches.isEmpty()) {
        console.result("bench query: the layer's answers differ from the hand-written SQL:");
        mismatches.forEach(line -> console.result("  " + line));
        return ExitCode.CHECK_FAILED;
      }
      console.progress(
          "bench query: all "
              + questions.size()
              + " answers match"
              + (trino != null ? ", in-process and on Trino" : ""));
      Workload workload = new Workload(layer, engine, trino, questions);
      Map<String, String> parameters = new LinkedHashMap<>();
      lakeOptions.describe(parameters);
      parameters.put("queries", Integer.toString(questions.size()));
      parameters.put("engines", trino != null ? "duckdb+trino" : "duckdb");
      BenchmarkReport report = runner.run(workload, parameters);
      runOptions.report(console, report, lakeOptions.scale);
      if (!runOptions.json) {
        printPerQuestion(console, workload, firstPlanning);
      }
    }
    return ExitCode.OK;
  }

  /**
   * The layer on Trino for {@code --engine trino}, with the lake's gold tables registered there
   * first (idempotent); null for the in-process engine alone.
   */
  private SemanticLayer trinoLayer(Console console, Lake gold, SemanticManifest manifest) {
    if (engineOptions.engine != EngineOptions.Engine.TRINO) {
      return null;
    }
    String url = engineOptions.trinoUrl();
    console.progress("bench query: registering the lake's gold tables in Trino at " + url);
    TrinoLakeRegistration.register(gold, url, engineOptions.trinoUser, "gold", false);
    return SemanticLayer.on(gold, manifest, engineOptions.open(gold));
  }

  private void printPerQuestion(Console console, Workload workload, List<Double> firstPlanning) {
    console.result("");
    console.result(
        String.format(
            Locale.ROOT,
            "%-44s %10s %10s %8s %10s %10s%s",
            "question (median of runs)",
            "layer ms",
            "direct ms",
            "ratio",
            "plan ms",
            "1st plan",
            workload.trino != null ? String.format(Locale.ROOT, " %10s", "trino ms") : ""));
    List<Question> questions = workload.questions;
    for (int i = 0; i < questions.size(); i++) {
      double layerMs = median(workload.layerMillis.get(i));
      double directMs = median(workload.directMillis.get(i));
      console.result(
          String.format(
              Locale.ROOT,
              "%-44s %10.1f %10.1f %8.2f %10.2f %10.1f%s",
              questions.get(i).name(),
              layerMs,
              directMs,
              layerMs / directMs,
              median(workload.planningMillis.get(i)),
              firstPlanning.get(i),
              workload.trino != null
                  ? String.format(Locale.ROOT, " %10.1f", median(workload.trinoMillis.get(i)))
                  : ""));
    }
    List<Double> sortedFirst = firstPlanning.stream().sorted().toList();
    console.result(
        String.format(
            Locale.ROOT,
            "first planning of a query (cold, before its plan is cached): p50 %.1f ms, p95 %.1f"
                + " ms",
            percentile(sortedFirst, 0.50),
            percentile(sortedFirst, 0.95)));
    List<Double> all = workload.layerMillis.stream().flatMap(List::stream).sorted().toList();
    List<Double> planning =
        workload.planningMillis.stream().flatMap(List::stream).sorted().toList();
    double overhead = workload.totalLayer / workload.totalDirect;
    console.result(
        String.format(
            Locale.ROOT,
            "targets (scale 1): planning < %.0f ms: %s (p95 %.2f ms); every query < %.0f ms: %s"
                + " (max %.1f ms); overhead < %.1f: %s (%.2f)",
            TARGET_PLANNING_MS,
            percentile(planning, 0.95) < TARGET_PLANNING_MS ? "met" : "NOT met",
            percentile(planning, 0.95),
            TARGET_QUERY_MS,
            all.get(all.size() - 1) < TARGET_QUERY_MS ? "met" : "NOT met",
            all.get(all.size() - 1),
            TARGET_OVERHEAD,
            overhead < TARGET_OVERHEAD ? "met" : "NOT met",
            overhead));
  }

  /** One pass over the workload: every question through the layer, then by hand on DuckDB. */
  private static final class Workload implements Benchmark {
    private final SemanticLayer layer;
    private final DuckDbEngine engine;
    // The same layer on Trino, or null.
    private final SemanticLayer trino;
    private final List<Question> questions;
    private final List<List<Double>> layerMillis = new ArrayList<>();
    private final List<List<Double>> trinoMillis = new ArrayList<>();
    private final List<List<Double>> directMillis = new ArrayList<>();
    private final List<List<Double>> planningMillis = new ArrayList<>();
    private double totalLayer;
    private double totalDirect;

    Workload(
        SemanticLayer layer, DuckDbEngine engine, SemanticLayer trino, List<Question> questions) {
      this.layer = layer;
      this.engine = engine;
      this.trino = trino;
      this.questions = questions;
      for (int i = 0; i < questions.size(); i++) {
        layerMillis.add(new ArrayList<>());
        trinoMillis.add(new ArrayList<>());
        directMillis.add(new ArrayList<>());
        planningMillis.add(new ArrayList<>());
      }
    }

    @Override
    public String name() {
      return "query";
    }

    @Override
    public List<Measurement> runOnce() {
      List<Double> layerRun = new ArrayList<>();
      List<Double> directRun = new ArrayList<>();
      List<Double> planningRun = new ArrayList<>();
      List<Double> trinoRun = new ArrayList<>();
      for (int i = 0; i < questions.size(); i++) {
        long start = System.nanoTime();
        SemanticAnswer answer = layer.query(questions.get(i).metricSql());
        double layerMs = millis(System.nanoTime() - start);
        double planningMs = millis(answer.plan().planningTime().toNanos());
        start = System.nanoTime();
        engine.execute(questions.get(i).directSql());
        double directMs = millis(System.nanoTime() - start);
        layerRun.add(layerMs);
        directRun.add(directMs);
        planningRun.add(planningMs);
        layerMillis.get(i).add(layerMs);
        directMillis.get(i).add(directMs);
        planningMillis.get(i).add(planningMs);
        if (trino != null) {
          start = System.nanoTime();
          trino.query(questions.get(i).metricSql());
          double trinoMs = millis(System.nanoTime() - start);
          trinoRun.add(trinoMs);
          trinoMillis.get(i).add(trinoMs);
        }
      }
      double layerTotal = layerRun.stream().mapToDouble(Double::doubleValue).sum();
      double directTotal = directRun.stream().mapToDouble(Double::doubleValue).sum();
      totalLayer += layerTotal;
      totalDirect += directTotal;
      List<Double> layerSorted = layerRun.stream().sorted().toList();
      List<Double> directSorted = directRun.stream().sorted().toList();
      List<Double> planningSorted = planningRun.stream().sorted().toList();
      List<Measurement> measurements = new ArrayList<>();
      measurements.addAll(
          List.of(
              new Measurement("layer_p50_ms", "ms", percentile(layerSorted, 0.50)),
              new Measurement("layer_p95_ms", "ms", percentile(layerSorted, 0.95)),
              new Measurement("layer_max_ms", "ms", layerSorted.get(layerSorted.size() - 1)),
              new Measurement("direct_p50_ms", "ms", percentile(directSorted, 0.50)),
              new Measurement("direct_p95_ms", "ms", percentile(directSorted, 0.95)),
              new Measurement("planning_p50_ms", "ms", percentile(planningSorted, 0.50)),
              new Measurement("planning_p95_ms", "ms", percentile(planningSorted, 0.95)),
              new Measurement("overhead_ratio", "x", layerTotal / directTotal)));
      if (trino != null) {
        List<Double> trinoSorted = trinoRun.stream().sorted().toList();
        measurements.add(new Measurement("trino_p50_ms", "ms", percentile(trinoSorted, 0.50)));
        measurements.add(new Measurement("trino_p95_ms", "ms", percentile(trinoSorted, 0.95)));
        measurements.add(
            new Measurement("trino_max_ms", "ms", trinoSorted.get(trinoSorted.size() - 1)));
      }
      return measurements;
    }
  }

  /**
   * Why two results differ, if they do: rows are compared as sets (ordered by their text), values
   * numerically with a relative tolerance, since the layer and DuckDB may type a sum or a quotient
   * differently (DECIMAL against DOUBLE).
   */
  static Optional<String> sameAnswer(QueryResult layer, QueryResult direct) {
    if (layer.columns().size() != direct.columns().size()) {
      return Optional.of(
          layer.columns().size() + " columns against " + direct.columns().size() + " by hand");
    }
    if (layer.rows().size() != direct.rows().size()) {
      return Optional.of(
          layer.rows().size() + " rows against " + direct.rows().size() + " by hand");
    }
    List<List<Object>> left = sortedRows(layer);
    List<List<Object>> right = sortedRows(direct);
    for (int row = 0; row < left.size(); row++) {
      for (int column = 0; column < left.get(row).size(); column++) {
        Object a = left.get(row).get(column);
        Object b = right.get(row).get(column);
        if (!sameValue(a, b)) {
          return Optional.of("row " + left.get(row) + " against " + right.get(row) + " by hand");
        }
      }
    }
    return Optional.empty();
  }

  private static List<List<Object>> sortedRows(QueryResult result) {
    List<List<Object>> rows = new ArrayList<>();
    for (ResultRow row : result.rows()) {
      rows.add(
          row.values().stream()
              .map(value -> value.map(QueryBenchmarkCommand::normalise).orElse(null))
              .collect(Collectors.toList()));
    }
    rows.sort(Comparator.comparing(QueryBenchmarkCommand::sortKey));
    return rows;
  }

  private static String sortKey(List<Object> row) {
    return Arrays.toString(
        row.stream()
            .map(
                value ->
                    value instanceof Double number
                        ? String.format(Locale.ROOT, "%.6e", number)
                        : String.valueOf(value))
            .toArray());
  }

  private static Object normalise(Object value) {
    if (value instanceof Instant instant) {
      // Trino reads Delta timestamps to the millisecond, DuckDB to the microsecond.
      return instant.truncatedTo(ChronoUnit.MILLIS);
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.doubleValue();
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    return value;
  }

  private static boolean sameValue(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Double x && b instanceof Double y) {
      return Math.abs(x - y)
          <= RELATIVE_TOLERANCE * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
    }
    return a.equals(b);
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }

  private static double median(List<Double> values) {
    return percentile(values.stream().sorted().toList(), 0.5);
  }

  /** The nearest-rank percentile of sorted values. */
  static double percentile(List<Double> sorted, double fraction) {
    int rank = (int) Math.ceil(fraction * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
