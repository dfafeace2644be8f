-- mart_target_authenticity: one row per rep and month with activities or measurable quotes: the
-- target authenticity index, 0.4 × action-record completeness + 0.3 × customer-feedback match +
-- 0.3 × cross-department response timeliness, each component in [0, 1]; a component with nothing
-- to measure in the month is left out and the others reweighted. Green ≥ 0.80, yellow ≥ 0.65,
-- red below; reps in red need coaching. The index is rounded to 4 decimals before the thresholds.
WITH activity AS (
  SELECT activity_id, rep_id, team_id, region_id, month_key, started_at, activity_type,
         unified_customer_id,
         -- Action-record completeness of one activity: a quarter for each of the four things a
         -- manager checks in a record.
         ( CASE WHEN coalesce(trim(need_type), '') <> '' THEN 1 ELSE 0 END
         + CASE WHEN coalesce(trim(next_action), '') <> '' THEN 1 ELSE 0 END
         + CASE WHEN attachment_count > 0 OR has_checkin THEN 1 ELSE 0 END
         + CASE WHEN logging_delay_hours <= 24 THEN 1 ELSE 0 END ) / 4.0D AS completeness
  FROM gold_fact_activity
  WHERE rep_id IS NOT NULL
),
customer_touch AS (
  -- Days on which the customer side shows the rep and customer were in contact, in systems the
  -- rep does not type into: a message the customer sent, or a recorded call or meeting.
  SELECT rep_id, unified_customer_id, to_date(sent_at) AS touch_date
  FROM gold_fact_chat_message
  WHERE sender_role = 'customer' AND rep_id IS NOT NULL AND unified_customer_id IS NOT NULL
  UNION
  SELECT rep_id, unified_customer_id, to_date(started_at)
  FROM gold_fact_call
  WHERE rep_id IS NOT NULL AND unified_customer_id IS NOT NULL
),
corroboration AS (
  -- Customer-facing activities on a known customer, and whether the customer side corroborates
  -- each within 3 days either side.
  SELECT a.activity_id,
         max(CASE WHEN t.touch_date IS NOT NULL THEN 1 ELSE 0 END) AS corroborated
  FROM activity a
  LEFT JOIN customer_touch t
    ON t.rep_id = a.rep_id
   AND t.unified_customer_id = a.unified_customer_id
   AND t.touch_date BETWEEN date_sub(to_date(a.started_at), 3) AND date_add(to_date(a.started_at), 3)
  WHERE a.activity_type IN ('visit', 'meeting', 'call', 'demo', 'wechat')
    AND a.unified_customer_id IS NOT NULL
  GROUP BY a.activity_id
),
activity_month AS (
  SELECT a.rep_id, a.month_key,
         count(*) AS activities,
         avg(a.completeness) AS record_completeness,
         count(c.activity_id) AS customer_facing_activities,
         CAST(coalesce(sum(c.corroborated), 0) AS BIGINT) AS corroborated_activities,
         max_by(a.team_id, a.started_at) AS team_id,
         max_by(a.region_id, a.started_at) AS region_id
  FROM activity a
  LEFT JOIN corroboration c ON c.activity_id = a.activity_id
  GROUP BY a.rep_id, a.month_key
),
quote_month AS (
  -- Quote revisions of the rep's deals submitted in the month whose approval time is known or
  -- overdue: approved, or still awaiting approval 48 hours after submission as of the build.
  -- Rejections are left out: the ERP does not record when they were made.
  SELECT rep_id, month_key,
         count(*) AS quote_revisions_measured,
         count_if(approved_at IS NOT NULL AND approval_hours <= 48) AS quote_revisions_timely
  FROM gold_fact_quote
  WHERE rep_id IS NOT NULL
    AND coalesce(approval_status, '') <> 'rejected'
    AND (approved_at IS NOT NULL OR submitted_at < timestamp(date_sub(${as_of}, 1)))
  GROUP BY rep_id, month_key
),
components AS (
  SELECT coalesce(a.rep_id, q.rep_id) AS rep_id,
         coalesce(a.month_key, q.month_key) AS month_key,
         a.team_id,
         a.region_id,
         coalesce(a.activities, 0) AS activities,
         coalesce(a.customer_facing_activities, 0) AS customer_facing_activities,
         coalesce(a.corroborated_activities, 0) AS corroborated_activities,
         coalesce(q.quote_revisions_measured, 0) AS quote_revisions_measured,
         coalesce(q.quote_revisions_timely, 0) AS quote_revisions_timely,
         CAST(a.record_completeness AS DOUBLE) AS record_completeness,
         try_divide(a.corroborated_activities, NULLIF(a.customer_facing_activities, 0))
           AS customer_feedback_match,
         try_divide(q.quote_revisions_timely, q.quote_revisions_measured)
           AS response_timeliness
  FROM activity_month a
  FULL OUTER JOIN quote_month q ON q.rep_id = a.rep_id AND q.month_key = a.month_key
),
indexed AS (
  SELECT c.*,
         (CASE WHEN record_completeness IS NULL THEN 0 ELSE 1 END)
           + (CASE WHEN customer_feedback_match IS NULL THEN 0 ELSE 1 END)
           + (CASE WHEN response_timeliness IS NULL THEN 0 ELSE 1 END) AS components_available,
         round(try_divide(
                 0.4 * coalesce(record_completeness, 0)
                   + 0.3 * coalesce(customer_feedback_match, 0)
                   + 0.3 * coalesce(response_timeliness, 0),
                 CASE WHEN record_completeness IS NULL THEN 0 ELSE 0.4 END
                   + CASE WHEN customer_feedback_match IS NULL THEN 0 ELSE 0.3 END
                   + CASE WHEN response_timeliness IS NULL THEN 0 ELSE 0.3 END), 4)
           AS authenticity_index
  FROM components c
)
SELECT rep_id,
       month_key,
       team_id,
       region_id,
       activities,
       customer_facing_activities,
       corroborated_activities,
       quote_revisions_measured,
       quote_revisions_timely,
       record_completeness,
       customer_feedback_match,
       response_timeliness,
       components_available,
       CAST(authenticity_index AS DOUBLE) AS authenticity_index,
       CASE WHEN authenticity_index IS NULL THEN NULL
            WHEN authenticity_index >= 0.80 THEN 'green'
            WHEN authenticity_index >= 0.65 THEN 'yellow'
            ELSE 'red' END AS status,
       coalesce(authenticity_index < 0.65, false) AS needs_coaching
FROM indexed
