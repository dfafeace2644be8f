package io.salesdw.app;

import io.salesdw.ingestion.IngestionSparkSession;
import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of a pipeline run, started by the first task that needs it: a run with
 * every task up to date never starts Spark.
 */
final class PipelineSpark implements AutoCloseable {
  private final String master;
  private final Console console;
  private SparkSession session;

  PipelineSpark(String master, Console console) {
    this.master = master == null ? IngestionSparkSession.DEFAULT_MASTER : master;
    this.console = console;
  }

  SparkSession get() {
    if (session == null) {
      console.progress("starting Spark (" + master + ")");
      session = IngestionSparkSession.create(master);
    }
    return session;
  }

  @Override
  public void close() {
    if (session != null) {
      session.stop();
      session = null;
    }
  }
}
