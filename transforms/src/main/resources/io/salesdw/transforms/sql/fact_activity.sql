-- fact_activity: one row per logged activity (visit, call, WeChat, demo, meeting, e-mail), with
-- its evidence: need type, attachments, check-in and next action. An effective activity names the
-- customer's need, carries evidence (an attachment or a check-in) and sets a next action.
WITH activities AS (
  SELECT *,
         CASE WHEN attachments IS NULL THEN 0
              ELSE greatest(size(from_json(attachments, 'array<struct<name:string,size_bytes:bigint>>')), 0)
         END AS attachment_count
  FROM silver_crm_activities
)
SELECT a.activity_id,
       cast(date_format(a.started_at, 'yyyyMM') AS int) AS month_key,
       cast(date_format(a.started_at, 'yyyyMMdd') AS int) AS date_key,
       a.activity_type,
       a.rep_id,
       r.rep_key,
       r.team_id,
       r.region_id,
       a.account_id,
       x.unified_customer_id,
       a.contact_id,
       a.lead_id,
       a.opportunity_id,
       a.started_at,
       a.created_at AS logged_at,
       (unix_timestamp(a.created_at) - unix_timestamp(a.started_at)) / 3600.0 AS logging_delay_hours,
       a.duration_minutes,
       a.summary,
       a.summary_language,
       a.need_type,
       a.next_action,
       a.next_action_date,
       a.attachment_count,
       a.checkin_lat IS NOT NULL AS has_checkin,
       a.next_action IS NOT NULL AS has_next_action,
       a.need_type IS NOT NULL
         AND (a.attachment_count > 0 OR a.checkin_lat IS NOT NULL)
         AND a.next_action IS NOT NULL AS is_effective
FROM activities a
LEFT JOIN silver_customer_crosswalk x ON x.source = 'crm' AND x.record_id = a.account_id
LEFT JOIN gold_dim_rep r
  ON r.rep_id = a.rep_id AND a.started_at >= r.valid_from AND a.started_at < r.valid_to
