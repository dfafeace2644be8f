package io.salesdw.semantic;

import io.salesdw.semantic.TinyGoldLake.Column;
import io.salesdw.semantic.TinyGoldLake.Row;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The health marts of {@link TinyGoldLake} (the tables {@code health.yaml} reads, which the monthly
 * health pack shows), a few rows each over January and February 2024, with the columns the model
 * reads. What the rows show: two teams with several reps (team means differ from rep values), reps
 * below the coaching line, a DNA warning, two probability sources in the reliability bins, a funnel
 * with a bottleneck and a month's cohort beside {@code all}, a silent customer with no unified id.
 */
final class TinyHealthMarts {
  /** The day the snapshot marts were built. */
  static final LocalDate AS_OF = LocalDate.parse("2024-02-29");

  static final List<Column> AUTHENTICITY_COLUMNS =
      List.of(
          new Column("rep_id", "string"),
          new Column("month_key", "integer"),
          new Column("team_id", "string"),
          new Column("record_completeness", "double"),
          new Column("authenticity_index", "double"),
          new Column("status", "string"),
          new Column("needs_coaching", "boolean"));

  static final List<Row> AUTHENTICITY =
      List.of(
          row("REP0001", 202401, "T001", 0.9, 0.80, "green", false),
          row("REP0002", 202401, "T001", 0.5, 0.60, "red", true),
          row("REP0003", 202401, "T002", 0.7, 0.70, "yellow", false),
          row("REP0004", 202401, "T003", 0.4, 0.50, "red", true),
          row("REP0001", 202402, "T001", 0.8, 0.90, "green", false));

  static final List<Column> PROCESS_DNA_COLUMNS =
      List.of(
          new Column("rep_id", "string"),
          new Column("month_key", "integer"),
          new Column("team_id", "string"),
          new Column("radar_visits", "double"),
          new Column("radar_effective_visit_rate", "double"),
          new Column("radar_need_type_coverage", "double"),
          new Column("radar_golden_action_completion", "double"),
          new Column("radar_stage_update_timeliness", "double"),
          new Column("radar_listening", "double"),
          new Column("warning_flag", "boolean"),
          new Column("warning_reasons", "string"));

  static final List<Row> PROCESS_DNA =
      List.of(
          row("REP0001", 202401, "T001", 60.0, 80.0, 70.0, 90.0, 100.0, 40.0, false, null),
          row("REP0002", 202401, "T001", 40.0, 60.0, 50.0, 30.0, 80.0, 60.0, true, "monologue"),
          row("REP0003", 202401, "T002", 50.0, 50.0, 50.0, 50.0, 50.0, 50.0, false, null),
          row("REP0001", 202402, "T001", 70.0, 70.0, 70.0, 70.0, 70.0, 70.0, false, null));

  static final List<Column> RELIABILITY_COLUMNS =
      List.of(
          new Column("probability_source", "string"),
          new Column("bin", "integer"),
          new Column("forecasts", "integer"),
          new Column("mean_predicted", "double"),
          new Column("observed_frequency", "double"));

  static final List<Row> RELIABILITY =
      List.of(
          row("rep", 0, 10, 0.05, 0.10),
          row("rep", 1, 5, 0.55, 0.40),
          row("calibrated", 0, 12, 0.08, 0.10),
          row("calibrated", 1, 3, 0.60, 0.67));

  static final List<Column> CALIBRATION_COLUMNS =
      List.of(
          new Column("scope_type", "string"),
          new Column("scope_id", "string"),
          new Column("probability_source", "string"),
          new Column("brier_score", "double"));

  static final List<Row> CALIBRATION =
      List.of(
          row("all", "all", "rep", 0.20),
          row("all", "all", "calibrated", 0.15),
          row("rep", "REP0001", "rep", 0.25));

  static final List<Column> FUNNEL_COLUMNS =
      List.of(
          new Column("cohort", "string"),
          new Column("stage", "string"),
          new Column("stage_order", "integer"),
          new Column("entered", "long"),
          new Column("advanced", "long"),
          new Column("dwell_days_mean", "double"),
          new Column("is_bottleneck", "boolean"));

  static final List<Row> FUNNEL =
      List.of(
          row("all", "initial_contact", 1, 10L, 6L, 5.0, false),
          row("all", "needs_confirmed", 2, 6L, 2L, 12.5, true),
          row("all", "proposal", 3, 2L, 1L, 8.0, false),
          row("202401", "initial_contact", 1, 4L, 3L, 4.0, false));

