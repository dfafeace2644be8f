package io.salesdw.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The lead health score, the data-health metrics and the sales health self-check on hand-built
 * inputs; every expected figure is worked out in the comments from the fixture's literals. The
 * as-of date 2025-06-30 makes the 12-month window 2024-07-01 to 2025-06-30.
 */
class DataHealthMartsIT {
  private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
  private static final double EPSILON = 1e-9;
  private static final HealthThresholds THRESHOLDS = HealthThresholds.DEFAULT;

  private static <K> Map<K, Row> byKey(Dataset<Row> rows, Function<Row, K> key) {
    return rows.collectAsList().stream().collect(Collectors.toMap(key, r -> r));
  }

  private static double number(Row row, String column) {
    return ((Number) row.getAs(column)).doubleValue();
  }

  private static long count(Row row, String column) {
    return ((Number) row.getAs(column)).longValue();
  }

  private static void leadFixture() {
    MartFixture.view(
        "gold_fact_lead_lifecycle",
        "lead_id STRING, month_key INT, channel_id STRING, rep_id STRING, team_id STRING,"
            + " region_id STRING, status STRING, industry STRING, region_name STRING,"
            + " first_touch_at TIMESTAMP, first_touch_within_sla BOOLEAN,"
            + " first_touch_within_72h BOOLEAN, last_activity_at TIMESTAMP, mql_at TIMESTAMP,"
            + " sql_at TIMESTAMP, opportunity_id STRING, opportunity_created_at TIMESTAMP",
        // H1: touched within SLA, converted to O1; its MQL (2024-03-01) is before the window.
        "('H1', 202403, 'website_form', 'R1', 'T1', 'G1', 'converted', 'saas', 'East',"
            + " TIMESTAMP'2024-03-01 09:10:00', true, true, TIMESTAMP'2024-03-01 09:10:00',"
            + " TIMESTAMP'2024-03-01 12:00:00', TIMESTAMP'2024-03-05 09:00:00', 'O1',"
            + " TIMESTAMP'2024-03-10 09:00:00')",
        // H2: touched after the SLA but within 72 h, last worked 30 days before the as-of date,
        // an MQL in the window that has not reached SQL; industry unknown.
        "('H2', 202504, 'website_form', 'R1', 'T1', 'G1', 'working', NULL, 'East',"
            + " TIMESTAMP'2025-04-30 09:00:00', false, true, TIMESTAMP'2025-05-31 10:00:00',"
            + " TIMESTAMP'2025-05-01 09:00:00', NULL, NULL, NULL)",
        // H3: never touched nor worked.
        "('H3', 202505, 'website_form', 'R1', 'T1', 'G1', 'new', 'saas', 'East', NULL, false,"
            + " false, NULL, NULL, NULL, NULL, NULL)",
        // H4: touched late, last worked 90 days before the as-of date.
        "('H4', 202503, 'website_form', 'R1', 'T1', 'G1', 'working', 'saas', 'East',"
            + " TIMESTAMP'2025-03-10 09:00:00', false, false, TIMESTAMP'2025-04-01 09:00:00',"
            + " NULL, NULL, NULL, NULL)");
    MartFixture.view(
        "silver_crm_leads",
        "lead_id STRING, region_name STRING, industry STRING, company_name STRING,"
            + " contact_name STRING, phone STRING, email STRING",
        "('H1', 'East', 'saas', 'Co1', 'Wang', '138', 'a@b.c')", // 6 of 6 fields
        "('H2', 'East', NULL, 'Co2', 'Li', '139', NULL)", // 4
        "('H3', 'East', 'saas', 'Co3', 'Zhao', '', ' ')", // 4: blanks are empty
        "('H4', 'East', 'saas', 'Co4', 'Sun', '137', NULL)"); // 5
  }

