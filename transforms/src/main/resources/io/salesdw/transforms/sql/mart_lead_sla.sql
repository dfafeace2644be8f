-- mart_lead_sla: one row per month a lead was created in and channel: first-touch speed against
-- the channel's SLA, the 72-hour first-touch rate, leads left without follow-up, the wait for
-- assignment and recycling. Rates are over all the group's leads: a lead never touched has missed
-- its SLA. First-touch latencies (minutes) are over the touched leads. The assignment wait
-- (created to assigned) is over the assigned leads never recycled: a recycled lead's assigned_at
-- is its latest re-assignment, so its wait would include the time it spent back in the pool.
SELECT month_key,
       channel_id,
       max(first_touch_sla_minutes) AS first_touch_sla_minutes,
       count(*) AS leads,
       count_if(first_touch_at IS NOT NULL) AS touched_leads,
       count_if(first_touch_within_sla) AS within_sla_leads,
       cast(try_divide(count_if(first_touch_within_sla), count(*)) AS DOUBLE) AS within_sla_rate,
       count_if(first_touch_within_72h) AS within_72h_leads,
       cast(try_divide(count_if(first_touch_within_72h), count(*)) AS DOUBLE) AS within_72h_rate,
       cast(percentile(cast(first_touch_minutes AS DOUBLE), 0.5) AS DOUBLE)
         AS first_touch_minutes_median,
       cast(percentile(cast(first_touch_minutes AS DOUBLE), 0.9) AS DOUBLE)
         AS first_touch_minutes_p90,
       count_if(no_follow_up_90d) AS no_follow_up_90d_leads,
       cast(try_divide(count_if(no_follow_up_90d), count(*)) AS DOUBLE) AS no_follow_up_90d_rate,
       count_if(assigned_at IS NOT NULL) AS assigned_leads,
       cast(avg(cast(assignment_wait_minutes AS DOUBLE)) FILTER (WHERE NOT was_recycled) AS DOUBLE)
         AS assignment_wait_minutes_mean,
       cast(percentile(cast(assignment_wait_minutes AS DOUBLE), 0.5) FILTER (WHERE NOT was_recycled)
            AS DOUBLE) AS assignment_wait_minutes_median,
       count_if(was_recycled) AS recycled_leads,
       cast(try_divide(count_if(was_recycled), count(*)) AS DOUBLE) AS recycled_rate,
       cast(coalesce(sum(recycle_count), 0) AS BIGINT) AS recycles
FROM gold_fact_lead_lifecycle
GROUP BY month_key, channel_id
