package io.salesdw.semantic.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesdw.contracts.LakeZone;
import io.salesdw.lake.Lake;
import io.salesdw.testing.TestingSparkSession;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DuckDB engine against Spark on the same Delta tables: after each commit (a partitioned write,
 * a replaceWhere overwrite of one partition, an append), every row DuckDB returns through {@link
 * SqlPlanner} equals Spark's own read of the table, with timestamps written as INT96 (Spark's
 * default) and as TIMESTAMP_MICROS.
 *
 * <p>Spark's session zone is Asia/Shanghai and the JVM's America/New_York, so the fixture's
 * timestamp literals are Shanghai wall times: one is an instant whose New York wall time falls in
 * the daylight-saving gap, one predates 1900 in UTC (Shanghai's offset then was +08:05:43).
 */
class DuckDbEngineAgainstSparkIT {
  private static final String COLUMNS =
      "order_no, customer_id, amount, is_paid, order_date, paid_at, month_key";

  // Shanghai wall times: 2024-03-10 10:30 is 02:30Z, in New York's gap; 1900-01-01 00:00 is
  // 1899-12-31T15:54:17Z.
  private static final String FIRST_WRITE =
      "('SO-1', 10, 100.50, true, DATE'2024-01-05', TIMESTAMP'2024-01-05 18:00:00', 202401),"
          + " ('SO-2', NULL, 200.25, false, DATE'2024-01-20', NULL, 202401),"
          + " ('SO-3', 11, NULL, NULL, NULL, TIMESTAMP'2024-03-10 10:30:00.123456', 202402),"
          + " ('SO-4', 12, 0.01, true, DATE'2024-02-29', TIMESTAMP'1900-01-01 00:00:00', 202402)";
  private static final String JANUARY_REPLACEMENT =
      "('SO-5', 13, 999.99, true, DATE'2024-01-31', TIMESTAMP'2024-02-01 07:59:59.999999',"
          + " 202401)";
  private static final String MARCH_APPEND =
      "('SO-6', 14, -5.00, false, DATE'2024-03-01', TIMESTAMP'2024-03-01 00:00:00', 202403),"
          + " ('SO-7', NULL, NULL, NULL, NULL, NULL, 202403)";

  @TempDir Path lakeRoot;

  @Test
  void everyRowEqualsSparksAfterEachCommit() {
    SparkSession spark = TestingSparkSession.get();
    String orders = lakeRoot.resolve("gold/fact_order").toUri().toString();
    String payments = lakeRoot.resolve("gold/fact_payment").toUri().toString();

    rows(spark, FIRST_WRITE).write().format("delta").partitionBy("month_key").save(orders);
    String previousType = spark.conf().get("spark.sql.parquet.outputTimestampType");
    spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    try {
      rows(spark, FIRST_WRITE + ", " + MARCH_APPEND).write().format("delta").save(payments);
    } finally {
      spark.conf().set("spark.sql.parquet.outputTimestampType", previousType);
    }

    Lake lake = Lake.open(lakeRoot.toString());
    try (DuckDbEngine engine = DuckDbEngine.open(lake)) {
      SqlPlanner planner = SqlPlanner.create(lake, EnumSet.of(LakeZone.GOLD), engine);
      assertSameRows(spark, planner, orders, "gold.fact_order", 0);
      assertSameRows(spark, planner, payments, "gold.fact_payment", 0);

      rows(spark, JANUARY_REPLACEMENT)
          .write()
          .format("delta")
          .mode("overwrite")
          .option("replaceWhere", "month_key = 202401")
          .save(orders);
      assertSameRows(spark, planner, orders, "gold.fact_order", 1);

      rows(spark, MARCH_APPEND).write().format("delta").mode("append").save(orders);
      assertSameRows(spark, planner, orders, "gold.fact_order", 2);
    }
  }

  private static Dataset<Row> rows(SparkSession spark, String values) {
    return spark.sql(
        "SELECT CAST(order_no AS STRING) AS order_no, CAST(customer_id AS BIGINT) AS customer_id,"
            + " CAST(amount AS DECIMAL(12,2)) AS amount, CAST(is_paid AS BOOLEAN) AS is_paid,"
            + " CAST(order_date AS DATE) AS order_date, CAST(paid_at AS TIMESTAMP) AS paid_at,"
            + " CAST(month_key AS INT) AS month_key FROM VALUES "
            + values
            + " AS t("
            + COLUMNS
            + ")");
  }

  private static void assertSameRows(
      SparkSession spark, SqlPlanner planner, String location, String table, long version) {
    Dataset<Row> sparkRead = spark.read().format("delta").load(location).orderBy("order_no");
    List<List<Object>> expected = new ArrayList<>();
    for (Row row : sparkRead.collectAsList()) {
      expected.add(normalise(sparkRead, row));
    }

    ExecutedQuery run = planner.execute("SELECT * FROM " + table + " ORDER BY order_no");

    List<List<Object>> actual = new ArrayList<>();
    for (ResultRow row : run.result().rows()) {
      List<Object> values = new ArrayList<>();
      // The engine's values as they are: its decimals carry the column's scale, as Spark's do
      // once set to it.
      row.values().forEach(value -> values.add(value.orElse(null)));
      actual.add(values);
    }
    assertThat(run.result().columnNames()).as(table).containsExactly(sparkRead.columns());
    assertThat(actual).as(table + " version " + version).isEqualTo(expected);
    assertThat(run.tableVersions().values()).as(table).containsExactly(version);
  }

  /**
   * Spark's row as the engine's value types: LocalDate, Instant, BigDecimal at the column scale.
   */
  private static List<Object> normalise(Dataset<Row> read, Row row) {
    StructField[] fields = read.schema().fields();
    List<Object> values = new ArrayList<>(Arrays.asList(new Object[fields.length]));
    for (int i = 0; i < fields.length; i++) {
      Object value = row.get(i);
      if (value instanceof java.sql.Date date) {
        value = date.toLocalDate();
      } else if (value instanceof Timestamp timestamp) {
        value = timestamp.toInstant();
      } else if (value instanceof BigDecimal decimal
          && fields[i].dataType() instanceof DecimalType type) {
        value = decimal.setScale(type.scale());
      }
      values.set(i, value);
    }
    return values;
  }
}
