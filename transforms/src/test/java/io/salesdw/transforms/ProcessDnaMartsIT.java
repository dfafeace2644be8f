package io.salesdw.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The process-DNA marts on hand-built facts; every expected figure is worked out in the comments
 * from the fixture's literals (word counts and signals follow the text package's documented rules:
 * English words at spaces, {@code 预算已经批了，下周能定} is 7 ICU words).
 */
class ProcessDnaMartsIT {
  private static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);
  private static final double EPSILON = 1e-9;

  private static final String REP =
      "rep_key STRING, rep_id STRING, rep_name STRING, level STRING, is_manager BOOLEAN,"
          + " team_id STRING, region_id STRING, hire_date DATE, leave_date DATE,"
          + " valid_from TIMESTAMP, valid_to TIMESTAMP, is_current BOOLEAN";
  private static final String ACTIVITY =
      "activity_id STRING, month_key INT, activity_type STRING, rep_id STRING, account_id STRING,"
          + " opportunity_id STRING, contact_id STRING, started_at TIMESTAMP, summary STRING,"
          + " need_type STRING, next_action STRING, next_action_date DATE, attachment_count INT,"
          + " has_next_action BOOLEAN, is_effective BOOLEAN";
  private static final String CALL =
      "call_id STRING, month_key INT, call_type STRING, rep_id STRING, turns STRING";
  private static final String CHAT =
      "msgid STRING, month_key INT, sender_role STRING, rep_id STRING, text_content STRING";
  private static final String TRANSITION =
      "opportunity_id STRING, month_key INT, to_stage STRING, rep_id STRING,"
          + " is_creation BOOLEAN, is_on_time BOOLEAN";
  private static final String QUOTE =
      "quote_no STRING, revision INT, month_key INT, opportunity_id STRING, rep_id STRING,"
          + " submitted_at TIMESTAMP";
  private static final String CONTACT = "contact_id STRING, decision_role STRING";
  private static final String OPPORTUNITY =
      "opportunity_id STRING, account_id STRING, owner_rep_id STRING, amount DECIMAL(16,2),"
          + " status STRING, created_at TIMESTAMP, closed_at TIMESTAMP,"
          + " expected_close_date DATE, updated_at TIMESTAMP";
  private static final String ACCOUNT = "account_id STRING, account_name STRING";
  private static final String CROSSWALK =
      "unified_customer_id STRING, source STRING, record_id STRING";
  private static final String CUSTOMER = "unified_customer_id STRING, customer_name STRING";

  private static final String ALWAYS =
      "TIMESTAMP'1900-01-01 00:00:00', TIMESTAMP'9999-12-31 00:00:00', true";

  /** An activity row; the month key is taken from the start date ('2025-02-03 10:00:00'). */
  private static String activity(
      String id,
      String type,
      String rep,
      String account,
      String opportunity,
      String contact,
      String startedAt,
      String summary,
      String needType,
      String nextActionDate,
      int attachments,
      boolean effective) {
    return "('"
        + id
        + "', "
        + startedAt.substring(0, 4)
        + startedAt.substring(5, 7)
        + ", '"
        + type
        + "', '"
        + rep
        + "', "
        + literal(account)
        + ", "
        + literal(opportunity)
        + ", "
        + literal(contact)
        + ", TIMESTAMP'"
        + startedAt
        + "', "
        + literal(summary)
        + ", "
        + literal(needType)
        + ", "
        + (nextActionDate == null ? "NULL" : "'next step'")
        + ", "
        + (nextActionDate == null ? "NULL" : "DATE'" + nextActionDate + "'")
        + ", "
        + attachments
        + ", "
        + (nextActionDate != null)
        + ", "
        + effective
        + ")";
  }

  private static String literal(String value) {
    return value == null ? "NULL" : "'" + value + "'";
  }

  private static String turn(String speaker, int start, int end, String text) {
    return "{\"speaker\":\""
        + speaker
        + "\",\"start_second\":"
        + start
        + ",\"end_second\":"
        + end
        + ",\"text\":\""
        + text
        + "\"}";
  }

  private static String call(String id, String type, String rep, String... turns) {
    return "('"
        + id
        + "', 202502, '"
        + type
        + "', '"
        + rep
        + "', '["
        + String.join(",", turns)
        + "]')";
  }

  private static <K> Map<K, Row> byKey(Dataset<Row> rows, Function<Row, K> key) {
    return rows.collectAsList().stream().collect(Collectors.toMap(key, r -> r));
  }

  private static String repMonth(Row row) {
    return row.<String>getAs("rep_id") + "/" + row.<Integer>getAs("month_key");
  }

  private static boolean isNull(Row row, String column) {
    return row.isNullAt(row.fieldIndex(column));
  }

  private static double number(Row row, String column) {
    return ((Number) row.getAs(column)).doubleValue();
  }

  private static void repFixture() {
    // Team T1: reps R1, R2, R5 and manager M1; team T2: R3, hired on 2025-02-01. R1 moved from
    // T2 to T1 on 2025-01-15 (two dim_rep versions). As of 2025-03-31, months 2025-01..03 (the
    // first activity is in January).
    MartFixture.view(
        "gold_dim_rep",
        REP,
        "('R1#1', 'R1', 'Rep One', 'L2', false, 'T2', 'G2', DATE'2020-01-01', NULL,"
            + " TIMESTAMP'1900-01-01 00:00:00', TIMESTAMP'2025-01-15 09:00:00', false)",
        "('R1#2', 'R1', 'Rep One', 'L2', false, 'T1', 'G1', DATE'2020-01-01', NULL,"
            + " TIMESTAMP'2025-01-15 09:00:00', TIMESTAMP'9999-12-31 00:00:00', true)",
        "('R2#1', 'R2', 'Rep Two', 'L2', false, 'T1', 'G1', DATE'2021-01-01', NULL, "
            + ALWAYS
            + ")",
        "('R5#1', 'R5', 'Rep Five', 'L1', false, 'T1', 'G1', DATE'2022-01-01', NULL, "
            + ALWAYS
            + ")",
        "('M1#1', 'M1', 'Manager', 'M1', true, 'T1', 'G1', DATE'2015-01-01', NULL, " + ALWAYS + ")",
        "('R3#1', 'R3', 'Rep Three', 'L1', false, 'T2', 'G2', DATE'2025-02-01', NULL, "
            + ALWAYS
            + ")");
    MartFixture.view(
        "gold_fact_activity",
        ACTIVITY,
        activity(
            "A0",
            "call",
            "R1",
            "AC1",
            "O1",
            null,
            "2025-01-20 09:00:00",
            null,
            null,
            null,
            0,
            false),
        // R1 in February: 2 visits (A1 effective), a demo; notes of 4 and 6 English words.
        activity(
            "A1",
            "visit",
            "R1",
            "AC1",
            "O1",
            "C1",
            "2025-02-03 10:00:00",
            "Customer said budget approved",
            "price",
            "2025-02-20",
            1,
            true),
        activity(
            "A2",
            "visit",
            "R1",
            "AC1",
            "O1",
            "C2",
            "2025-02-10 10:00:00",
            "Showed the new dashboard to IT",
            "training",
            null,
            0,
            false),
        activity(
            "A3",
            "demo",
            "R1",
            "AC1",
            "O1",
            "C1",
            "2025-02-12 10:00:00",
            null,
            "price",
            "2025-02-25",
            2,
            true),
        // R2 in February: 3 visits, 1 effective; notes of 7 ICU words (2 decisions) and 4 words,
        // and a blank note (not a note).
        activity(
            "B1",
            "visit",
            "R2",
            "AC2",
            "O4",
            null,
            "2025-02-05 10:00:00",
            "预算已经批了，下周能定",
            "after_sales",
            "2025-04-05",
            3,
            true),
        activity(
            "B2",
            "visit",
            "R2",
            "AC2",
            "O4",
            null,
            "2025-02-06 10:00:00",
            "Met the IT team",
            "delivery_time",
            "2025-02-10",
            1,
            false),
        activity(
            "B3",
            "visit",
            "R2",
            "AC2",
            "O4",
            null,
            "2025-02-07 10:00:00",
            "   ",
            "price",
            "2025-02-11",
            0,
            false),
        // The manager's visit must not move the reps' scores.
        activity(
            "M1A",
            "visit",
            "M1",
            "AC2",
            null,
            null,
            "2025-02-08 10:00:00",
            null,
            "price",
            "2025-02-12",
            0,
            true),
        activity(
            "D1",
            "visit",
            "R3",
            "AC3",
            "O3",
            "C3",
            "2025-02-15 10:00:00",
            null,
            "price",
            "2025-02-28",
            2,
            true));
    MartFixture.view(
        "silver_crm_contacts",
        CONTACT,
        "('C1', 'key_person')",
        "('C2', 'user')",
        "('C3', 'key_person')");
    MartFixture.view(
        "gold_fact_opportunity_stage_transition",
        TRANSITION,
        "('O1', 202501, 'initial_contact', 'R1', true, false)",
        "('O1', 202502, 'solution_demo', 'R1', false, true)",
        "('O2', 202502, 'initial_contact', 'R1', true, false)",
        "('O2', 202502, 'solution_demo', 'R1', false, false)",
        "('O4', 202502, 'negotiation', 'R2', false, true)",
        "('O3', 202502, 'solution_demo', 'R3', false, true)");
    MartFixture.view(
        "gold_fact_quote",
        QUOTE,
        "('Q1', 1, 202501, 'O1', 'R1', TIMESTAMP'2025-01-25 10:00:00')",
        "('Q1', 2, 202502, 'O1', 'R1', TIMESTAMP'2025-02-04 10:00:00')",
        "('Q1', 3, 202502, 'O1', 'R1', TIMESTAMP'2025-02-11 10:00:00')",
        "('Q1', 4, 202502, 'O1', 'R1', TIMESTAMP'2025-02-18 10:00:00')",
        "('Q1', 5, 202502, 'O1', 'R1', TIMESTAMP'2025-02-25 10:00:00')",
        "('Q3', 1, 202502, 'O3', 'R3', TIMESTAMP'2025-02-16 10:00:00')");
    MartFixture.view(
        "gold_fact_call",
        CALL,
        call(
            "K1",
            "meeting",
            "R1",
            turn("rep", 0, 60, "Let me walk you through the plan"),
            turn("customer", 60, 80, "Sounds fine"),
            turn("rep", 80, 120, "Our platform covers it")),
        call(
            "K3",
            "meeting",
            "R1",
            turn("rep", 0, 50, "Next we look at pricing"),
            turn("customer", 50, 60, "OK")),
        // A call, not a meeting: its question counts for the warning, not per meeting; the rep's
        // discount line is no price objection, the customer's 太贵了 is.
        call(
            "K2",
            "call",
            "R1",
            turn("customer", 0, 10, "太贵了"),
            turn("rep", 10, 30, "这个折扣已经是这个季度最低了"),
            turn("customer", 30, 40, "What about training?")),
        call(
            "K4",
            "meeting",
            "R2",
            turn("rep", 0, 30, "Hello"),
            turn("customer", 30, 90, "Can you integrate with our HIS? 预算已批")),
        // An interpreter's turn is malformed and skipped.
        call(
            "K6",
            "meeting",
            "R2",
            turn("interpreter", 0, 100, "..."),
            turn("customer", 0, 30, "Why?")),
        "('K5', 202502, 'meeting', 'R2', NULL)");
    MartFixture.view(
        "gold_fact_chat_message",
        CHAT,
        "('m1', 202502, 'customer', 'R1', '竞品报价更低')",
        "('m2', 202502, 'customer', 'R1', '下周能定')",
        "('m3', 202502, 'rep', 'R1', '价格太贵了')",
        "('m4', 202502, 'customer', 'R2', '售后响应太慢')",
        "('m5', 202502, 'customer', NULL, '太贵了')");
  }

  @Test
  void repProcessDna() {
    repFixture();
    Map<String, Row> rows =
        byKey(MartFixture.compute("mart_rep_process_dna", AS_OF), ProcessDnaMartsIT::repMonth);
    // R1, R2, R5, M1 employed in all three months; R3 from February (hired 2025-02-01).
    assertThat(rows.keySet())
        .containsExactlyInAnyOrder(
            "R1/202501",
            "R1/202502",
            "R1/202503",
            "R2/202501",
            "R2/202502",
            "R2/202503",
            "R5/202501",
            "R5/202502",
            "R5/202503",
            "M1/202501",
            "M1/202502",
            "M1/202503",
            "R3/202502",
            "R3/202503");

    // R1 in January: the dim_rep version at the month's end (T1); one call, no visit; the first
    // quote revision is no solution revision.
    Row r1Jan = rows.get("R1/202501");
    assertThat(r1Jan.<String>getAs("rep_key")).isEqualTo("R1#2");
    assertThat(r1Jan.<String>getAs("team_id")).isEqualTo("T1");
    assertThat(r1Jan.<Long>getAs("activities")).isEqualTo(1L);
    assertThat(r1Jan.<Long>getAs("visits")).isEqualTo(0L);
    assertThat(isNull(r1Jan, "effective_visit_rate")).isTrue();
    assertThat(isNull(r1Jan, "words_per_note")).isTrue();
    assertThat(number(r1Jan, "need_type_coverage")).isEqualTo(0.0);
    assertThat(isNull(r1Jan, "stage_update_timeliness")).isTrue();
    assertThat(r1Jan.<Long>getAs("solution_revisions")).isEqualTo(0L);
    assertThat(r1Jan.<Long>getAs("quotes_worked")).isEqualTo(1L);
    // January, T1 peers R1, R2, R5 all with 0 visits: 100 x (0 + 0.5 x 2) / 2 = 50 each.
    for (String rep : List.of("R1", "R2", "R5")) {
      assertThat(number(rows.get(rep + "/202501"), "radar_visits")).isEqualTo(50.0);
    }

    Row r1 = rows.get("R1/202502");
    assertThat(r1.<Long>getAs("activities")).isEqualTo(3L);
    assertThat(r1.<Long>getAs("visits")).isEqualTo(2L);
    assertThat(r1.<Long>getAs("effective_visits")).isEqualTo(1L);
    assertThat(number(r1, "effective_visit_rate")).isEqualTo(1.0 / 2);
    // "Customer said budget approved" (4) and "Showed the new dashboard to IT" (6); A3 has none.
    assertThat(number(r1, "words_per_note")).isCloseTo((4 + 6) / 2.0, within(EPSILON));
    // Visit attachments 1 + 0 over 2 visits (the demo's 2 are not a visit's).
    assertThat(number(r1, "attachments_per_visit")).isEqualTo(1 / 2.0);
    // price, training (price twice) of 6 need types.
    assertThat(r1.<Long>getAs("need_types_recorded")).isEqualTo(2L);
    assertThat(number(r1, "need_type_coverage")).isCloseTo(2 / 6.0, within(EPSILON));
    // O1: demo A3 yes, key person C1 met on A1 yes, quote Q1 yes, next action after every
    // meeting no (A2 has none) = 3; O2: nothing logged = 0; 3 of 2 x 4.
    assertThat(r1.<Long>getAs("golden_opportunities")).isEqualTo(2L);
    assertThat(r1.<Long>getAs("golden_actions_done")).isEqualTo(3L);
    assertThat(number(r1, "golden_action_completion")).isEqualTo(3 / 8.0);
    // O1 on time, O2 late; O2's creation is no update.
    assertThat(r1.<Long>getAs("stage_updates")).isEqualTo(2L);
    assertThat(number(r1, "stage_update_timeliness")).isEqualTo(1 / 2.0);
    // Q1 revisions 2, 3, 4, 5 submitted in February.
    assertThat(r1.<Long>getAs("solution_revisions")).isEqualTo(4L);
    // Meetings K1 (rep 60 + 40 s, customer 20 s) and K3 (rep 50 s, customer 10 s), no questions.
    assertThat(r1.<Long>getAs("meetings_transcribed")).isEqualTo(2L);
    assertThat(r1.<Long>getAs("customer_questions")).isEqualTo(0L);
    assertThat(number(r1, "customer_questions_per_meeting")).isEqualTo(0.0);
    assertThat(number(r1, "talk_share")).isCloseTo(150.0 / (150 + 30), within(EPSILON));
    // With call K2: 3 conversations and 1 question ("What about training?").
    assertThat(r1.<Long>getAs("conversations_transcribed")).isEqualTo(3L);
    assertThat(r1.<Long>getAs("conversation_customer_questions")).isEqualTo(1L);
    // Chat m2 下周能定 (decision); m1 竞品报价更低 (price + competitor) + K2 太贵了 (price); m3 is
    // the rep's and K2's 折扣 line the rep's: not counted.
    assertThat(r1.<Long>getAs("customer_messages")).isEqualTo(2L);
    assertThat(r1.<Long>getAs("decision_signals")).isEqualTo(1L);
    assertThat(r1.<Long>getAs("price_objections")).isEqualTo(2L);
    assertThat(r1.<Long>getAs("service_objections")).isEqualTo(0L);
    assertThat(r1.<Long>getAs("competitor_objections")).isEqualTo(1L);
    assertThat(r1.<Long>getAs("note_decision_signals")).isEqualTo(1L);

    Row r2 = rows.get("R2/202502");
    assertThat(r2.<Long>getAs("visits")).isEqualTo(3L);
    assertThat(number(r2, "effective_visit_rate")).isCloseTo(1 / 3.0, within(EPSILON));
    // 7 and 4 words; the blank note is no note.
    assertThat(number(r2, "words_per_note")).isCloseTo((7 + 4) / 2.0, within(EPSILON));
    assertThat(number(r2, "attachments_per_visit")).isCloseTo((3 + 1 + 0) / 3.0, within(EPSILON));
    assertThat(number(r2, "need_type_coverage")).isCloseTo(3 / 6.0, within(EPSILON));
    assertThat(isNull(r2, "golden_action_completion")).isTrue();
    assertThat(number(r2, "stage_update_timeliness")).isEqualTo(1.0);
    // K4 (rep 30 s, customer 60 s, 1 question) and K6 (interpreter's 100 s skipped, customer
    // 30 s, 1 question); K5 has no transcript.
    assertThat(r2.<Long>getAs("meetings_transcribed")).isEqualTo(2L);
    assertThat(number(r2, "customer_questions_per_meeting")).isEqualTo(2 / 2.0);
    assertThat(number(r2, "talk_share")).isCloseTo(30.0 / (30 + 60 + 30), within(EPSILON));
    // K4 预算已批 (decision), m4 售后响应太慢 (service); notes: 预算已经批 and 下周能定.
    assertThat(r2.<Long>getAs("decision_signals")).isEqualTo(1L);
    assertThat(r2.<Long>getAs("price_objections")).isEqualTo(0L);
    assertThat(r2.<Long>getAs("service_objections")).isEqualTo(1L);
    assertThat(r2.<Long>getAs("note_decision_signals")).isEqualTo(2L);

    // February radar in T1 among R1, R2, R5 (M1 is a manager: no peer, no score).
    Row r5 = rows.get("R5/202502");
    // Visits R5 0, R1 2, R2 3: 100 x 0/2, 100 x 1/2, 100 x 2/2.
    assertThat(number(r5, "radar_visits")).isEqualTo(0.0);
    assertThat(number(r1, "radar_visits")).isEqualTo(50.0);
    assertThat(number(r2, "radar_visits")).isEqualTo(100.0);
    // Effective rate: R5 has none; R1 1/2 beats R2 1/3 (2 peers: 100 x 1/1 and 0).
    assertThat(isNull(r5, "radar_effective_visit_rate")).isTrue();
    assertThat(number(r1, "radar_effective_visit_rate")).isEqualTo(100.0);
    assertThat(number(r2, "radar_effective_visit_rate")).isEqualTo(0.0);
    assertThat(number(r1, "radar_words_per_note")).isEqualTo(0.0);
    assertThat(number(r2, "radar_words_per_note")).isEqualTo(100.0);
    assertThat(number(r1, "radar_attachments_per_visit")).isEqualTo(0.0);
    assertThat(number(r2, "radar_attachments_per_visit")).isEqualTo(100.0);
    // Need coverage R5 0, R1 2/6, R2 3/6.
    assertThat(number(r5, "radar_need_type_coverage")).isEqualTo(0.0);
    assertThat(number(r1, "radar_need_type_coverage")).isEqualTo(50.0);
    assertThat(number(r2, "radar_need_type_coverage")).isEqualTo(100.0);
    // Only R1 has golden opportunities: alone, 50.
    assertThat(number(r1, "radar_golden_action_completion")).isEqualTo(50.0);
    assertThat(isNull(r2, "radar_golden_action_completion")).isTrue();
    assertThat(number(r1, "radar_stage_update_timeliness")).isEqualTo(0.0);
    assertThat(number(r2, "radar_stage_update_timeliness")).isEqualTo(100.0);
    assertThat(number(r1, "radar_customer_questions_per_meeting")).isEqualTo(0.0);
    assertThat(number(r2, "radar_customer_questions_per_meeting")).isEqualTo(100.0);
    // Listening: R2's 0.25 talk share beats R1's 0.83.
    assertThat(number(r1, "radar_listening")).isEqualTo(0.0);
    assertThat(number(r2, "radar_listening")).isEqualTo(100.0);
    // Decisions R5 0, R1 1, R2 1: R1 = 100 x (1 + 0.5 x 1) / 2 = 75, R2 likewise.
    assertThat(number(r5, "radar_decision_signals")).isEqualTo(0.0);
    assertThat(number(r1, "radar_decision_signals")).isEqualTo(75.0);
    assertThat(number(r2, "radar_decision_signals")).isEqualTo(75.0);
    Row m1 = rows.get("M1/202502");
    assertThat(m1.<Long>getAs("visits")).isEqualTo(1L);
    assertThat(m1.<Boolean>getAs("is_manager")).isTrue();
    assertThat(isNull(m1, "radar_visits")).isTrue();
    assertThat(m1.<Boolean>getAs("warning_flag")).isFalse();

    // R3 alone in T2 (no peer): every score with a value is 50; none without a value.
    Row r3 = rows.get("R3/202502");
    assertThat(number(r3, "radar_visits")).isEqualTo(50.0);
    assertThat(number(r3, "radar_effective_visit_rate")).isEqualTo(50.0);
    assertThat(isNull(r3, "radar_words_per_note")).isTrue();
    assertThat(isNull(r3, "radar_listening")).isTrue();
    assertThat(number(r3, "radar_decision_signals")).isEqualTo(50.0);
    // O3: key person C3 met on D1 with a next action, quote Q3, no demo: 3 of 4.
    assertThat(number(r3, "golden_action_completion")).isEqualTo(3 / 4.0);

    // Warnings. R1: 4 revisions > 3 with 1 customer question < 2 in 3 conversations; 2 meetings
    // with a talk share of 0.83 > 0.65. R2: visits score 100 >= 75 with effective score 0 <= 25.
    assertThat(r1.<Boolean>getAs("warn_revisions_without_discovery")).isTrue();
    assertThat(r1.<Boolean>getAs("warn_monologue_meetings")).isTrue();
    assertThat(r1.<Boolean>getAs("warn_busy_without_substance")).isFalse();
    assertThat(r1.<Boolean>getAs("warning_flag")).isTrue();
    assertThat(r1.<String>getAs("warning_reasons"))
        .isEqualTo("revisions_without_discovery,monologue_meetings");
    assertThat(r2.<String>getAs("warning_reasons")).isEqualTo("busy_without_substance");
    assertThat(r3.<Boolean>getAs("warning_flag")).isFalse();
    assertThat(isNull(r3, "warning_reasons")).isTrue();
    // March: nobody did anything; rows are there with zeros.
    assertThat(rows.get("R2/202503").<Long>getAs("activities")).isEqualTo(0L);
    assertThat(rows.get("R2/202503").<Boolean>getAs("warning_flag")).isFalse();
  }

  private static void silentFixture() {
    MartFixture.view(
        "gold_dim_rep",
        REP,
        "('R1#1', 'R1', 'Rep One', 'L2', false, 'T1', 'G1', DATE'2020-01-01', NULL, "
            + ALWAYS
            + ")",
        "('R2#1', 'R2', 'Rep Two', 'L2', false, 'T1', 'G1', DATE'2021-01-01', NULL, "
            + ALWAYS
            + ")",
        "('R3#1', 'R3', 'Rep Three', 'L1', false, 'T2', 'G2', DATE'2024-11-01', NULL, "
            + ALWAYS
            + ")");
    MartFixture.view(
        "silver_crm_accounts",
        ACCOUNT,
        "('AC1', 'Acme CRM name')",
        "('AC2', 'Beta')",
        "('AC3', 'Gamma')",
        "('AC4', 'Delta Dental')",
        "('AC5', 'Epsilon')",
        "('AC6', 'Zeta')");
    MartFixture.view(
        "silver_customer_crosswalk",
        CROSSWALK,
        "('U1', 'crm', 'AC1')",
        "('U2', 'crm', 'AC2')",
        "('U3', 'crm', 'AC3')",
        "('U5', 'crm', 'AC5')",
        "('U6', 'crm', 'AC6')");
    MartFixture.view(
        "gold_dim_customer",
        CUSTOMER,
        "('U1', 'Acme Hospital')",
        "('U2', 'Beta')",
        "('U3', 'Gamma')",
        "('U5', 'Epsilon')",
        "('U6', 'Zeta')");
    MartFixture.view(
        "silver_crm_opportunities",
        OPPORTUNITY,
        "('O1', 'AC1', 'R1', 100000.00, 'open', TIMESTAMP'2025-01-02 09:00:00', NULL,"
            + " DATE'2025-04-30', TIMESTAMP'2025-02-12 18:00:00')",
        "('O2', 'AC1', 'R2', 50000.00, 'open', TIMESTAMP'2025-01-05 09:00:00', NULL,"
            + " DATE'2025-05-31', TIMESTAMP'2025-02-20 18:00:00')",
        "('O3', 'AC2', 'R2', 80000.00, 'open', TIMESTAMP'2025-01-05 09:00:00', NULL,"
            + " DATE'2025-05-31', TIMESTAMP'2025-03-01 18:00:00')",
        "('O4', 'AC3', 'R3', 70000.00, 'open', TIMESTAMP'2025-01-05 09:00:00', NULL,"
            + " DATE'2025-05-31', TIMESTAMP'2025-03-25 18:00:00')",
        "('O5', 'AC4', 'R3', 20000.00, 'open', TIMESTAMP'2025-01-05 09:00:00', NULL,"
            + " DATE'2025-06-30', TIMESTAMP'2025-03-10 18:00:00')",
        "('O6', 'AC5', 'R1', 10000.00, 'open', TIMESTAMP'2025-01-05 09:00:00', NULL,"
            + " DATE'2025-06-30', TIMESTAMP'2025-03-17 18:00:00')",
        "('O7', 'AC6', 'R1', 90000.00, 'won', TIMESTAMP'2024-10-05 09:00:00',"
            + " TIMESTAMP'2024-12-01 09:00:00', DATE'2024-12-31', TIMESTAMP'2024-12-01 09:00:00')");
    MartFixture.view(
        "gold_fact_activity",
        ACTIVITY,
        activity(
            "A0",
            "call",
            "R1",
            "AC1",
            "O1",
            null,
            "2025-01-20 09:00:00",
            null,
            null,
            null,
            0,
            false),
        activity(
            "A3",
            "demo",
            "R1",
            "AC1",
            "O1",
            "C1",
            "2025-02-12 10:00:00",
            null,
            "price",
            "2025-02-25",
            2,
            true),
        // U2's next step is on 2025-04-05, after the as-of date: not silent.
        activity(
            "B1",
            "visit",
            "R2",
            "AC2",
            "O3",
            null,
            "2025-02-05 10:00:00",
            null,
            "price",
            "2025-04-05",
            3,
            true),
        // Logged without an account, on O5: belongs to AC4's customer.
        activity(
            "E1",
            "call",
            "R3",
            null,
            "O5",
            null,
            "2025-03-05 10:00:00",
            null,
            null,
            "2025-03-20",
            0,
            false));
  }

  @Test
  void silentCustomers() {
    silentFixture();
    Map<String, Row> rows =
        byKey(
            MartFixture.compute("mart_silent_customer", AS_OF),
            r -> r.<String>getAs("customer_id"));
    // U1: last activity 2025-02-12, last deal update 2025-02-20 (O2): 8 + 31 = 39 days, no next
    // step after 2025-02-25. AC4 (no unified customer): O5 updated 2025-03-10, call E1 on
    // 2025-03-05, next step 2025-03-20 passed: 21 days. U2 has a next step; U3 was updated 6 days
    // ago; U5 exactly 14 days ago (not more than 14); U6 has no open deal.
    assertThat(rows.keySet()).containsExactlyInAnyOrder("U1", "AC4");
    Row u1 = rows.get("U1");
    assertThat(u1.<String>getAs("customer_name")).isEqualTo("Acme Hospital");
    assertThat(u1.<Integer>getAs("days_silent")).isEqualTo(39);
    assertThat(u1.<Long>getAs("open_opportunities")).isEqualTo(2L);
    assertThat(u1.<BigDecimal>getAs("open_pipeline_amount")).isEqualByComparingTo("150000.00");
    // The owner of the most recently updated open deal, O2.
    assertThat(u1.<String>getAs("owner_rep_id")).isEqualTo("R2");
    assertThat(u1.<Long>getAs("activities_logged")).isEqualTo(2L);
    assertThat(u1.<Date>getAs("last_next_action_date").toLocalDate())
        .isEqualTo(LocalDate.of(2025, 2, 25));
    Row ac4 = rows.get("AC4");
    assertThat(isNull(ac4, "unified_customer_id")).isTrue();
    assertThat(ac4.<String>getAs("customer_name")).isEqualTo("Delta Dental");
    assertThat(ac4.<Integer>getAs("days_silent")).isEqualTo(21);
    assertThat(ac4.<String>getAs("owner_rep_id")).isEqualTo("R3");
    assertThat(ac4.<String>getAs("owner_team_id")).isEqualTo("T2");
    assertThat(ac4.<Long>getAs("activities_logged")).isEqualTo(1L);
  }

  private static void rampFixture() {
    // Data start: the first opportunity, created 2024-10-01 (the first activity is later).
    MartFixture.view(
        "gold_dim_rep",
        REP,
        "('R1#1', 'R1', 'Rep One', 'L2', false, 'T1', 'G1', DATE'2020-01-01', NULL, "
            + ALWAYS
            + ")",
        "('R2#1', 'R2', 'Rep Two', 'L2', false, 'T1', 'G1', DATE'2024-06-01', NULL, "
            + ALWAYS
            + ")",
        "('R3#1', 'R3', 'Rep Three', 'L1', false, 'T2', 'G2', DATE'2024-11-01', NULL, "
            + ALWAYS
            + ")",
        "('R4#1', 'R4', 'Rep Four', 'L1', false, 'T2', 'G2', DATE'2024-12-01',"
            + " DATE'2025-02-15', "
            + ALWAYS
            + ")",
        "('R6#1', 'R6', 'Rep Six', 'L1', false, 'T2', 'G2', DATE'2025-03-01', NULL, "
            + ALWAYS
            + ")");
    MartFixture.view(
        "gold_fact_activity",
        ACTIVITY,
        activity(
            "A0",
            "call",
            "R1",
            "AC1",
            null,
            null,
            "2024-11-20 09:00:00",
            null,
            null,
            null,
            0,
            false));
    MartFixture.view(
        "silver_crm_opportunities",
        OPPORTUNITY,
        "('W1', 'AC1', 'R3', 30000.00, 'won', TIMESTAMP'2024-10-01 09:00:00',"
            + " TIMESTAMP'2024-12-10 15:00:00', NULL, TIMESTAMP'2024-12-10 15:00:00')",
        "('W2', 'AC1', 'R3', 50000.00, 'won', TIMESTAMP'2024-10-02 09:00:00',"
            + " TIMESTAMP'2025-01-15 15:00:00', NULL, TIMESTAMP'2025-01-15 15:00:00')",
        "('W3', 'AC2', 'R1', 120000.00, 'won', TIMESTAMP'2024-10-03 09:00:00',"
            + " TIMESTAMP'2024-12-20 15:00:00', NULL, TIMESTAMP'2024-12-20 15:00:00')",
        "('W4', 'AC3', 'R2', 999999.00, 'won', TIMESTAMP'2024-10-04 09:00:00',"
            + " TIMESTAMP'2025-01-10 15:00:00', NULL, TIMESTAMP'2025-01-10 15:00:00')",
        "('W5', 'AC2', 'R1', 80000.00, 'won', TIMESTAMP'2024-10-05 09:00:00',"
            + " TIMESTAMP'2025-03-05 15:00:00', NULL, TIMESTAMP'2025-03-05 15:00:00')",
        "('L1', 'AC4', 'R4', 40000.00, 'lost', TIMESTAMP'2024-12-05 09:00:00',"
            + " TIMESTAMP'2025-01-20 15:00:00', NULL, TIMESTAMP'2025-01-20 15:00:00')");
  }

  @Test
  void newHireRamp() {
    rampFixture();
    Map<String, Row> rows =
        byKey(MartFixture.compute("mart_new_hire_ramp", AS_OF), r -> r.<String>getAs("rep_id"));
    assertThat(rows).hasSize(5);
    // R3, hired 2024-11-01 (after the data start 2024-10-01): first win W1 on 2024-12-10, 39 days
    // later; ramp window [2024-11-01, 2025-02-01) over by 2025-03-31 with W1 and W2, average
    // (30000 + 50000) / 2 = 40000; veterans' wins in the window: W3 (R1, 4+ years) = 120000; W4's
    // R2 had 7 months' tenure, not a veteran. Retained at 3 months (2025-02-01 <= as-of), 6 months
    // not yet observable (2025-05-01).
    Row r3 = rows.get("R3");
    assertThat(r3.<Boolean>getAs("is_new_hire")).isTrue();
    assertThat(r3.<Integer>getAs("days_to_first_won_deal")).isEqualTo(39);
    assertThat(r3.<Long>getAs("first_3m_won_deals")).isEqualTo(2L);
    assertThat(r3.<BigDecimal>getAs("first_3m_avg_won_amount")).isEqualByComparingTo("40000");
    assertThat(r3.<BigDecimal>getAs("veteran_avg_won_amount_same_window"))
        .isEqualByComparingTo("120000");
    assertThat(number(r3, "first_3m_value_vs_veterans"))
        .isCloseTo(40000.0 / 120000, within(EPSILON));
    assertThat(r3.<Boolean>getAs("retained_3m")).isTrue();
    assertThat(isNull(r3, "retained_6m")).isTrue();
    // R4, hired 2024-12-01, left 2025-02-15: no win; window [2024-12-01, 2025-03-01) over, no own
    // deal, veterans' W3 = 120000; gone before 2025-03-01, so not retained at 3 months.
    Row r4 = rows.get("R4");
    assertThat(r4.<Boolean>getAs("is_new_hire")).isTrue();
    assertThat(isNull(r4, "days_to_first_won_deal")).isTrue();
    assertThat(r4.<Long>getAs("first_3m_won_deals")).isEqualTo(0L);
    assertThat(isNull(r4, "first_3m_avg_won_amount")).isTrue();
    assertThat(r4.<BigDecimal>getAs("veteran_avg_won_amount_same_window"))
        .isEqualByComparingTo("120000");
    assertThat(isNull(r4, "first_3m_value_vs_veterans")).isTrue();
    assertThat(r4.<Boolean>getAs("retained_3m")).isFalse();
    assertThat(isNull(r4, "retained_6m")).isTrue();
    // R6, hired 2025-03-01: ramp not over, nothing observable yet.
    Row r6 = rows.get("R6");
    assertThat(r6.<Boolean>getAs("is_new_hire")).isTrue();
    assertThat(isNull(r6, "first_3m_won_deals")).isTrue();
    assertThat(isNull(r6, "retained_3m")).isTrue();
    // R1 and R2 were hired before the data start: not new hires, no ramp figures; retained.
    Row r2 = rows.get("R2");
    assertThat(r2.<Boolean>getAs("is_new_hire")).isFalse();
    assertThat(isNull(r2, "days_to_first_won_deal")).isTrue();
    assertThat(r2.<Date>getAs("first_won_date").toLocalDate()).isEqualTo(LocalDate.of(2025, 1, 10));
    assertThat(r2.<Boolean>getAs("retained_6m")).isTrue();
    assertThat(rows.get("R1").<Boolean>getAs("is_new_hire")).isFalse();
  }

  private static void championFixture() {
    // Won amounts: R2 999999, R1 120000 + 80000, R3 30000 + 50000: 3 winning reps, the top
    // ceil(0.2 x 3) = 1 is R2. Top deals: W4; others: W1, W2, W3, W5.
    rampFixture();
    MartFixture.view(
        "gold_fact_activity",
        ACTIVITY,
        // W4: visit, visit, demo, meeting (+ an e-mail after the win): visit > demo > meeting.
        activity(
            "a1",
            "visit",
            "R2",
            "AC3",
            "W4",
            null,
            "2025-01-02 09:00:00",
            null,
            null,
            null,
            0,
            false),
        activity(
            "a2",
            "visit",
            "R2",
            "AC3",
            "W4",
            null,
            "2025-01-03 09:00:00",
            null,
            null,
            null,
            0,
            false),
        activity(
            "a3",
            "demo",
            "R2",
            "AC3",
            "W4",
            null,
            "2025-01-05 09:00:00",
            null,
            null,
            null,
            0,
            false),
        activity(
            "a4",
            "meeting",
            "R2",
            "AC3",
            "W4",
            null,
            "2025-01-08 09:00:00",
            null,
            null,
            null,
            0,
            false),
        activity(
            "a5",
            "email",
            "R2",
            "AC3",
            "W4",
            null,
            "2025-01-12 09:00:00",
            null,
            null,
            null,
            0,
            false),
        // W3: visit, demo, meeting, email: visit > demo > meeting and demo > meeting > email.
        activity(
            "b1",
            "visit",
            "R1",
            "AC2",
            "W3",
            null,
            "2024-12-01 09:00:00",
            null,
            null,
            null,
            0,
            false),
        activity(
            "b2",
            "demo",
            "R1",
            "AC2",
            "W3",
            null,
            "2024-12-05 09:00:00",
            null,
            null,
            null,
            0,
            false),
        activity(
            "b3",
            "meeting",
            "R1",
            "AC2",
            "W3",
            null,
            "2024-12-10 09:00:00",
            null,
            null,
            null,
            0,
            false),
        activity(
            "b4",
            "email",
            "R1",
            "AC2",
            "W3",
            null,
            "2024-12-15 09:00:00",
            null,
            null,
            null,
            0,
            false),
        // W1: call, call: the one-step path "call".
        activity(
            "c1",
            "call",
            "R3",
            "AC1",
            "W1",
            null,
            "2024-11-05 09:00:00",
            null,
            null,
            null,
            0,
            false),
        activity(
            "c2",
            "call",
            "R3",
            "AC1",
            "W1",
            null,
            "2024-11-06 09:00:00",
            null,
            null,
            null,
            0,
            false),
        // W5: visit, demo, demo, meeting: visit > demo > meeting.
        activity(
            "d1",
            "visit",
            "R1",
            "AC2",
            "W5",
            null,
            "2025-02-01 09:00:00",
            null,
            null,
            null,
            0,
            false),
        activity(
            "d2",
            "demo",
            "R1",
            "AC2",
            "W5",
            null,
            "2025-02-02 09:00:00",
            null,
            null,
            null,
            0,
            false),
        activity(
            "d3",
            "demo",
            "R1",
            "AC2",
            "W5",
            null,
            "2025-02-03 09:00:00",
            null,
            null,
            null,
            0,
            false),
        activity(
            "d4",
            "meeting",
            "R1",
            "AC2",
            "W5",
            null,
            "2025-02-04 09:00:00",
            null,
            null,
            null,
            0,
            false));
  }

  @Test
  void championActionMap() {
    championFixture();
    Map<String, Row> rows =
        byKey(
            MartFixture.compute("mart_champion_action_map", AS_OF),
            r -> r.<String>getAs("rep_group") + "/" + r.<String>getAs("action_sequence"));
    assertThat(rows.keySet())
        .containsExactlyInAnyOrder(
            "top/visit > demo > meeting",
            "top/demo > meeting > email",
            "top/call",
            "others/visit > demo > meeting",
            "others/demo > meeting > email",
            "others/call");
    // visit > demo > meeting: top 1 of 1 deal, others 2 (W3, W5) of 4.
    Row top = rows.get("top/visit > demo > meeting");
    assertThat(top.<Long>getAs("group_won_deals")).isEqualTo(1L);
    assertThat(top.<Long>getAs("deals_with_sequence")).isEqualTo(1L);
    assertThat(number(top, "deal_share")).isEqualTo(1.0);
    assertThat(number(top, "other_group_share")).isEqualTo(2 / 4.0);
    assertThat(number(top, "lift")).isEqualTo(1.0 / (2 / 4.0));
    assertThat(top.<Integer>getAs("rank_in_group")).isEqualTo(1);
    assertThat(top.<Integer>getAs("sequence_length")).isEqualTo(3);
    Row others = rows.get("others/visit > demo > meeting");
    assertThat(others.<Long>getAs("group_won_deals")).isEqualTo(4L);
    assertThat(number(others, "deal_share")).isEqualTo(2 / 4.0);
    assertThat(number(others, "lift")).isEqualTo((2 / 4.0) / 1.0);
    assertThat(others.<Integer>getAs("rank_in_group")).isEqualTo(1);
    // demo > meeting > email: only W3 (others); top never: lift 0 for top, none for others.
    Row topEmail = rows.get("top/demo > meeting > email");
    assertThat(topEmail.<Long>getAs("deals_with_sequence")).isEqualTo(0L);
    assertThat(number(topEmail, "lift")).isEqualTo(0.0);
    assertThat(topEmail.<Integer>getAs("rank_in_group")).isEqualTo(2);
    Row othersEmail = rows.get("others/demo > meeting > email");
    assertThat(number(othersEmail, "deal_share")).isEqualTo(1 / 4.0);
    assertThat(isNull(othersEmail, "lift")).isTrue();
    assertThat(othersEmail.<Integer>getAs("rank_in_group")).isEqualTo(2);
    // W1's collapsed path has one step: the sequence "call" of length 1.
    Row call = rows.get("others/call");
    assertThat(call.<Integer>getAs("sequence_length")).isEqualTo(1);
    assertThat(number(call, "deal_share")).isEqualTo(1 / 4.0);
  }
}
