package io.salesdw.app;

import io.salesdw.generator.GenerationResult;
import io.salesdw.generator.GeneratorConfig;
import io.salesdw.ingestion.IngestResult;
import io.salesdw.ingestion.identity.CustomerIdentitySummary;
import io.salesdw.ingestion.silver.SilverTableResult;
import io.salesdw.lake.DeltaTableInfo;
import io.salesdw.lake.Lake;
import io.salesdw.transforms.GoldBuildResult;
import io.salesdw.transforms.GoldHeadlines;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs every step that works today on a small organisation, and says where to look. */
@Command(
    mixinStandardHelpOptions = true,
    name = "demo",
    description = {
      "Run the whole chain on a small generated organisation into one folder, embedded (Spark"
          + " local, Delta on the local disk, no servers), and print what was made and where to"
          + " look next.",
      "Today the chain is: generate the CRM, ERP and chat exports, land all three in the lake"
          + " (bronze with quarantine and audit, then silver current state), match one customer"
          + " identity across them, build the gold star schemas and marts, answer a few managers'"
          + " questions with governed metrics through the semantic layer, and write the latest"
          + " month's health pack (HTML and PDF). Re-running the demo regenerates the same"
          + " sources, lands nothing twice and rebuilds no gold table."
    })
final class DemoCommand implements Callable<Integer> {
  /** Small enough for a laptop minute, large enough for every mart to have data. */
  static final double DEFAULT_SCALE = 0.02;

  private static final int STEPS = 7;

  @Spec CommandSpec spec;

  @Mixin ConsoleOptions consoleOptions;

