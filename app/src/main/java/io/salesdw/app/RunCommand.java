package io.salesdw.app;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import io.salesdw.orchestration.DataQualityGate;
import io.salesdw.orchestration.EmptyMartGate;
import io.salesdw.orchestration.GateViolation;
import io.salesdw.orchestration.LocalRunner;
import io.salesdw.orchestration.MonthRun;
import io.salesdw.orchestration.PipelineTask;
import io.salesdw.orchestration.QuarantineRateGate;
import io.salesdw.orchestration.ReconciliationGate;
import io.salesdw.orchestration.RunStateStore;
import io.salesdw.orchestration.SalesPipeline;
import io.salesdw.orchestration.Sleeper;
import io.salesdw.orchestration.TaskDisposition;
import io.salesdw.orchestration.TaskReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the pipeline DAG locally for one month or a range of months. */
@Command(
    mixinStandardHelpOptions = true,
    name = "run",
    description = {
      "Run the pipeline locally: ingest per source, transform, data-quality gates, reports,"
          + " dashboard sync.",
      "Resumable after a failure, idempotent for a finished month, and backfills with"
          + " --from/--to. State: <lake>/_runs/<month>.json."
    })
final class RunCommand implements Callable<Integer> {
  /** The monthly marts the empty-mart gate checks by default: every month has targets. */
  static final List<String> DEFAULT_GATED_MARTS = List.of("mart_target_attainment");

  @Spec CommandSpec spec;

  @Mixin ConsoleOptions consoleOptions;

  @Option(names = "--month", description = "Month to run, yyyy-MM.")
  String month;

  @Option(names = "--from", description = "First month of a backfill, yyyy-MM.")
  String from;

  @Option(names = "--to", description = "Last month of a backfill, yyyy-MM.")
  String to;

  @Option(names = "--lake", description = "Lake root (default: ./" + SqlCommand.DEFAULT_LAKE + ").")
  String lake;

  @Option(
      names = "--sources",
      description =
          "Landing folder with one sub-folder per source (crm, erp, chat); {month} is replaced by"
              + " the month (default: the lake's sibling 'sources', as 'salesdw demo' lays out).")
  String sources;

  @Option(
      names = "--task",
      description = "Run only this task for --month, as a scheduler that tracks dependencies does.")
  String task;

  @Option(
      names = "--max-quarantine-rate",
      defaultValue = "" + QuarantineRateGate.DEFAULT_MAX_RATE,
      description =
          "Gate: the highest share of a bronze table's rows a batch may quarantine (default:"
              + " ${DEFAULT-VALUE}).")
  double maxQuarantineRate;

  @Option(
      names = "--gated-mart",
      description =
          "Gate: a monthly mart that must have rows for the month; repeatable (default:"
              + " mart_target_attainment).")
  List<String> gatedMarts;

  @Option(
      names = "--reports",
      paramLabel = "DIR",
      description =
          "Where the reports task writes each month's health pack, in <DIR>/<month>/ (default: the"
              + " lake's sibling 'reports').")
  Path reports;

  @Option(
      names = "--superset-url",
      description =
          "Superset to sync dashboards to (default: SALESDW_SUPERSET_URL; none: the sync is"
              + " skipped).")
  String supersetUrl;

  @Option(names = "--master", description = "Spark master (default: local[2]).")
  String master;

  @Option(names = "--print-dag", description = "Print the pipeline's tasks and exit.")
  boolean printDag;

  @Option(names = "--json", description = "Print a machine-readable summary.")
  boolean json;

