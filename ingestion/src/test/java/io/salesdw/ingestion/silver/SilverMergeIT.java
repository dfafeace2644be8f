package io.salesdw.ingestion.silver;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesdw.contracts.SourceSystem;
import io.salesdw.ingestion.IngestProgress;
import io.salesdw.testing.TestingSparkSession;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Silver merges of hand-built bronze batches: every expected row and count below is worked out by
 * hand from the rows the test writes to bronze. Timestamps are written in UTC; change images carry
 * the CRM export's texts (Asia/Shanghai local time, Chinese labels), read with the shipped mapping.
 */
class SilverMergeIT {
  private static final String OPPORTUNITIES = "silver/crm_opportunities";

  private static final String LINEAGE =
      ", _batch_id string, _source_file string, _line_number bigint, _ingested_at timestamp,"
          + " _row_hash string";

  private static final StructType BRONZE_OPPORTUNITIES =
      StructType.fromDDL(
          "opportunity_id string, opportunity_name string, account_id string, lead_id string,"
              + " owner_rep_id string, product_line_code string, amount decimal(16,2),"
              + " stage string, status string, created_at timestamp, expected_close_date date,"
              + " closed_at timestamp, lost_reason string, updated_at timestamp"
              + LINEAGE);

  private static final StructType BRONZE_CHANGES =
      StructType.fromDDL(
          "change_id string, entity string, op string, key string, changed_at timestamp,"
              + " data string"
              + LINEAGE);

  private final SparkSession spark = TestingSparkSession.get();

  @TempDir Path lake;

