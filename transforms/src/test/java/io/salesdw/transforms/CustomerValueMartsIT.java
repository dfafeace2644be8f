package io.salesdw.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The customer-value marts on a two-customer fixture worked out by hand. */
class CustomerValueMartsIT {
  private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

  @BeforeEach
  void customers() {
    MartFixture.view(
        "gold_dim_customer",
        "unified_customer_id STRING, customer_name STRING, industry STRING, region_name STRING",
        "('UC1', '甲公司', 'saas', '华东')",
        "('UC2', '乙公司', NULL, NULL)");
    MartFixture.view(
        "silver_customer_crosswalk",
        "unified_customer_id STRING, source STRING, record_id STRING",
        "('UC1', 'erp', 'CUS1')",
        "('UC2', 'crm', 'A2')");
    // UC1 buys on 2024-12-31 and twice on 2025-06-30: two purchase days, 175,000 contracted.
    // A contract after the as-of date does not count.
    MartFixture.view(
        "silver_erp_contracts",
        "contract_no STRING, customer_code STRING, signed_date DATE, amount DECIMAL(16,2)",
        "('K1', 'CUS1', DATE'2024-12-31', 100000.00)",
        "('K2', 'CUS1', DATE'2025-06-30', 50000.00)",
        "('K3', 'CUS1', DATE'2025-06-30', 25000.00)",
        "('K4', 'CUS1', DATE'2026-01-05', 999.00)");
    MartFixture.view(
        "gold_fact_payment",
        "unified_customer_id STRING, amount DECIMAL(16,2), is_received BOOLEAN,"
            + " received_date DATE",
        "('UC1', 80000.00, true, DATE'2025-07-10')",
        "('UC1', 20000.00, false, NULL)");
    MartFixture.view(
        "gold_fact_order",
        "unified_customer_id STRING, order_date DATE, amount DECIMAL(16,2),"
            + " gross_margin DECIMAL(16,2)",
        "('UC1', DATE'2025-07-01', 175000.00, 70000.00)");
    // Three activities with UC1 in the 90 days to 31 December, one older.
    MartFixture.view(
        "gold_fact_activity",
        "unified_customer_id STRING, started_at TIMESTAMP",
        "('UC1', TIMESTAMP'2025-11-01 10:00:00')",
        "('UC1', TIMESTAMP'2025-12-01 10:00:00')",
        "('UC1', TIMESTAMP'2025-12-31 10:00:00')",
        "('UC1', TIMESTAMP'2025-05-01 10:00:00')");
    // Two messages: the customer names a competitor once; the rep's reply is not counted.
    MartFixture.view(
        "gold_fact_chat_message",
        "unified_customer_id STRING, sent_at TIMESTAMP, sender_role STRING, text_content STRING",
        "('UC1', TIMESTAMP'2025-12-15 09:00:00', 'customer', '你们和竞品比有什么优势')",
        "('UC1', TIMESTAMP'2025-12-15 09:05:00', 'rep', '我们的交付更快')");
    // UC1's deal reached negotiation (stage 4), then was lost: progression 4 / 6.
    MartFixture.view(
        "gold_fact_opportunity_stage_transition",
        "unified_customer_id STRING, to_stage STRING, to_stage_order INT, changed_at TIMESTAMP",
        "('UC1', 'negotiation', 4, TIMESTAMP'2025-11-01 10:00:00')",
        "('UC1', 'lost', 7, TIMESTAMP'2025-12-01 10:00:00')");
    // UC1 came in through a WeCom lead before its first purchase; four WeCom leads, one ad lead.
    MartFixture.view(
        "gold_fact_lead_lifecycle",
        "lead_id STRING, created_at TIMESTAMP, channel_id STRING, unified_customer_id STRING,"
            + " opportunity_created_at TIMESTAMP",
        "('L1', TIMESTAMP'2024-11-20 10:00:00', 'wecom', 'UC1', TIMESTAMP'2024-12-01 10:00:00')",
        "('L2', TIMESTAMP'2025-01-20 10:00:00', 'wecom', NULL, NULL)",
        "('L3', TIMESTAMP'2025-02-20 10:00:00', 'wecom', NULL, NULL)",
        "('L4', TIMESTAMP'2025-03-20 10:00:00', 'wecom', NULL, NULL)",
        "('L5', TIMESTAMP'2025-04-20 10:00:00', 'ads', NULL, NULL)");
    MartFixture.view(
        "gold_mart_customer_ltv_score",
        "unified_customer_id STRING, probability_alive DOUBLE, expected_purchases_12m DOUBLE,"
            + " predicted_ltv_36m DECIMAL(18,2)",
        "('UC1', 0.9, 1.5, 300000.00)");
  }

