package io.salesdw.transforms;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The lake tables a gold build reads, registered as Spark temporary views named {@code
 * <zone>_<table>} ({@code silver_crm_leads}, {@code gold_dim_rep}), each pinned to the version seen
 * when first registered so that one build reads one consistent state.
 *
 * <p>Silver views hide deleted rows (tombstones) and the lineage columns that start with an
 * underscore; bronze and gold views show the table as it is.
 */
final class LakeViews {
  private static final String DELETED = "_deleted";

  private static final Pattern COMMIT_FILE = Pattern.compile("\\d{20}\\.json");

  private final SparkSession spark;
  private final String lakeRoot;
  private final Map<String, Long> pinned = new HashMap<>();
  private final Map<String, Long> versions = new HashMap<>();

  LakeViews(SparkSession spark, String lakeRoot) {
    this.spark = spark;
    this.lakeRoot =
        lakeRoot.endsWith("/") ? lakeRoot.substring(0, lakeRoot.length() - 1) : lakeRoot;
  }

  String location(String qualified) {
    return lakeRoot + "/" + qualified.replace('.', '/');
  }

  static String viewName(String qualified) {
    return qualified.replace('.', '_');
  }

  boolean exists(String qualified) {
    return currentVersion(qualified).isPresent();
  }

  /**
   * The table's current Delta version, or empty when there is no such table: the number of the
   * latest commit file in its log (the Delta protocol keeps the latest commit file even after log
   * clean-up). Listing the log costs milliseconds where asking Delta for the history runs a job.
   */
  OptionalLong currentVersion(String qualified) {
    Path log = new Path(location(qualified), "_delta_log");
    try {
      FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(log)) {
        return OptionalLong.empty();
      }
      return Arrays.stream(fs.listStatus(log))
          .map(f -> f.getPath().getName())
          .filter(n -> COMMIT_FILE.matcher(n).matches())
          .mapToLong(n -> Long.parseLong(n.substring(0, n.indexOf('.'))))
          .max();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + log, e);
    }
  }

  /** The version of an input as first seen by this build (so one build reads one state). */
  long version(String qualified) {
    Long known = pinned.get(qualified);
    if (known != null) {
      return known;
    }
    long version =
        currentVersion(qualified)
            .orElseThrow(() -> new IllegalStateException("no table " + location(qualified)));
    pinned.put(qualified, version);
    return version;
  }

  /** Pins a table at a version without reading it (a gold table found up to date). */
  void pin(String qualified, long version) {
    pinned.put(qualified, version);
  }

  /** Registers the view of an input at its pinned version, unless registered already. */
  void register(String qualified) {
    long version = version(qualified);
    Long registered = versions.get(qualified);
    if (registered == null || registered != version) {
      refresh(qualified, version);
    }
  }

  /** Registers (or re-registers, after the build wrote it) a table's view at a version. */
  void refresh(String qualified, long version) {
    Dataset<Row> table =
        spark.read().format("delta").option("versionAsOf", version).load(location(qualified));
    if (qualified.startsWith("silver.")) {
      if (Arrays.asList(table.columns()).contains(DELETED)) {
        table = table.where(col(DELETED).equalTo(false));
      }
      table =
          table.select(
              Arrays.stream(table.columns())
                  .filter(c -> !c.startsWith("_"))
                  .map(c -> col("`" + c + "`"))
                  .toArray(Column[]::new));
    }
    table.createOrReplaceTempView(viewName(qualified));
    versions.put(qualified, version);
    pinned.put(qualified, version);
  }

  /** Drops every view this build registered. */
  void dropAll() {
    versions.keySet().forEach(q -> spark.catalog().dropTempView(viewName(q)));
    versions.clear();
  }
}