  @Test
  void leadHealthScoreAddsItsFourComponents() {
    leadFixture();
    Map<String, Row> rows =
        byKey(
            MartFixture.compute("mart_lead_health_score", AS_OF), r -> r.<String>getAs("lead_id"));

    // H1: contact 10 + 5 + 5, speed 30, follow-up 20 (converted), progress 30 (SQL) = 100.
    assertThat(rows.get("H1").<Integer>getAs("score")).isEqualTo(100);
    assertThat(rows.get("H1").<String>getAs("score_band")).isEqualTo("80-100");
    // H2: contact 10 (phone only; industry unknown), speed 15 (within 72 h), follow-up 20
    // (2025-05-31 is exactly 30 days before), progress 15 (MQL) = 60, the bottom of 60-79.
    Row h2 = rows.get("H2");
    assertThat(h2.<Integer>getAs("contact_points")).isEqualTo(10);
    assertThat(h2.<Integer>getAs("speed_points")).isEqualTo(15);
    assertThat(h2.<Integer>getAs("follow_up_points")).isEqualTo(20);
    assertThat(h2.<Integer>getAs("progress_points")).isEqualTo(15);
    assertThat(h2.<Integer>getAs("score")).isEqualTo(60);
    assertThat(h2.<String>getAs("score_band")).isEqualTo("60-79");
    // H3: contact 5 (blank phone and e-mail score nothing), nothing else = 5.
    assertThat(rows.get("H3").<Integer>getAs("score")).isEqualTo(5);
    assertThat(rows.get("H3").<String>getAs("score_band")).isEqualTo("0-19");
    // H4: contact 10 + 5, speed 5 (touched late), follow-up 10 (2025-04-01 is exactly 90 days
    // before), progress 0 = 30.
    assertThat(rows.get("H4").<Integer>getAs("follow_up_points")).isEqualTo(10);
    assertThat(rows.get("H4").<Integer>getAs("score")).isEqualTo(30);
    assertThat(rows.get("H4").<String>getAs("score_band")).isEqualTo("20-39");
  }

  private static void transitionFixture() {
    MartFixture.view(
        "gold_fact_opportunity_stage_transition",
        "opportunity_id STRING, changed_at TIMESTAMP, is_creation BOOLEAN, is_win BOOLEAN,"
            + " is_on_time BOOLEAN",
        // OA: created 01-01, won 02-15: 45 days.
        "('OA', TIMESTAMP'2025-01-01 00:00:00', true, false, false)",
        "('OA', TIMESTAMP'2025-01-20 00:00:00', false, false, true)",
        "('OA', TIMESTAMP'2025-02-15 00:00:00', false, true, true)",
        // OB: created 03-01, won 03-11: 10 days.
        "('OB', TIMESTAMP'2025-03-01 00:00:00', true, false, false)",
        "('OB', TIMESTAMP'2025-03-11 00:00:00', false, true, true)",
        // OC: created 02-01, won 05-02: 28 + 31 + 30 + 1 = 90 days; one late change.
        "('OC', TIMESTAMP'2025-02-01 00:00:00', true, false, false)",
        "('OC', TIMESTAMP'2025-03-01 00:00:00', false, false, true)",
        "('OC', TIMESTAMP'2025-04-01 00:00:00', false, false, false)",
        "('OC', TIMESTAMP'2025-05-02 00:00:00', false, true, true)",
        // OD: open, four timely changes.
        "('OD', TIMESTAMP'2025-04-01 00:00:00', true, false, false)",
        "('OD', TIMESTAMP'2025-04-05 00:00:00', false, false, true)",
        "('OD', TIMESTAMP'2025-04-10 00:00:00', false, false, true)",
        "('OD', TIMESTAMP'2025-04-15 00:00:00', false, false, true)",
        "('OD', TIMESTAMP'2025-04-20 00:00:00', false, false, true)",
        // OE: a late change on 2024-06-30, the day before the window opens.
        "('OE', TIMESTAMP'2024-06-01 00:00:00', true, false, false)",
        "('OE', TIMESTAMP'2024-06-30 12:00:00', false, false, false)");
  }

