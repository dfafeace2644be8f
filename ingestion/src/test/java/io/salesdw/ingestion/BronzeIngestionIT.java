package io.salesdw.ingestion;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesdw.contracts.SalesdwException;
import io.salesdw.contracts.SourceSystem;
import io.salesdw.testing.TestingSparkSession;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BronzeIngestionIT {
  private final SparkSession spark = TestingSparkSession.get();
  private final BronzeIngestion ingestion = new BronzeIngestion(spark);

  @TempDir Path lake;

  @Test
  void landsTheCrmExportWithQuarantineAuditAndLedger() {
    IngestResult result = land(SourceSystem.CRM, Fixtures.directory("crm"), Optional.empty());

    assertThat(result.status()).isEqualTo(IngestResult.Status.LANDED);
    assertThat(result.files()).isEqualTo(6);
    // Counts worked out by hand from the fixtures (see the comments in each file's test):
    // regions 3 good; accounts 3 good + 1 unknown industry; leads 3 good + bad date, missing key,
    // wrong field count, invalid UTF-8; activities 2 good + 1 broken JSON attachment; forecasts
    // 2 good + 1 with a bad decimal and boolean; changes 2 good + broken JSON + unknown entity.
    Map<String, long[]> expected = new TreeMap<>();
    expected.put("bronze/crm_regions", new long[] {3, 3, 0});
    expected.put("bronze/crm_accounts", new long[] {4, 3, 1});
    expected.put("bronze/crm_leads", new long[] {7, 3, 4});
    expected.put("bronze/crm_activities", new long[] {3, 2, 1});
    expected.put("bronze/crm_forecast_submissions", new long[] {3, 2, 1});
    expected.put("bronze/crm_changes", new long[] {4, 2, 2});
    assertThat(result.tables()).hasSize(expected.size());
    for (TableResult table : result.tables()) {
      long[] counts = expected.get(table.table());
      assertThat(new long[] {table.rowsRead(), table.rowsLanded(), table.rowsQuarantined()})
          .as(table.table())
          .containsExactly(counts);
      assertThat(table.version()).isZero();
      assertThat(read(table.table()).count()).isEqualTo(counts[1]);
    }
    long quarantined = expected.values().stream().mapToLong(counts -> counts[2]).sum();
    assertThat(read(LakeTables.QUARANTINE_ROWS).count()).isEqualTo(quarantined);

    // The audit says read = landed + quarantined for every table, and matches the tables.
    List<Row> audit = read(LakeTables.AUDIT).collectAsList();
    assertThat(audit).hasSize(expected.size());
    for (Row row : audit) {
      long[] counts = expected.get(row.<String>getAs("table_name"));
      assertThat(row.<Long>getAs("rows_read"))
          .isEqualTo(row.<Long>getAs("rows_landed") + row.<Long>getAs("rows_quarantined"))
          .isEqualTo(counts[0]);
      assertThat(row.<Long>getAs("rows_landed")).isEqualTo(counts[1]);
      assertThat(row.<String>getAs("batch_id")).isEqualTo(result.batchId());
    }
    Row ledger = read(LakeTables.BATCHES).head();
    assertThat(ledger.<String>getAs("batch_id")).isEqualTo(result.batchId());
    assertThat(result.batchId())
        .isEqualTo("crm-" + ledger.<String>getAs("content_sha256").substring(0, 16));
  }

  @Test
  void landsTypedValuesWithLineage() {
    IngestResult result = land(SourceSystem.CRM, Fixtures.directory("crm"), Optional.empty());

    Row account = read("bronze/crm_accounts").filter(col("account_id").equalTo("A00001")).head();
    assertThat(account.<String>getAs("account_name")).isEqualTo("上海瑞康口腔门诊有限公司"); // GBK
    assertThat(account.<Timestamp>getAs("created_at").toInstant())
        .isEqualTo(Instant.parse("2025-01-03T01:15:00Z")); // 09:15 in Shanghai
    assertThat(account.<String>getAs(BronzeIngestion.SOURCE_FILE)).isEqualTo("accounts.csv");
    assertThat(account.<Long>getAs(BronzeIngestion.LINE_NUMBER)).isEqualTo(2L);
    assertThat(account.<String>getAs(BronzeIngestion.BATCH_ID)).isEqualTo(result.batchId());
    assertThat(account.<String>getAs(BronzeIngestion.ROW_HASH)).hasSize(64);
    assertThat(account.<Timestamp>getAs(BronzeIngestion.INGESTED_AT)).isNotNull();

    Row forecast =
        read("bronze/crm_forecast_submissions")
            .filter(col("forecast_id").equalTo("F0000001"))
            .head();
    assertThat(forecast.<BigDecimal>getAs("rep_probability")).isEqualByComparingTo("0.80");
    assertThat(forecast.<BigDecimal>getAs("forecast_amount")).isEqualByComparingTo("120000.00");
    assertThat(forecast.<Date>getAs("expected_close_month").toLocalDate())
        .isEqualTo(java.time.LocalDate.of(2025, 4, 1));
    assertThat(forecast.<Boolean>getAs("trial_agreement_signed")).isTrue();
    assertThat(forecast.<Boolean>getAs("budget_approved")).isFalse();

    Row change = read("bronze/crm_changes").filter(col("change_id").equalTo("CH0000002")).head();
    assertThat(change.<String>getAs("op")).isEqualTo("delete");
    assertThat(change.isNullAt(change.fieldIndex("data"))).isTrue();

    List<Row> leadQuarantine =
        read(LakeTables.QUARANTINE_ROWS)
            .filter(col("table_name").equalTo("bronze/crm_leads"))
            .orderBy("line_number")
            .collectAsList();
    assertThat(leadQuarantine)
        .extracting(row -> row.<Long>getAs("line_number"))
        .containsExactly(4L, 5L, 6L, 7L);
    assertThat(leadQuarantine)
        .extracting(row -> row.<String>getAs("field"))
        .containsExactly("created_at", "lead_id", null, null);
    assertThat(leadQuarantine.get(3).<String>getAs("reason")).startsWith("undecodable text:");
    assertThat(leadQuarantine.get(3).<byte[]>getAs("raw_bytes")).contains((byte) 0xFF);
    assertThat(leadQuarantine.get(0).<String>getAs("source_file")).isEqualTo("leads.csv");
  }

  @Test
  void rerunningTheSameInputIsANoOp() {
    IngestResult first = land(SourceSystem.CRM, Fixtures.directory("crm"), Optional.empty());
    Map<String, Long> versions = versions();

    IngestResult second = land(SourceSystem.CRM, Fixtures.directory("crm"), Optional.empty());

    assertThat(second.status()).isEqualTo(IngestResult.Status.ALREADY_LANDED);
    assertThat(second.batchId()).isEqualTo(first.batchId());
    assertThat(versions()).isEqualTo(versions);
    assertThat(second.tables())
        .extracting(TableResult::table, TableResult::rowsRead, TableResult::rowsLanded)
        .containsExactlyInAnyOrderElementsOf(
            first.tables().stream()
                .map(
                    t ->
                        org.assertj.core.groups.Tuple.tuple(
                            t.table(), t.rowsRead(), t.rowsLanded()))
                .toList());
    assertThat(read(LakeTables.BATCHES).count()).isEqualTo(1);
  }

  @Test
  void anUnreadableFileFailsTheBatchAndChangesNoTable(@TempDir Path input) throws IOException {
    land(SourceSystem.ERP, Fixtures.directory("erp"), Optional.empty());
    Fixtures.copy(Fixtures.directory("crm"), input);
    land(SourceSystem.CRM, input, Optional.empty());
    Map<String, Long> versions = versions();

    // New content (so a new batch), and one file that is not gzip despite its name.
    Files.write(input.resolve("contacts.csv.gz"), "contact_id,account_id\nC1,A1\n".getBytes());
    Files.writeString(
        input.resolve("regions.csv"), "R04,西南\n", java.nio.file.StandardOpenOption.APPEND);

    assertThatThrownBy(() -> land(SourceSystem.CRM, input, Optional.empty()))
        .isInstanceOf(SalesdwException.class)
        .hasMessageContaining(
            "1 file(s) under "
                + input
                + " cannot be read at all, so the batch"
                + " failed and no table changed")
        .hasMessageContaining("contacts.csv.gz is not a readable gzip file");
    assertThat(versions()).isEqualTo(versions);
  }

  @Test
  void landsADifferentlyShapedExportWithAMappingOnly() {
    IngestResult result =
        land(
            SourceSystem.CRM,
            Fixtures.directory("salesforce"),
            Optional.of(Fixtures.mapping("salesforce-opportunities.yaml")));

    assertThat(result.tables())
        .containsExactly(new TableResult("bronze/crm_opportunities", 3, 2, 1, 0));
    Map<String, Row> rows =
        read("bronze/crm_opportunities").collectAsList().stream()
            .collect(Collectors.toMap(row -> row.<String>getAs("opportunity_id"), row -> row));
    Row acme = rows.get("0065g00000AbCdE");
    assertThat(acme.<String>getAs("stage")).isEqualTo("negotiation");
    assertThat(acme.<String>getAs("status")).isEqualTo("open");
    assertThat(acme.<BigDecimal>getAs("amount")).isEqualByComparingTo("125000.00");
    // 1:30 AM in Los Angeles on 2025-03-09, half an hour before daylight time began: UTC-8.
    assertThat(acme.<Timestamp>getAs("created_at").toInstant())
        .isEqualTo(Instant.parse("2025-03-09T09:30:00Z"));
    assertThat(acme.<Date>getAs("expected_close_date").toLocalDate())
        .isEqualTo(java.time.LocalDate.of(2025, 4, 30));
    assertThat(acme.isNullAt(acme.fieldIndex("lead_id"))).isTrue();
    Row globex = rows.get("0065g00000AbCdF");
    assertThat(globex.<String>getAs("status")).isEqualTo("won");
    assertThat(globex.<Timestamp>getAs("updated_at").toInstant())
        .isEqualTo(Instant.parse("2025-03-01T07:59:00Z"));
    Row quarantined = read(LakeTables.QUARANTINE_ROWS).head();
    assertThat(quarantined.<String>getAs("field")).isEqualTo("expected_close_date");
    assertThat(quarantined.<String>getAs("reason"))
        .startsWith("expected_close_date: '13/01/2025' is not a date in the format 'MM/dd/yyyy'");
  }

  @Test
  void landsErpAndChatExports() {
    IngestResult erp = land(SourceSystem.ERP, Fixtures.directory("erp"), Optional.empty());
    // erp.sql is ignored by the mapping; orders has one amount with a thousands separator.
    assertThat(erp.files()).isEqualTo(2);
    assertThat(erp.tables())
        .containsExactly(
            new TableResult("bronze/erp_product_lines", 2, 2, 0, 0),
            new TableResult("bronze/erp_orders", 3, 2, 1, 0));
    Row order = read("bronze/erp_orders").filter(col("order_no").equalTo("SO000001")).head();
    assertThat(order.<Timestamp>getAs("updated_at").toInstant())
        .isEqualTo(Instant.parse("2025-03-01T02:00:00Z"));

    IngestResult chat = land(SourceSystem.CHAT, Fixtures.directory("chat"), Optional.empty());
    assertThat(chat.tables())
        .containsExactly(
            new TableResult("bronze/chat_contacts", 2, 2, 0, 0),
            new TableResult("bronze/chat_messages", 3, 2, 1, 0),
            new TableResult("bronze/chat_calls", 1, 1, 0, 0));
    Row file = read("bronze/chat_messages").filter(col("msgid").equalTo("m2")).head();
    assertThat(file.<Timestamp>getAs("msgtime").toInstant())
        .isEqualTo(Instant.ofEpochMilli(1_741_055_400_123L));
    assertThat(file.<String>getAs("file"))
        .isEqualTo("{\"filename\":\"需求.docx\",\"filesize\":12345}");
    // Both batches share the quarantine table, one commit each.
    assertThat(chat.quarantineVersion()).isEqualTo(1);
  }

  private IngestResult land(SourceSystem source, Path input, Optional<Path> mapping) {
    return ingestion.run(
        new IngestRequest(source, input, lake.toString(), mapping), IngestProgress.NONE);
  }

  private Dataset<Row> read(String table) {
    return spark.read().format("delta").load(LakeTables.location(lake.toString(), table));
  }

  /** The version of every Delta table under the lake. */
  private Map<String, Long> versions() {
    try (Stream<Path> paths = Files.walk(lake)) {
      Map<String, Long> versions = new TreeMap<>();
      for (Path log : paths.filter(path -> path.endsWith("_delta_log")).toList()) {
        String table = lake.relativize(log.getParent()).toString();
        versions.put(table, ingestion.tableVersion(lake.toString(), table).orElseThrow());
      }
      return versions;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
