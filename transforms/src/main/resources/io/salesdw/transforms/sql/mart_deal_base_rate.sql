-- mart_deal_base_rate: for similar deals (industry x amount band x the owner's level), how often
-- they were won and how long they took, created to closed: the base rates a forecast is judged by.
WITH closed AS (
  SELECT c.opportunity_id, c.industry, c.rep_level, c.amount, c.is_win,
         (unix_timestamp(c.changed_at) - unix_timestamp(o.changed_at)) / 86400.0 AS cycle_days
  FROM gold_fact_opportunity_stage_transition c
  JOIN gold_fact_opportunity_stage_transition o
    ON o.opportunity_id = c.opportunity_id AND o.is_creation
  WHERE c.is_win OR c.is_loss
),
banded AS (
  SELECT *,
         CASE WHEN amount < 100000 THEN 'under_100k'
              WHEN amount < 500000 THEN '100k_to_500k'
              WHEN amount < 2000000 THEN '500k_to_2m'
              ELSE 'over_2m' END AS amount_band
  FROM closed
)
SELECT coalesce(industry, 'unknown') AS industry,
       amount_band,
       coalesce(rep_level, 'unknown') AS rep_level,
       count(*) AS closed_deals,
       count_if(is_win) AS won_deals,
       count_if(is_win) / count(*) AS win_rate,
       avg(cycle_days) AS mean_cycle_days,
       percentile(cycle_days, 0.5) AS median_cycle_days,
       avg(CASE WHEN is_win THEN cycle_days END) AS mean_won_cycle_days
FROM banded
GROUP BY coalesce(industry, 'unknown'), amount_band, coalesce(rep_level, 'unknown')
