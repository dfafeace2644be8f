-- mart_rep_process_dna (measures): one row per rep and month, for every month from the first
-- month with a logged activity to the as-of month in which the rep was employed (hired before the
-- month ended, not gone before it began) or left any trace (activity, call, customer chat, stage
-- change, quote). Team and region are the rep's as of the month's end (dim_rep type 2). Radar
-- scores and warnings are added by ProcessDnaMarts (Java) on top of these measures. Text measures
-- call the SQL functions of io.salesdw.transforms.dna.DnaSqlFunctions.
WITH bounds AS (
  SELECT trunc(min(to_date(started_at)), 'MM') AS first_month, trunc(${as_of}, 'MM') AS last_month
  FROM gold_fact_activity
),
months AS (
  SELECT explode(sequence(first_month, last_month, INTERVAL 1 MONTH)) AS month_start
  FROM bounds
  WHERE first_month IS NOT NULL AND first_month <= last_month
),
employed AS (
  SELECT r.rep_id, cast(date_format(m.month_start, 'yyyyMM') AS int) AS month_key
  FROM gold_dim_rep r
  CROSS JOIN months m
  WHERE r.is_current
    AND (r.hire_date IS NULL OR r.hire_date < add_months(m.month_start, 1))
    AND (r.leave_date IS NULL OR r.leave_date >= m.month_start)
),
traces AS (
  SELECT rep_id, month_key FROM gold_fact_activity
  UNION SELECT rep_id, month_key FROM gold_fact_call
  UNION SELECT rep_id, month_key FROM gold_fact_chat_message WHERE sender_role = 'customer'
  UNION SELECT rep_id, month_key FROM gold_fact_opportunity_stage_transition
  UNION SELECT rep_id, month_key FROM gold_fact_quote
),
rep_months AS (
  SELECT DISTINCT t.rep_id, t.month_key
  FROM (SELECT * FROM employed UNION SELECT * FROM traces) t
  CROSS JOIN bounds b
  WHERE t.rep_id IS NOT NULL
    AND t.month_key BETWEEN cast(date_format(b.first_month, 'yyyyMM') AS int)
                        AND cast(date_format(b.last_month, 'yyyyMM') AS int)
),
activity AS (
  SELECT rep_id, month_key,
         count(*) AS activities,
         count_if(activity_type = 'visit') AS visits,
         count_if(activity_type = 'visit' AND is_effective) AS effective_visits,
         sum(CASE WHEN activity_type = 'visit' THEN attachment_count ELSE 0 END) AS visit_attachments,
         avg(CASE WHEN trim(summary) <> '' THEN dna_word_count(summary) END) AS words_per_note,
         count(DISTINCT CASE WHEN need_type IN ('price', 'product_features', 'after_sales',
                                                'system_integration', 'training', 'delivery_time')
                             THEN need_type END) AS need_types_recorded,
         sum(CASE WHEN trim(summary) <> '' THEN dna_text_signals(summary).decision_signals
                  ELSE 0 END) AS note_decision_signals
  FROM gold_fact_activity
  GROUP BY rep_id, month_key
),
transitions AS (
  SELECT rep_id, month_key,
         count_if(NOT is_creation) AS stage_updates,
         count_if(NOT is_creation AND is_on_time) AS stage_updates_on_time
  FROM gold_fact_opportunity_stage_transition
  GROUP BY rep_id, month_key
),
quotes AS (
  SELECT rep_id, month_key,
         count_if(revision > first_revision) AS solution_revisions,
         count(DISTINCT quote_no) AS quotes_worked
  FROM (SELECT q.*, min(q.revision) OVER (PARTITION BY q.quote_no) AS first_revision
        FROM gold_fact_quote q)
  GROUP BY rep_id, month_key
),
transcripts AS (
  SELECT rep_id, month_key, call_type,
         dna_transcript(from_json(turns, '${turns_ddl}')) AS t
  FROM gold_fact_call
  WHERE turns IS NOT NULL
),
calls AS (
  SELECT rep_id, month_key,
         count(*) AS conversations_transcribed,
         sum(t.customer_questions) AS conversation_customer_questions,
         count_if(call_type = 'meeting') AS meetings_transcribed,
         sum(CASE WHEN call_type = 'meeting' THEN t.customer_questions ELSE 0 END)
           AS customer_questions,
         sum(CASE WHEN call_type = 'meeting' THEN t.rep_seconds ELSE 0 END) AS meeting_rep_seconds,
         sum(CASE WHEN call_type = 'meeting' THEN t.customer_seconds ELSE 0 END)
           AS meeting_customer_seconds,
         sum(t.decision_signals) AS decision_signals,
         sum(t.price_objections) AS price_objections,
         sum(t.service_objections) AS service_objections,
         sum(t.competitor_objections) AS competitor_objections
  FROM transcripts
  WHERE t IS NOT NULL
  GROUP BY rep_id, month_key
),
chat AS (
  SELECT rep_id, month_key,
         count(*) AS customer_messages,
         sum(s.decision_signals) AS decision_signals,
         sum(s.price_objections) AS price_objections,
         sum(s.service_objections) AS service_objections,
         sum(s.competitor_objections) AS competitor_objections
  FROM (SELECT rep_id, month_key, dna_text_signals(text_content) AS s
        FROM gold_fact_chat_message
        WHERE sender_role = 'customer' AND text_content IS NOT NULL)
  GROUP BY rep_id, month_key
),
-- Golden actions: each opportunity that entered solution_demo in the month, credited to the rep
-- who moved it there, is checked for four actions logged on it up to the as-of date.
demo_entries AS (
  SELECT DISTINCT rep_id, month_key, opportunity_id
  FROM gold_fact_opportunity_stage_transition
  WHERE to_stage = 'solution_demo'
),
opportunity_actions AS (
  SELECT a.opportunity_id,
         count_if(a.activity_type = 'demo') > 0 AS demo_done,
         count_if(a.activity_type IN ('visit', 'meeting', 'demo')
                  AND c.decision_role = 'key_person') > 0 AS key_person_met,
         count_if(a.activity_type IN ('visit', 'meeting', 'demo')) > 0
           AND count_if(a.activity_type IN ('visit', 'meeting', 'demo')
                        AND NOT a.has_next_action) = 0 AS next_action_after_every_meeting
  FROM gold_fact_activity a
  LEFT JOIN silver_crm_contacts c ON c.contact_id = a.contact_id
  WHERE a.opportunity_id IS NOT NULL AND to_date(a.started_at) <= ${as_of}
  GROUP BY a.opportunity_id
),
quoted_opportunities AS (
  SELECT DISTINCT opportunity_id FROM gold_fact_quote
  WHERE opportunity_id IS NOT NULL AND to_date(submitted_at) <= ${as_of}
),
golden AS (
  SELECT d.rep_id, d.month_key,
         count(*) AS golden_opportunities,
         sum(CASE WHEN coalesce(x.demo_done, false) THEN 1 ELSE 0 END
             + CASE WHEN coalesce(x.key_person_met, false) THEN 1 ELSE 0 END
             + CASE WHEN q.opportunity_id IS NOT NULL THEN 1 ELSE 0 END
             + CASE WHEN coalesce(x.next_action_after_every_meeting, false) THEN 1 ELSE 0 END)
           AS golden_actions_done
  FROM demo_entries d
  LEFT JOIN opportunity_actions x ON x.opportunity_id = d.opportunity_id
  LEFT JOIN quoted_opportunities q ON q.opportunity_id = d.opportunity_id
  GROUP BY d.rep_id, d.month_key
)
SELECT u.month_key,
       u.rep_id,
       r.rep_key,
       r.rep_name,
       r.level AS rep_level,
       coalesce(r.is_manager, false) AS is_manager,
       r.team_id,
       r.region_id,
       coalesce(a.activities, 0) AS activities,
       coalesce(a.visits, 0) AS visits,
       coalesce(a.effective_visits, 0) AS effective_visits,
       try_divide(a.effective_visits, a.visits) AS effective_visit_rate,
       a.words_per_note,
       try_divide(a.visit_attachments, a.visits) AS attachments_per_visit,
       coalesce(a.need_types_recorded, 0) AS need_types_recorded,
       cast(coalesce(a.need_types_recorded, 0) AS double) / 6 AS need_type_coverage,
       coalesce(g.golden_opportunities, 0) AS golden_opportunities,
       coalesce(g.golden_actions_done, 0) AS golden_actions_done,
       try_divide(g.golden_actions_done, 4 * g.golden_opportunities) AS golden_action_completion,
       coalesce(s.stage_updates, 0) AS stage_updates,
       try_divide(s.stage_updates_on_time, s.stage_updates) AS stage_update_timeliness,
       coalesce(k.meetings_transcribed, 0) AS meetings_transcribed,
       coalesce(k.customer_questions, 0) AS customer_questions,
       try_divide(k.customer_questions, k.meetings_transcribed) AS customer_questions_per_meeting,
       coalesce(k.conversations_transcribed, 0) AS conversations_transcribed,
       coalesce(k.conversation_customer_questions, 0) AS conversation_customer_questions,
       try_divide(k.meeting_rep_seconds, k.meeting_rep_seconds + k.meeting_customer_seconds)
         AS talk_share,
       coalesce(q.quotes_worked, 0) AS quotes_worked,
       coalesce(q.solution_revisions, 0) AS solution_revisions,
       coalesce(h.customer_messages, 0) AS customer_messages,
       coalesce(k.decision_signals, 0) + coalesce(h.decision_signals, 0) AS decision_signals,
       coalesce(k.price_objections, 0) + coalesce(h.price_objections, 0) AS price_objections,
       coalesce(k.service_objections, 0) + coalesce(h.service_objections, 0) AS service_objections,
       coalesce(k.competitor_objections, 0) + coalesce(h.competitor_objections, 0)
         AS competitor_objections,
       coalesce(a.note_decision_signals, 0) AS note_decision_signals
FROM rep_months u
LEFT JOIN gold_dim_rep r
  ON r.rep_id = u.rep_id
 AND r.valid_from < cast(add_months(to_date(cast(u.month_key AS string), 'yyyyMM'), 1) AS timestamp)
 AND r.valid_to >= cast(add_months(to_date(cast(u.month_key AS string), 'yyyyMM'), 1) AS timestamp)
LEFT JOIN activity a ON a.rep_id = u.rep_id AND a.month_key = u.month_key
LEFT JOIN transitions s ON s.rep_id = u.rep_id AND s.month_key = u.month_key
LEFT JOIN quotes q ON q.rep_id = u.rep_id AND q.month_key = u.month_key
LEFT JOIN calls k ON k.rep_id = u.rep_id AND k.month_key = u.month_key
LEFT JOIN chat h ON h.rep_id = u.rep_id AND h.month_key = u.month_key
LEFT JOIN golden g ON g.rep_id = u.rep_id AND g.month_key = u.month_key
