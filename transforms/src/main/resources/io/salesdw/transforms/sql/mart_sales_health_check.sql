-- mart_sales_health_check: one row per check of the sales health self-check, over the 12 months
-- up to the as-of date (dates after the as-of date less 12 months, up to the as-of date), with the
-- value, its threshold and a status:
--   pass when the value meets the threshold (the bound itself passes), warn when it misses by at
--   most ${warn_margin} of the threshold (relative), fail otherwise, no_data without a value.
-- Checks:
--   mql_to_sql_rate (>=): of the leads that became MQLs (mql_at) in the window, the share that
--     reached SQL (sql_at or an opportunity). Leads qualified by sales without an MQL are left out.
--   sales_cycle_days (<=): the median days from creation to won of the deals won in the window.
--     The median, not the mean: cycle times are right-skewed and a few long enterprise deals
--     should not fail the team.
--   stage_updates_on_time_rate (>=): stage changes in the window made at most
--     ${stage_update_due_days} days after the deal entered the stage it left.
--   high_value_customer_share (>=): of the customers with money received in the window, the share
--     whose received payments in the window sum to at least ${high_value_min_collected} (CNY, tax
--     included, as collected). Customers are unified customers, else the ERP customer code.
WITH bounds AS (
  SELECT add_months(${as_of}, -12) AS window_after, ${as_of} AS window_end
),
mql AS (
  SELECT count(*) AS mqls,
         count_if(f.sql_at IS NOT NULL OR f.opportunity_id IS NOT NULL) AS sqls
  FROM gold_fact_lead_lifecycle f
  CROSS JOIN bounds b
  WHERE to_date(f.mql_at) > b.window_after AND to_date(f.mql_at) <= b.window_end
),
deals AS (
  SELECT opportunity_id,
         min(changed_at) AS created_at,
         min(CASE WHEN is_win THEN changed_at END) AS won_at
  FROM gold_fact_opportunity_stage_transition
  GROUP BY opportunity_id
),
cycle AS (
  SELECT count(*) AS won_deals,
         percentile((unix_timestamp(d.won_at) - unix_timestamp(d.created_at)) / 86400.0, 0.5)
           AS median_days
  FROM deals d
  CROSS JOIN bounds b
  WHERE to_date(d.won_at) > b.window_after AND to_date(d.won_at) <= b.window_end
),
stage_updates AS (
  SELECT count_if(t.is_on_time) AS on_time, count_if(NOT t.is_creation) AS changes
  FROM gold_fact_opportunity_stage_transition t
  CROSS JOIN bounds b
  WHERE to_date(t.changed_at) > b.window_after AND to_date(t.changed_at) <= b.window_end
),
collected AS (
  SELECT coalesce(p.unified_customer_id, concat('erp:', p.customer_code)) AS customer,
         sum(p.amount) AS amount
  FROM gold_fact_payment p
  CROSS JOIN bounds b
  WHERE p.is_received AND p.received_date > b.window_after AND p.received_date <= b.window_end
  GROUP BY coalesce(p.unified_customer_id, concat('erp:', p.customer_code))
),
customers AS (
  SELECT count(*) AS paying_customers,
         count_if(amount >= ${high_value_min_collected}) AS high_value_customers
  FROM collected
  WHERE amount > 0
),
checks AS (
  SELECT 'mql_to_sql_rate' AS check_name, '>=' AS comparison, ${min_mql_to_sql_rate} AS threshold,
         CAST(try_divide(sqls, mqls) AS DOUBLE) AS value, sqls AS numerator, mqls AS denominator
  FROM mql
  UNION ALL
  SELECT 'sales_cycle_days', '<=', ${max_sales_cycle_days}, CAST(median_days AS DOUBLE),
         CAST(NULL AS BIGINT), won_deals
  FROM cycle
  UNION ALL
  SELECT 'stage_updates_on_time_rate', '>=', ${min_stage_updates_on_time},
         CAST(try_divide(on_time, changes) AS DOUBLE), on_time, changes
  FROM stage_updates
  UNION ALL
  SELECT 'high_value_customer_share', '>=', ${min_high_value_customer_share},
         CAST(try_divide(high_value_customers, paying_customers) AS DOUBLE), high_value_customers,
         paying_customers
  FROM customers
)
SELECT c.check_name,
       c.value,
       c.comparison,
       c.threshold,
       CASE WHEN c.value IS NULL THEN 'no_data'
            WHEN c.comparison = '>=' AND c.value >= c.threshold THEN 'pass'
            WHEN c.comparison = '<=' AND c.value <= c.threshold THEN 'pass'
            WHEN c.comparison = '>=' AND c.value >= c.threshold * (1 - ${warn_margin}) THEN 'warn'
            WHEN c.comparison = '<=' AND c.value <= c.threshold * (1 + ${warn_margin}) THEN 'warn'
            ELSE 'fail' END AS status,
       c.numerator,
       c.denominator,
       date_add(b.window_after, 1) AS window_start,
       b.window_end
FROM checks c
CROSS JOIN bounds b