  @Test
  void healthMetricsMeasureDuplicatesCompletenessLeadHealthAndTimeliness() {
    leadFixture();
    transitionFixture();
    MartFixture.compute("mart_lead_health_score", AS_OF)
        .createOrReplaceTempView("gold_mart_lead_health_score");
    MartFixture.view(
        "gold_mart_funnel_stage_deal",
        "still_in_stage BOOLEAN, days_in_stage_as_of INT",
        "(true, 10)",
        "(true, 30)",
        "(true, 31)",
        "(false, NULL)");
    MartFixture.view(
        "silver_customer_crosswalk",
        "unified_customer_id STRING, source STRING, record_id STRING",
        "('U1', 'crm', 'A1')",
        "('U1', 'crm', 'A2')",
        "('U1', 'erp', 'C1')",
        "('U2', 'crm', 'A3')",
        "('U2', 'erp', 'C2')",
        "('U2', 'erp', 'C3')",
        "('U2', 'chat', 'W1')",
        "('U2', 'chat', 'W2')",
        "('U3', 'erp', 'C4')");
    MartFixture.view(
        "silver_crm_accounts",
        "unified_social_credit_code STRING, industry STRING, region_name STRING, city STRING,"
            + " phone STRING, email STRING",
        "('X1', 'saas', 'East', 'Shanghai', '021', ' ')",
        "(NULL, '', 'East', 'Shanghai', '022', 'e@x')");
    MartFixture.view(
        "silver_crm_contacts",
        "title STRING, decision_role STRING, phone STRING, email STRING,"
            + " wecom_external_userid STRING",
        "('CEO', 'KP', '139', 'c@x', 'wx1')");
    MartFixture.view(
        "silver_crm_opportunities",
        "account_id STRING, product_line_code STRING, amount DECIMAL(16,2),"
            + " expected_close_date DATE",
        "('A1', 'PL01', 1000.00, NULL)");
    MartFixture.view(
        "silver_erp_customers",
        "unified_social_credit_code STRING, phone STRING, email STRING, region_name STRING,"
            + " address STRING",
        "(NULL, '021', 'f@x', 'East', 'Road 1')");
    MartFixture.view(
        "silver_erp_quotes", "customer_code STRING, crm_opportunity_id STRING", "('C1', 'O1')");
    MartFixture.view("silver_chat_contacts", "name STRING, corp_name STRING, mobile STRING");

    Map<String, Row> rows =
        byKey(
            MartFixture.compute("mart_data_health_metric", AS_OF),
            r -> r.<String>getAs("metric") + "/" + r.<String>getAs("subject"));

    // CRM: A1, A2, A3 are 3 records of 2 customers -> 1 duplicate; ERP: C1-C4 of 3 customers.
    // Chat contacts are not duplicates.
    Row crm = rows.get("customer_id_duplicate_rate/crm");
    assertThat(count(crm, "numerator")).isEqualTo(1);
    assertThat(number(crm, "value")).isCloseTo(1.0 / 3, within(EPSILON));
    assertThat(number(rows.get("customer_id_duplicate_rate/erp"), "value"))
        .isCloseTo(1.0 / 4, within(EPSILON));
    assertThat(number(rows.get("customer_id_duplicate_rate/all"), "value"))
        .isCloseTo(2.0 / 7, within(EPSILON));

    // Completeness: accounts 1+1+2+2+2+1 = 9 of 12 (blank e-mail and industry count as empty),
    // contacts 5 of 5, leads 6+4+4+5 = 19 of 24, opportunities 3 of 4 -> CRM 36 of 45.
    assertThat(number(rows.get("field_completeness/silver.crm_accounts.email"), "value"))
        .isCloseTo(0.5, within(EPSILON));
    assertThat(number(rows.get("field_completeness/silver.crm_leads.email"), "value"))
        .isCloseTo(1.0 / 4, within(EPSILON));
    Row crmFields = rows.get("field_completeness/crm");
    assertThat(count(crmFields, "numerator")).isEqualTo(36);
    assertThat(count(crmFields, "denominator")).isEqualTo(45);
    // ERP: customers 4 of 5, quotes 2 of 2; chat: no contacts, so no rate.
    assertThat(number(rows.get("field_completeness/erp"), "value"))
        .isCloseTo(6.0 / 7, within(EPSILON));
    Row chat = rows.get("field_completeness/chat");
    assertThat(count(chat, "denominator")).isZero();
    assertThat(chat.<Object>getAs("value")).isNull();
    assertThat(number(rows.get("field_completeness/all"), "value"))
        .isCloseTo(42.0 / 52, within(EPSILON));

    // Lead health: scores 100, 60, 5, 30 -> one lead in each band but 40-59; mean 195 / 4.
    assertThat(number(rows.get("lead_health_score_band/80-100"), "value"))
        .isCloseTo(0.25, within(EPSILON));
    assertThat(count(rows.get("lead_health_score_band/40-59"), "numerator")).isZero();
    assertThat(count(rows.get("lead_health_score_band/40-59"), "denominator")).isEqualTo(4);
    assertThat(number(rows.get("lead_health_score_mean/all"), "value"))
        .isCloseTo(195.0 / 4, within(EPSILON));

    // Stage changes in the window: OA 2, OB 1, OC 3, OD 4 = 10, of which OC's 04-01 is late; with
    // OE's late change the whole history has 9 of 11 on time.
    Row window = rows.get("stage_update_on_time_rate/last_12_months");
    assertThat(count(window, "numerator")).isEqualTo(9);
    assertThat(count(window, "denominator")).isEqualTo(10);
    assertThat(number(rows.get("stage_update_on_time_rate/all_history"), "value"))
        .isCloseTo(9.0 / 11, within(EPSILON));
    // Open stages: 10, 30, 31 days; only 31 is past the 30 due days.
    assertThat(number(rows.get("open_stage_overdue_rate/as_of"), "value"))
        .isCloseTo(1.0 / 3, within(EPSILON));
    assertThat(rows.get("open_stage_overdue_rate/as_of").<Date>getAs("as_of_date"))
        .isEqualTo(Date.valueOf(AS_OF));
  }