  @Test
  void lateOlderChangesNeitherOverwriteNewerRowsNorResurrectDeletedOnes() {
    // Batch 1, the bulk export: O1, O2, O3 as of 10 March (UTC).
    writeBronze(
        "crm_opportunities",
        BRONZE_OPPORTUNITIES,
        List.of(
            opportunity("O1", "100.00", "2025-03-10T02:00:00Z", "crm-b1", 2),
            opportunity("O2", "200.00", "2025-03-10T02:00:00Z", "crm-b1", 3),
            opportunity("O3", "300.00", "2025-03-10T02:00:00Z", "crm-b1", 4)));
    SilverResult first = merge("crm-b1");
    assertThat(counts(first)).containsExactly(3, 3, 0, 0, 0, 0, 0);

    // Batch 2, the change feed (local Shanghai times, 8 hours ahead of UTC).
    writeBronze(
        "crm_changes",
        BRONZE_CHANGES,
        List.of(
            // a late, older update of O1 (5 March): stale
            upsert("O1", "50.00", "2025-03-05 10:00:00", "crm-b2", 1),
            // a newer update of O2 (12 March): applied
            upsert("O2", "250.00", "2025-03-12 10:00:00", "crm-b2", 2),
            // O3 deleted on 11 March: tombstone
            delete("O3", "2025-03-11 10:00:00", "crm-b2", 3),
            // a delete of a key silver never saw: a tombstone all the same
            delete("O4", "2025-03-11 10:00:00", "crm-b2", 4),
            // a new opportunity
            upsert("O5", "500.00", "2025-03-12 10:00:00", "crm-b2", 5),
            // an image without the required account_id: quarantined
            change(
                "O6",
                "upsert",
                "2025-03-12 10:00:00",
                "{\"opportunity_id\":\"O6\",\"amount\":\"1.00\"}",
                "crm-b2",
                6)));
    SilverResult second = merge("crm-b2");
    // in, inserted, updated, deleted, stale, quarantined, added columns
    assertThat(counts(second)).containsExactly(6, 1, 1, 2, 1, 1, 0);
    assertThat(second.tables().get(0).liveRows()).isEqualTo(3); // O1, O2, O5 (O3, O4 tombstones)
    Row broken = read(SilverMerge.QUARANTINE).head();
    assertThat(broken.<String>getAs("table_name")).isEqualTo(OPPORTUNITIES);
    assertThat(broken.<Long>getAs("line_number")).isEqualTo(6L);
    assertThat(broken.<String>getAs("reason"))
        .contains("account_id: missing value; the contract requires account_id");
    long versionAfterSecond = version(OPPORTUNITIES);

    // Batch 3: an upsert of O3 older than its delete, an old upsert of O4 and a delete of O2 older
    // than its last update: all stale, so silver does not even commit.
    writeBronze(
        "crm_changes",
        BRONZE_CHANGES,
        List.of(
            upsert("O3", "333.00", "2025-03-10 12:00:00", "crm-b3", 1),
            upsert("O4", "444.00", "2025-03-01 12:00:00", "crm-b3", 2),
            delete("O2", "2025-03-01 12:00:00", "crm-b3", 3)));
    SilverResult third = merge("crm-b3");
    assertThat(counts(third)).containsExactly(3, 0, 0, 0, 3, 0, 0);
    assertThat(version(OPPORTUNITIES)).isEqualTo(versionAfterSecond);

    assertThat(live(OPPORTUNITIES))
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    "O1", new BigDecimal("100.00"),
                    "O2", new BigDecimal("250.00"),
                    "O5", new BigDecimal("500.00"))));
    List<Row> tombstones =
        read(OPPORTUNITIES)
            .filter(col(SilverMerge.DELETED))
            .orderBy("opportunity_id")
            .collectAsList();
    assertThat(tombstones)
        .extracting(row -> row.<String>getAs("opportunity_id"))
        .containsExactly("O3", "O4");
    // A tombstone's ordering is the delete's time: 11 March 10:00 in Shanghai.
    assertThat(tombstones.get(0).<Timestamp>getAs("updated_at").toInstant())
        .isEqualTo(Instant.parse("2025-03-11T02:00:00Z"));
    // The change image was read with the mapping: Chinese labels became codes.
    Row o5 = read(OPPORTUNITIES).filter(col("opportunity_id").equalTo("O5")).head();
    assertThat(o5.<String>getAs("stage")).isEqualTo("initial_contact");
    assertThat(o5.<String>getAs("status")).isEqualTo("open");
  }

  @Test
  void duplicatesWithinABatchResolveTheSameWayInAnyInputOrder(@TempDir Path otherLake) {
    List<Row> bulk =
        List.of(
            opportunity("O1", "100.00", "2025-03-10T02:00:00Z", "crm-b1", 2),
            // an exact duplicate line of O4: collapses
            opportunity("O4", "400.00", "2025-03-10T02:00:00Z", "crm-b1", 5),
            opportunity("O4", "400.00", "2025-03-10T02:00:00Z", "crm-b1", 6));
    List<Row> changes =
        List.of(
            // O1 at the same time as the bulk row: the bulk file (opportunities.csv) sorts after
            // changes/..., so the bulk row wins the tie
            upsert("O1", "110.00", "2025-03-10 10:00:00", "crm-b1", 1),
            // two updates of O2 at the same time: the later line (7) wins
            upsert("O2", "210.00", "2025-03-11 10:00:00", "crm-b1", 3),
            upsert("O2", "220.00", "2025-03-11 10:00:00", "crm-b1", 7),
            // an upsert and a delete of O3 at the same time: the delete wins
            upsert("O3", "300.00", "2025-03-12 10:00:00", "crm-b1", 4),
            delete("O3", "2025-03-12 10:00:00", "crm-b1", 5));
    Map<String, BigDecimal> expected =
        new TreeMap<>(
            Map.of(
                "O1",
                new BigDecimal("100.00"),
                "O2",
                new BigDecimal("220.00"),
                "O4",
                new BigDecimal("400.00")));

    writeBronze("crm_opportunities", BRONZE_OPPORTUNITIES, bulk);
    writeBronze("crm_changes", BRONZE_CHANGES, changes);
    SilverResult forward = merge("crm-b1");
    // 8 rows in: O1, O2, O4 inserted; O3's delete recorded; 4 superseded within the batch
    assertThat(counts(forward)).containsExactly(8, 3, 0, 1, 4, 0, 0);
    assertThat(live(OPPORTUNITIES)).containsExactlyEntriesOf(expected);
    List<Row> forwardRows = sorted(read(OPPORTUNITIES).drop("_ingested_at").collectAsList());

    Path first = lake;
    lake = otherLake;
    try {
      List<Row> reversedBulk = new ArrayList<>(bulk);
      Collections.reverse(reversedBulk);
      List<Row> reversedChanges = new ArrayList<>(changes);
      Collections.reverse(reversedChanges);
      writeBronze("crm_opportunities", BRONZE_OPPORTUNITIES, reversedBulk);
      writeBronze("crm_changes", BRONZE_CHANGES, reversedChanges);
      SilverResult backward = merge("crm-b1");
      assertThat(counts(backward)).isEqualTo(counts(forward));
      assertThat(sorted(read(OPPORTUNITIES).drop("_ingested_at").collectAsList()))
          .isEqualTo(forwardRows);
    } finally {
      lake = first;
    }
  }

  @Test
  void mergingABatchAgainChangesNothing() throws IOException {
    writeBronze(
        "crm_opportunities",
        BRONZE_OPPORTUNITIES,
        List.of(
            opportunity("O1", "100.00", "2025-03-10T02:00:00Z", "crm-b1", 2),
            opportunity("O2", "200.00", "2025-03-10T02:00:00Z", "crm-b1", 3)));
    writeBronze(
        "crm_changes",
        BRONZE_CHANGES,
        List.of(
            upsert("O2", "250.00", "2025-03-12 10:00:00", "crm-b1", 1),
            delete("O1", "2025-03-12 10:00:00", "crm-b1", 2)));
    SilverResult first = merge("crm-b1");
    assertThat(counts(first)).containsExactly(4, 1, 0, 1, 2, 0, 0);
    long version = version(OPPORTUNITIES);
    long ledgerVersion = version(SilverMerge.MERGES);

    SilverResult again = merge("crm-b1");
    assertThat(again.status()).isEqualTo(SilverResult.Status.ALREADY_MERGED);
    assertThat(again.tables()).isEqualTo(first.tables());
    assertThat(version(OPPORTUNITIES)).isEqualTo(version);
    assertThat(version(SilverMerge.MERGES)).isEqualTo(ledgerVersion);

    // Even a run that died after the MERGE but before the ledger changes nothing on re-run: no
    // version is newer than the one silver holds, so there is no commit.
    deleteRecursively(lake.resolve(SilverMerge.MERGES));
    SilverResult recovered = merge("crm-b1");
    assertThat(recovered.status()).isEqualTo(SilverResult.Status.MERGED);
    assertThat(counts(recovered)).containsExactly(4, 0, 0, 0, 4, 0, 0);
    assertThat(version(OPPORTUNITIES)).isEqualTo(version);
  }

  @Test
  void aNewOptionalColumnIsAddedAndRecorded() {
    writeBronze(
        "crm_opportunities",
        BRONZE_OPPORTUNITIES,
        List.of(opportunity("O1", "100.00", "2025-03-10T02:00:00Z", "crm-b1", 2)));
    merge("crm-b1");

    // A newer export carries wechat_group; bronze lands it (mergeSchema), silver must follow.
    StructType widened = BRONZE_OPPORTUNITIES.add("wechat_group", "string");
    Row o2 = opportunity("O2", "200.00", "2025-03-11T02:00:00Z", "crm-b2", 2);
    Row withGroup = RowFactory.create(append(o2, "group-7"));
    writeBronze("crm_opportunities", widened, List.of(withGroup), "mergeSchema");
    SilverResult second = merge("crm-b2");

    assertThat(second.tables().get(0).addedColumns()).containsExactly("wechat_group");
    assertThat(counts(second)).containsExactly(1, 1, 0, 0, 0, 0, 1);
    Row change = read(SilverMerge.SCHEMA_CHANGES).head();
    assertThat(change.<String>getAs("batch_id")).isEqualTo("crm-b2");
    assertThat(change.<String>getAs("table_name")).isEqualTo(OPPORTUNITIES);
    assertThat(change.<String>getAs("column_name")).isEqualTo("wechat_group");
    assertThat(change.<String>getAs("data_type")).isEqualTo("string");
    Map<String, String> groups = new TreeMap<>();
    read(OPPORTUNITIES)
        .collectAsList()
        .forEach(row -> groups.put(row.getAs("opportunity_id"), row.getAs("wechat_group")));
    assertThat(groups).containsEntry("O1", null).containsEntry("O2", "group-7");
  }

  @Test
  void anIncompatibleTypeChangeIsQuarantinedAndLeavesTheTableUnchanged() {
    writeBronze(
        "crm_opportunities",
        BRONZE_OPPORTUNITIES,
        List.of(opportunity("O1", "100.00", "2025-03-10T02:00:00Z", "crm-b1", 2)));
    merge("crm-b1");
    long version = version(OPPORTUNITIES);
    List<Row> before = sorted(read(OPPORTUNITIES).collectAsList());

    // bronze now holds amount as text (an export whose amount is "lots"): silver must refuse it
    StructType textAmount =
        StructType.fromDDL(
            BRONZE_OPPORTUNITIES.toDDL().replace("amount DECIMAL(16,2)", "amount STRING"));
    Object[] values = opportunityValues("O1", null, "2025-03-12T02:00:00Z", "crm-b2", 2);
    values[6] = "lots";
    writeBronze(
        "crm_opportunities", textAmount, List.of(RowFactory.create(values)), "overwriteSchema");
    SilverResult result = merge("crm-b2");

    SilverTableResult table = result.tables().get(0);
    String reason =
        "incompatible type change in silver/crm_opportunities: column amount is decimal(16,2) in"
            + " the silver table but arrives as string in batch crm-b2";
    assertThat(table.problem())
        .hasValueSatisfying(problem -> assertThat(problem).startsWith(reason));
    assertThat(counts(result)).containsExactly(1, 0, 0, 0, 0, 1, 0);
    assertThat(version(OPPORTUNITIES)).isEqualTo(version);
    assertThat(sorted(read(OPPORTUNITIES).collectAsList())).isEqualTo(before);
    Row held = read(SilverMerge.QUARANTINE).head();
    assertThat(held.<String>getAs("reason")).startsWith(reason);
    assertThat(held.<String>getAs("raw_payload")).contains("\"amount\":\"lots\"");
  }

  // ------------------------------------------------------------------ fixtures

  private SilverResult merge(String batchId) {
    return new SilverMerge(spark)
        .run(SourceSystem.CRM, lake.toString(), batchId, IngestProgress.NONE);
  }

  /** rows in, inserted, updated, deleted, stale, quarantined, added columns of the one table. */
  private static long[] counts(SilverResult result) {
    assertThat(result.tables()).extracting(SilverTableResult::table).containsExactly(OPPORTUNITIES);
    SilverTableResult table = result.tables().get(0);
    return new long[] {
      table.rowsIn(),
      table.inserted(),
      table.updated(),
      table.deleted(),
      table.staleSkipped(),
      table.quarantined(),
      table.addedColumns().size()
    };
  }

  private void writeBronze(String table, StructType schema, List<Row> rows, String... options) {
    var writer = spark.createDataFrame(rows, schema).write().format("delta").mode("append");
    for (String option : options) {
      writer = writer.option(option, "true");
    }
    if (List.of(options).contains("overwriteSchema")) {
      writer = writer.mode("overwrite");
    }
    writer.save(lake.resolve("bronze").resolve(table).toString());
  }

  private Dataset<Row> read(String table) {
    return spark.read().format("delta").load(lake.resolve(table).toString());
  }

  private long version(String table) {
    return io.delta.tables.DeltaTable.forPath(spark, lake.resolve(table).toString())
        .history(1)
        .head()
        .<Long>getAs("version");
  }

  private Map<String, BigDecimal> live(String table) {
    Map<String, BigDecimal> amounts = new TreeMap<>();
    read(table)
        .filter(col(SilverMerge.DELETED).equalTo(false))
        .collectAsList()
        .forEach(row -> amounts.put(row.getAs("opportunity_id"), row.getAs("amount")));
    return amounts;
  }

  private static List<Row> sorted(List<Row> rows) {
    List<Row> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(Row::toString));
    return copy;
  }

  private static Row opportunity(
      String id, String amount, String updatedAt, String batchId, long line) {
    return RowFactory.create(opportunityValues(id, amount, updatedAt, batchId, line));
  }

  private static Object[] opportunityValues(
      String id, String amount, String updatedAt, String batchId, long line) {
    return new Object[] {
      id,
      "Deal " + id,
      "A1",
      null,
      "REP1",
      null,
      amount == null ? null : new BigDecimal(amount),
      "initial_contact",
      "open",
      Timestamp.from(Instant.parse("2025-03-01T01:00:00Z")),
      null,
      null,
      null,
      Timestamp.from(Instant.parse(updatedAt)),
      batchId,
      "opportunities.csv",
      line,
      Timestamp.from(Instant.parse("2025-04-01T00:00:00Z")),
      // the same content gives the same hash, as bronze's row hash does
      "hash-" + id + "-" + amount + "-" + updatedAt
    };
  }

  private static Object[] append(Row row, Object value) {
    Object[] values = new Object[row.size() + 1];
    for (int i = 0; i < row.size(); i++) {
      values[i] = row.get(i);
    }
    values[row.size()] = value;
    return values;
  }

  private static Row upsert(String id, String amount, String changedAt, String batchId, long line) {
    String image =
        "{\"opportunity_id\":\""
            + id
            + "\",\"opportunity_name\":\"Deal "
            + id
            + "\",\"account_id\":\"A1\",\"lead_id\":null,\"owner_rep_id\":\"REP1\","
            + "\"product_line_code\":null,\"amount\":\""
            + amount
            + "\",\"stage\":\"初次接触\",\"status\":\"进行中\",\"created_at\":\"2025-03-01 09:00:00\","
            + "\"expected_close_date\":null,\"closed_at\":null,\"lost_reason\":null,"
            + "\"updated_at\":\""
            + changedAt
            + "\"}";
    return change(id, "upsert", changedAt, image, batchId, line);
  }

  private static Row delete(String id, String changedAt, String batchId, long line) {
    return change(id, "delete", changedAt, null, batchId, line);
  }

  private static Row change(
      String id, String op, String changedAt, String data, String batchId, long line) {
    Instant at =
        java.time.LocalDateTime.parse(changedAt.replace(' ', 'T'))
            .atZone(java.time.ZoneId.of("Asia/Shanghai"))
            .toInstant();
    return RowFactory.create(
        "CH-" + batchId + "-" + line,
        "opportunity",
        op,
        id,
        Timestamp.from(at),
        data,
        batchId,
        "changes/changes-2025-03.jsonl",
        line,
        Timestamp.from(Instant.parse("2025-04-01T00:00:00Z")),
        "change-hash-" + batchId + "-" + line);
  }

  private static void deleteRecursively(Path path) throws IOException {
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path file : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
