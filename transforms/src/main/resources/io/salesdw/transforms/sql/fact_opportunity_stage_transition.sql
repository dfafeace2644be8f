-- fact_opportunity_stage_transition: one row per stage change of a live (not deleted)
-- opportunity, with the days the deal sat in the stage it left. The rep, team and region are the
-- owner's as of the change.
WITH history AS (
  SELECT h.*, s.stage_order AS to_stage_order,
         lag(h.changed_at) OVER (PARTITION BY h.opportunity_id ORDER BY h.changed_at, s.stage_order)
           AS from_stage_entered_at
  FROM silver_crm_opportunity_stage_history h
  JOIN gold_dim_stage s ON s.stage = h.to_stage
)
SELECT h.opportunity_id,
       cast(date_format(h.changed_at, 'yyyyMM') AS int) AS month_key,
       cast(date_format(h.changed_at, 'yyyyMMdd') AS int) AS date_key,
       h.from_stage,
       h.to_stage,
       h.to_stage_order,
       h.changed_at,
       h.from_stage_entered_at,
       (unix_timestamp(h.changed_at) - unix_timestamp(h.from_stage_entered_at)) / 86400.0
         AS days_in_from_stage,
       h.from_stage IS NULL AS is_creation,
       h.from_stage IS NOT NULL AND h.to_stage <> 'lost' AS is_advance,
       h.to_stage = 'won' AS is_win,
       h.to_stage = 'lost' AS is_loss,
       h.from_stage IS NOT NULL
         AND (unix_timestamp(h.changed_at) - unix_timestamp(h.from_stage_entered_at))
             <= ${stage_update_due_days} * 86400
         AS is_on_time,
       coalesce(h.changed_by_rep_id, o.owner_rep_id) AS rep_id,
       r.rep_key,
       r.team_id,
       r.region_id,
       r.level AS rep_level,
       o.amount,
       o.product_line_code,
       o.account_id,
       x.unified_customer_id,
       a.industry,
       l.channel_id,
       cast(date_format(o.created_at, 'yyyyMM') AS int) AS cohort_month_key
FROM history h
JOIN silver_crm_opportunities o ON o.opportunity_id = h.opportunity_id
LEFT JOIN silver_crm_accounts a ON a.account_id = o.account_id
LEFT JOIN silver_crm_leads l ON l.lead_id = o.lead_id
LEFT JOIN silver_customer_crosswalk x ON x.source = 'crm' AND x.record_id = o.account_id
LEFT JOIN gold_dim_rep r
  ON r.rep_id = coalesce(h.changed_by_rep_id, o.owner_rep_id)
 AND h.changed_at >= r.valid_from AND h.changed_at < r.valid_to
