package io.salesdw.app;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import io.salesdw.transforms.GoldBuild;
import io.salesdw.transforms.GoldBuildRequest;
import io.salesdw.transforms.GoldBuildResult;
import io.salesdw.transforms.GoldTableResult;
import io.salesdw.transforms.TransformConfig;
import io.salesdw.transforms.TransformProgress;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Builds the gold layer (star schemas and marts) from silver. */
@Command(
    mixinStandardHelpOptions = true,
    name = "transform",
    description = {
      "Build the gold layer from silver: conformed dimensions, facts, and the funnel, process DNA,"
          + " LTV, forecast calibration, targets, incentives and data health marts.",
      "Incremental by month; re-running with unchanged inputs is a no-op."
    })
final class TransformCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConsoleOptions consoleOptions;

  @Option(names = "--lake", required = true, description = "Lake root: a path or a Hadoop URI.")
  String lake;

  @Option(
      names = "--month",
      description = "Month to rebuild the monthly facts of, yyyy-MM (default: every month).")
  String month;

  @Option(names = "--master", description = "Spark master (default: local[2]).")
  String master;

  @Option(names = "--json", description = "Print a machine-readable summary per table.")
  boolean json;

  @Override
  public Integer call() {
    Console console = consoleOptions.console(spec);
    GoldBuildRequest request = new GoldBuildRequest(lake, parseMonth(month));
    GoldBuildResult result = build(console, master, request);
    if (json) {
      JsonOutput.print(console, asJson(result));
    } else {
      printTable(console, result);
    }
    return ExitCode.OK;
  }

  static GoldBuildResult build(Console console, String master, GoldBuildRequest request) {
    return SparkRun.on(
        master,
        console,
        spark ->
            new GoldBuild(spark, TransformConfig.defaults()).run(request, progressOn(console)));
  }

  static TransformProgress progressOn(Console console) {
    return new TransformProgress() {
      @Override
      public void tableStarted(String name, int index, int total) {
        console.progress(String.format(Locale.ROOT, "gold [%d/%d] %s", index, total, name));
      }

      @Override
      public void tableFinished(GoldTableResult table) {
        console.progress(
            String.format(
                Locale.ROOT,
                "    gold/%s: %s rows, version %d, %s (%s)",
                table.name(),
                Console.count(table.rows()),
                table.version(),
                table.rebuilt() ? "built" : "up to date",
                Console.seconds(table.elapsed())));
      }
    };
  }

  private static Optional<YearMonth> parseMonth(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(YearMonth.parse(text));
    } catch (DateTimeParseException e) {
      throw new SalesdwException(
          ErrorKind.USER_ERROR,
          "--month must be yyyy-MM (for example 2025-03), got '" + text + "'");
    }
  }

  private static void printTable(Console console, GoldBuildResult result) {
    console.result(
        String.format(
            Locale.ROOT,
            "gold built in %s: %d tables, %d rebuilt, %d up to date",
            Console.seconds(result.elapsed()),
            result.tables().size(),
            result.rebuilt().size(),
            result.tables().size() - result.rebuilt().size()));
    console.result(
        String.format(Locale.ROOT, "  %-36s %12s %8s  %s", "table", "rows", "version", "time"));
    for (GoldTableResult table : result.tables()) {
      console.result(
          String.format(
              Locale.ROOT,
              "  %-36s %12s %8d  %s",
              "gold/" + table.name(),
              Console.count(table.rows()),
              table.version(),
              table.rebuilt() ? Console.seconds(table.elapsed()) : "up to date"));
    }
  }

  private static Map<String, Object> asJson(GoldBuildResult result) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("elapsed_seconds", result.elapsed().toMillis() / 1000.0);
    List<Map<String, Object>> tables =
        result.tables().stream()
            .map(
                t -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("table", "gold/" + t.name());
                  row.put("rows", t.rows());
                  row.put("version", t.version());
                  row.put("rebuilt", t.rebuilt());
                  row.put("elapsed_seconds", t.elapsed().toMillis() / 1000.0);
                  return row;
                })
            .toList();
    document.put("tables", tables);
    return document;
  }
}
