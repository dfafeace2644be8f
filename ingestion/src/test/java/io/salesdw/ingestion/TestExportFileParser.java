package io.salesdw.ingestion;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesdw.contracts.SourceSystem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class TestExportFileParser {
  @Test
  void sortsLeadsIntoLandedAndQuarantinedWithLinesAndReasons() {
    ParsedFile file =
        Fixtures.parser(SourceSystem.CRM, "leads")
            .parse("leads.csv", Fixtures.bytes("crm/leads.csv"));
    assertThat(file.error()).isEmpty();
    // Line 1 is the header; lines 2..8 hold 7 records.
    assertThat(file.records())
        .extracting(ParsedRecord::lineNumber)
        .containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(file.records())
        .extracting(ParsedRecord::landed)
        .containsExactly(true, true, false, false, false, false, true);

    ParsedRecord badDate = file.records().get(2);
    assertThat(badDate.field()).contains("created_at");
    assertThat(badDate.reason().orElseThrow())
        .startsWith(
            "created_at: '2025-02-30 08:00:00' is not a timestamp in the format"
                + " 'yyyy-MM-dd HH:mm:ss'");
    assertThat(badDate.rawPayload()).startsWith("L000003,2025-02-30 08:00:00,展会");

    ParsedRecord missingKey = file.records().get(3);
    assertThat(missingKey.field()).contains("lead_id");
    assertThat(missingKey.reason())
        .contains("lead_id: missing value; the contract requires lead_id");

    ParsedRecord wrongFieldCount = file.records().get(4);
    assertThat(wrongFieldCount.field()).isEmpty();
    assertThat(wrongFieldCount.reason())
        .contains("wrong field count: expected 20 fields as in the header, found 4");

    ParsedRecord undecodable = file.records().get(5);
    int badByte = "L000006,2025-03-08 08:00:00,企业微信,华东,SaaS,10-50万,杭".getBytes(UTF_8).length + 1;
    assertThat(undecodable.reason())
        .contains(
            "undecodable text: byte(s) 0xFF at line 7, byte "
                + badByte
                + " are not valid UTF-8;"
                + " check the mapping's 'encoding' or fix the export");
    // The exact bytes are kept for the quarantine.
    assertThat(undecodable.rawBytes()).contains((byte) 0xFF, (byte) 0xFE);

    ParsedRecord first = file.records().get(0);
    // 2025-03-04 10:15:00 in Asia/Shanghai (UTC+8, no daylight saving) is 02:15 UTC.
    long micros = Instant.parse("2025-03-04T02:15:00Z").getEpochSecond() * 1_000_000L;
    assertThat(first.values().get(0)).contains("L000001");
    assertThat(first.values().get(1)).contains(Long.toString(micros));
    assertThat(first.values().get(2)).contains("website_form");
    assertThat(first.values().get(4)).contains("private_dental");
    assertThat(first.values().get(5)).contains("100k_to_500k");
    assertThat(first.values().get(14)).contains("converted");
    assertThat(first.values().get(18)).contains("0");
    assertThat(first.rowHash()).isEqualTo(ExportFileParser.rowHash(first.values()));

    ParsedRecord second = file.records().get(1);
    assertThat(second.values().get(9)).isEmpty(); // email: empty field = missing value
    assertThat(second.values().get(5)).contains("over_2m");

    assertThat(file.records().get(6).values().get(6)).contains("杭州云帆,网络科技有限公司");
  }

  @Test
  void decodesGbkWithCrlfLineEnds() {
    ParsedFile file =
        Fixtures.parser(SourceSystem.CRM, "accounts")
            .parse("accounts.csv", Fixtures.bytes("crm/accounts.csv"));
    assertThat(file.records()).extracting(ParsedRecord::lineNumber).containsExactly(2L, 3L, 4L, 5L);
    assertThat(file.records().get(0).values().get(1)).contains("上海瑞康口腔门诊有限公司");
    assertThat(file.records().get(0).values().get(3)).contains("private_dental");
    assertThat(file.records().get(2).values().get(1)).contains("北京优选快消品集团,股份有限公司");
    assertThat(file.records().get(2).values().get(10))
        .hasValueSatisfying(v -> assertThat(v).doesNotContain("\r"));
    ParsedRecord unknownIndustry = file.records().get(3);
    assertThat(unknownIndustry.field()).contains("industry");
    assertThat(unknownIndustry.reason().orElseThrow())
        .startsWith("industry: '机器人' is not one of the codes [tertiary_hospital,");
    assertThat(unknownIndustry.rawPayload())
        .isEqualTo(
            "A00004,成都智造科技有限公司,,机器人,西南,成都,028-66668888,,REP0004,2025-02-11 08:00:00,"
                + "2025-02-11 08:00:00");
  }

  @Test
  void keepsMultiLineRecordsAndChecksJsonColumns() {
    ParsedFile file =
        Fixtures.parser(SourceSystem.CRM, "activities")
            .parse("activities.csv", Fixtures.bytes("crm/activities.csv"));
    // The first record's summary holds a line break: it spans lines 2 and 3.
    assertThat(file.records()).extracting(ParsedRecord::lineNumber).containsExactly(2L, 4L, 5L);
    ParsedRecord visit = file.records().get(0);
    assertThat(visit.landed()).isTrue();
    assertThat(visit.values().get(9)).contains("客户关注价格,\n希望下周给出\"优惠方案\"");
    assertThat(visit.values().get(14)).contains("[{\"name\":\"方案v2.pptx\",\"size_bytes\":482113}]");
    assertThat(visit.values().get(15)).contains("31.23040000");
    assertThat(visit.rawPayload()).contains("\n");
    ParsedRecord brokenJson = file.records().get(2);
    assertThat(brokenJson.field()).contains("attachments");
    assertThat(brokenJson.reason().orElseThrow())
        .startsWith("attachments: '[{\"name\":\"broken\"' is not valid JSON");
  }

  @Test
  void readsBooleansMonthsAndCollectsEveryBadFieldOfARecord() {
    ParsedFile file =
        Fixtures.parser(SourceSystem.CRM, "forecast_submissions")
            .parse("forecast-submissions.csv", Fixtures.bytes("crm/forecast-submissions.csv"));
    ParsedRecord commit = file.records().get(0);
    assertThat(commit.values().get(8)).contains("2025-04-01"); // yyyy-MM -> first of the month
    assertThat(commit.values().subList(9, 12))
        .containsExactly(Optional.of("true"), Optional.of("false"), Optional.of("false"));
    assertThat(file.records().get(1).values().get(12)).isEmpty();
    ParsedRecord bad = file.records().get(2);
    assertThat(bad.field()).contains("rep_probability,trial_agreement_signed");
    assertThat(bad.reason().orElseThrow())
        .contains("rep_probability: '0.555' is not a decimal(3,2) (has more than 2 decimal places)")
        .contains("trial_agreement_signed: '也许' is not a boolean");
  }

  @Test
  void parsesJsonLinesSkippingBlankLines() {
    ParsedFile file =
        Fixtures.parser(SourceSystem.CRM, "changes")
            .parse(
                "changes/changes-2025-03.jsonl",
                Fixtures.bytes("crm/changes/changes-2025-03.jsonl"));
    // Line 4 is blank: not a record.
    assertThat(file.records()).extracting(ParsedRecord::lineNumber).containsExactly(1L, 2L, 3L, 5L);
    assertThat(file.records())
        .extracting(ParsedRecord::landed)
        .containsExactly(true, true, false, false);
    assertThat(file.records().get(0).values().get(5))
        .contains("{\"opportunity_id\":\"O000001\",\"amount\":\"120000.00\"}");
    assertThat(file.records().get(1).values().get(5)).isEmpty();
    assertThat(file.records().get(2).reason().orElseThrow()).startsWith("broken JSON: ");
    assertThat(file.records().get(3).reason().orElseThrow())
        .startsWith("entity: 'contact' is not one of the codes [lead, opportunity, account, rep]");
  }

  @Test
  void readsEpochMillisAndRenamedJsonFields() {
    ParsedFile file =
        Fixtures.parser(SourceSystem.CHAT, "messages")
            .parse("messages-2025-03.jsonl", Fixtures.bytes("chat/messages-2025-03.jsonl"));
    assertThat(file.records()).extracting(ParsedRecord::landed).containsExactly(true, true, false);
    assertThat(file.records().get(0).values().get(2)).contains("zhangsan"); // from -> from_id
    assertThat(file.records().get(1).values().get(5)).contains("1741055400123000");
    assertThat(file.records().get(0).values().get(4)).isEmpty(); // roomid "" is missing
    assertThat(file.records().get(2).reason().orElseThrow())
        .startsWith("msgtime: 'yesterday' is not a timestamp in the format 'epoch-millis'");
  }

  @Test
  void decompressesGzipAndFailsTheFileWhenItIsCorrupt() throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(Fixtures.bytes("crm/regions.csv"));
    }
    ExportFileParser parser = Fixtures.parser(SourceSystem.CRM, "regions");
    assertThat(parser.parse("regions.csv.gz", compressed.toByteArray()).records()).hasSize(3);
    byte[] truncated = java.util.Arrays.copyOf(compressed.toByteArray(), 20);
    ParsedFile corrupt = parser.parse("regions.csv.gz", truncated);
    assertThat(corrupt.records()).isEmpty();
    assertThat(corrupt.error().orElseThrow()).startsWith("is not a readable gzip file (");
  }

  @Test
  void failsAFileWhoseHeaderLacksAContractColumn() {
    ParsedFile file =
        Fixtures.parser(SourceSystem.CRM, "regions")
            .parse("regions.csv", "region_id,name\nR01,华东\n".getBytes(UTF_8));
    assertThat(file.error())
        .contains(
            "has no column region_name in its header [region_id, name]; rename with 'columns' in"
                + " the mapping, or list nullable contract columns under 'absent-columns'");
  }

  @Test
  void rowHashTellsMissingFromEmpty() {
    assertThat(ExportFileParser.rowHash(List.of(Optional.of("a"), Optional.empty())))
        .isNotEqualTo(ExportFileParser.rowHash(List.of(Optional.of("a"), Optional.of(""))));
  }
}
