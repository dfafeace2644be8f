package io.salesdw.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesdw.testing.TestingSparkSession;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeCommandIT {
  @Test
  void listsEveryDeltaTableWithRowsVersionAndPartitions(@TempDir Path lake) throws Exception {
    SparkSession spark = TestingSparkSession.get();
    Instant before = Instant.now().minusSeconds(1);
    String leads = lake.resolve("bronze/crm_leads").toUri().toString();
    spark.range(3).toDF("lead_number").write().format("delta").save(leads);
    spark.range(2).toDF("lead_number").write().format("delta").mode("append").save(leads);
    spark
        .sql("SELECT * FROM VALUES ('华东', 1), ('华东', 2), ('华南', 3), ('西南', 4) AS t(region, n)")
        .write()
        .format("delta")
        .partitionBy("region")
        .save(lake.resolve("gold/dim_region").toUri().toString());
    // Not a Delta table: must not be listed.
    spark.range(7).write().parquet(lake.resolve("scratch/plain_parquet").toUri().toString());
    Instant after = Instant.now().plusSeconds(1);

    CliRun run = CliRun.of("lake", "ls", "--lake", lake.toString(), "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode tables = new ObjectMapper().readTree(run.out());
    assertThat(tables.size()).isEqualTo(2);
    JsonNode leadsTable = tables.get(0);
    assertThat(leadsTable.get("table").asText()).isEqualTo("bronze/crm_leads");
    assertThat(leadsTable.get("rows").asLong()).isEqualTo(5); // 3 written, 2 appended
    assertThat(leadsTable.get("version").asLong()).isEqualTo(1); // two commits: 0 and 1
    Instant modified = Instant.parse(leadsTable.get("last_modified").asText());
    assertThat(modified).isBetween(before, after);
    JsonNode regions = tables.get(1);
    assertThat(regions.get("table").asText()).isEqualTo("gold/dim_region");
    assertThat(regions.get("rows").asLong()).isEqualTo(4);
    assertThat(regions.get("version").asLong()).isZero();
    assertThat(regions.get("partition_columns").get(0).asText()).isEqualTo("region");
    assertThat(regions.get("files").asLong()).isEqualTo(3); // one file per region

    CliRun table = CliRun.of("lake", "ls", "--lake", lake.toString());
    assertThat(table.exitCode()).isZero();
    assertThat(table.out())
        .contains("bronze/crm_leads")
        .contains("gold/dim_region")
        .contains("2 tables");
  }

  @Test
  void missingLakeIsAUserErrorNamingThePath(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-lake");

    CliRun run = CliRun.of("lake", "ls", "--lake", missing.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("no-such-lake");
  }
}
