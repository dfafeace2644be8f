-- fact_lead_lifecycle: one row per lead (an accumulating snapshot): each milestone's time, from
-- creation through assignment, first touch, MQL, SQL, opportunity and won, and the SLA measures.
-- The rep is the one assigned, as of the assignment (or creation) time.
WITH lead_activity AS (
  SELECT lead_id, count(*) AS lead_activities, max(started_at) AS last_activity_at
  FROM silver_crm_activities WHERE lead_id IS NOT NULL GROUP BY lead_id
),
leads AS (
  SELECT l.*,
         (unix_timestamp(l.first_touch_at) - unix_timestamp(l.created_at)) / 60.0
           AS first_touch_minutes,
         (unix_timestamp(l.assigned_at) - unix_timestamp(l.created_at)) / 60.0
           AS assignment_wait_minutes
  FROM silver_crm_leads l
)
SELECT l.lead_id,
       cast(date_format(l.created_at, 'yyyyMM') AS int) AS month_key,
       cast(date_format(l.created_at, 'yyyyMMdd') AS int) AS created_date_key,
       l.created_at,
       l.channel_id,
       l.industry,
       l.region_name,
       l.budget_band,
       l.status,
       l.assigned_rep_id AS rep_id,
       r.rep_key,
       r.team_id,
       r.region_id,
       l.assigned_at,
       l.claimed_at,
       l.first_touch_at,
       l.mql_at,
       l.sql_at,
       l.opportunity_id,
       o.created_at AS opportunity_created_at,
       CASE WHEN o.status = 'won' THEN o.closed_at END AS won_at,
       o.status AS opportunity_status,
       x.unified_customer_id,
       coalesce(l.recycle_count, 0) AS recycle_count,
       coalesce(l.recycle_count, 0) > 0 OR l.status = 'recycled' AS was_recycled,
       c.first_touch_sla_minutes,
       l.first_touch_minutes,
       l.assignment_wait_minutes,
       coalesce(l.first_touch_minutes <= c.first_touch_sla_minutes, false) AS first_touch_within_sla,
       coalesce(l.first_touch_minutes <= 72 * 60, false) AS first_touch_within_72h,
       coalesce(a.lead_activities, 0) AS lead_activities,
       a.last_activity_at,
       -- An open lead nobody has worked on for 90 days (counting from its creation) as of the build.
       l.status IN ('new', 'working')
         AND coalesce(a.last_activity_at, l.created_at) < timestamp(date_sub(${as_of}, 90))
         AS no_follow_up_90d
FROM leads l
LEFT JOIN silver_crm_channels c ON c.channel_id = l.channel_id
LEFT JOIN lead_activity a ON a.lead_id = l.lead_id
LEFT JOIN silver_crm_opportunities o ON o.opportunity_id = l.opportunity_id
LEFT JOIN silver_customer_crosswalk x ON x.source = 'crm' AND x.record_id = o.account_id
LEFT JOIN gold_dim_rep r
  ON r.rep_id = l.assigned_rep_id
 AND coalesce(l.assigned_at, l.created_at) >= r.valid_from
 AND coalesce(l.assigned_at, l.created_at) < r.valid_to
