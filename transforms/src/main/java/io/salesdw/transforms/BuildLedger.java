package io.salesdw.transforms;

import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The record of gold builds ({@code quarantine/gold_builds}): for every table and scope (all months
 * or one month) the fingerprint of the inputs it was built from and the version it produced. A
 * table whose inputs, definition and configuration are unchanged is not written again, so a re-run
 * is a no-op. New entries are appended in one commit at the end of a build; a build that fails half
 * way records nothing and the next run rebuilds what it had written (each write is idempotent).
 */
final class BuildLedger {
  static final String TABLE = "quarantine.gold_builds";
  static final String ALL_MONTHS = "all";

  private static final StructType SCHEMA =
      new StructType()
          .add("table_name", DataTypes.StringType, false)
          .add("scope", DataTypes.StringType, false)
          .add("fingerprint", DataTypes.StringType, false)
          .add("table_version", DataTypes.LongType, false)
          .add("rows", DataTypes.LongType, false)
          .add("build_id", DataTypes.StringType, false)
          .add("built_at", DataTypes.TimestampType, false);

  private final SparkSession spark;
  private final String location;
  private final Map<String, Entry> latest = new HashMap<>();
  private final List<Row> pending = new ArrayList<>();

  record Entry(String fingerprint, long tableVersion, long rows) {}

  BuildLedger(SparkSession spark, String location) {
    this.spark = spark;
    this.location = location;
    if (DeltaTable.isDeltaTable(spark, location)) {
      List<Row> rows =
          spark
              .read()
              .format("delta")
              .load(location)
              .orderBy("built_at")
              .select("table_name", "scope", "fingerprint", "table_version", "rows")
              .collectAsList();
      for (Row row : rows) {
        latest.put(
            key(row.getString(0), row.getString(1)),
            new Entry(row.getString(2), row.getLong(3), row.getLong(4)));
      }
    }
  }

  private static String key(String table, String scope) {
    return table + "\u0000" + scope;
  }

  /** The latest entry of a table and scope, if any. */
  Optional<Entry> latest(String table, String scope) {
    return Optional.ofNullable(latest.get(key(table, scope)));
  }

  void record(
      String table, String scope, String fingerprint, long version, long rows, String buildId) {
    latest.put(key(table, scope), new Entry(fingerprint, version, rows));
    pending.add(
        RowFactory.create(
            table, scope, fingerprint, version, rows, buildId, Timestamp.from(Instant.now())));
  }

  /** Appends this build's entries in one commit. */
  void commit() {
    if (pending.isEmpty()) {
      return;
    }
    try {
      spark
          .createDataFrame(pending, SCHEMA)
          .write()
          .format("delta")
          .mode("append")
          .option("delta.enableDeletionVectors", "false")
          .save(location);
    } catch (RuntimeException e) {
      throw TransformErrors.writeFailed(location, e);
    }
    pending.clear();
  }
}
