package io.salesdw.app;

import io.salesdw.ingestion.IngestionSparkSession;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * Runs one piece of Spark work for a command: starts the session on the chosen master (local by
 * default), says so on the console, and stops the session however the work ends.
 */
final class SparkRun {
  private SparkRun() {}

  static <T> T on(String master, Console console, Function<SparkSession, T> work) {
    String sparkMaster = master == null ? IngestionSparkSession.DEFAULT_MASTER : master;
    console.progress("starting Spark (" + sparkMaster + ")");
    SparkSession spark = IngestionSparkSession.create(sparkMaster);
    try {
      return work.apply(spark);
    } finally {
      spark.stop();
    }
  }
}
