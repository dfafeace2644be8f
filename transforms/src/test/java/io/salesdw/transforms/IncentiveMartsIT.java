package io.salesdw.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The targets and incentives marts on hand-built facts; every expected figure is worked out in the
 * comments from the fixture's literals.
 */
class IncentiveMartsIT {
  private static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);

  private static final String TRANSITION =
      "opportunity_id STRING, month_key INT, changed_at TIMESTAMP, is_win BOOLEAN, rep_id STRING,"
          + " team_id STRING, region_id STRING, amount DECIMAL(16,2)";
  private static final String TARGET =
      "target_level STRING, target_owner_id STRING, month_key INT, target_amount DECIMAL(16,2)";
  private static final String PAYMENT =
      "payment_no STRING, month_key INT, opportunity_id STRING, rep_id STRING, rep_key STRING,"
          + " team_id STRING, region_id STRING, due_date DATE, received_date DATE,"
          + " amount DECIMAL(16,2), is_received BOOLEAN";
  private static final String ACTIVITY =
      "activity_id STRING, month_key INT, activity_type STRING, rep_id STRING, team_id STRING,"
          + " region_id STRING, unified_customer_id STRING, started_at TIMESTAMP,"
          + " logging_delay_hours DECIMAL(27,6), need_type STRING, next_action STRING,"
          + " attachment_count INT, has_checkin BOOLEAN";
  private static final String CHAT =
      "sent_at TIMESTAMP, sender_role STRING, rep_id STRING, unified_customer_id STRING";
  private static final String CALL =
      "started_at TIMESTAMP, rep_id STRING, unified_customer_id STRING";
  private static final String QUOTE =
      "rep_id STRING, month_key INT, approval_status STRING, submitted_at TIMESTAMP,"
          + " approved_at TIMESTAMP, approval_hours DECIMAL(27,6)";

  private static BigDecimal money(String value) {
    return new BigDecimal(value);
  }

  private static <K> Map<K, Row> byKey(Dataset<Row> rows, Function<Row, K> key) {
    return rows.collectAsList().stream().collect(Collectors.toMap(key, r -> r));
  }

  private static String attainmentKey(Row row) {
    return row.<String>getAs("target_level")
        + "/"
        + row.<String>getAs("owner_id")
        + "/"
        + row.<Integer>getAs("month_key");
  }

  private static void attainmentFixture() {
    // R1 and R2 sell in team T1 (region G1) in January; R2 moves to team T2 (same region) in
    // February. R3 has a zero target; R9 is missing from dim_rep (no team, no region).
    MartFixture.view(
        "gold_fact_target",
        TARGET,
        "('rep', 'R1', 202501, 100000.00)",
        "('rep', 'R2', 202501, 200000.00)",
        "('rep', 'R3', 202501, 0.00)",
        "('team', 'T1', 202501, 300000.00)",
        "('team', 'T2', 202501, 50000.00)",
        "('region', 'G1', 202501, 350000.00)",
        "('rep', 'R1', 202502, 100000.00)",
        "('team', 'T1', 202502, 100000.00)");
    MartFixture.view(
        "gold_fact_opportunity_stage_transition",
        TRANSITION,
        "('O1', 202501, TIMESTAMP'2025-01-10 10:00:00', true, 'R1', 'T1', 'G1', 60000.00)",
        // R2's January win while in T1 stays with T1 after the move.
        "('O2', 202501, TIMESTAMP'2025-01-20 10:00:00', true, 'R2', 'T1', 'G1', 90000.00)",
        "('O3', 202502, TIMESTAMP'2025-02-05 10:00:00', true, 'R2', 'T2', 'G1', 40000.00)",
        // A second 'won' row of O1 (re-opened and won again) is not counted twice.
        "('O1', 202503, TIMESTAMP'2025-03-01 10:00:00', true, 'R1', 'T1', 'G1', 60000.00)",
        // Not a win.
        "('O4', 202501, TIMESTAMP'2025-01-11 10:00:00', false, 'R1', 'T1', 'G1', 999999.00)",
        "('O5', 202501, TIMESTAMP'2025-01-15 10:00:00', true, 'R9', NULL, NULL, 10000.00)");
    MartFixture.view(
        "gold_fact_payment",
        PAYMENT,
        "('P1', 202501, 'O1', 'R1', 'R1#1', 'T1', 'G1', DATE'2025-01-20', DATE'2025-01-25',"
            + " 30000.00, true)",
        // Unpaid: not collected.
        "('P2', 202501, 'O1', 'R1', 'R1#1', 'T1', 'G1', DATE'2025-01-31', NULL, 50000.00, false)",
        "('P3', 202502, 'O3', 'R2', 'R2#2', 'T2', 'G1', DATE'2025-02-10', DATE'2025-02-10',"
            + " 20000.00, true)");
  }

  @Test
  void attainmentPerRepTeamAndRegionKeepsWinsWithTheTeamOfTheTime() {
    attainmentFixture();
    Map<String, Row> rows =
        byKey(
            MartFixture.compute("mart_target_attainment", AS_OF), IncentiveMartsIT::attainmentKey);

    // R1 January: won O1 60,000 of a 100,000 target; collected P1 30,000.
    Row r1Jan = rows.get("rep/R1/202501");
    assertThat(r1Jan.<BigDecimal>getAs("target_amount")).isEqualByComparingTo(money("100000"));
    assertThat(r1Jan.<BigDecimal>getAs("won_amount")).isEqualByComparingTo(money("60000"));
    assertThat(r1Jan.<Integer>getAs("won_deals")).isEqualTo(1);
    assertThat(r1Jan.<BigDecimal>getAs("collected_amount")).isEqualByComparingTo(money("30000"));
    assertThat(r1Jan.<Double>getAs("attainment")).isCloseTo(60000.0 / 100000.0, within(1e-12));
    assertThat(r1Jan.<Integer>getAs("fiscal_year")).isEqualTo(2025);
    // R1 February: nothing won; year to date 60,000 / (100,000 + 100,000).
    Row r1Feb = rows.get("rep/R1/202502");
    assertThat(r1Feb.<BigDecimal>getAs("won_amount")).isEqualByComparingTo(money("0"));
    assertThat(r1Feb.<Double>getAs("attainment")).isEqualTo(0.0);
    assertThat(r1Feb.<BigDecimal>getAs("fytd_target_amount")).isEqualByComparingTo(money("200000"));
    assertThat(r1Feb.<Double>getAs("fytd_attainment")).isCloseTo(60000.0 / 200000.0, within(1e-12));
    // O1's second 'won' row in March is ignored: no March row for R1 at all.
    assertThat(rows).doesNotContainKey("rep/R1/202503");

    // R2: January 90,000 / 200,000; February has no target (NULL, not zero) and no attainment,
    // but the year to date is (90,000 + 40,000) / 200,000.
    assertThat(rows.get("rep/R2/202501").<Double>getAs("attainment"))
        .isCloseTo(90000.0 / 200000.0, within(1e-12));
    Row r2Feb = rows.get("rep/R2/202502");
    assertThat(r2Feb.<BigDecimal>getAs("target_amount")).isNull();
    assertThat(r2Feb.<Object>getAs("attainment")).isNull();
    assertThat(r2Feb.<BigDecimal>getAs("won_amount")).isEqualByComparingTo(money("40000"));
    assertThat(r2Feb.<BigDecimal>getAs("collected_amount")).isEqualByComparingTo(money("20000"));
    assertThat(r2Feb.<BigDecimal>getAs("fytd_won_amount")).isEqualByComparingTo(money("130000"));
    assertThat(r2Feb.<Double>getAs("fytd_attainment"))
        .isCloseTo(130000.0 / 200000.0, within(1e-12));

    // Team T1 January: O1 60,000 + O2 90,000 (R2 was still in T1) over 300,000.
    Row t1Jan = rows.get("team/T1/202501");
    assertThat(t1Jan.<BigDecimal>getAs("won_amount")).isEqualByComparingTo(money("150000"));
    assertThat(t1Jan.<Integer>getAs("won_deals")).isEqualTo(2);
    assertThat(t1Jan.<Double>getAs("attainment")).isCloseTo(150000.0 / 300000.0, within(1e-12));
    assertThat(t1Jan.<BigDecimal>getAs("collected_amount")).isEqualByComparingTo(money("30000"));
    // T1 February: target 100,000, R2's February win went to T2.
    assertThat(rows.get("team/T1/202502").<BigDecimal>getAs("won_amount"))
        .isEqualByComparingTo(money("0"));
    assertThat(rows.get("team/T2/202501").<Double>getAs("attainment")).isEqualTo(0.0);
    Row t2Feb = rows.get("team/T2/202502");
    assertThat(t2Feb.<BigDecimal>getAs("won_amount")).isEqualByComparingTo(money("40000"));
    assertThat(t2Feb.<BigDecimal>getAs("target_amount")).isNull();
    // T2's year to date: 40,000 over January's 50,000.
    assertThat(t2Feb.<Double>getAs("fytd_attainment")).isCloseTo(40000.0 / 50000.0, within(1e-12));

    // Region G1 January: 60,000 + 90,000 (O5 has no region) over 350,000; February adds 40,000.
    assertThat(rows.get("region/G1/202501").<Double>getAs("attainment"))
        .isCloseTo(150000.0 / 350000.0, within(1e-12));
    Row g1Feb = rows.get("region/G1/202502");
    assertThat(g1Feb.<BigDecimal>getAs("fytd_won_amount")).isEqualByComparingTo(money("190000"));
    assertThat(g1Feb.<BigDecimal>getAs("fytd_collected_amount"))
        .isEqualByComparingTo(money("50000"));

    // A zero target has no attainment; a rep unknown to dim_rep is credited at rep level only.
    assertThat(rows.get("rep/R3/202501").<Object>getAs("attainment")).isNull();
    assertThat(rows.get("rep/R9/202501").<BigDecimal>getAs("won_amount"))
        .isEqualByComparingTo(money("10000"));
    assertThat(rows.keySet()).noneMatch(k -> k.contains("/null/"));
    // 3 rep owners in January + R9, R1/R2 in February; T1 x2, T2 x2; G1 x2.
    assertThat(rows).hasSize(6 + 4 + 2);
  }

  @Test
  void fiscalYearToDateRestartsAtTheConfiguredFirstMonth() {
    MartFixture.view(
        "gold_fact_target",
        TARGET,
        "('rep', 'R1', 202503, 100000.00)",
        "('rep', 'R1', 202504, 100000.00)");
    MartFixture.view(
        "gold_fact_opportunity_stage_transition",
        TRANSITION,
        "('O1', 202503, TIMESTAMP'2025-03-10 10:00:00', true, 'R1', 'T1', 'G1', 50000.00)",
        "('O2', 202504, TIMESTAMP'2025-04-10 10:00:00', true, 'R1', 'T1', 'G1', 80000.00)");
    MartFixture.view("gold_fact_payment", PAYMENT);
    GoldContext april =
        new GoldContext(
            MartFixture.spark(),
            TransformConfig.defaults().withFiscalCalendar(new FiscalCalendar(4, DayOfWeek.MONDAY)),
            () -> AS_OF);
    GoldTable table =
        GoldCatalog.tables().stream()
            .filter(t -> t.name().equals("mart_target_attainment"))
            .findFirst()
            .orElseThrow();
    Map<String, Row> rows = byKey(table.builder().build(april), IncentiveMartsIT::attainmentKey);
    // April starts fiscal 2026: its year to date is April alone, 80,000 / 100,000.
    assertThat(rows.get("rep/R1/202503").<Integer>getAs("fiscal_year")).isEqualTo(2025);
    Row apr = rows.get("rep/R1/202504");
    assertThat(apr.<Integer>getAs("fiscal_year")).isEqualTo(2026);
    assertThat(apr.<BigDecimal>getAs("fytd_won_amount")).isEqualByComparingTo(money("80000"));
    assertThat(apr.<Double>getAs("fytd_attainment")).isCloseTo(0.8, within(1e-12));
  }

  private static String activity(
      String id,
      String type,
      String rep,
      String customer,
      String startedAt,
      String delayHours,
      boolean need,
      boolean next,
      int attachments,
      boolean checkin) {
    return "('"
        + id
        + "', 202503, '"
        + type
        + "', '"
        + rep
        + "', 'T1', 'G1', "
        + (customer == null ? "NULL" : "'" + customer + "'")
        + ", TIMESTAMP'"
        + startedAt
        + "', "
        + delayHours
        + ", "
        + (need ? "'budget'" : "NULL")
        + ", "
        + (next ? "'send quote'" : "NULL")
        + ", "
        + attachments
        + ", "
        + checkin
        + ")";
  }

  @Test
  void authenticityComponentsIndexAndStatusAtTheBoundaries() {
    MartFixture.view(
        "gold_fact_activity",
        ACTIVITY,
        // Rep A: five activities, each with need and next action but no evidence, logged 30 h
        // late: 2 of 4 checks, completeness 0.5. Four customer-facing visits on C1.
        activity("A1", "visit", "A", "C1", "2025-03-02 10:00:00", "30", true, true, 0, false),
        activity("A2", "visit", "A", "C1", "2025-03-10 10:00:00", "30", true, true, 0, false),
        activity("A3", "visit", "A", "C1", "2025-03-18 10:00:00", "30", true, true, 0, false),
        activity("A4", "visit", "A", "C1", "2025-03-26 10:00:00", "30", true, true, 0, false),
        // E-mail is not customer-facing for the match (nothing on the customer side records it).
        activity("A5", "email", "A", "C1", "2025-03-27 10:00:00", "30", true, true, 0, false),
        // Rep B: one complete record (need, next, attachment, logged in 2 h) and one empty
        // (logged 48 h late): completeness (1 + 0) / 2 = 0.5. Both visits on C2.
        activity("B1", "visit", "B", "C2", "2025-03-20 10:00:00", "2", true, true, 1, false),
        activity("B2", "visit", "B", "C2", "2025-03-21 10:00:00", "48", false, false, 0, false),
        // Rep C: a visit to a lead (no customer), completeness 0.5 (check-in, logged within
        // 24 h); no quotes. Only the completeness component: index 0.5.
        activity("C1", "visit", "C", null, "2025-03-05 10:00:00", "24", false, false, 0, true),
        // Rep F: need, next action, check-in, logged 25 h late: 0.75; corroborated by a call.
        activity("F1", "visit", "F", "C3", "2025-03-14 10:00:00", "25", true, true, 0, true));
    MartFixture.view(
        "gold_fact_chat_message",
        CHAT,
        // C1 writes to A on 03-05: 3 days after A1 (counts, the window is inclusive), 5 before A2.
        "(TIMESTAMP'2025-03-05 23:30:00', 'customer', 'A', 'C1')",
        // A's own message on A3's day is not the customer's word.
        "(TIMESTAMP'2025-03-18 11:00:00', 'rep', 'A', 'C1')",
        // C1 writes to rep B on 03-20 (2 days after A3): not A's corroboration.
        "(TIMESTAMP'2025-03-20 09:00:00', 'customer', 'B', 'C1')",
        // C1 writes to A on 03-29, 3 days after A4.
        "(TIMESTAMP'2025-03-29 08:00:00', 'customer', 'A', 'C1')",
        // C2 writes to B on 03-22: within 3 days of both B1 and B2.
        "(TIMESTAMP'2025-03-22 15:00:00', 'customer', 'B', 'C2')");
    MartFixture.view(
        "gold_fact_call",
        CALL,
        // A recorded call with C1 on 03-12: 2 days after A2, 6 before A3.
        "(TIMESTAMP'2025-03-12 10:00:00', 'A', 'C1')",
        "(TIMESTAMP'2025-03-14 16:00:00', 'F', 'C3')");
    MartFixture.view(
        "gold_fact_quote",
        QUOTE,
        // Rep A: approvals in 10, 48 (on the limit), 47 and 49 hours: 3 of 4 within 48 h.
        "('A', 202503, 'approved', TIMESTAMP'2025-03-03 09:00:00', TIMESTAMP'2025-03-03 19:00:00',"
            + " 10)",
        "('A', 202503, 'approved', TIMESTAMP'2025-03-04 09:00:00', TIMESTAMP'2025-03-06 09:00:00',"
            + " 48)",
        "('A', 202503, 'approved', TIMESTAMP'2025-03-07 09:00:00', TIMESTAMP'2025-03-09 08:00:00',"
            + " 47)",
        "('A', 202503, 'approved', TIMESTAMP'2025-03-11 09:00:00', TIMESTAMP'2025-03-13 10:00:00',"
            + " 49)",
        // Left out: a rejection (no response time) and a revision still pending but submitted
        // less than 48 h before the end of the as-of day (2025-04-01 00:00).
        "('A', 202503, 'rejected', TIMESTAMP'2025-03-12 09:00:00', NULL, NULL)",
        "('A', 202503, 'pending', TIMESTAMP'2025-03-30 12:00:00', NULL, NULL)",
        "('B', 202503, 'approved', TIMESTAMP'2025-03-20 09:00:00', TIMESTAMP'2025-03-21 09:00:00',"
            + " 24)",
        // Rep D has only a revision pending since 03-01, far beyond 48 h: timeliness 0.
        "('D', 202503, 'pending', TIMESTAMP'2025-03-01 09:00:00', NULL, NULL)",
        // Rep E has only a rejected revision: nothing to measure, no row.
        "('E', 202503, 'rejected', TIMESTAMP'2025-03-01 09:00:00', NULL, NULL)",
        // Rep F: one approved in 12 h, one in 72 h: 1 of 2.
        "('F', 202503, 'approved', TIMESTAMP'2025-03-14 09:00:00', TIMESTAMP'2025-03-14 21:00:00',"
            + " 12)",
        "('F', 202503, 'approved', TIMESTAMP'2025-03-15 09:00:00', TIMESTAMP'2025-03-18 09:00:00',"
            + " 72)");
    Map<String, Row> rows =
        byKey(
            MartFixture.compute("mart_target_authenticity", AS_OF),
            r -> r.<String>getAs("rep_id") + "/" + r.<Integer>getAs("month_key"));
    assertThat(rows.keySet())
        .containsExactlyInAnyOrder("A/202503", "B/202503", "C/202503", "D/202503", "F/202503");

    // A: completeness 0.5; A1, A2 and A4 corroborated, A3 not: 3/4; quotes 3/4.
    // 0.4 × 0.5 + 0.3 × 0.75 + 0.3 × 0.75 = 0.65 exactly: yellow, no coaching.
    Row a = rows.get("A/202503");
    assertThat(a.<Long>getAs("activities")).isEqualTo(5L);
    assertThat(a.<Long>getAs("customer_facing_activities")).isEqualTo(4L);
    assertThat(a.<Long>getAs("corroborated_activities")).isEqualTo(3L);
    assertThat(a.<Long>getAs("quote_revisions_measured")).isEqualTo(4L);
    assertThat(a.<Long>getAs("quote_revisions_timely")).isEqualTo(3L);
    assertThat(a.<Double>getAs("record_completeness")).isCloseTo(0.5, within(1e-12));
    assertThat(a.<Double>getAs("customer_feedback_match")).isCloseTo(0.75, within(1e-12));
    assertThat(a.<Double>getAs("response_timeliness")).isCloseTo(0.75, within(1e-12));
    assertThat(a.<Double>getAs("authenticity_index")).isEqualTo(0.65);
    assertThat(a.<String>getAs("status")).isEqualTo("yellow");
    assertThat(a.<Boolean>getAs("needs_coaching")).isFalse();

    // B: 0.4 × 0.5 + 0.3 × 1 + 0.3 × 1 = 0.80 exactly: green.
    Row b = rows.get("B/202503");
    assertThat(b.<Double>getAs("customer_feedback_match")).isEqualTo(1.0);
    assertThat(b.<Double>getAs("authenticity_index")).isEqualTo(0.8);
    assertThat(b.<String>getAs("status")).isEqualTo("green");

    // C: only completeness 0.5 (no customer on the visit, no quotes), reweighted over 0.4: 0.5.
    Row c = rows.get("C/202503");
    assertThat(c.<Long>getAs("customer_facing_activities")).isEqualTo(0L);
    assertThat(c.<Object>getAs("customer_feedback_match")).isNull();
    assertThat(c.<Object>getAs("response_timeliness")).isNull();
    assertThat(c.<Integer>getAs("components_available")).isEqualTo(1);
    assertThat(c.<Double>getAs("authenticity_index")).isEqualTo(0.5);
    assertThat(c.<String>getAs("status")).isEqualTo("red");
    assertThat(c.<Boolean>getAs("needs_coaching")).isTrue();

    // D: only timeliness 0/1: index 0, red; no activities, so no team.
    Row d = rows.get("D/202503");
    assertThat(d.<Long>getAs("activities")).isEqualTo(0L);
    assertThat(d.<Object>getAs("record_completeness")).isNull();
    assertThat(d.<Double>getAs("authenticity_index")).isEqualTo(0.0);
    assertThat(d.<String>getAs("status")).isEqualTo("red");
    assertThat(d.<Object>getAs("team_id")).isNull();

    // F: 0.4 × 0.75 + 0.3 × 1 + 0.3 × 0.5 = 0.3 + 0.3 + 0.15 = 0.75: yellow.
    Row f = rows.get("F/202503");
    assertThat(f.<Double>getAs("authenticity_index")).isEqualTo(0.75);
    assertThat(f.<String>getAs("status")).isEqualTo("yellow");
    assertThat(f.<String>getAs("team_id")).isEqualTo("T1");
  }

  private static void paymentFixture() {
    MartFixture.view(
        "gold_fact_payment",
        PAYMENT,
        // R1: 950,000 in January, then 120,000 on 02-20 (due 02-08, 12 days late) crosses 1M.
        "('P1', 202501, 'O1', 'R1', 'R1#1', 'T1', 'G1', DATE'2025-01-15', DATE'2025-01-15',"
            + " 950000.00, true)",
        "('P2', 202502, 'O1', 'R1', 'R1#1', 'T1', 'G1', DATE'2025-02-08', DATE'2025-02-20',"
            + " 120000.00, true)",
        // R2: 10,000 each, 40 days late, 102 days late, on the day, 7 days early.
        "('P3', 202502, 'O2', 'R2', 'R2#1', 'T2', 'G1', DATE'2025-01-01', DATE'2025-02-10',"
            + " 10000.00, true)",
        "('P4', 202502, 'O2', 'R2', 'R2#1', 'T2', 'G1', DATE'2024-11-01', DATE'2025-02-11',"
            + " 10000.00, true)",
        "('P5', 202502, 'O2', 'R2', 'R2#1', 'T2', 'G1', DATE'2025-02-12', DATE'2025-02-12',"
            + " 10000.00, true)",
        "('P6', 202502, 'O2', 'R2', 'R2#1', 'T2', 'G1', DATE'2025-02-20', DATE'2025-02-13',"
            + " 10000.00, true)",
        // Not commissioned: a payment with no deal, and a deal payment with no owning rep.
        "('P7', 202502, NULL, NULL, NULL, NULL, NULL, DATE'2025-02-14', DATE'2025-02-14',"
            + " 5000.00, true)",
        "('P8', 202502, 'O9', NULL, NULL, NULL, NULL, DATE'2025-02-15', DATE'2025-02-15',"
            + " 8000.00, true)",
        // Unpaid: overdue as of 2025-03-31, and not yet due.
        "('P9', 202502, 'O1', 'R1', 'R1#1', 'T1', 'G1', DATE'2025-02-25', NULL, 30000.00, false)",
        "('P10', 202504, 'O1', 'R1', 'R1#1', 'T1', 'G1', DATE'2025-04-10', NULL, 30000.00,"
            + " false)");
  }

  @Test
  void commissionSplitsTheThresholdAndAppliesEachTimingBand() {
    paymentFixture();
    Map<String, Row> rows =
        byKey(MartFixture.compute("mart_commission", AS_OF), r -> r.<String>getAs("payment_no"));
    assertThat(rows.keySet()).containsExactlyInAnyOrder("P1", "P2", "P3", "P4", "P5", "P6");

    // P1: 950,000 × 5% = 47,500, on time.
    Row p1 = rows.get("P1");
    assertThat(p1.<BigDecimal>getAs("commission_amount")).isEqualByComparingTo(money("47500"));
    assertThat(p1.<Integer>getAs("month_key")).isEqualTo(202501);
    // P2: 950,000 before, 1,070,000 after: 70,000 above 1M. 120,000 × 5% = 6,000;
    // 70,000 × 2% = 1,400; 12 days late is in the "≤ 30 days" band, × 1.0: 7,400.
    Row p2 = rows.get("P2");
    assertThat(p2.<Integer>getAs("month_key")).isEqualTo(202502);
    assertThat(p2.<Integer>getAs("fiscal_year")).isEqualTo(2025);
    assertThat(p2.<Date>getAs("received_date")).isEqualTo(Date.valueOf("2025-02-20"));
    assertThat(p2.<String>getAs("team_id")).isEqualTo("T1");
    assertThat(p2.<BigDecimal>getAs("fiscal_year_collected_before"))
        .isEqualByComparingTo(money("950000"));
    assertThat(p2.<BigDecimal>getAs("base_commission")).isEqualByComparingTo(money("6000"));
    assertThat(p2.<BigDecimal>getAs("tier_amount")).isEqualByComparingTo(money("70000"));
    assertThat(p2.<BigDecimal>getAs("tier_commission")).isEqualByComparingTo(money("1400"));
    assertThat(p2.<Integer>getAs("days_late")).isEqualTo(12);
    assertThat(p2.<BigDecimal>getAs("timing_multiplier")).isEqualByComparingTo(money("1.0"));
    assertThat(p2.<BigDecimal>getAs("commission_amount")).isEqualByComparingTo(money("7400"));
    assertThat(p2.<String>getAs("calculation_path"))
        .isEqualTo(
            "fiscal 2025 collected before 950,000.00; base 5% × 120,000.00 = 6,000.00;"
                + " above 1,000,000.00: 70,000.00 × 2% = 1,400.00;"
                + " paid 12 days late (band ≤ 30 days late) → ×1.0;"
                + " total 7,400.00 × 1.0 = 7,400.00");
    // R2's 10,000 payments: base 500 × 0.8 (40 days), × 0.5 (102 days), × 1 (0 and -7 days).
    assertThat(rows.get("P3").<Integer>getAs("days_late")).isEqualTo(40);
    assertThat(rows.get("P3").<BigDecimal>getAs("commission_amount"))
        .isEqualByComparingTo(money("400"));
    assertThat(rows.get("P4").<Integer>getAs("days_late")).isEqualTo(102);
    assertThat(rows.get("P4").<BigDecimal>getAs("commission_amount"))
        .isEqualByComparingTo(money("250"));
    assertThat(rows.get("P5").<BigDecimal>getAs("commission_amount"))
        .isEqualByComparingTo(money("500"));
    assertThat(rows.get("P6").<Integer>getAs("days_late")).isEqualTo(-7);
    assertThat(rows.get("P6").<BigDecimal>getAs("commission_amount"))
        .isEqualByComparingTo(money("500"));
    // R2's running total: P3 first (received 02-10), P6 last: 30,000 before it.
    assertThat(rows.get("P6").<BigDecimal>getAs("fiscal_year_collected_before"))
        .isEqualByComparingTo(money("30000"));
  }

  @Test
  void incentiveHealthCoverageCommissionAndOverduePerMonth() {
    paymentFixture();
    MartFixture.compute("mart_commission", AS_OF).createOrReplaceTempView("gold_mart_commission");
    Map<Integer, Row> rows =
        byKey(
            MartFixture.compute("mart_incentive_health", AS_OF),
            r -> r.<Integer>getAs("month_key"));
    assertThat(rows.keySet()).containsExactlyInAnyOrder(202501, 202502, 202504);

    Row jan = rows.get(202501);
    assertThat(jan.<Long>getAs("received_payments")).isEqualTo(1L);
    assertThat(jan.<Double>getAs("rule_coverage")).isEqualTo(1.0);
    assertThat(jan.<BigDecimal>getAs("commission_amount")).isEqualByComparingTo(money("47500"));
    assertThat(jan.<Double>getAs("payout_on_time_rate")).isEqualTo(1.0);

    // February: received P2..P8 = 7 payments, 120,000 + 4 × 10,000 + 5,000 + 8,000 = 173,000;
    // on deals P2..P6 and P8 = 6, commissioned P2..P6 = 5 (P8 has no rep).
    Row feb = rows.get(202502);
    assertThat(feb.<Long>getAs("received_payments")).isEqualTo(7L);
    assertThat(feb.<BigDecimal>getAs("received_amount")).isEqualByComparingTo(money("173000"));
    assertThat(feb.<Long>getAs("deal_payments_received")).isEqualTo(6L);
    assertThat(feb.<Long>getAs("commissioned_payments")).isEqualTo(5L);
    assertThat(feb.<Long>getAs("commissioned_reps")).isEqualTo(2L);
    assertThat(feb.<Double>getAs("rule_coverage")).isCloseTo(5.0 / 6.0, within(1e-12));
    assertThat(feb.<BigDecimal>getAs("commissioned_amount")).isEqualByComparingTo(money("160000"));
    assertThat(feb.<Double>getAs("collected_amount_coverage"))
        .isCloseTo(160000.0 / 173000.0, within(1e-12));
    // 7,400 + 400 + 250 + 500 + 500 = 9,050; lateness took (500 - 400) + (500 - 250) = 350.
    assertThat(feb.<BigDecimal>getAs("commission_amount")).isEqualByComparingTo(money("9050"));
    assertThat(feb.<BigDecimal>getAs("late_payment_reduction")).isEqualByComparingTo(money("350"));
    // Received by the due date: P5 (0 days) and P6 (7 early) of 5.
    assertThat(feb.<Double>getAs("payout_on_time_rate")).isCloseTo(2.0 / 5.0, within(1e-12));
    // P9, due 02-25 and unpaid on 03-31.
    assertThat(feb.<Long>getAs("unpaid_overdue_payments")).isEqualTo(1L);
    assertThat(feb.<BigDecimal>getAs("unpaid_overdue_amount")).isEqualByComparingTo(money("30000"));

    // April: only P10, not yet due: nothing received, nothing to cover, nothing overdue.
    Row apr = rows.get(202504);
    assertThat(apr.<Long>getAs("received_payments")).isEqualTo(0L);
    assertThat(apr.<Object>getAs("rule_coverage")).isNull();
    assertThat(apr.<Object>getAs("payout_on_time_rate")).isNull();
    assertThat(apr.<Long>getAs("unpaid_overdue_payments")).isEqualTo(0L);
    assertThat(apr.<BigDecimal>getAs("commission_amount")).isEqualByComparingTo(money("0"));
  }
}
