package io.salesdw.app;

import io.salesdw.contracts.ErrorKind;
import io.salesdw.contracts.SalesdwException;
import io.salesdw.contracts.SourceSystem;
import io.salesdw.ingestion.BronzeIngestion;
import io.salesdw.ingestion.IngestRequest;
import io.salesdw.ingestion.IngestResult;
import io.salesdw.ingestion.identity.CustomerIdentityJob;
import io.salesdw.ingestion.identity.CustomerIdentitySummary;
import io.salesdw.orchestration.DataQualityGate;
import io.salesdw.orchestration.QualityGatesAction;
import io.salesdw.orchestration.SalesPipeline;
import io.salesdw.orchestration.TaskAction;
import io.salesdw.orchestration.TaskOutcome;
import io.salesdw.transforms.GoldBuild;
import io.salesdw.transforms.GoldBuildRequest;
import io.salesdw.transforms.GoldBuildResult;
import io.salesdw.transforms.TransformConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real actions of the pipeline's tasks: landing each source with {@link BronzeIngestion}, the
 * customer identity, the gold build for the month, the data-quality gates over the lake, the
 * month's health pack, and the Superset sync (skipped when no Superset is configured).
 */
final class PipelineActions {
  private PipelineActions() {}

  /** Where a run reads and writes, and how it judges the data. */
  record Settings(
      String lake,
      String sources,
      Path reports,
      List<DataQualityGate> gates,
      Optional<String> supersetUrl) {
    Settings {
      gates = List.copyOf(gates);
    }

    /** The landing folder of {@code source} for {@code month}: {@code {month}} is replaced. */
    Path sourceFolder(SourceSystem source, YearMonth month) {
      return Path.of(sources.replace("{month}", month.toString())).resolve(source.code());
    }
  }

  static Map<String, TaskAction> create(Settings settings, PipelineSpark spark, Console console) {
    Map<String, TaskAction> actions = new LinkedHashMap<>();
    for (SourceSystem source : SourceSystem.values()) {
      actions.put(SalesPipeline.ingestTask(source), new Ingest(source, settings, spark, console));
    }
    actions.put(SalesPipeline.CUSTOMER_IDENTITY, month -> identity(settings, spark));
    actions.put(SalesPipeline.TRANSFORM, month -> transform(settings, spark, console, month));
    actions.put(
        SalesPipeline.QUALITY_GATES,
        new QualityGatesAction(settings.gates(), new PipelineLakeMeasures(spark, settings.lake())));
    actions.put(
        SalesPipeline.REPORTS,
        new PipelineReportAction(settings.lake(), settings.reports(), console));
    actions.put(
        SalesPipeline.DASHBOARD_SYNC,
        settings.supersetUrl().isEmpty()
            ? new PipelineSkippedAction(
                "superset-sync",
                "no Superset URL configured (--superset-url or SALESDW_SUPERSET_URL)")
            : new PipelineDashboardSyncAction(URI.create(settings.supersetUrl().get()), console));
    return actions;
  }

  /** Lands one source's landing folder; the ledger makes an unchanged folder a no-op. */
  private record Ingest(
      SourceSystem source, Settings settings, PipelineSpark spark, Console console)
      implements TaskAction {
    @Override
    public TaskOutcome run(YearMonth month) {
      Path folder = settings.sourceFolder(source, month);
      if (!Files.isDirectory(folder)) {
        throw new SalesdwException(
            ErrorKind.USER_ERROR,
            "There is no "
                + source.code()
                + " export at "
                + folder
                + " for "
                + month
                + ". Put the export there (salesdw generate writes one), or point --sources at"
                + " the landing folder.");
      }
      IngestResult result =
          new BronzeIngestion(spark.get())
              .run(
                  new IngestRequest(source, folder, settings.lake(), Optional.empty()),
                  line -> console.progress("    " + line));
      String what =
          result.status() == IngestResult.Status.ALREADY_LANDED ? "already landed" : "landed";
      return TaskOutcome.done(
          String.format(
              Locale.ROOT,
              "batch %s %s: %s rows read, %s landed, %s quarantined",
              result.batchId(),
              what,
              Console.count(result.rowsRead()),
              Console.count(result.rowsLanded()),
              Console.count(result.rowsQuarantined())),
          Map.of(
              "files", (long) result.files(),
              "rows_read", result.rowsRead(),
              "rows_landed", result.rowsLanded(),
              "rows_quarantined", result.rowsQuarantined()));
    }

    /**
     * The folder's files by relative path, size and modification time: cheap at any scale, and a
     * file copied in again only costs a ledger look-up (the batch id is over the content).
     */
    @Override
    public String inputFingerprint(YearMonth month) throws IOException {
      Path folder = settings.sourceFolder(source, month);
      if (!Files.isDirectory(folder)) {
        return "missing:" + folder;
      }
      List<String> files = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(folder)) {
        for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
          BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
          files.add(
              folder.relativize(file)
                  + "|"
                  + attributes.size()
                  + "|"
                  + attributes.lastModifiedTime().toMillis());
        }
      }
      return folder.toAbsolutePath() + "\n" + String.join("\n", files);
    }
  }

  private static TaskOutcome identity(Settings settings, PipelineSpark spark) {
    if (!CustomerIdentityJob.inputsPresent(spark.get(), settings.lake())) {
      return TaskOutcome.skipped(
          "the lake does not hold CRM accounts, ERP customers and chat contacts yet");
    }
    CustomerIdentitySummary identity = CustomerIdentityJob.run(spark.get(), settings.lake());
    return TaskOutcome.done(
        Console.count(identity.unifiedCustomers())
            + " unified customers from "
            + Console.count(identity.matchedRecords())
            + " records",
        Map.of(
            "unified_customers", identity.unifiedCustomers(),
            "matched_records", identity.matchedRecords()));
  }

  private static TaskOutcome transform(
      Settings settings, PipelineSpark spark, Console console, YearMonth month) {
    GoldBuildResult result =
        new GoldBuild(spark.get(), TransformConfig.defaults())
            .run(
                new GoldBuildRequest(settings.lake(), Optional.of(month)),
                TransformCommand.progressOn(console));
    int rebuilt = result.rebuilt().size();
    return TaskOutcome.done(
        result.tables().size() + " gold tables, " + rebuilt + " rebuilt",
        Map.of("tables", (long) result.tables().size(), "rebuilt", (long) rebuilt));
  }
}
