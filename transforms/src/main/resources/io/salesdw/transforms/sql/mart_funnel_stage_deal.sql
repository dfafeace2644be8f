-- mart_funnel_stage_deal: one row per opportunity and open stage it entered (initial_contact to
-- contract_approval), with when it left the stage, where to, and the days it sat there. The row's
-- rep, team, region and level are the owner's when the deal entered the stage; the deal's own
-- attributes (cohort, channel, industry, product line, amount) are repeated so that conversion and
-- dwell can be cut by any dimension.
-- A deal leaves a stage at its next stage-history row (ordered by time, then stage order): it
-- advanced when that row moves to a later stage or to won, was lost here when it moves to lost.
-- A stage missing from the history (a defective row) is not invented: skipped_stages counts the
-- open stages jumped over by an advance.
WITH transitions AS (
  SELECT t.*,
         lead(t.to_stage) OVER w AS next_stage,
         lead(t.to_stage_order) OVER w AS next_stage_order,
         lead(t.changed_at) OVER w AS next_changed_at,
         max(CASE WHEN t.is_win THEN 1 ELSE 0 END) OVER (PARTITION BY t.opportunity_id) = 1
           AS opportunity_won,
         max(CASE WHEN t.is_win OR t.is_loss THEN 1 ELSE 0 END)
           OVER (PARTITION BY t.opportunity_id) = 1 AS opportunity_closed
  FROM gold_fact_opportunity_stage_transition t
  WINDOW w AS (PARTITION BY t.opportunity_id ORDER BY t.changed_at, t.to_stage_order)
),
stays AS (
  SELECT t.*,
         coalesce(t.next_stage <> 'lost' AND t.next_stage_order > t.to_stage_order, false)
           AS advanced
  FROM transitions t
  JOIN gold_dim_stage s ON s.stage = t.to_stage AND NOT s.is_closed
)
SELECT t.opportunity_id,
       t.to_stage AS stage,
       t.to_stage_order AS stage_order,
       t.month_key,
       t.cohort_month_key,
       t.changed_at AS entered_at,
       t.next_changed_at AS exited_at,
       t.next_stage AS exited_to,
       cast((unix_timestamp(t.next_changed_at) - unix_timestamp(t.changed_at)) / 86400.0 AS DOUBLE)
         AS dwell_days,
       t.advanced,
       coalesce(t.next_stage = 'lost', false) AS lost_here,
       t.next_stage IS NULL AS still_in_stage,
       CASE WHEN t.next_stage IS NULL THEN datediff(${as_of}, to_date(t.changed_at)) END
         AS days_in_stage_as_of,
       CASE WHEN t.advanced THEN greatest(least(t.next_stage_order, 6) - t.to_stage_order - 1, 0)
            ELSE 0 END AS skipped_stages,
       t.opportunity_won,
       t.opportunity_closed,
       t.rep_id,
       t.rep_key,
       t.team_id,
       t.region_id,
       t.rep_level,
       t.channel_id,
       t.industry,
       t.product_line_code,
       t.unified_customer_id,
       t.amount
FROM stays t
