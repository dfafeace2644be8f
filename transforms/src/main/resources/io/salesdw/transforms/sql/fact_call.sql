-- fact_call: one row per recorded call or meeting, with its transcript turns (JSON) for the
-- process-DNA mart to mine.
SELECT c.call_id,
       cast(date_format(c.started_at, 'yyyyMM') AS int) AS month_key,
       c.call_type,
       c.rep_id,
       r.rep_key,
       r.team_id,
       r.region_id,
       c.external_userid,
       x.unified_customer_id,
       c.opportunity_id,
       c.started_at,
       c.duration_seconds,
       c.turns,
       CASE WHEN c.turns IS NULL THEN 0
            ELSE greatest(size(from_json(c.turns, 'array<struct<speaker:string>>')), 0) END AS turn_count
FROM silver_chat_calls c
LEFT JOIN silver_customer_crosswalk x ON x.source = 'chat' AND x.record_id = c.external_userid
LEFT JOIN gold_dim_rep r
  ON r.rep_id = c.rep_id AND c.started_at >= r.valid_from AND c.started_at < r.valid_to
