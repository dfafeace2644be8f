-- mart_customer_value: one row per unified customer that has bought or is in the CRM: revenue
-- (contracted, collected), gross margin, tenure, repurchase frequency, a health index and the
-- predicted three-year value. All "as of" the build's as-of date.
--
-- Health index (0-100) = 100 x (0.4 x interaction + 0.3 x progression + 0.3 x (1 - competitor)):
--   interaction  activities and chat messages with the customer in the last 90 days, divided by the
--                90th percentile of that count over customers, capped at 1;
--   progression  the furthest stage the customer's deals reached in the last 365 days (won = 6)
--                divided by 6; lost deals do not count;
--   competitor   customer chat messages naming a competitor in the last 90 days, divided by 3,
--                capped at 1 (three mentions or more is a customer actively comparing); a
--                customer with no interaction in the 90 days gets no credit for silence.
WITH purchases AS (
  SELECT x.unified_customer_id, k.signed_date, k.amount
  FROM silver_erp_contracts k
  JOIN silver_customer_crosswalk x ON x.source = 'erp' AND x.record_id = k.customer_code
  WHERE k.signed_date <= ${as_of}
),
purchase_summary AS (
  SELECT unified_customer_id,
         min(signed_date) AS first_purchase_date,
         max(signed_date) AS last_purchase_date,
         count(DISTINCT signed_date) AS purchase_days,
         sum(amount) AS contracted_revenue
  FROM purchases GROUP BY unified_customer_id
),
collected AS (
  SELECT unified_customer_id, sum(amount) AS collected_revenue
  FROM gold_fact_payment
  WHERE is_received AND received_date <= ${as_of} AND unified_customer_id IS NOT NULL
  GROUP BY unified_customer_id
),
margin AS (
  SELECT unified_customer_id, sum(amount) AS order_revenue, sum(gross_margin) AS gross_margin
  FROM gold_fact_order
  WHERE order_date <= ${as_of} AND unified_customer_id IS NOT NULL
  GROUP BY unified_customer_id
),
touches AS (
  SELECT unified_customer_id, started_at AS touched_at, CAST(NULL AS string) AS customer_text
  FROM gold_fact_activity
  UNION ALL
  SELECT unified_customer_id, sent_at,
         CASE WHEN sender_role = 'customer' THEN text_content END
  FROM gold_fact_chat_message
),
recent_touches AS (
  SELECT unified_customer_id,
         count(*) AS interactions_90d,
         sum(salesdw_competitor_mentions(customer_text)) AS competitor_mentions_90d
  FROM touches
  WHERE unified_customer_id IS NOT NULL
    AND touched_at >= timestamp(date_sub(${as_of}, 89))
    AND touched_at < timestamp(date_add(${as_of}, 1))
  GROUP BY unified_customer_id
),
interaction_scale AS (
  SELECT greatest(percentile(interactions_90d, 0.9), 1) AS p90 FROM recent_touches
),
progression AS (
  SELECT unified_customer_id,
         max(CASE WHEN to_stage <> 'lost' THEN to_stage_order END) AS furthest_stage_order
  FROM gold_fact_opportunity_stage_transition
  WHERE unified_customer_id IS NOT NULL
    AND changed_at >= timestamp(date_sub(${as_of}, 364))
    AND changed_at < timestamp(date_add(${as_of}, 1))
  GROUP BY unified_customer_id
),
acquisition AS (
  SELECT unified_customer_id, min_by(channel_id, opportunity_created_at) AS lead_channel
  FROM gold_fact_lead_lifecycle
  WHERE unified_customer_id IS NOT NULL AND opportunity_created_at IS NOT NULL
  GROUP BY unified_customer_id
),
crm_start AS (SELECT min(to_date(created_at)) AS first_lead_date FROM gold_fact_lead_lifecycle),
scored AS (
  SELECT c.unified_customer_id,
         coalesce(r.interactions_90d, 0) AS interactions_90d,
         coalesce(r.competitor_mentions_90d, 0) AS competitor_mentions_90d,
         least(coalesce(r.interactions_90d, 0) / s.p90, 1.0) AS interaction_score,
         coalesce(p.furthest_stage_order, 0) / 6.0 AS progression_score,
         least(coalesce(r.competitor_mentions_90d, 0) / 3.0, 1.0) AS competitor_score
  FROM gold_dim_customer c
  CROSS JOIN interaction_scale s
  LEFT JOIN recent_touches r ON r.unified_customer_id = c.unified_customer_id
  LEFT JOIN progression p ON p.unified_customer_id = c.unified_customer_id
)
SELECT c.unified_customer_id,
       c.customer_name,
       c.industry,
       c.region_name,
       CASE WHEN ps.first_purchase_date < cs.first_lead_date THEN 'existing'
            WHEN a.lead_channel IS NOT NULL THEN a.lead_channel
            WHEN ps.first_purchase_date IS NOT NULL THEN 'direct'
       END AS acquisition_channel,
       ps.first_purchase_date,
       ps.last_purchase_date,
       coalesce(ps.purchase_days, 0) AS purchases,
       coalesce(ps.contracted_revenue, 0) AS contracted_revenue,
       coalesce(col.collected_revenue, 0) AS collected_revenue,
       coalesce(m.order_revenue, 0) AS order_revenue,
       coalesce(m.gross_margin, 0) AS gross_margin,
       try_divide(m.gross_margin, m.order_revenue) AS gross_margin_rate,
       months_between(${as_of}, ps.first_purchase_date) AS tenure_months,
       try_divide(ps.purchase_days * 12.0, greatest(months_between(${as_of}, ps.first_purchase_date), 1.0))
         AS purchases_per_year,
       sc.interactions_90d,
       sc.competitor_mentions_90d,
       round(100 * (0.4 * sc.interaction_score + 0.3 * sc.progression_score
                    + CASE WHEN sc.interactions_90d > 0 THEN 0.3 * (1 - sc.competitor_score)
                           ELSE 0 END), 1) AS health_index,
       l.probability_alive,
       l.expected_purchases_12m,
       l.predicted_ltv_36m,
       CASE WHEN l.predicted_ltv_36m IS NOT NULL
            THEN percent_rank() OVER (ORDER BY l.predicted_ltv_36m) END AS ltv_percentile
FROM gold_dim_customer c
CROSS JOIN crm_start cs
LEFT JOIN purchase_summary ps ON ps.unified_customer_id = c.unified_customer_id
LEFT JOIN collected col ON col.unified_customer_id = c.unified_customer_id
LEFT JOIN margin m ON m.unified_customer_id = c.unified_customer_id
LEFT JOIN acquisition a ON a.unified_customer_id = c.unified_customer_id
LEFT JOIN scored sc ON sc.unified_customer_id = c.unified_customer_id
LEFT JOIN gold_mart_customer_ltv_score l ON l.unified_customer_id = c.unified_customer_id