  @Override
  public Integer call() {
    Console console = consoleOptions.console(spec);
    if (printDag) {
      printDag(console);
      return ExitCode.OK;
    }
    List<YearMonth> range = months();
    String lakeRoot = lake == null ? SqlCommand.DEFAULT_LAKE : lake;
    PipelineActions.Settings settings =
        new PipelineActions.Settings(
            lakeRoot,
            sources == null ? defaultSources(lakeRoot) : sources,
            reports == null ? defaultReports(lakeRoot) : reports,
            gates(),
            Optional.ofNullable(supersetUrl)
                .or(() -> Optional.ofNullable(System.getenv("SALESDW_SUPERSET_URL")))
                .filter(url -> !url.isBlank()));
    List<MonthRun> runs;
    try (PipelineSpark spark = new PipelineSpark(master, console)) {
      LocalRunner runner =
          new LocalRunner(
              SalesPipeline.dag(),
              PipelineActions.create(settings, spark, console),
              RunStateStore.inLake(lakeRoot),
              Clock.systemUTC(),
              Sleeper.system(),
              new RunProgress(console));
      if (task != null) {
        runs = List.of(runner.runTask(range.get(0), task));
      } else if (range.size() == 1) {
        runs = List.of(runner.run(range.get(0)));
      } else {
        runs = runner.backfill(range.get(0), range.get(range.size() - 1));
      }
    }
    int exitCode = exitCode(runs);
    if (json) {
      JsonOutput.print(console, asJson(runs, range, exitCode));
    } else {
      printSummary(console, runs, range);
    }
    reportFailure(runs);
    return exitCode;
  }