  @Test
  void healthCheckPassesAtTheThresholdWarnsNearItAndFailsBelow() {
    leadFixture();
    transitionFixture();
    MartFixture.view(
        "gold_fact_payment",
        "unified_customer_id STRING, customer_code STRING, amount DECIMAL(16,2),"
            + " is_received BOOLEAN, received_date DATE",
        // U1: 300,000 + 200,000 = exactly the 500,000 high-value line.
        "('U1', 'C1', 300000.00, true, DATE'2025-01-10')",
        "('U1', 'C1b', 200000.00, true, DATE'2025-05-10')",
        "('U2', 'C2', 499999.99, true, DATE'2025-03-01')",
        // No unified customer: counted by its ERP code; received on the as-of date.
        "(NULL, 'C9', 600000.00, true, DATE'2025-06-30')",
        // Received the day before the window opens, and not received at all: not counted.
        "('U3', 'C3', 100000.00, true, DATE'2024-06-30')",
        "('U4', 'C4', 50000.00, false, NULL)",
        "('U5', 'C5', 10000.00, true, DATE'2025-02-01')",
        "('U6', 'C6', 10000.00, true, DATE'2025-02-01')",
        "('U7', 'C7', 10000.00, true, DATE'2025-02-01')",
        "('U8', 'C8', 10000.00, true, DATE'2025-02-01')");

    Map<String, Row> rows =
        byKey(
            MartFixture.compute("mart_sales_health_check", AS_OF),
            r -> r.<String>getAs("check_name"));
    assertThat(rows).hasSize(4);

    // MQLs in the window: H2 only (H1's MQL is older); it has not reached SQL: 0 / 1, below
    // 25% by more than the 10% margin.
    Row mql = rows.get("mql_to_sql_rate");
    assertThat(number(mql, "value")).isZero();
    assertThat(count(mql, "denominator")).isEqualTo(1);
    assertThat(number(mql, "threshold")).isEqualTo(THRESHOLDS.minMqlToSqlRate());
    assertThat(mql.<String>getAs("status")).isEqualTo("fail");

    // Won in the window after 45, 10 and 90 days: the median is exactly the 45-day limit.
    Row cycle = rows.get("sales_cycle_days");
    assertThat(number(cycle, "value")).isCloseTo(45.0, within(EPSILON));
    assertThat(count(cycle, "denominator")).isEqualTo(3);
    assertThat(cycle.<String>getAs("comparison")).isEqualTo("<=");
    assertThat(number(cycle, "threshold")).isEqualTo(THRESHOLDS.maxSalesCycleDays());
    assertThat(cycle.<String>getAs("status")).isEqualTo("pass");

    // 9 of 10 stage changes on time: exactly the 90% threshold.
    Row onTime = rows.get("stage_updates_on_time_rate");
    assertThat(number(onTime, "value")).isEqualTo(0.9);
    assertThat(onTime.<String>getAs("status")).isEqualTo("pass");

    // Paying customers in the window: U1, U2, C9, U5-U8 = 7; high-value U1 and C9: 2 / 7 =
    // 0.286, under 30% but within 10% of it (>= 0.27): a warning.
    Row highValue = rows.get("high_value_customer_share");
    assertThat(count(highValue, "numerator")).isEqualTo(2);
    assertThat(count(highValue, "denominator")).isEqualTo(7);
    assertThat(number(highValue, "value")).isCloseTo(2.0 / 7, within(EPSILON));
    assertThat(highValue.<String>getAs("status")).isEqualTo("warn");
    assertThat(highValue.<Date>getAs("window_start")).isEqualTo(Date.valueOf("2024-07-01"));
    assertThat(highValue.<Date>getAs("window_end")).isEqualTo(Date.valueOf(AS_OF));
  }
}
