package io.salesdw.app.bench;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The questions of a sales dashboard, each asked twice: as a governed metric query through the
 * semantic layer, and as SQL written by hand for DuckDB over the same gold tables. The second is
 * what the layer's answer is checked against and what its overhead is measured against.
 */
public final class DashboardWorkload {
  private DashboardWorkload() {}

  /**
   * One dashboard question.
   *
   * @param name a short name for the report
   * @param metricSql the question as a metric query
   * @param directSql the same question by hand, in DuckDB's SQL over the gold views
   */
  public record Question(String name, String metricSql, String directSql) {
    public Question {
      requireNonNull(name, "name is null");
      requireNonNull(metricSql, "metricSql is null");
      requireNonNull(directSql, "directSql is null");
    }
  }

  // DuckDB: date_trunc on a DATE returns a TIMESTAMP, so each period is cast back to a DATE, as
  // the layer reports periods; ratios divide as DOUBLE, as the layer's ratio metrics do.
  private static final String MONTH_OF_ORDER = "CAST(date_trunc('month', order_date) AS DATE)";

  /** The workload: twenty questions across orders, pipeline, leads, targets and customers. */
  public static List<Question> questions() {
    return List.of(
        new Question(
            "revenue by month",
            "SELECT metric_time__month, MEASURE(revenue) FROM metrics GROUP BY metric_time__month",
            "SELECT " + MONTH_OF_ORDER + " AS m, SUM(amount) FROM gold.fact_order GROUP BY 1"),
        new Question(
            "revenue and margin rate by product line",
            "SELECT product_line_name, MEASURE(revenue), MEASURE(gross_margin_rate) FROM metrics"
                + " GROUP BY product_line_name",
            "SELECT p.product_line_name, SUM(o.amount),"
                + " CAST(SUM(o.gross_margin) AS DOUBLE) / NULLIF(CAST(SUM(o.amount) AS DOUBLE), 0)"
                + " FROM gold.fact_order o LEFT JOIN gold.dim_product_line p"
                + " ON o.product_line_code = p.product_line_code GROUP BY 1"),
        new Question(
            "win rate by region",
            "SELECT region_name, MEASURE(win_rate) FROM metrics GROUP BY region_name",
            "SELECT t.region_name, CAST(count(*) FILTER (WHERE s.is_win) AS DOUBLE)"
                + " / NULLIF(count(*) FILTER (WHERE s.is_win OR s.is_loss), 0)"
                + " FROM gold.fact_opportunity_stage_transition s LEFT JOIN gold.dim_team t"
                + " ON s.team_id = t.team_id GROUP BY 1"),
        new Question(
            "won deals and win rate by quarter",
            "SELECT metric_time__quarter, MEASURE(won_deals), MEASURE(win_rate) FROM metrics"
                + " GROUP BY metric_time__quarter",
            "SELECT CAST(date_trunc('quarter', CAST(changed_at AS DATE)) AS DATE),"
                + " count(*) FILTER (WHERE is_win),"
                + " CAST(count(*) FILTER (WHERE is_win) AS DOUBLE)"
                + " / NULLIF(count(*) FILTER (WHERE is_win OR is_loss), 0)"
                + " FROM gold.fact_opportunity_stage_transition GROUP BY 1"),
        new Question(
            "target attainment by month",
            "SELECT metric_time__month, MEASURE(target_attainment) FROM metrics"
                + " GROUP BY metric_time__month",
            "SELECT make_date(month_key // 100, month_key % 100, 1),"
                + " CAST(SUM(won_amount) AS DOUBLE) / NULLIF(CAST(SUM(target_amount) AS DOUBLE), 0)"
                + " FROM gold.mart_target_attainment WHERE target_level = 'rep' GROUP BY 1"),
        new Question(
            "target attainment by team",
            "SELECT team_name, MEASURE(target_attainment), MEASURE(target) FROM metrics"
                + " GROUP BY team_name",
            "SELECT t.team_name,"
                + " CAST(SUM(a.won_amount) AS DOUBLE)"
                + " / NULLIF(CAST(SUM(a.target_amount) AS DOUBLE), 0), SUM(a.target_amount)"
                + " FROM gold.mart_target_attainment a"
                + " LEFT JOIN gold.dim_rep r ON a.owner_id = r.rep_id AND r.is_current"
                + " LEFT JOIN gold.dim_team t ON r.team_id = t.team_id"
                + " WHERE a.target_level = 'rep' GROUP BY 1"),
        new Question(
            "pipeline at month end",
            "SELECT metric_time__month, MEASURE(pipeline) FROM metrics GROUP BY metric_time__month",
            "WITH s AS (SELECT CAST(date_trunc('month', week_start) AS DATE) AS m, week_start,"
                + " forecast_amount FROM gold.fact_forecast_snapshot)"
                + " SELECT m, SUM(forecast_amount) FROM s"
                + " WHERE week_start = (SELECT MAX(week_start) FROM s AS e"
                + " WHERE e.m IS NOT DISTINCT FROM s.m) GROUP BY m"),
        new Question(
            "leads and MQL rate by channel",
            "SELECT channel_name, MEASURE(leads), MEASURE(lead_to_mql_rate) FROM metrics"
                + " GROUP BY channel_name",
            "SELECT c.channel_name, count(l.lead_id),"
                + " CAST(count(l.mql_at) AS DOUBLE) / NULLIF(CAST(count(l.lead_id) AS DOUBLE), 0)"
                + " FROM gold.fact_lead_lifecycle l LEFT JOIN gold.dim_channel c"
                + " ON l.channel_id = c.channel_id GROUP BY 1"),
        new Question(
            "lead to opportunity within 30 days by month",
            "SELECT metric_time__month, MEASURE(lead_to_opportunity_30d) FROM metrics"
                + " GROUP BY metric_time__month",
            // lead_id is unique: a lead converts when its own opportunity came 0 to 30 days after.
            "SELECT CAST(date_trunc('month', CAST(created_at AS DATE)) AS DATE),"
                + " CAST(count(*) FILTER (WHERE opportunity_id IS NOT NULL"
                + " AND CAST(opportunity_created_at AS DATE) >= CAST(created_at AS DATE)"
                + " AND CAST(opportunity_created_at AS DATE)"
                + " <= CAST(created_at AS DATE) + INTERVAL 30 DAY) AS DOUBLE)"
                + " / NULLIF(count(*), 0)"
                + " FROM gold.fact_lead_lifecycle WHERE lead_id IS NOT NULL GROUP BY 1"),
        new Question(
            "first touch within SLA by channel",
            "SELECT channel_name, MEASURE(first_touch_sla_rate) FROM metrics GROUP BY channel_name",
            "SELECT c.channel_name,"
                + " CAST(count(*) FILTER (WHERE l.first_touch_within_sla) AS DOUBLE)"
                + " / NULLIF(CAST(count(l.lead_id) AS DOUBLE), 0)"
                + " FROM gold.fact_lead_lifecycle l LEFT JOIN gold.dim_channel c"
                + " ON l.channel_id = c.channel_id GROUP BY 1"),
        new Question(
            "collection rate by quarter",
            "SELECT metric_time__quarter, MEASURE(collection_rate) FROM metrics"
                + " GROUP BY metric_time__quarter",
            "SELECT CAST(date_trunc('quarter', due_date) AS DATE),"
                + " CAST(SUM(CASE WHEN is_received THEN amount ELSE 0 END) AS DOUBLE)"
                + " / NULLIF(CAST(SUM(amount) AS DOUBLE), 0)"
                + " FROM gold.fact_payment GROUP BY 1"),
        new Question(
            "revenue running total by month",
            "SELECT metric_time__month, MEASURE(revenue_running_total) FROM metrics"
                + " GROUP BY metric_time__month",
            "WITH spine AS (SELECT DISTINCT CAST(date_trunc('month', date) AS DATE) AS m"
                + " FROM gold.dim_date WHERE date >= (SELECT MIN(order_date) FROM gold.fact_order)"
                + " AND date <= (SELECT MAX(order_date) FROM gold.fact_order)),"
                + " monthly AS (SELECT "
                + MONTH_OF_ORDER
                + " AS m, SUM(amount) AS v"
                + " FROM gold.fact_order GROUP BY 1)"
                + " SELECT spine.m, SUM(monthly.v) OVER (ORDER BY spine.m)"
                + " FROM spine LEFT JOIN monthly ON monthly.m = spine.m"),
        new Question(
            "revenue growth on last year by quarter",
            "SELECT metric_time__quarter, MEASURE(revenue_growth_yoy) FROM metrics"
                + " GROUP BY metric_time__quarter",
            "WITH q AS (SELECT CAST(date_trunc('quarter', order_date) AS DATE) AS q,"
                + " SUM(amount) AS v FROM gold.fact_order GROUP BY 1)"
                + " SELECT a.q, (a.v - b.v) / NULLIF(b.v, 0) FROM q AS a LEFT JOIN q AS b"
                + " ON b.q = CAST(a.q - INTERVAL 1 YEAR AS DATE)"),
        new Question(
            "top ten industries by revenue",
            "SELECT customer_industry, MEASURE(revenue) FROM metrics GROUP BY customer_industry"
                + " ORDER BY MEASURE(revenue) DESC, customer_industry LIMIT 10",
            "SELECT c.industry, SUM(o.amount) AS revenue FROM gold.fact_order o"
                + " LEFT JOIN gold.dim_customer c ON o.unified_customer_id = c.unified_customer_id"
                + " GROUP BY 1 ORDER BY revenue DESC, 1 LIMIT 10"),
        new Question(
            "average order value by customer region",
            "SELECT customer_region, MEASURE(average_order_value) FROM metrics"
                + " GROUP BY customer_region",
            "SELECT c.region_name, SUM(o.amount) / count(o.order_no) FROM gold.fact_order o"
                + " LEFT JOIN gold.dim_customer c ON o.unified_customer_id = c.unified_customer_id"
                + " GROUP BY 1"),
        new Question(
            "buying customers by year",
            "SELECT metric_time__year, MEASURE(buying_customers) FROM metrics"
                + " GROUP BY metric_time__year",
            "SELECT CAST(date_trunc('year', order_date) AS DATE),"
                + " count(DISTINCT unified_customer_id) FROM gold.fact_order GROUP BY 1"),
        new Question(
            "predicted value by acquisition channel",
            "SELECT acquisition_channel, MEASURE(predicted_ltv_36m), MEASURE(customers)"
                + " FROM metrics GROUP BY acquisition_channel",
            "SELECT acquisition_channel, SUM(predicted_ltv_36m), count(unified_customer_id)"
                + " FROM gold.mart_customer_value GROUP BY 1"),
        new Question(
            "opportunities and won amount by industry",
            "SELECT deal_industry, MEASURE(opportunities_created), MEASURE(won_amount)"
                + " FROM metrics GROUP BY deal_industry",
            "SELECT industry, count(*) FILTER (WHERE is_creation),"
                + " SUM(CASE WHEN is_win THEN amount ELSE 0 END)"
                + " FROM gold.fact_opportunity_stage_transition GROUP BY 1"),
        new Question(
            "revenue against the previous month",
            "SELECT metric_time__month, MEASURE(revenue), MEASURE(revenue, 'previous_period')"
                + " FROM metrics GROUP BY metric_time__month",
            "WITH m AS (SELECT "
                + MONTH_OF_ORDER
                + " AS m, SUM(amount) AS v"
                + " FROM gold.fact_order GROUP BY 1)"
                + " SELECT a.m, a.v, b.v FROM m AS a LEFT JOIN m AS b"
                + " ON b.m = CAST(a.m - INTERVAL 1 MONTH AS DATE)"),
        new Question(
            "stage updates on time by team",
            "SELECT team_name, MEASURE(stage_update_on_time_rate) FROM metrics GROUP BY team_name",
            "SELECT t.team_name,"
                + " CAST(count(*) FILTER (WHERE s.is_on_time) AS DOUBLE)"
                + " / NULLIF(CAST(count(s.opportunity_id) AS DOUBLE), 0)"
                + " FROM gold.fact_opportunity_stage_transition s LEFT JOIN gold.dim_team t"
                + " ON s.team_id = t.team_id GROUP BY 1"));
  }
}
