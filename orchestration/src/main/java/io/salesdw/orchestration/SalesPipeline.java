package io.salesdw.orchestration;

import io.salesdw.contracts.SourceSystem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The salesdw monthly pipeline, defined once: the local runner executes it and the Airflow DAG file
 * ({@code orchestration/airflow/salesdw_monthly.py}) is checked against it task by task.
 */
public final class SalesPipeline {
  /** Matches the crosswalk of customers across CRM, ERP and chat once every source has landed. */
  public static final String CUSTOMER_IDENTITY = "customer_identity";

  /** Builds the gold layer: dimensions, facts, and the month's partitions of monthly tables. */
  public static final String TRANSFORM = "transform";

  /** The data-quality gates; a failed gate stops the month before anything is published. */
  public static final String QUALITY_GATES = "quality_gates";

  /** The month's report pack. */
  public static final String REPORTS = "reports";

  /** Pushes the month's datasets and dashboards to the BI tool. */
  public static final String DASHBOARD_SYNC = "dashboard_sync";

  private static final PipelineDag DAG = build();

  private SalesPipeline() {}

  /** The id of the task that lands {@code source}: {@code ingest_<code>}. */
  public static String ingestTask(SourceSystem source) {
    return "ingest_" + source.code();
  }

  /** The pipeline DAG. */
  public static PipelineDag dag() {
    return DAG;
  }

  private static PipelineDag build() {
    List<PipelineTask> tasks = new ArrayList<>();
    List<String> ingests = new ArrayList<>();
    for (SourceSystem source : SourceSystem.values()) {
      // Landing reads files or a database another system writes: worth a few patient retries.
      tasks.add(
          new PipelineTask(
              ingestTask(source),
              "land the " + source.code() + " export in bronze and merge it into silver",
              List.of(),
              2,
              Duration.ofMinutes(1),
              TaskKind.SPARK));
      ingests.add(ingestTask(source));
    }
    tasks.add(
        new PipelineTask(
            CUSTOMER_IDENTITY,
            "match one customer identity across CRM, ERP and chat",
            ingests,
            1,
            Duration.ofMinutes(1),
            TaskKind.SPARK));
    tasks.add(
        new PipelineTask(
            TRANSFORM,
            "build the gold star schemas and marts for the month",
            List.of(CUSTOMER_IDENTITY),
            1,
            Duration.ofMinutes(2),
            TaskKind.SPARK));
    // A failed gate is a finding, not a crash: it is never retried (the runner knows); the one
    // retry is for a gate that could not read the lake.
    tasks.add(
        new PipelineTask(
            QUALITY_GATES,
            "check quarantine rates, reconciliation and the month's marts",
            List.of(TRANSFORM),
            1,
            Duration.ofMinutes(1),
            TaskKind.SPARK));
    tasks.add(
        new PipelineTask(
            REPORTS,
            "build the month's report pack",
            List.of(QUALITY_GATES),
            1,
            Duration.ofMinutes(1),
            TaskKind.CLI));
    tasks.add(
        new PipelineTask(
            DASHBOARD_SYNC,
            "sync datasets and dashboards to Superset",
            List.of(REPORTS),
            3,
            Duration.ofMinutes(5),
            TaskKind.CLI));
    return PipelineDag.of(tasks);
  }
}
