package io.salesdw.ingestion;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.SparkSession;

/**
 * The SparkSession the {@code salesdw ingest} command runs on: Delta Lake, quiet, local by default.
 */
public final class IngestionSparkSession {
  /** Spark master when none is given: two local cores. */
  public static final String DEFAULT_MASTER = "local[2]";

  /** Timestamps are instants; the session zone only affects how Spark prints them. */
  public static final String SESSION_TIME_ZONE = "UTC";

  private IngestionSparkSession() {}

  /** Starts (or reuses) a session on {@code master}. */
  public static SparkSession create(String master) {
    requireNonNull(master, "master is null");
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName("salesdw-ingest")
            .master(master)
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", 4)
            .config("spark.sql.session.timeZone", SESSION_TIME_ZONE)
            .config("spark.sql.catalogImplementation", "in-memory");
    if (master.startsWith("local")) {
      builder
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.databricks.delta.snapshotPartitions", 2);
    }
    return builder.getOrCreate();
  }
}
