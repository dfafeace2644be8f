package io.salesdw.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conformed dimensions and facts computed from hand-built silver views. */
class DimensionsAndFactsIT {
  private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

  private static final String REPS =
      "rep_id STRING, rep_name STRING, level STRING, hire_date DATE, leave_date DATE,"
          + " team_id STRING, manager_rep_id STRING, phone STRING, email STRING,"
          + " wecom_userid STRING, updated_at TIMESTAMP";
  private static final String CHANGES =
      "change_id STRING, entity STRING, op STRING, key STRING, changed_at TIMESTAMP, data STRING";

  @BeforeEach
  void organisation() {
    MartFixture.view(
        "silver_crm_regions",
        "region_id STRING, region_name STRING",
        "('R1', '华东')",
        "('R2', '华南')");
    MartFixture.view(
        "silver_crm_teams",
        "team_id STRING, team_name STRING, region_id STRING, manager_rep_id STRING",
        "('T1', '上海一组', 'R1', 'REP8')",
        "('T2', '广州一组', 'R2', 'REP9')");
    // REP1 is hired into T1 in January and moves to T2 on 1 June; the June image arrives twice
    // (a duplicate delivery). REP2 never changed during the year.
    MartFixture.view(
        "bronze_crm_changes",
        CHANGES,
        "('CH1', 'rep', 'upsert', 'REP1', TIMESTAMP'2025-01-06 09:00:00', "
            + image("L1", "T1", "REP8")
            + ")",
        "('CH2', 'rep', 'upsert', 'REP1', TIMESTAMP'2025-06-01 09:00:00', "
            + image("L1", "T2", "REP9")
            + ")",
        "('CH3', 'rep', 'upsert', 'REP1', TIMESTAMP'2025-06-01 09:00:00', "
            + image("L1", "T2", "REP9")
            + ")",
        "('CH4', 'lead', 'upsert', 'L1', TIMESTAMP'2025-06-02 09:00:00', '{}')");
    MartFixture.view(
        "silver_crm_reps",
        REPS,
        "('REP1', '张三', 'L1', DATE'2025-01-06', NULL, 'T2', 'REP9', NULL, NULL, 'zhangsan',"
            + " TIMESTAMP'2025-06-01 09:00:00')",
        "('REP2', '李四', 'L3', DATE'2021-03-01', NULL, 'T1', 'REP8', NULL, NULL, 'lisi',"
            + " TIMESTAMP'2024-12-01 09:00:00')");
  }

  private static String image(String level, String team, String manager) {
    return "'{\"rep_id\":\"REP1\",\"rep_name\":\"张三\",\"level\":\""
        + level
        + "\",\"hire_date\":\"2025-01-06\",\"leave_date\":null,\"team_id\":\""
        + team
        + "\",\"manager_rep_id\":\""
        + manager
        + "\"}'";
  }

  @Test
  void repHistoryIsTypeTwoWithOneVersionPerDistinctState() {
    List<Row> rows =
        MartFixture.compute("dim_rep", AS_OF)
            .selectExpr(
                "rep_id",
                "rep_version",
                "rep_key",
                "team_id",
                "region_name",
                "date_format(valid_from, 'yyyy-MM-dd HH:mm:ss') AS valid_from",
                "date_format(valid_to, 'yyyy-MM-dd HH:mm:ss') AS valid_to",
                "is_current")
            .orderBy("rep_id", "rep_version")
            .collectAsList();
    // REP1: the January image (T1) and the June transfer (T2, delivered twice: one version).
    // REP2: only the current export, valid for all time.
    assertThat(rows)
        .extracting(
            r -> r.getAs("rep_key"),
            r -> r.getAs("team_id"),
            r -> r.getAs("region_name"),
            r -> r.getAs("valid_from"),
            r -> r.getAs("valid_to"),
            r -> r.getAs("is_current"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "REP1#1", "T1", "华东", "1900-01-01 00:00:00", "2025-06-01 09:00:00", false),
            org.assertj.core.groups.Tuple.tuple(
                "REP1#2", "T2", "华南", "2025-06-01 09:00:00", "9999-12-31 00:00:00", true),
            org.assertj.core.groups.Tuple.tuple(
                "REP2#1", "T1", "华东", "1900-01-01 00:00:00", "9999-12-31 00:00:00", true));
  }