  private List<YearMonth> months() {
    if (month != null && (from != null || to != null)) {
      throw usage("give either --month or --from/--to, not both");
    }
    if (month != null) {
      return List.of(parse("--month", month));
    }
    if (task != null) {
      throw usage("--task runs one task for one month: give --month");
    }
    if (from == null || to == null) {
      throw usage("give --month yyyy-MM, or --from yyyy-MM and --to yyyy-MM for a backfill");
    }
    YearMonth first = parse("--from", from);
    YearMonth last = parse("--to", to);
    if (first.isAfter(last)) {
      throw usage("--from " + first + " is after --to " + last + ": give the earlier month first");
    }
    List<YearMonth> range = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      range.add(m);
    }
    return range;
  }

  private List<DataQualityGate> gates() {
    return List.of(
        new QuarantineRateGate(maxQuarantineRate),
        new ReconciliationGate(0),
        new EmptyMartGate(
            gatedMarts == null || gatedMarts.isEmpty() ? DEFAULT_GATED_MARTS : gatedMarts, 1));
  }

  private static String defaultSources(String lakeRoot) {
    Path parent = Path.of(lakeRoot).toAbsolutePath().normalize().getParent();
    return (parent == null ? Path.of("sources") : parent.resolve("sources")).toString();
  }

  /** The lake's sibling {@code reports}, beside {@code sources}. */
  private static Path defaultReports(String lakeRoot) {
    Path parent = Path.of(lakeRoot).toAbsolutePath().normalize().getParent();
    return parent == null ? Path.of("reports") : parent.resolve("reports");
  }

  private static YearMonth parse(String option, String text) {
    try {
      return YearMonth.parse(text);
    } catch (DateTimeParseException e) {
      throw usage(option + " must be yyyy-MM (for example 2025-06), got '" + text + "'");
    }
  }

  private static SalesdwException usage(String message) {
    return new SalesdwException(ErrorKind.USER_ERROR, message);
  }

  /** 0 when every month finished; 1 for a gate; else the failed task's error kind. */
  static int exitCode(List<MonthRun> runs) {
    for (MonthRun run : runs) {
      if (run.gateFailure().isPresent()) {
        return ExitCode.CHECK_FAILED;
      }
      Optional<TaskReport> failed = run.failure();
      if (failed.isPresent()) {
        Exception cause = failed.get().failure().orElse(null);
        return cause instanceof SalesdwException salesdw
            ? salesdw.kind().exitCode()
            : ExitCode.INTERNAL;
      }
    }
    return ExitCode.OK;
  }

  /** The reason a month stopped, on standard error even with --quiet or --json. */
  private void reportFailure(List<MonthRun> runs) {
    PrintWriter err = spec.commandLine().getErr();
    for (MonthRun run : runs) {
      Optional<TaskReport> stopped = run.gateFailure().or(run::failure);
      if (stopped.isEmpty()) {
        continue;
      }
      TaskReport report = stopped.get();
      if (report.disposition() == TaskDisposition.GATE_FAILED) {
        for (GateViolation violation : report.violations()) {
          err.println("salesdw run: " + run.month() + " stopped: " + violation.reason());
        }
      } else {
        err.println(
            "salesdw run: "
                + run.month()
                + " stopped at "
                + report.task()
                + ": "
                + report.message());
        Optional<Exception> cause = report.failure();
        if (cause.isPresent() && !(cause.get() instanceof SalesdwException)) {
          cause.get().printStackTrace(err);
        }
      }
      err.println("  fix the cause and run the same command again: finished tasks are not re-run");
    }
    err.flush();
  }

  private static void printSummary(Console console, List<MonthRun> runs, List<YearMonth> range) {
    for (MonthRun run : runs) {
      console.result(run.month() + ": " + status(run));
      for (TaskReport report : run.tasks()) {
        console.result(
            String.format(
                Locale.ROOT,
                "  %-18s %-11s %8s  %s",
                report.task(),
                report.disposition().name().toLowerCase(Locale.ROOT),
                report.disposition().ran() ? Console.seconds(report.elapsed()) : "",
                report.message()));
      }
    }
    Duration total =
        runs.stream()
            .flatMap(run -> run.tasks().stream())
            .map(TaskReport::elapsed)
            .reduce(Duration.ZERO, Duration::plus);
    long ran = count(runs, true);
    console.result(
        String.format(
            Locale.ROOT,
            "%d of %d months run: %d tasks run, %d up to date, %d failed, %d not run, in %s",
            runs.size(),
            range.size(),
            ran,
            runs.stream().mapToLong(run -> run.count(TaskDisposition.UP_TO_DATE)).sum(),
            runs.stream()
                .mapToLong(
                    run ->
                        run.count(TaskDisposition.FAILED) + run.count(TaskDisposition.GATE_FAILED))
                .sum(),
            runs.stream().mapToLong(run -> run.count(TaskDisposition.NOT_RUN)).sum(),
            Console.seconds(total)));
  }

  private static long count(List<MonthRun> runs, boolean ran) {
    return runs.stream()
        .flatMap(run -> run.tasks().stream())
        .filter(task -> task.disposition().ran() == ran)
        .count();
  }

  private static String status(MonthRun run) {
    if (run.gateFailure().isPresent()) {
      return "gate_failed";
    }
    if (run.failure().isPresent()) {
      return "failed";
    }
    return run.succeeded() ? "succeeded" : "incomplete";
  }

  private static Map<String, Object> asJson(
      List<MonthRun> runs, List<YearMonth> range, int exitCode) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("months_requested", range.stream().map(YearMonth::toString).toList());
    document.put("exit_code", exitCode);
    List<Map<String, Object>> months = new ArrayList<>();
    for (MonthRun run : runs) {
      Map<String, Object> month = new LinkedHashMap<>();
      month.put("month", run.month().toString());
      month.put("status", status(run));
      List<Map<String, Object>> tasks = new ArrayList<>();
      for (TaskReport report : run.tasks()) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("task", report.task());
        task.put("result", report.disposition().name().toLowerCase(Locale.ROOT));
        task.put("attempts", report.attempts());
        task.put("elapsed_seconds", report.elapsed().toMillis() / 1000.0);
        task.put("message", report.message());
        task.put("metrics", new TreeMap<>(report.metrics()));
        List<Map<String, Object>> violations = new ArrayList<>();
        for (GateViolation violation : report.violations()) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("gate", violation.gate());
          row.put("subject", violation.subject());
          row.put("measured", violation.measured());
          row.put("threshold", violation.threshold());
          row.put("reason", violation.reason());
          violations.add(row);
        }
        task.put("violations", violations);
        tasks.add(task);
      }
      month.put("tasks", tasks);
      months.add(month);
    }
    document.put("months", months);
    return document;
  }

  private void printDag(Console console) {
    List<PipelineTask> tasks = SalesPipeline.dag().order();
    if (json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (PipelineTask t : tasks) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("task_id", t.id());
        row.put("kind", t.kind().name().toLowerCase(Locale.ROOT));
        row.put("upstream", t.dependsOn());
        row.put("retries", t.retries());
        row.put("retry_delay_seconds", t.retryDelay().toSeconds());
        row.put("description", t.description());
        rows.add(row);
      }
      JsonOutput.print(console, Map.of("tasks", rows));
      return;
    }
    for (PipelineTask t : tasks) {
      console.result(
          String.format(
              Locale.ROOT,
              "%-18s %-5s retries %d (first after %s)  after %s  %s",
              t.id(),
              t.kind().name().toLowerCase(Locale.ROOT),
              t.retries(),
              t.retryDelay(),
              t.dependsOn().isEmpty() ? "-" : String.join(", ", t.dependsOn()),
              t.description()));
    }
  }
}
