package io.salesdw.transforms;

import static org.apache.spark.sql.functions.col;

import io.salesdw.testing.TestingSparkSession;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Hand-built input views for testing one gold table's computation without a lake: each view is
 * declared with a DDL schema and SQL literal rows, registered under the name the table's SQL reads
 * ({@code gold_fact_activity}, {@code silver_crm_leads}), then the table is computed as the build
 * would compute it.
 *
 * <pre>{@code
 * MartFixture.view("gold_dim_stage", "stage STRING, stage_order INT", "('won', 6)", "('lost', 7)");
 * List<Row> rows = MartFixture.compute("mart_funnel_stage", LocalDate.of(2025, 12, 31));
 * }</pre>
 */
final class MartFixture {
  private MartFixture() {}

  static SparkSession spark() {
    SparkSession spark = TestingSparkSession.get();
    spark.conf().set("spark.sql.session.timeZone", TransformConfig.DEFAULT_BUSINESS_ZONE.getId());
    return spark;
  }

  /** Registers a view with the given DDL schema and rows written as SQL tuples. */
  static void view(String name, String ddl, String... rows) {
    SparkSession spark = spark();
    StructType schema = StructType.fromDDL(ddl);
    Dataset<Row> typed;
    if (rows.length == 0) {
      typed = spark.createDataFrame(List.of(), schema);
    } else {
      String names = String.join(", ", schema.fieldNames());
      Dataset<Row> raw =
          spark.sql(
              "SELECT * FROM VALUES "
                  + Arrays.stream(rows).collect(Collectors.joining(", "))
                  + " AS t("
                  + names
                  + ")");
      typed =
          raw.select(
              Arrays.stream(schema.fields())
                  .map(f -> col(f.name()).cast(f.dataType()).as(f.name()))
                  .toArray(Column[]::new));
    }
    typed.createOrReplaceTempView(name);
  }

  /** The build's context with the default configuration and the given as-of date. */
  static GoldContext context(LocalDate asOf) {
    return new GoldContext(spark(), TransformConfig.defaults(), () -> asOf);
  }

  /** Computes a catalogued gold table from the registered views. */
  static Dataset<Row> compute(String table, LocalDate asOf) {
    GoldTable definition =
        GoldCatalog.tables().stream()
            .filter(t -> t.name().equals(table))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no gold table " + table));
    return definition.builder().build(context(asOf));
  }
}
