package io.salesdw.transforms;

import java.util.ArrayList;
import java.util.List;

/**
 * Every gold table in build order: conformed dimensions, then facts, then marts. A table reads only
 * tables listed before it.
 */
final class GoldCatalog {
  private static final List<String> CRM_CORE =
      List.of("silver.crm_reps", "silver.crm_teams", "silver.crm_regions");

  private GoldCatalog() {}

  static List<GoldTable> tables() {
    List<GoldTable> tables = new ArrayList<>(dimensionsAndFacts());
    tables.addAll(FunnelMarts.tables());
    tables.addAll(ProcessDnaMarts.tables());
    tables.addAll(CustomerValueMarts.tables());
    tables.addAll(ForecastMarts.tables());
    tables.addAll(IncentiveMarts.tables());
    tables.addAll(DataHealthMarts.tables());
    return List.copyOf(tables);
  }

  private static List<GoldTable> dimensionsAndFacts() {
    return List.of(
        sqlTable(
            "dim_date",
            "one row per calendar day",
            List.of("silver.erp_orders", "silver.crm_leads", "silver.crm_opportunities"),
            false,
            "java:DateDimension:1",
            DateDimension::build),
        sql(
            "dim_rep",
            "one row per rep and version (type 2: team, level, manager, employment)",
            List.of(
                "bronze.crm_changes", "silver.crm_reps", "silver.crm_teams", "silver.crm_regions"),
            false),
        sql("dim_team", "one row per team, with its region", CRM_CORE, false),
        sql(
            "dim_customer",
            "one row per unified customer",
            List.of("silver.customer_crosswalk", "silver.crm_accounts", "silver.erp_customers"),
            false),
        sql(
            "dim_product",
            "one row per SKU",
            List.of("silver.erp_products", "silver.erp_product_lines"),
            false),
        sql(
            "dim_product_line",
            "one row per product line",
            List.of("silver.erp_product_lines"),
            false),
        sql("dim_channel", "one row per lead channel", List.of("silver.crm_channels"), false),
        sql("dim_stage", "one row per opportunity stage", List.of(), false),
        sql("dim_industry", "one row per industry", List.of(), false),
        sql(
            "fact_lead_lifecycle",
            "one row per lead (accumulating snapshot)",
            List.of(
                "silver.crm_leads",
                "silver.crm_activities",
                "silver.crm_channels",
                "silver.crm_opportunities",
                "silver.customer_crosswalk",
                "gold.dim_rep"),
            true),
        sql(
            "fact_opportunity_stage_transition",
            "one row per stage change of an opportunity",
            List.of(
                "silver.crm_opportunity_stage_history",
                "silver.crm_opportunities",
                "silver.crm_accounts",
                "silver.crm_leads",
                "silver.customer_crosswalk",
                "gold.dim_stage",
                "gold.dim_rep"),
            true),
        sql(
            "fact_activity",
            "one row per logged activity",
            List.of("silver.crm_activities", "silver.customer_crosswalk", "gold.dim_rep"),
            true),
        sql(
            "fact_quote",
            "one row per quote revision",
            List.of(
                "silver.erp_quotes",
                "silver.erp_products",
                "silver.crm_opportunities",
                "silver.customer_crosswalk"),
            true),
        sql(
            "fact_order",
            "one row per order line",
            List.of(
                "silver.erp_orders",
                "silver.erp_contracts",
                "silver.erp_products",
                "silver.crm_opportunities",
                "silver.customer_crosswalk"),
            true),
        sql(
            "fact_payment",
            "one row per payment instalment",
            List.of(
                "silver.erp_payments",
                "silver.erp_contracts",
                "silver.crm_opportunities",
                "silver.customer_crosswalk",
                "gold.dim_rep"),
            true),
        sql(
            "fact_forecast_snapshot",
            "one row per weekly forecast submission",
            List.of(
                "silver.crm_forecast_submissions",
                "silver.crm_opportunities",
                "silver.crm_accounts",
                "gold.dim_rep"),
            true),
        sql(
            "fact_target",
            "one row per target owner and month",
            List.of("silver.crm_targets"),
            true),
        sql(
            "fact_chat_message",
            "one row per chat message",
            List.of("silver.chat_messages", "silver.crm_reps", "silver.customer_crosswalk"),
            true),
        sql(
            "fact_call",
            "one row per recorded call or meeting",
            List.of("silver.chat_calls", "silver.customer_crosswalk", "gold.dim_rep"),
            true));
  }

  /** A table computed by the SQL resource {@code sql/<name>.sql}. */
  static GoldTable sql(String name, String grain, List<String> inputs, boolean monthly) {
    return new GoldTable(
        name, grain, inputs, monthly, GoldContext.sqlText(name), context -> context.sql(name));
  }

  static GoldTable sqlTable(
      String name,
      String grain,
      List<String> inputs,
      boolean monthly,
      String definition,
      GoldTable.Builder builder) {
    return new GoldTable(name, grain, inputs, monthly, definition, builder);
  }
}
