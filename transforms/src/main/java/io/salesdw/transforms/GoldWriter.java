package io.salesdw.transforms;

import io.delta.tables.DeltaTable;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes gold tables as Delta tables that a plain Parquet reader reads correctly: deletion vectors
 * and column mapping stay off, because the embedded query engine (DuckDB) reads the Parquet files
 * of the current snapshot directly and would otherwise see deleted rows or physical column names.
 */
final class GoldWriter {
  static final String USER_METADATA = "spark.databricks.delta.commitInfo.userMetadata";
  private static final String STAGED_VIEW = "salesdw_gold_staged";

  private final SparkSession spark;

  GoldWriter(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * Replaces the table's rows, or only one month's partition when {@code monthKey} is given, in one
   * commit that carries {@code commitNote} as its user metadata.
   */
  void write(
      String location,
      Dataset<Row> rows,
      Optional<String> partitionColumn,
      Optional<Integer> monthKey,
      String commitNote) {
    spark.conf().set(USER_METADATA, commitNote);
    try {
      if (!DeltaTable.isDeltaTable(spark, location)) {
        create(location, rows, partitionColumn);
      } else if (monthKey.isPresent() && partitionColumn.isPresent()) {
        rows.write()
            .format("delta")
            .mode("overwrite")
            .option("replaceWhere", partitionColumn.get() + " = " + monthKey.get())
            .save(location);
      } else {
        rows.write()
            .format("delta")
            .mode("overwrite")
            .option("overwriteSchema", "true")
            .save(location);
      }
    } catch (RuntimeException e) {
      throw TransformErrors.writeFailed(location, e);
    } finally {
      spark.conf().unset(USER_METADATA);
    }
  }

  private void create(String location, Dataset<Row> rows, Optional<String> partitionColumn) {
    rows.createOrReplaceTempView(STAGED_VIEW);
    try {
      spark.sql(
          "CREATE TABLE delta.`"
              + location.replace("`", "``")
              + "` USING delta"
              + partitionColumn.map(c -> " PARTITIONED BY (" + c + ")").orElse("")
              + " TBLPROPERTIES ('delta.enableDeletionVectors' = 'false',"
              + " 'delta.columnMapping.mode' = 'none') AS SELECT * FROM "
              + STAGED_VIEW);
    } finally {
      spark.catalog().dropTempView(STAGED_VIEW);
    }
  }
}