  @Test
  void customerValueAddsRevenueMarginTenureAndHealth() {
    Map<String, Row> byId =
        MartFixture.compute("mart_customer_value", AS_OF).collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getAs("unified_customer_id"), r -> r));
    Row uc1 = byId.get("UC1");
    assertThat((String) uc1.getAs("acquisition_channel")).isEqualTo("wecom");
    assertThat((Long) uc1.getAs("purchases")).isEqualTo(2L);
    assertThat((BigDecimal) uc1.getAs("contracted_revenue")).isEqualByComparingTo("175000");
    assertThat((BigDecimal) uc1.getAs("collected_revenue")).isEqualByComparingTo("80000");
    assertThat((BigDecimal) uc1.getAs("gross_margin")).isEqualByComparingTo("70000");
    assertThat(((Number) uc1.getAs("gross_margin_rate")).doubleValue()).isEqualTo(0.4);
    // 2024-12-31 to 2025-12-31: 12 months; 2 purchase days a year.
    assertThat((Double) uc1.getAs("tenure_months")).isEqualTo(12.0);
    assertThat(((Number) uc1.getAs("purchases_per_year")).doubleValue()).isEqualTo(2.0);
    assertThat((Long) uc1.getAs("interactions_90d")).isEqualTo(5L);
    assertThat((Long) uc1.getAs("competitor_mentions_90d")).isEqualTo(1L);
    // Interaction 5 / p90 5 = 1; progression 4/6; competitor 1/3:
    // 100 x (0.4 x 1 + 0.3 x 4/6 + 0.3 x 2/3) = 80.
    assertThat(((Number) uc1.getAs("health_index")).doubleValue()).isCloseTo(80.0, within(1e-9));
    assertThat((BigDecimal) uc1.getAs("predicted_ltv_36m")).isEqualByComparingTo("300000");
    Row uc2 = byId.get("UC2");
    assertThat((Long) uc2.getAs("purchases")).isZero();
    assertThat(uc2.isNullAt(uc2.fieldIndex("acquisition_channel"))).isTrue();
    assertThat(((Number) uc2.getAs("health_index")).doubleValue()).isZero();
  }

  @Test
  void leadSourceWeightsCompareValuePerLeadWithTheAverage() {
    MartFixture.compute("mart_customer_value", AS_OF)
        .createOrReplaceTempView("gold_mart_customer_value");
    Map<String, Row> byChannel =
        MartFixture.compute("mart_lead_source_value", AS_OF).collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getAs("channel_id"), r -> r));
    // WeCom: 300,000 of predicted value over 4 leads = 75,000 a lead; all channels: 300,000 / 5
    // leads = 60,000; weight 75,000 / 60,000 = 1.25. Ads acquired nothing: weight 0.
    Row wecom = byChannel.get("wecom");
    assertThat((Long) wecom.getAs("leads")).isEqualTo(4L);
    assertThat((Long) wecom.getAs("acquired_customers")).isEqualTo(1L);
    assertThat(((Number) wecom.getAs("value_per_lead")).doubleValue()).isEqualTo(75000.0);
    assertThat(((Number) wecom.getAs("value_weight")).doubleValue()).isEqualTo(1.25);
    assertThat(((Number) byChannel.get("ads").getAs("value_weight")).doubleValue()).isZero();
  }

  @Test
  void cohortCurvesAccumulateRevenuePerCustomerByMonthSinceAcquisition() {
    MartFixture.compute("mart_customer_value", AS_OF)
        .createOrReplaceTempView("gold_mart_customer_value");
    Map<Integer, Row> byMonth =
        MartFixture.compute("mart_customer_cohort", AS_OF).collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getAs("months_since_acquisition"), r -> r));
    // UC1 (WeCom, cohort 2024) is observed for 12 months: offsets 0..12. 100,000 at month 0,
    // 175,000 from month 6 on.
    assertThat(byMonth).hasSize(13);
    assertThat((BigDecimal) byMonth.get(0).getAs("cumulative_revenue"))
        .isEqualByComparingTo("100000");
    assertThat((BigDecimal) byMonth.get(5).getAs("cumulative_revenue"))
        .isEqualByComparingTo("100000");
    assertThat((BigDecimal) byMonth.get(6).getAs("cumulative_revenue"))
        .isEqualByComparingTo("175000");
    assertThat((Integer) byMonth.get(6).getAs("cohort_year")).isEqualTo(2024);
    assertThat((String) byMonth.get(6).getAs("acquisition_channel")).isEqualTo("wecom");
  }
}
