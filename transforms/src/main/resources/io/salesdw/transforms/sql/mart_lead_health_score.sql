-- mart_lead_health_score: one row per lead, with a 0-100 health score made of four documented
-- components, each recomputable by hand from the lead's row:
--   contact (20): phone on file 10, e-mail on file 5, industry and region both known 5;
--   speed (30): first touch within the channel's SLA 30, else within 72 hours 15, else touched
--     at all 5, never touched 0;
--   follow_up (20): a resolved lead (converted to an opportunity, or qualified out as invalid) 20;
--     else its last activity (or first touch) at most 30 days before the as-of date 20, at most
--     90 days 10, older or none 0;
--   progress (30): reached SQL (or an opportunity) 30, else reached MQL 15, else 0.
-- The band is the score's 20-point band: 0-19, 20-39, 40-59, 60-79, 80-100.
WITH leads AS (
  SELECT f.*,
         nullif(trim(l.phone), '') IS NOT NULL AS has_phone,
         nullif(trim(l.email), '') IS NOT NULL AS has_email,
         datediff(${as_of}, to_date(coalesce(f.last_activity_at, f.first_touch_at)))
           AS days_since_follow_up
  FROM gold_fact_lead_lifecycle f
  LEFT JOIN silver_crm_leads l ON l.lead_id = f.lead_id
),
scored AS (
  SELECT l.*,
         (CASE WHEN has_phone THEN 10 ELSE 0 END)
           + (CASE WHEN has_email THEN 5 ELSE 0 END)
           + (CASE WHEN nullif(trim(industry), '') IS NOT NULL
                    AND nullif(trim(region_name), '') IS NOT NULL THEN 5 ELSE 0 END)
           AS contact_points,
         CASE WHEN first_touch_within_sla THEN 30
              WHEN first_touch_within_72h THEN 15
              WHEN first_touch_at IS NOT NULL THEN 5
              ELSE 0 END AS speed_points,
         CASE WHEN opportunity_id IS NOT NULL OR status IN ('converted', 'invalid') THEN 20
              WHEN days_since_follow_up <= 30 THEN 20
              WHEN days_since_follow_up <= 90 THEN 10
              ELSE 0 END AS follow_up_points,
         CASE WHEN sql_at IS NOT NULL OR opportunity_id IS NOT NULL THEN 30
              WHEN mql_at IS NOT NULL THEN 15
              ELSE 0 END AS progress_points
  FROM leads l
)
SELECT lead_id,
       month_key,
       channel_id,
       rep_id,
       team_id,
       region_id,
       status,
       contact_points,
       speed_points,
       follow_up_points,
       progress_points,
       contact_points + speed_points + follow_up_points + progress_points AS score,
       CASE WHEN contact_points + speed_points + follow_up_points + progress_points >= 80
              THEN '80-100'
            ELSE concat(
                cast(floor((contact_points + speed_points + follow_up_points + progress_points) / 20)
                     * 20 AS INT),
                '-',
                cast(floor((contact_points + speed_points + follow_up_points + progress_points) / 20)
                     * 20 + 19 AS INT))
       END AS score_band
FROM scored
