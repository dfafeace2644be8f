package io.salesdw.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession with Delta Lake that every test in a JVM shares: starting Spark costs
 * seconds, so tests never start their own.
 */
public final class TestingSparkSession {
  /**
   * The session time zone: fixed, and different from the test JVM's (America/New_York, set by the
   * parent pom), so that code which confuses the two fails in tests.
   */
  public static final String SESSION_TIME_ZONE = "Asia/Shanghai";

  /** Shuffle partitions: Spark's default of 200 makes every tiny aggregation slow. */
  public static final int SHUFFLE_PARTITIONS = 4;

  /**
   * The documented exception to "no static mutable state": one session per JVM, created on first
   * use. Guarded by the class's monitor; recreated if a test stopped it.
   */
  private static SparkSession session;

  private TestingSparkSession() {}

  /** The shared session, started on the first call (which takes a few seconds). */
  public static synchronized SparkSession get() {
    if (session == null || session.sparkContext().isStopped()) {
      session = create();
    }
    return session;
  }

  private static SparkSession create() {
    Path warehouse = createTemporaryDirectory("salesdw-spark-warehouse-");
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> deleteQuietly(warehouse), "salesdw-warehouse-cleanup"));
    return SparkSession.builder()
        .appName("salesdw-tests")
        .master("local[2]")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config(
            "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", SHUFFLE_PARTITIONS)
        .config("spark.default.parallelism", 2)
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.session.timeZone", SESSION_TIME_ZONE)
        .config("spark.sql.warehouse.dir", warehouse.toUri().toString())
        // No Hive: an in-memory catalog leaves no metastore_db or derby.log in the working dir.
        .config("spark.sql.catalogImplementation", "in-memory")
        // Delta computes each snapshot's state with this many tasks (default 50); tiny tables
        // need one or two, and the default costs a second per snapshot.
        .config("spark.databricks.delta.snapshotPartitions", 2)
        .getOrCreate();
  }

  private static Path createTemporaryDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary Spark warehouse directory", e);
    }
  }

  // Runs at JVM exit, after or alongside Spark's own shutdown hook: a leftover file is harmless,
  // a failure here must not hide the tests' results.
  private static void deleteQuietly(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Best effort: the directory lives under the system's temporary folder.
    }
  }
}
