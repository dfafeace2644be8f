package io.salesdw.orchestration;

/**
 * How production runs a task: Spark steps go to the cluster with {@code spark-submit} of the job
 * jar, the others run the {@code salesdw} command line on the scheduler's worker.
 */
public enum TaskKind {
  /** Needs Spark (ingestion, identity, gold, gates over Delta). */
  SPARK,
  /** Runs without Spark (reports over the semantic layer, dashboard sync). */
  CLI
}
