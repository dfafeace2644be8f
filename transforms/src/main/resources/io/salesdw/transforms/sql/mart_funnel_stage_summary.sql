-- mart_funnel_stage_summary: one row per opportunity cohort (the month the deal was created, or
-- 'all') and open stage: deals that entered the stage, advanced, were lost there or are still in
-- it; the conversion rate (advanced over deals that left the stage forward or lost, as the
-- generator's stage_conversion anchor), the dwell in days of the deals that left it, and the
-- cohort's bottleneck stage.
-- Bottleneck: among the cohort's stages with at least 5 deals advanced or lost there, the one with
-- the lowest conversion rate (ties: the larger amount lost there, then the earlier stage). Fewer
-- than 5 decided deals make a rate too noisy to call a bottleneck.
WITH grouped AS (
  SELECT CASE WHEN grouping(cohort_month_key) = 1 THEN 'all'
              ELSE cast(cohort_month_key AS STRING) END AS cohort,
         CASE WHEN grouping(cohort_month_key) = 0 THEN cohort_month_key END AS cohort_month_key,
         stage,
         stage_order,
         count(*) AS entered,
         count_if(advanced) AS advanced,
         count_if(lost_here) AS lost,
         count_if(still_in_stage) AS still_in_stage,
         count_if(opportunity_closed) AS closed_after_entering,
         count_if(opportunity_won) AS won_after_entering,
         avg(dwell_days) AS dwell_days_mean,
         percentile(dwell_days, 0.5) AS dwell_days_median,
         percentile(dwell_days, 0.9) AS dwell_days_p90,
         cast(coalesce(sum(amount), 0) AS DECIMAL(20, 2)) AS entered_amount,
         cast(coalesce(sum(CASE WHEN advanced THEN amount END), 0) AS DECIMAL(20, 2))
           AS advanced_amount,
         cast(coalesce(sum(CASE WHEN lost_here THEN amount END), 0) AS DECIMAL(20, 2))
           AS lost_amount
  FROM gold_mart_funnel_stage_deal
  GROUP BY GROUPING SETS ((cohort_month_key, stage, stage_order), (stage, stage_order))
),
rated AS (
  SELECT g.*,
         cast(try_divide(advanced, advanced + lost) AS DOUBLE) AS conversion_rate,
         cast(try_divide(advanced, entered) AS DOUBLE) AS pass_through_rate,
         cast(try_divide(won_after_entering, closed_after_entering) AS DOUBLE) AS win_rate_from_stage
  FROM grouped g
),
ranked AS (
  SELECT r.*,
         CASE WHEN r.advanced + r.lost >= 5 THEN
           row_number() OVER (
             PARTITION BY r.cohort, r.advanced + r.lost >= 5
             ORDER BY r.conversion_rate, r.lost_amount DESC, r.stage_order)
         END AS bottleneck_rank
  FROM rated r
)
SELECT cohort, cohort_month_key, stage, stage_order, entered, advanced, lost, still_in_stage,
       conversion_rate, pass_through_rate, closed_after_entering, won_after_entering,
       win_rate_from_stage, dwell_days_mean, dwell_days_median, dwell_days_p90, entered_amount,
       advanced_amount, lost_amount, coalesce(bottleneck_rank = 1, false) AS is_bottleneck
FROM ranked
