package io.salesdw.ingestion.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.testing.TestingSparkSession;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerIdentityJobIT {
  private static final Timestamp EARLY = Timestamp.valueOf("2025-01-01 10:00:00");
  private static final Timestamp LATE = Timestamp.valueOf("2025-06-01 10:00:00");

  @Test
  void buildsTheCrosswalkFromTheLatestBronzeRows(@TempDir Path lake) {
    SparkSession spark = TestingSparkSession.get();
    String root = lake.toString();
    // A1 was first entered under another company's name; its later version is the one that counts.
    write(
        spark,
        root + "/bronze/crm_accounts",
        new StructType()
            .add("account_id", DataTypes.StringType)
            .add("account_name", DataTypes.StringType)
            .add("unified_social_credit_code", DataTypes.StringType)
            .add("city", DataTypes.StringType)
            .add("phone", DataTypes.StringType)
            .add("updated_at", DataTypes.TimestampType)
            .add("_ingested_at", DataTypes.TimestampType)
            .add("_row_hash", DataTypes.StringType),
        List.of(
            RowFactory.create("A1", "北京康达软件有限公司", null, "北京", null, EARLY, EARLY, "h1"),
            RowFactory.create(
                "A1",
                "上海华泰医疗器械有限公司",
                "91310000MA1FL0XX1A",
                "上海",
                "021-51234567",
                LATE,
                LATE,
                "h2")));
    write(
        spark,
        root + "/bronze/erp_customers",
        new StructType()
            .add("customer_code", DataTypes.StringType)
            .add("customer_name", DataTypes.StringType)
            .add("unified_social_credit_code", DataTypes.StringType)
            .add("phone", DataTypes.StringType)
            .add("updated_at", DataTypes.TimestampType)
            .add("_ingested_at", DataTypes.TimestampType)
            .add("_row_hash", DataTypes.StringType),
        List.of(
            RowFactory.create(
                "C1", "华泰医疗器械（上海）有限公司", "91310000MA1FL0XX1A", null, EARLY, EARLY, "h3"),
            RowFactory.create("C2", "北京康达软件有限公司", null, null, EARLY, EARLY, "h4")));
    write(
        spark,
        root + "/bronze/chat_contacts",
        new StructType()
            .add("external_userid", DataTypes.StringType)
            .add("name", DataTypes.StringType)
            .add("corp_name", DataTypes.StringType)
            .add("mobile", DataTypes.StringType)
            .add("_ingested_at", DataTypes.TimestampType)
            .add("_row_hash", DataTypes.StringType),
        List.of(RowFactory.create("W1", "李雷-上海华泰医疗", null, null, EARLY, "h5")));

    CustomerIdentitySummary summary = CustomerIdentityJob.run(spark, root);

    assertThat(summary.recordsPerSource())
        .containsEntry("crm_accounts", 1L)
        .containsEntry("erp_customers", 2L)
        .containsEntry("chat_contacts", 1L)
        .containsEntry("crm_contacts", 0L);
    assertThat(summary.unifiedCustomers()).isEqualTo(2);
    assertThat(summary.matchedRecords()).isEqualTo(3);
    List<Row> rows =
        spark
            .read()
            .format("delta")
            .load(root + "/" + CustomerIdentityJob.CROSSWALK_TABLE)
            .collectAsList();
    Map<String, Set<String>> clusters =
        rows.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.<String>getAs("unified_customer_id"),
                    Collectors.mapping(
                        r -> r.<String>getAs("source") + ":" + r.<String>getAs("record_id"),
                        Collectors.toSet())));
    assertThat(clusters.values())
        .containsExactlyInAnyOrder(Set.of("crm:A1", "erp:C1", "chat:W1"), Set.of("erp:C2"));
    assertThat(rows)
        .allSatisfy(r -> assertThat(r.<String>getAs("batch_id")).isEqualTo(summary.batchId()));
    Row erp =
        rows.stream().filter(r -> r.getAs("record_id").equals("C1")).findFirst().orElseThrow();
    assertThat(erp.<String>getAs("match_rule")).isEqualTo("unified_social_credit_code");
    assertThat(erp.<String>getAs("evidence"))
        .isEqualTo("unified_social_credit_code=91310000MA1FL0XX1A with crm:A1");
    assertThat(
            spark
                .sql("DESCRIBE DETAIL delta.`" + root + "/silver/customer_crosswalk`")
                .first()
                .<scala.collection.Map<String, String>>getAs("properties")
                .get("delta.enableDeletionVectors")
                .get())
        .isEqualTo("false");
  }

  @Test
  void missingInputSaysWhatToIngest(@TempDir Path lake) {
    assertThatThrownBy(() -> CustomerIdentityJob.run(TestingSparkSession.get(), lake.toString()))
        .isInstanceOf(SalesdwException.class)
        .hasMessage(
            "neither silver/crm_accounts nor bronze/crm_accounts exists under "
                + lake
                + "; ingest the crm export first (salesdw ingest --source crm)");
  }

  private static void write(
      SparkSession spark, String location, StructType schema, List<Row> rows) {
    spark.createDataFrame(rows, schema).write().format("delta").save(location);
  }
}
