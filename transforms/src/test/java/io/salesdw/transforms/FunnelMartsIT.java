package io.salesdw.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The funnel, lead-SLA and quote-approval marts on hand-built inputs; every expected figure is
 * worked out in the comments from the fixture's literals.
 */
class FunnelMartsIT {
  private static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);
  private static final double EPSILON = 1e-9;

  private static final String TRANSITION =
      "opportunity_id STRING, month_key INT, to_stage STRING, to_stage_order INT,"
          + " changed_at TIMESTAMP, is_creation BOOLEAN, is_win BOOLEAN, is_loss BOOLEAN,"
          + " rep_id STRING, rep_key STRING, team_id STRING, region_id STRING, rep_level STRING,"
          + " channel_id STRING, industry STRING, product_line_code STRING,"
          + " unified_customer_id STRING, amount DECIMAL(16,2), cohort_month_key INT";

  private static <K> Map<K, Row> byKey(Dataset<Row> rows, Function<Row, K> key) {
    return rows.collectAsList().stream().collect(Collectors.toMap(key, r -> r));
  }

  private static double number(Row row, String column) {
    return ((Number) row.getAs(column)).doubleValue();
  }

  private static long count(Row row, String column) {
    return ((Number) row.getAs(column)).longValue();
  }

  /** A stage-history row: the deal moves into {@code stage} (order) at {@code at}. */
  private static String move(
      String opportunity, int cohort, String stage, int order, String at, int amount) {
    boolean creation = order == 1;
    return "('%s', %s, '%s', %d, TIMESTAMP'%s', %b, %b, %b, 'R1', 'R1#1', 'T1', 'G1', 'L2',"
            .formatted(
                opportunity,
                at.substring(0, 4) + at.substring(5, 7),
                stage,
                order,
                at,
                creation,
                stage.equals("won"),
                stage.equals("lost"))
        + " 'website_form', 'saas', 'PL01', 'U-%s', %d.00, %d)"
            .formatted(opportunity, amount, cohort);
  }

  /**
   * Six deals. Cohort 202501: O1 (100) won through every stage; O2 (200) lost in needs_confirmed;
   * O3 (300) lost in initial_contact; O4 (400) lost in solution_demo. Cohort 202502: O5 (500) jumps
   * from needs_confirmed to negotiation (its solution_demo row is missing) and is still there; O6
   * (600) lost in needs_confirmed. Dwell days in brackets.
   */
  private static void stageFixture() {
    MartFixture.compute("dim_stage", AS_OF).createOrReplaceTempView("gold_dim_stage");
    MartFixture.view(
        "gold_fact_opportunity_stage_transition",
        TRANSITION,
        move("O1", 202501, "initial_contact", 1, "2025-01-01 00:00:00", 100), // [2]
        move("O1", 202501, "needs_confirmed", 2, "2025-01-03 00:00:00", 100), // [5]
        move("O1", 202501, "solution_demo", 3, "2025-01-08 00:00:00", 100), // [4]
        move("O1", 202501, "negotiation", 4, "2025-01-12 00:00:00", 100), // [10]
        move("O1", 202501, "contract_approval", 5, "2025-01-22 00:00:00", 100), // [6]
        move("O1", 202501, "won", 6, "2025-01-28 00:00:00", 100),
        move("O2", 202501, "initial_contact", 1, "2025-01-05 00:00:00", 200), // [1]
        move("O2", 202501, "needs_confirmed", 2, "2025-01-06 00:00:00", 200), // [10]
        move("O2", 202501, "lost", 7, "2025-01-16 00:00:00", 200),
        move("O3", 202501, "initial_contact", 1, "2025-01-10 00:00:00", 300), // [3]
        move("O3", 202501, "lost", 7, "2025-01-13 00:00:00", 300),
        move("O4", 202501, "initial_contact", 1, "2025-01-15 00:00:00", 400), // [4]
        move("O4", 202501, "needs_confirmed", 2, "2025-01-19 00:00:00", 400), // [2]
        move("O4", 202501, "solution_demo", 3, "2025-01-21 00:00:00", 400), // [10]
        move("O4", 202501, "lost", 7, "2025-01-31 00:00:00", 400),
        move("O5", 202502, "initial_contact", 1, "2025-02-01 00:00:00", 500), // [3]
        move("O5", 202502, "needs_confirmed", 2, "2025-02-04 00:00:00", 500), // [6]
        move("O5", 202502, "negotiation", 4, "2025-02-10 00:00:00", 500), // open
        move("O6", 202502, "initial_contact", 1, "2025-02-02 00:00:00", 600), // [1]
        move("O6", 202502, "needs_confirmed", 2, "2025-02-03 00:00:00", 600), // [12]
        move("O6", 202502, "lost", 7, "2025-02-15 00:00:00", 600));
  }

  @Test
  void stageDealRowsFollowEachDealThroughItsOpenStages() {
    stageFixture();
    Map<String, Row> rows =
        byKey(
            MartFixture.compute("mart_funnel_stage_deal", AS_OF),
            r -> r.<String>getAs("opportunity_id") + "/" + r.<String>getAs("stage"));

    // Open stages only: O1 5, O2 2, O3 1, O4 3, O5 3, O6 2 rows; won and lost are outcomes.
    assertThat(rows).hasSize(16);
    Row demo = rows.get("O1/solution_demo");
    assertThat(number(demo, "dwell_days")).isCloseTo(4.0, within(EPSILON)); // 01-08 to 01-12
    assertThat(demo.<String>getAs("exited_to")).isEqualTo("negotiation");
    assertThat(demo.<Boolean>getAs("advanced")).isTrue();
    assertThat(demo.<Boolean>getAs("opportunity_won")).isTrue();
    assertThat(demo.<Integer>getAs("month_key")).isEqualTo(202501);
    assertThat(demo.<BigDecimal>getAs("amount")).isEqualByComparingTo("100");

    Row lostHere = rows.get("O2/needs_confirmed");
    assertThat(lostHere.<Boolean>getAs("lost_here")).isTrue();
    assertThat(lostHere.<Boolean>getAs("advanced")).isFalse();
    assertThat(number(lostHere, "dwell_days")).isCloseTo(10.0, within(EPSILON));

    // O5 skipped solution_demo: its needs_confirmed row advanced over one missing stage.
    Row jumped = rows.get("O5/needs_confirmed");
    assertThat(jumped.<Boolean>getAs("advanced")).isTrue();
    assertThat(jumped.<Integer>getAs("skipped_stages")).isEqualTo(1);
    assertThat(rows).doesNotContainKey("O5/solution_demo");

    // O5 still sits in negotiation: no exit, no dwell; 2025-02-10 to 2025-03-31 is 18 + 31 days.
    Row open = rows.get("O5/negotiation");
    assertThat(open.<Boolean>getAs("still_in_stage")).isTrue();
    assertThat(open.<Object>getAs("dwell_days")).isNull();
    assertThat(open.<Object>getAs("exited_at")).isNull();
    assertThat(open.<Integer>getAs("days_in_stage_as_of")).isEqualTo(49);
    assertThat(open.<Boolean>getAs("advanced")).isFalse();
    assertThat(open.<Boolean>getAs("opportunity_closed")).isFalse();
  }

  @Test
  void stageSummaryGivesConversionDwellAndBottleneckPerCohort() {
    stageFixture();
    MartFixture.compute("mart_funnel_stage_deal", AS_OF)
        .createOrReplaceTempView("gold_mart_funnel_stage_deal");
    Map<String, Row> rows =
        byKey(
            MartFixture.compute("mart_funnel_stage_summary", AS_OF),
            r -> r.<String>getAs("cohort") + "/" + r.<String>getAs("stage"));

    // All cohorts, initial_contact: 6 entered; O1, O2, O4, O5, O6 advanced, O3 lost.
    Row contact = rows.get("all/initial_contact");
    assertThat(count(contact, "entered")).isEqualTo(6);
    assertThat(count(contact, "advanced")).isEqualTo(5);
    assertThat(count(contact, "lost")).isEqualTo(1);
    assertThat(number(contact, "conversion_rate")).isCloseTo(5.0 / 6, within(EPSILON));
    // Dwell 2, 1, 3, 4, 3, 1 -> sorted 1, 1, 2, 3, 3, 4: mean 14 / 6; median (2 + 3) / 2;
    // p90 at rank 0.9 * 5 = 4.5, between 3 and 4.
    assertThat(number(contact, "dwell_days_mean")).isCloseTo(14.0 / 6, within(EPSILON));
    assertThat(number(contact, "dwell_days_median")).isCloseTo(2.5, within(EPSILON));
    assertThat(number(contact, "dwell_days_p90")).isCloseTo(3.5, within(EPSILON));
    // Closed after entering: O1 won, O2, O3, O4, O6 lost (O5 open) -> 1 / 5.
    assertThat(number(contact, "win_rate_from_stage")).isCloseTo(0.2, within(EPSILON));
    assertThat(contact.<Boolean>getAs("is_bottleneck")).isFalse();

    // needs_confirmed: O1, O2, O4, O5, O6 entered; O1, O4, O5 advanced; O2, O6 lost (200 + 600).
    // Dwell 5, 10, 2, 6, 12 -> sorted 2, 5, 6, 10, 12: mean 35 / 5, median 6, p90 at rank 3.6:
    // 10 + 0.6 * (12 - 10).
    Row needs = rows.get("all/needs_confirmed");
    assertThat(count(needs, "entered")).isEqualTo(5);
    assertThat(number(needs, "conversion_rate")).isCloseTo(3.0 / 5, within(EPSILON));
    assertThat(number(needs, "dwell_days_mean")).isCloseTo(7.0, within(EPSILON));
    assertThat(number(needs, "dwell_days_median")).isCloseTo(6.0, within(EPSILON));
    assertThat(number(needs, "dwell_days_p90")).isCloseTo(11.2, within(EPSILON));
    assertThat(needs.<BigDecimal>getAs("lost_amount")).isEqualByComparingTo("800");
    assertThat(needs.<BigDecimal>getAs("entered_amount"))
        .isEqualByComparingTo(String.valueOf(100 + 200 + 400 + 500 + 600));
    // The bottleneck: solution_demo converts worse (1 of 2) but has fewer than 5 decided deals,
    // so needs_confirmed (3 of 5) is the lowest eligible rate; initial_contact has 5 of 6.
    assertThat(needs.<Boolean>getAs("is_bottleneck")).isTrue();

    Row demo = rows.get("all/solution_demo");
    assertThat(number(demo, "conversion_rate")).isCloseTo(0.5, within(EPSILON));
    assertThat(number(demo, "dwell_days_p90")).isCloseTo(4 + 0.9 * (10 - 4), within(EPSILON));
    assertThat(demo.<Boolean>getAs("is_bottleneck")).isFalse();

    // negotiation: O1 advanced after 10 days, O5 still there: conversion over decided deals 1 / 1,
    // pass-through over entered 1 / 2.
    Row negotiation = rows.get("all/negotiation");
    assertThat(count(negotiation, "still_in_stage")).isEqualTo(1);
    assertThat(number(negotiation, "conversion_rate")).isCloseTo(1.0, within(EPSILON));
    assertThat(number(negotiation, "pass_through_rate")).isCloseTo(0.5, within(EPSILON));
    assertThat(number(negotiation, "dwell_days_median")).isCloseTo(10.0, within(EPSILON));

    // Cohort 202501 (O1-O4): initial_contact 3 of 4 advanced; no stage has 5 decided deals, so the
    // cohort has no bottleneck.
    Row january = rows.get("202501/initial_contact");
    assertThat(january.<Integer>getAs("cohort_month_key")).isEqualTo(202501);
    assertThat(number(january, "conversion_rate")).isCloseTo(0.75, within(EPSILON));
    assertThat(rows.values())
        .filteredOn(r -> r.<String>getAs("cohort").equals("202501"))
        .noneMatch(r -> r.<Boolean>getAs("is_bottleneck"));
    // Cohort 202502 (O5, O6) never reached solution_demo: no row for it.
    assertThat(rows).doesNotContainKey("202502/solution_demo");
    assertThat(count(rows.get("202502/needs_confirmed"), "lost")).isEqualTo(1);
  }

  /**
   * Silver leads (website_form SLA 15 minutes, hotline_400 SLA 3 minutes) run through the lead
   * lifecycle fact, so the SLA boundaries are those the fact computes. The as-of date 2025-06-30
   * puts the 90-day no-follow-up line at 2025-04-01.
   */
  private static void leadFixture() {
    MartFixture.view(
        "silver_crm_channels",
        "channel_id STRING, first_touch_sla_minutes BIGINT",
        "('website_form', 15)",
        "('hotline_400', 3)");
    MartFixture.view(
        "silver_crm_leads",
        "lead_id STRING, created_at TIMESTAMP, channel_id STRING, region_name STRING,"
            + " industry STRING, budget_band STRING, status STRING, assigned_rep_id STRING,"
            + " assigned_at TIMESTAMP, claimed_at TIMESTAMP, first_touch_at TIMESTAMP,"
            + " mql_at TIMESTAMP, sql_at TIMESTAMP, opportunity_id STRING, recycle_count BIGINT",
        // L1: touched after exactly 15 minutes (within SLA), MQL after 1 day, SQL 3 days later,
        // converted to O1 (created 1 day after SQL, won); assignment wait 5 minutes.
        "('L1', TIMESTAMP'2025-03-01 09:00:00', 'website_form', 'East', 'saas', '<10万',"
            + " 'converted', 'R1', TIMESTAMP'2025-03-01 09:05:00', NULL,"
            + " TIMESTAMP'2025-03-01 09:15:00', TIMESTAMP'2025-03-02 09:00:00',"
            + " TIMESTAMP'2025-03-05 09:00:00', 'O1', 0)",
        // L2: 16 minutes (misses the SLA, within 72 h), MQL after 2 days; wait 10 minutes.
        "('L2', TIMESTAMP'2025-03-01 10:00:00', 'website_form', 'East', 'saas', '<10万',"
            + " 'working', 'R1', TIMESTAMP'2025-03-01 10:10:00', NULL,"
            + " TIMESTAMP'2025-03-01 10:16:00', TIMESTAMP'2025-03-03 10:00:00', NULL, NULL, 0)",
        // L3: touched after exactly 72 hours (4320 minutes); recycled once; last activity
        // 2025-03-05, before 2025-04-01: no follow-up in 90 days.
        "('L3', TIMESTAMP'2025-03-02 08:00:00', 'website_form', 'East', 'saas', '<10万',"
            + " 'working', 'R1', TIMESTAMP'2025-03-02 08:30:00', NULL,"
            + " TIMESTAMP'2025-03-05 08:00:00', NULL, NULL, NULL, 1)",
        // L4: never assigned nor touched, still new: no follow-up in 90 days; recycle_count null.
        "('L4', TIMESTAMP'2025-03-03 08:00:00', 'website_form', 'East', 'saas', '<10万', 'new',"
            + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
        // L5: hotline touched after exactly 3 minutes; SQL without an MQL; wait 0.
        "('L5', TIMESTAMP'2025-03-10 12:00:00', 'hotline_400', 'East', 'saas', '<10万',"
            + " 'working', 'R1', TIMESTAMP'2025-03-10 12:00:00', NULL,"
            + " TIMESTAMP'2025-03-10 12:03:00', NULL, TIMESTAMP'2025-03-11 12:00:00', NULL, 0)",
        // L6: hotline touched after 72 hours and 1 minute (4321 minutes); invalid; wait 1.
        "('L6', TIMESTAMP'2025-04-02 10:00:00', 'hotline_400', 'East', 'saas', '<10万',"
            + " 'invalid', 'R1', TIMESTAMP'2025-04-02 10:01:00', NULL,"
            + " TIMESTAMP'2025-04-05 10:01:00', NULL, NULL, NULL, 0)");
    MartFixture.view(
        "silver_crm_activities",
        "lead_id STRING, started_at TIMESTAMP",
        "('L1', TIMESTAMP'2025-03-01 09:15:00')",
        "('L2', TIMESTAMP'2025-03-01 10:16:00')",
        "('L2', TIMESTAMP'2025-06-10 11:00:00')",
        "('L3', TIMESTAMP'2025-03-05 08:00:00')",
        "('L5', TIMESTAMP'2025-03-10 12:03:00')",
        "('L5', TIMESTAMP'2025-06-20 09:00:00')",
        "('L6', TIMESTAMP'2025-04-05 10:01:00')");
    MartFixture.view(
        "silver_crm_opportunities",
        "opportunity_id STRING, account_id STRING, created_at TIMESTAMP, status STRING,"
            + " closed_at TIMESTAMP",
        "('O1', 'A1', TIMESTAMP'2025-03-06 09:00:00', 'won', TIMESTAMP'2025-04-01 10:00:00')");
    MartFixture.view(
        "silver_customer_crosswalk",
        "unified_customer_id STRING, source STRING, record_id STRING",
        "('U1', 'crm', 'A1')");
    MartFixture.view(
        "gold_dim_rep",
        "rep_id STRING, rep_key STRING, team_id STRING, region_id STRING,"
            + " valid_from TIMESTAMP, valid_to TIMESTAMP",
        "('R1', 'R1#1', 'T1', 'G1', TIMESTAMP'1900-01-01 00:00:00',"
            + " TIMESTAMP'9999-12-31 00:00:00')");
    LocalDate asOf = LocalDate.of(2025, 6, 30);
    MartFixture.compute("fact_lead_lifecycle", asOf)
        .createOrReplaceTempView("gold_fact_lead_lifecycle");
  }

  @Test
  void leadFunnelCountsEachStepAndMeasuresMqlToSqlOnMqlsOnly() {
    leadFixture();
    Map<String, Row> rows =
        byKey(
            MartFixture.compute("mart_lead_funnel", LocalDate.of(2025, 6, 30)),
            r -> r.<Integer>getAs("month_key") + "/" + r.<String>getAs("channel_id"));
    assertThat(rows).hasSize(3);

    // March website leads L1-L4: MQLs L1, L2; SQL L1 (also an MQL), converted and won.
    Row web = rows.get("202503/website_form");
    assertThat(count(web, "leads")).isEqualTo(4);
    assertThat(count(web, "mqls")).isEqualTo(2);
    assertThat(count(web, "sqls")).isEqualTo(1);
    assertThat(count(web, "mqls_to_sql")).isEqualTo(1);
    assertThat(count(web, "direct_sqls")).isZero();
    assertThat(count(web, "opportunities")).isEqualTo(1);
    assertThat(count(web, "won")).isEqualTo(1);
    assertThat(number(web, "lead_to_mql_rate")).isCloseTo(2.0 / 4, within(EPSILON));
    assertThat(number(web, "mql_to_sql_rate")).isCloseTo(1.0 / 2, within(EPSILON));
    assertThat(number(web, "sql_to_opportunity_rate")).isCloseTo(1.0, within(EPSILON));
    assertThat(number(web, "opportunity_to_won_rate")).isCloseTo(1.0, within(EPSILON));
    assertThat(number(web, "lead_to_won_rate")).isCloseTo(1.0 / 4, within(EPSILON));
    // Lead to MQL: L1 1 day, L2 2 days -> median 1.5; MQL to SQL (L1) 3 days; SQL to
    // opportunity (L1) 1 day.
    assertThat(number(web, "median_days_lead_to_mql")).isCloseTo(1.5, within(EPSILON));
    assertThat(number(web, "median_days_mql_to_sql")).isCloseTo(3.0, within(EPSILON));
    assertThat(number(web, "median_days_sql_to_opportunity")).isCloseTo(1.0, within(EPSILON));

    // March hotline L5: an SQL without an MQL, so no MQL to SQL rate (no MQLs), and no
    // opportunity yet.
    Row hotline = rows.get("202503/hotline_400");
    assertThat(count(hotline, "direct_sqls")).isEqualTo(1);
    assertThat(number(hotline, "lead_to_mql_rate")).isZero();
    assertThat(hotline.<Object>getAs("mql_to_sql_rate")).isNull();
    assertThat(number(hotline, "sql_to_opportunity_rate")).isZero();
    assertThat(hotline.<Object>getAs("opportunity_to_won_rate")).isNull();

    Row april = rows.get("202504/hotline_400");
    assertThat(count(april, "sqls")).isZero();
    assertThat(april.<Object>getAs("sql_to_opportunity_rate")).isNull();
  }

  @Test
  void leadSlaCountsBoundaryTouchesAsWithinAndLeadsLeftAlone() {
    leadFixture();
    Map<String, Row> rows =
        byKey(
            MartFixture.compute("mart_lead_sla", LocalDate.of(2025, 6, 30)),
            r -> r.<Integer>getAs("month_key") + "/" + r.<String>getAs("channel_id"));

    Row web = rows.get("202503/website_form");
    assertThat(count(web, "first_touch_sla_minutes")).isEqualTo(15);
    assertThat(count(web, "leads")).isEqualTo(4);
    assertThat(count(web, "touched_leads")).isEqualTo(3);
    // Within 15 minutes: L1 (exactly 15); within 72 h: L1, L2, L3 (exactly 4320 minutes).
    assertThat(count(web, "within_sla_leads")).isEqualTo(1);
    assertThat(number(web, "within_sla_rate")).isCloseTo(1.0 / 4, within(EPSILON));
    assertThat(number(web, "within_72h_rate")).isCloseTo(3.0 / 4, within(EPSILON));
    // Touch minutes 15, 16, 4320: median 16; p90 at rank 1.8: 16 + 0.8 * (4320 - 16).
    assertThat(number(web, "first_touch_minutes_median")).isCloseTo(16.0, within(EPSILON));
    assertThat(number(web, "first_touch_minutes_p90"))
        .isCloseTo(16 + 0.8 * (4320 - 16), within(1e-6));
    // No follow-up in 90 days: L3 (last activity 03-05) and L4 (never worked, status new).
    assertThat(count(web, "no_follow_up_90d_leads")).isEqualTo(2);
    assertThat(number(web, "no_follow_up_90d_rate")).isCloseTo(0.5, within(EPSILON));
    // Assigned: L1, L2, L3; the wait leaves out recycled L3: L1 5 and L2 10 minutes.
    assertThat(count(web, "assigned_leads")).isEqualTo(3);
    assertThat(number(web, "assignment_wait_minutes_mean")).isCloseTo(7.5, within(EPSILON));
    assertThat(number(web, "assignment_wait_minutes_median")).isCloseTo(7.5, within(EPSILON));
    assertThat(count(web, "recycled_leads")).isEqualTo(1);
    assertThat(number(web, "recycled_rate")).isCloseTo(0.25, within(EPSILON));
    assertThat(count(web, "recycles")).isEqualTo(1);

    // L5: exactly the 3-minute hotline SLA; followed up 06-20.
    Row hotline = rows.get("202503/hotline_400");
    assertThat(number(hotline, "within_sla_rate")).isCloseTo(1.0, within(EPSILON));
    assertThat(number(hotline, "first_touch_minutes_median")).isCloseTo(3.0, within(EPSILON));
    assertThat(count(hotline, "no_follow_up_90d_leads")).isZero();
    assertThat(number(hotline, "assignment_wait_minutes_mean")).isZero();

    // L6: 4321 minutes is one minute past 72 hours; an invalid lead needs no follow-up.
    Row april = rows.get("202504/hotline_400");
    assertThat(number(april, "within_sla_rate")).isZero();
    assertThat(number(april, "within_72h_rate")).isZero();
    assertThat(number(april, "first_touch_minutes_median")).isCloseTo(4321.0, within(EPSILON));
    assertThat(count(april, "no_follow_up_90d_leads")).isZero();
  }

  @Test
  void quoteApprovalMeasuresCycleOfApprovedRevisionsAndRevisionsPerQuote() {
    MartFixture.view(
        "gold_fact_quote",
        "quote_no STRING, revision BIGINT, month_key INT, product_line_code STRING,"
            + " approval_status STRING, approval_hours DECIMAL(27,6)",
        // Q1 (PL01): rejected, approved in 10 h, then a third revision approved in June in 30 h.
        "('Q1', 1, 202505, 'PL01', 'rejected', NULL)",
        "('Q1', 2, 202505, 'PL01', 'approved', 10.0)",
        "('Q1', 3, 202506, 'PL01', 'approved', 30.0)",
        // Q2 (PL01): approved in 20 h. Q3 (PL02): pending.
        "('Q2', 1, 202505, 'PL01', 'approved', 20.0)",
        "('Q3', 1, 202505, 'PL02', 'pending', NULL)");
    Map<String, Row> rows =
        byKey(
            MartFixture.compute("mart_quote_approval", AS_OF),
            r -> r.<Integer>getAs("month_key") + "/" + r.<String>getAs("product_line_code"));
    assertThat(rows).hasSize(3);

    // May PL01: Q1 r1, Q1 r2, Q2 r1 -> 2 approved of 3 decided; hours 10, 20: mean 15, median 15,
    // p90 10 + 0.9 * 10. Quotes first submitted in May: Q1 (3 revisions) and Q2 (1) -> 2 each.
    Row may = rows.get("202505/PL01");
    assertThat(count(may, "revisions_submitted")).isEqualTo(3);
    assertThat(count(may, "approved")).isEqualTo(2);
    assertThat(count(may, "rejected")).isEqualTo(1);
    assertThat(number(may, "approval_rate")).isCloseTo(2.0 / 3, within(EPSILON));
    assertThat(number(may, "approval_hours_mean")).isCloseTo(15.0, within(EPSILON));
    assertThat(number(may, "approval_hours_median")).isCloseTo(15.0, within(EPSILON));
    assertThat(number(may, "approval_hours_p90")).isCloseTo(19.0, within(EPSILON));
    assertThat(count(may, "quotes_started")).isEqualTo(2);
    assertThat(number(may, "revisions_per_quote")).isCloseTo((3 + 1) / 2.0, within(EPSILON));

    // June PL01: Q1 r3 alone; no quote started in June.
    Row june = rows.get("202506/PL01");
    assertThat(number(june, "approval_hours_mean")).isCloseTo(30.0, within(EPSILON));
    assertThat(count(june, "quotes_started")).isZero();
    assertThat(june.<Object>getAs("revisions_per_quote")).isNull();

    // May PL02: one pending revision: nothing decided, no cycle time.
    Row pending = rows.get("202505/PL02");
    assertThat(count(pending, "pending")).isEqualTo(1);
    assertThat(pending.<Object>getAs("approval_rate")).isNull();
    assertThat(pending.<Object>getAs("approval_hours_mean")).isNull();
    assertThat(number(pending, "revisions_per_quote")).isCloseTo(1.0, within(EPSILON));
  }
}
