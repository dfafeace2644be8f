-- mart_target_attainment: one row per target level (rep, team, region), owner and month: the
-- month's target, the amount won (opportunities entering 'won' in the month, credited to the
-- rep, team and region of the rep who won it, as of the win, so a rep's wins stay with the team
-- they were in), the amount collected (payments received, credited to the deal owner's rep, team
-- and region as of the day received) and attainment = won / target, for the month and for the
-- fiscal year to date.
WITH first_win AS (
  SELECT month_key, rep_id, team_id, region_id, amount,
         row_number() OVER (PARTITION BY opportunity_id ORDER BY changed_at) AS win_no
  FROM gold_fact_opportunity_stage_transition
  WHERE is_win
),
credits AS (
  -- One row per (fact row, level): targets as set, wins and collections unfolded to the three
  -- levels of the rep's hierarchy.
  SELECT target_level, target_owner_id AS owner_id, month_key,
         target_amount,
         CAST(NULL AS DECIMAL(16,2)) AS won_amount, 0 AS won_deals,
         CAST(NULL AS DECIMAL(16,2)) AS collected_amount
  FROM gold_fact_target
  UNION ALL
  SELECT l.target_level, l.owner_id, w.month_key,
         CAST(NULL AS DECIMAL(16,2)), w.amount, 1, CAST(NULL AS DECIMAL(16,2))
  FROM first_win w
  LATERAL VIEW stack(3, 'rep', w.rep_id, 'team', w.team_id, 'region', w.region_id)
    l AS target_level, owner_id
  WHERE w.win_no = 1
  UNION ALL
  SELECT l.target_level, l.owner_id, p.month_key,
         CAST(NULL AS DECIMAL(16,2)), CAST(NULL AS DECIMAL(16,2)), 0, p.amount
  FROM gold_fact_payment p
  LATERAL VIEW stack(3, 'rep', p.rep_id, 'team', p.team_id, 'region', p.region_id)
    l AS target_level, owner_id
  WHERE p.is_received
),
monthly AS (
  SELECT target_level, owner_id, month_key,
         -- NULL when no target was set for the owner and month (not zero: "no target" is not
         -- "a target of nothing").
         CAST(sum(target_amount) AS DECIMAL(18,2)) AS target_amount,
         CAST(coalesce(sum(won_amount), 0) AS DECIMAL(18,2)) AS won_amount,
         CAST(sum(won_deals) AS INT) AS won_deals,
         CAST(coalesce(sum(collected_amount), 0) AS DECIMAL(18,2)) AS collected_amount
  FROM credits
  WHERE owner_id IS NOT NULL AND month_key IS NOT NULL
  GROUP BY target_level, owner_id, month_key
),
fiscal AS (
  SELECT m.*,
         year(to_date(cast(month_key AS STRING), 'yyyyMM'))
           + CASE WHEN ${fiscal_first_month} > 1
                   AND month(to_date(cast(month_key AS STRING), 'yyyyMM')) >= ${fiscal_first_month}
                  THEN 1 ELSE 0 END AS fiscal_year
  FROM monthly m
),
to_date_sums AS (
  SELECT f.*,
         CAST(sum(target_amount) OVER fytd AS DECIMAL(18,2)) AS fytd_target_amount,
         CAST(sum(won_amount) OVER fytd AS DECIMAL(18,2)) AS fytd_won_amount,
         CAST(sum(collected_amount) OVER fytd AS DECIMAL(18,2)) AS fytd_collected_amount
  FROM fiscal f
  WINDOW fytd AS (PARTITION BY target_level, owner_id, fiscal_year ORDER BY month_key
                  ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
)
SELECT target_level,
       owner_id,
       month_key,
       fiscal_year,
       target_amount,
       won_amount,
       won_deals,
       collected_amount,
       try_divide(CAST(won_amount AS DOUBLE), CAST(NULLIF(target_amount, 0) AS DOUBLE)) AS attainment,
       fytd_target_amount,
       fytd_won_amount,
       fytd_collected_amount,
       try_divide(CAST(fytd_won_amount AS DOUBLE), CAST(NULLIF(fytd_target_amount, 0) AS DOUBLE))
         AS fytd_attainment
FROM to_date_sums
