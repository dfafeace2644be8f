package io.salesdw.transforms;

import static io.salesdw.transforms.GoldCatalog.sql;
import static io.salesdw.transforms.GoldCatalog.sqlTable;
import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.joining;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The data-health marts and the sales health self-check.
 *
 * <p>None is partitioned by month: each is a picture of the lake as of the build's as-of date.
 */
final class DataHealthMarts {
  /**
   * A customer is high-value when the payments received from it in the 12 months up to the as-of
   * date sum to at least this many CNY (tax included): the smallest deal band the CRM records is
   * under ¥100,000, so ¥500,000 a year is a customer worth several mid-sized deals a year.
   */
  static final BigDecimal HIGH_VALUE_MIN_COLLECTED = new BigDecimal("500000");

  /** A check that misses its threshold by at most this share of it is a warning, not a failure. */
  static final double WARN_MARGIN = 0.10;

  /**
   * The fields whose completeness is measured, per source system: the CRM fields sales works with,
   * the ERP fields finance bills and collects with, and the WeCom contact profile.
   */
  static final List<Field> COMPLETENESS_FIELDS =
      List.of(
          new Field("crm", "crm_accounts", "unified_social_credit_code"),
          new Field("crm", "crm_accounts", "industry"),
          new Field("crm", "crm_accounts", "region_name"),
          new Field("crm", "crm_accounts", "city"),
          new Field("crm", "crm_accounts", "phone"),
          new Field("crm", "crm_accounts", "email"),
          new Field("crm", "crm_contacts", "title"),
          new Field("crm", "crm_contacts", "decision_role"),
          new Field("crm", "crm_contacts", "phone"),
          new Field("crm", "crm_contacts", "email"),
          new Field("crm", "crm_contacts", "wecom_external_userid"),
          new Field("crm", "crm_leads", "region_name"),
          new Field("crm", "crm_leads", "industry"),
          new Field("crm", "crm_leads", "company_name"),
          new Field("crm", "crm_leads", "contact_name"),
          new Field("crm", "crm_leads", "phone"),
          new Field("crm", "crm_leads", "email"),
          new Field("crm", "crm_opportunities", "account_id"),
          new Field("crm", "crm_opportunities", "product_line_code"),
          new Field("crm", "crm_opportunities", "amount"),
          new Field("crm", "crm_opportunities", "expected_close_date"),
          new Field("erp", "erp_customers", "unified_social_credit_code"),
          new Field("erp", "erp_customers", "phone"),
          new Field("erp", "erp_customers", "email"),
          new Field("erp", "erp_customers", "region_name"),
          new Field("erp", "erp_customers", "address"),
          new Field("erp", "erp_quotes", "customer_code"),
          new Field("erp", "erp_quotes", "crm_opportunity_id"),
          new Field("chat", "chat_contacts", "name"),
          new Field("chat", "chat_contacts", "corp_name"),
          new Field("chat", "chat_contacts", "mobile"));

  private static final String HEALTH_METRIC = "mart_data_health_metric";
  private static final String HEALTH_CHECK = "mart_sales_health_check";

  private DataHealthMarts() {}

  static List<GoldTable> tables() {
    List<String> metricInputs =
        new ArrayList<>(
            List.of(
                "silver.customer_crosswalk",
                "gold.fact_opportunity_stage_transition",
                "gold.mart_funnel_stage_deal",
                "gold.mart_lead_health_score"));
    COMPLETENESS_FIELDS.stream()
        .map(f -> "silver." + f.table())
        .distinct()
        .forEach(metricInputs::add);
    return List.of(
        sql(
            "mart_lead_health_score",
            "one row per lead",
            List.of("gold.fact_lead_lifecycle", "silver.crm_leads"),
            false),
        sqlTable(
            HEALTH_METRIC,
            "one row per data-health metric and subject",
            metricInputs,
            false,
            GoldContext.sqlText(HEALTH_METRIC) + "\n" + completenessSql(),
            DataHealthMarts::healthMetrics),
        sqlTable(
            HEALTH_CHECK,
            "one row per sales health check",
            List.of(
                "gold.fact_lead_lifecycle",
                "gold.fact_opportunity_stage_transition",
                "gold.fact_payment"),
            false,
            GoldContext.sqlText(HEALTH_CHECK)
                + "\nhigh-value:"
                + HIGH_VALUE_MIN_COLLECTED
                + " warn:"
                + WARN_MARGIN,
            DataHealthMarts::healthChecks));
  }

  private static Dataset<Row> healthMetrics(GoldContext context) {
    Map<String, String> parameters = new HashMap<>(context.parameters());
    parameters.put("field_completeness", completenessSql());
    return context.spark().sql(GoldContext.render(GoldContext.sqlText(HEALTH_METRIC), parameters));
  }

  private static Dataset<Row> healthChecks(GoldContext context) {
    HealthThresholds thresholds = context.config().healthThresholds();
    Map<String, String> parameters = new HashMap<>(context.parameters());
    parameters.put("min_mql_to_sql_rate", doubleLiteral(thresholds.minMqlToSqlRate()));
    parameters.put("max_sales_cycle_days", doubleLiteral(thresholds.maxSalesCycleDays()));
    parameters.put("min_stage_updates_on_time", doubleLiteral(thresholds.minStageUpdatesOnTime()));
    parameters.put(
        "min_high_value_customer_share", doubleLiteral(thresholds.minHighValueCustomerShare()));
    parameters.put("warn_margin", doubleLiteral(WARN_MARGIN));
    parameters.put(
        "high_value_min_collected", "CAST('" + HIGH_VALUE_MIN_COLLECTED + "' AS DECIMAL(20, 2))");
    return context.spark().sql(GoldContext.render(GoldContext.sqlText(HEALTH_CHECK), parameters));
  }

  /** A SQL DOUBLE literal of a value, exact whatever the notation Java prints it in. */
  private static String doubleLiteral(double value) {
    return "CAST('" + value + "' AS DOUBLE)";
  }

  /**
   * One SELECT per field, giving source_system, subject ({@code silver.<table>.<column>}),
   * numerator (rows whose field is neither null nor blank) and denominator (rows).
   */
  static String completenessSql() {
    return COMPLETENESS_FIELDS.stream()
        .map(
            f ->
                "  SELECT '"
                    + f.sourceSystem()
                    + "' AS source_system, 'silver."
                    + f.table()
                    + "."
                    + f.column()
                    + "' AS subject, count_if(nullif(trim(CAST("
                    + f.column()
                    + " AS STRING)), '') IS NOT NULL) AS numerator, count(*) AS denominator FROM silver_"
                    + f.table())
        .collect(joining("\n  UNION ALL\n"));
  }

  /** A field whose completeness is measured: its source system and silver table and column. */
  record Field(String sourceSystem, String table, String column) {
    Field {
      requireNonNull(sourceSystem, "sourceSystem is null");
      requireNonNull(table, "table is null");
      requireNonNull(column, "column is null");
    }
  }
}