  static final List<Column> INCENTIVE_COLUMNS =
      List.of(
          new Column("month_key", "integer"),
          new Column("rule_coverage", "double"),
          new Column("payout_on_time_rate", "double"),
          new Column("commission_amount", "decimal(18,2)"));

  static final List<Row> INCENTIVE =
      List.of(
          row(202401, 1.0, 0.5, new BigDecimal("1200.50")),
          row(202402, 0.8, 1.0, new BigDecimal("800.00")));

  static final List<Column> DATA_HEALTH_COLUMNS =
      List.of(
          new Column("metric", "string"),
          new Column("subject", "string"),
          new Column("source_system", "string"),
          new Column("value", "double"),
          new Column("as_of_date", "date"));

  static final List<Row> DATA_HEALTH =
      List.of(
          row("field_completeness", "crm", "crm", 0.95, AS_OF),
          row("field_completeness", "erp", "erp", 0.99, AS_OF),
          row("customer_id_duplicate_rate", "all", "all", 0.01, AS_OF));

  static final List<Column> HEALTH_CHECK_COLUMNS =
      List.of(
          new Column("check_name", "string"),
          new Column("value", "double"),
          new Column("comparison", "string"),
          new Column("threshold", "double"),
          new Column("status", "string"),
          new Column("window_end", "date"));

  static final List<Row> HEALTH_CHECKS =
      List.of(
          row("mql_to_sql_rate", 0.14, ">=", 0.25, "fail", AS_OF),
          row("sales_cycle_days", 22.5, "<=", 45.0, "pass", AS_OF));

  static final List<Column> SILENT_CUSTOMER_COLUMNS =
      List.of(
          new Column("customer_id", "string"),
          new Column("unified_customer_id", "string"),
          new Column("customer_name", "string"),
          new Column("owner_rep_id", "string"),
          new Column("open_pipeline_amount", "decimal(26,2)"),
          new Column("days_silent", "integer"),
          new Column("as_of_date", "date"));

  static final List<Row> SILENT_CUSTOMERS =
      List.of(
          row("CRM-1", "C001", "华信机械", "REP0001", new BigDecimal("500.00"), 40, AS_OF),
          row("CRM-2", "C003", "云端科技", "REP0003", new BigDecimal("1500.00"), 75, AS_OF),
          row("CRM-3", null, "新客户", "REP0003", new BigDecimal("200.00"), 33, AS_OF));

  private TinyHealthMarts() {}

  static void write(Path lakeRoot) {
    TinyGoldLake.writeTable(
        lakeRoot, "mart_target_authenticity", AUTHENTICITY_COLUMNS, true, AUTHENTICITY);
    TinyGoldLake.writeTable(
        lakeRoot, "mart_rep_process_dna", PROCESS_DNA_COLUMNS, true, PROCESS_DNA);
    TinyGoldLake.writeTable(
        lakeRoot, "mart_forecast_reliability", RELIABILITY_COLUMNS, false, RELIABILITY);
    TinyGoldLake.writeTable(
        lakeRoot, "mart_forecast_calibration", CALIBRATION_COLUMNS, false, CALIBRATION);
    TinyGoldLake.writeTable(lakeRoot, "mart_funnel_stage_summary", FUNNEL_COLUMNS, false, FUNNEL);
    TinyGoldLake.writeTable(lakeRoot, "mart_incentive_health", INCENTIVE_COLUMNS, true, INCENTIVE);
    TinyGoldLake.writeTable(
        lakeRoot, "mart_data_health_metric", DATA_HEALTH_COLUMNS, false, DATA_HEALTH);
    TinyGoldLake.writeTable(
        lakeRoot, "mart_sales_health_check", HEALTH_CHECK_COLUMNS, false, HEALTH_CHECKS);
    TinyGoldLake.writeTable(
        lakeRoot, "mart_silent_customer", SILENT_CUSTOMER_COLUMNS, false, SILENT_CUSTOMERS);
  }

  /** A fixture row: its values in the table's column order, Java {@code null} for SQL NULL. */
  private static Row row(Object... values) {
    List<Object> list = Arrays.asList(values);
    return () -> list;
  }
}