  @Option(
      names = "--out",
      defaultValue = "salesdw-demo",
      description = "Demo folder (default: ./${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--scale",
      defaultValue = "" + DEFAULT_SCALE,
      description = "Organisation size (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    Console console = consoleOptions.console(spec);
    long start = System.nanoTime();
    Path root = out.toAbsolutePath();
    Path sources = root.resolve("sources");
    String lake = root.resolve("lake").toString();
    GeneratorConfig config =
        new GeneratorConfig(scale, seed, GeneratorConfig.DEFAULT_YEAR, sources, true);

    OrganisationLake.Built built =
        OrganisationLake.build(
            config,
            lake,
            console,
            next -> console.progress(step(next.ordinal() + 1, next.description())));
    GenerationResult generated = built.generated();
    List<IngestResult> landed = built.landed();
    CustomerIdentitySummary identity = built.identity();
    GoldBuildResult gold = built.gold();
    GoldHeadlines headlines = built.headlines();

    console.progress(step(5, "list the lake"));
    List<DeltaTableInfo> tables = Lake.open(lake).tables();
    Duration total = Duration.ofNanos(System.nanoTime() - start);

    console.result("");
    console.result(
        String.format(
            Locale.ROOT, "salesdw demo finished in %s into %s", Console.seconds(total), root));
    console.result(
        String.format(
            Locale.ROOT,
            "  sources   %s  %d files, %s rows, %s (manifest.json holds the ground truth)",
            sources,
            generated.files().size(),
            Console.count(generated.totalRows()),
            Console.megabytes(generated.totalBytes())));
    console.result(
        String.format(Locale.ROOT, "  lake      %s  %d Delta tables", lake, tables.size()));
    console.result("");
    console.result("Landing audit (read = landed + quarantined):");
    console.result(
        String.format(
            Locale.ROOT,
            "  %-6s %-24s %10s %10s %12s",
            "source",
            "batch",
            "read",
            "landed",
            "quarantined"));
    for (IngestResult result : landed) {
      console.result(
          String.format(
              Locale.ROOT,
              "  %-6s %-24s %10s %10s %12s%s",
              result.source().code(),
              result.batchId(),
              Console.count(result.rowsRead()),
              Console.count(result.rowsLanded()),
              Console.count(result.rowsQuarantined()),
              result.status() == IngestResult.Status.ALREADY_LANDED ? "  (already landed)" : ""));
    }
    List<SilverTableResult> silver =
        landed.stream()
            .flatMap(result -> result.silver().stream())
            .flatMap(result -> result.tables().stream())
            .toList();
    console.result(
        String.format(
            Locale.ROOT,
            "Silver: %d current-state tables, %s live rows (%s deletes applied, %s stale versions"
                + " skipped)",
            silver.size(),
            Console.count(silver.stream().mapToLong(SilverTableResult::liveRows).sum()),
            Console.count(silver.stream().mapToLong(SilverTableResult::deleted).sum()),
            Console.count(silver.stream().mapToLong(SilverTableResult::staleSkipped).sum())));
    long records =
        identity.recordsPerSource().entrySet().stream()
            .filter(entry -> !entry.getKey().equals("crm_contacts"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    console.result(
        String.format(
            Locale.ROOT,
            "Customer identity: %s CRM accounts, ERP customers and chat contacts -> %s unified"
                + " customers (%s)",
            Console.count(records),
            Console.count(identity.unifiedCustomers()),
            identity.table()));
    console.result(
        String.format(
            Locale.ROOT,
            "Gold: %d tables (%d built, %d up to date) in %s",
            gold.tables().size(),
            gold.rebuilt().size(),
            gold.tables().size() - gold.rebuilt().size(),
            Console.seconds(gold.elapsed())));
    console.result("");
    console.result("Headline figures:");
    console.result(
        String.format(
            Locale.ROOT,
            "  target attainment        %.1f%% (won %s of %s target)",
            100 * headlines.targetAttainment(),
            Console.count(Math.round(headlines.wonAmount())),
            Console.count(Math.round(headlines.targetAmount()))));
    console.result(
        Double.isNaN(headlines.calibratedBrierScore())
            ? "  forecast Brier score     not scored: too few resolved forecasts to calibrate on"
            : String.format(
                Locale.ROOT,
                "  forecast Brier score     reps %.3f -> calibrated %.3f (%s held-out forecasts;"
                    + " lower is better)",
                headlines.repBrierScore(),
                headlines.calibratedBrierScore(),
                Console.count(headlines.heldOutForecasts())));
    console.result(
        Double.isNaN(headlines.ltvModelMae())
            ? "  LTV held-out error       not scored: too little purchase history"
            : String.format(
                Locale.ROOT,
                "  LTV held-out error       BG/NBD %.3f vs naive %.3f purchases per customer",
                headlines.ltvModelMae(),
                headlines.ltvBaselineMae()));
    console.progress(step(6, "answer questions through the semantic layer (DuckDB over gold)"));
    DemoQuestions.answer(lake, console);
    console.progress(step(7, "write the monthly health pack (HTML and PDF)"));
    YearMonth reportMonth = DemoQuestions.latestMonthWithRevenue(lake);
    Path reports = root.resolve("reports");
    new PipelineReportAction(lake, reports, console).run(reportMonth);
    Path index = reports.resolve(reportMonth.toString()).resolve("index.html");
    console.result("");
    console.result("Monthly health pack for " + reportMonth + " (every figure a governed metric):");
    console.result("  " + index);
    console.result("  " + index.resolveSibling("report.pdf"));
    console.result("");
    console.result("Where to look next:");
    console.result(
        "  ./salesdw sql --lake "
            + lake
            + " \"SELECT team_name, MEASURE(win_rate) FROM metrics GROUP BY team_name\"");
    console.result(
        "  ./salesdw metrics                      every governed metric, its owner and meaning");
    console.result("  ./salesdw lake ls --lake " + lake + "     every table, rows and versions");
    console.result("  " + lake + "/quarantine/rows   rejected rows with file, line, field, reason");
    console.result(
        "  " + sources.resolve("crm/accounts.csv") + "   GBK, as Chinese Excel saves it");
    console.result("  ./salesdw transform --lake " + lake + " --month 2025-06   rebuild one month");
    console.result(
        "  ./salesdw run --month "
            + reportMonth
            + " --lake "
            + lake
            + "   the whole pipeline for a month, resumable");
    console.result(
        "  ./salesdw serve --lake "
            + lake
            + " --config serve.yaml   the same governed numbers over Flight SQL and Avatica,"
            + " per user and role (README: salesdw serve)");
    console.result("  ./salesdw bench generate --scale 1      time a full-size organisation");
    return ExitCode.OK;
  }

  private static String step(int number, String what) {
    return String.format(Locale.ROOT, "demo [%d/%d] %s", number, STEPS, what);
  }
}