  @Test
  void activitiesStayWithTheTeamTheRepWasInAtTheTime() {
    MartFixture.compute("dim_rep", AS_OF).createOrReplaceTempView("gold_dim_rep");
    MartFixture.view(
        "silver_customer_crosswalk",
        "unified_customer_id STRING, source STRING, record_id STRING, record_name STRING",
        "('UC1', 'crm', 'A1', '某公司')");
    String columns =
        "activity_id STRING, activity_type STRING, rep_id STRING, account_id STRING,"
            + " contact_id STRING, lead_id STRING, opportunity_id STRING, started_at TIMESTAMP,"
            + " duration_minutes BIGINT, summary STRING, summary_language STRING,"
            + " need_type STRING, next_action STRING, next_action_date DATE,"
            + " attachments STRING, checkin_lat DECIMAL(12,8), checkin_lng DECIMAL(12,8),"
            + " checkin_address STRING, created_at TIMESTAMP";
    MartFixture.view(
        "silver_crm_activities",
        columns,
        // Before the transfer; need + check-in + next action: effective.
        "('ACT1', 'visit', 'REP1', 'A1', NULL, NULL, NULL, TIMESTAMP'2025-05-10 10:00:00', 60,"
            + " '客户关心价格', 'zh', 'price', '发报价', DATE'2025-05-12', '[]', 31.2, 121.4,"
            + " '上海', TIMESTAMP'2025-05-10 18:00:00')",
        // After the transfer; two attachments but no need type: not effective.
        "('ACT2', 'visit', 'REP1', 'A1', NULL, NULL, NULL, TIMESTAMP'2025-07-01 10:00:00', 30,"
            + " 'demo', 'en', NULL, '跟进', DATE'2025-07-03',"
            + " '[{\"name\":\"a.pptx\",\"size_bytes\":1},{\"name\":\"b.pdf\",\"size_bytes\":2}]',"
            + " NULL, NULL, NULL, TIMESTAMP'2025-07-02 10:00:00')",
        // No attachments recorded at all (NULL) and no check-in: zero attachments, no evidence.
        "('ACT3', 'call', 'REP2', NULL, NULL, 'L9', NULL, TIMESTAMP'2025-07-01 11:00:00', 5,"
            + " NULL, NULL, 'training', '回电', DATE'2025-07-02', NULL, NULL, NULL, NULL,"
            + " TIMESTAMP'2025-07-01 11:30:00')");
    Dataset<Row> facts = MartFixture.compute("fact_activity", AS_OF);
    Map<String, Row> byId =
        facts.collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getAs("activity_id"), r -> r));
    assertThat((String) byId.get("ACT1").getAs("team_id")).isEqualTo("T1");
    assertThat((String) byId.get("ACT2").getAs("team_id")).isEqualTo("T2");
    assertThat((String) byId.get("ACT1").getAs("unified_customer_id")).isEqualTo("UC1");
    assertThat((Integer) byId.get("ACT1").getAs("month_key")).isEqualTo(202505);
    assertThat((Boolean) byId.get("ACT1").getAs("is_effective")).isTrue();
    assertThat((Boolean) byId.get("ACT2").getAs("is_effective")).isFalse();
    assertThat((Integer) byId.get("ACT2").getAs("attachment_count")).isEqualTo(2);
    assertThat((Integer) byId.get("ACT3").getAs("attachment_count")).isZero();
    assertThat((Boolean) byId.get("ACT3").getAs("is_effective")).isFalse();
    // Logged 8 hours after the visit began; 24 hours for ACT2.
    assertThat(((Number) byId.get("ACT1").getAs("logging_delay_hours")).doubleValue())
        .isEqualTo(8.0);
    assertThat(((Number) byId.get("ACT2").getAs("logging_delay_hours")).doubleValue())
        .isEqualTo(24.0);
  }

  @Test
  void leadLifecycleMeasuresFirstTouchAgainstTheChannelsSla() {
    MartFixture.compute("dim_rep", AS_OF).createOrReplaceTempView("gold_dim_rep");
    MartFixture.view(
        "silver_crm_channels",
        "channel_id STRING, channel_name STRING, first_touch_sla_minutes BIGINT",
        "('hotline_400', '400热线', 3)",
        "('trade_show', '展会', 1440)");
    MartFixture.view(
        "silver_customer_crosswalk",
        "unified_customer_id STRING, source STRING, record_id STRING, record_name STRING");
    MartFixture.view(
        "silver_crm_opportunities",
        "opportunity_id STRING, account_id STRING, status STRING, created_at TIMESTAMP,"
            + " closed_at TIMESTAMP");
    MartFixture.view(
        "silver_crm_activities",
        "activity_id STRING, lead_id STRING, started_at TIMESTAMP",
        "('ACT1', 'L3', TIMESTAMP'2025-03-01 10:00:00')");
    String lead =
        "lead_id STRING, created_at TIMESTAMP, channel_id STRING, region_name STRING,"
            + " industry STRING, budget_band STRING, assigned_rep_id STRING,"
            + " assigned_at TIMESTAMP, claimed_at TIMESTAMP, first_touch_at TIMESTAMP,"
            + " status STRING, mql_at TIMESTAMP, sql_at TIMESTAMP, opportunity_id STRING,"
            + " recycle_count BIGINT";
    MartFixture.view(
        "silver_crm_leads",
        lead,
        // Hotline lead of 1 December touched after exactly 3 minutes: within its 3-minute SLA,
        // and recent enough (30 days before the as-of date) not to count as unfollowed.
        "('L1', TIMESTAMP'2025-12-01 10:00:00', 'hotline_400', NULL, NULL, NULL, 'REP2',"
            + " TIMESTAMP'2025-12-01 10:01:00', NULL, TIMESTAMP'2025-12-01 10:03:00', 'working',"
            + " NULL, NULL, NULL, 0)",
        // Hotline lead touched after 4 minutes: outside the SLA, within 72 hours.
        "('L2', TIMESTAMP'2025-12-01 10:00:00', 'hotline_400', NULL, NULL, NULL, 'REP2',"
            + " TIMESTAMP'2025-12-01 10:02:00', NULL, TIMESTAMP'2025-12-01 10:04:00', 'working',"
            + " NULL, NULL, NULL, 1)",
        // Trade-show lead from February, last worked 1 March, still open on 31 December: more
        // than 90 days without follow-up; touched after 73 hours, outside 72.
        "('L3', TIMESTAMP'2025-02-25 09:00:00', 'trade_show', NULL, NULL, NULL, 'REP2',"
            + " NULL, NULL, TIMESTAMP'2025-02-28 10:00:00', 'working', NULL, NULL, NULL, NULL)");
    Map<String, Row> byId =
        MartFixture.compute("fact_lead_lifecycle", AS_OF).collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getAs("lead_id"), r -> r));
    assertThat((Boolean) byId.get("L1").getAs("first_touch_within_sla")).isTrue();
    assertThat((Boolean) byId.get("L2").getAs("first_touch_within_sla")).isFalse();
    assertThat((Boolean) byId.get("L2").getAs("first_touch_within_72h")).isTrue();
    assertThat((Boolean) byId.get("L3").getAs("first_touch_within_72h")).isFalse();
    assertThat(((Number) byId.get("L3").getAs("first_touch_minutes")).doubleValue())
        .isEqualTo(73 * 60.0);
    assertThat(((Number) byId.get("L1").getAs("assignment_wait_minutes")).doubleValue())
        .isEqualTo(1.0);
    assertThat((Boolean) byId.get("L3").getAs("no_follow_up_90d")).isTrue();
    assertThat((Boolean) byId.get("L1").getAs("no_follow_up_90d")).isFalse();
    assertThat((Boolean) byId.get("L2").getAs("was_recycled")).isTrue();
    assertThat((String) byId.get("L1").getAs("team_id")).isEqualTo("T1");
  }
}
