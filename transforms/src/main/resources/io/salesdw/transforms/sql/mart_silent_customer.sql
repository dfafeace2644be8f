-- mart_silent_customer: one row per customer (unified customer, else the CRM account) that is
-- silent as of the as-of date: it has at least one open opportunity, nothing was logged on it for
-- more than 14 days (no activity on its accounts or opportunities, no change to its open
-- opportunities' records), and no next step is scheduled (no activity of it has a next action
-- dated on or after the as-of date).
WITH customer_accounts AS (
  SELECT a.account_id, coalesce(x.unified_customer_id, a.account_id) AS customer_id,
         x.unified_customer_id
  FROM silver_crm_accounts a
  LEFT JOIN silver_customer_crosswalk x ON x.source = 'crm' AND x.record_id = a.account_id
),
opportunities AS (
  SELECT o.*, coalesce(c.customer_id, o.account_id) AS customer_id, c.unified_customer_id
  FROM silver_crm_opportunities o
  LEFT JOIN customer_accounts c ON c.account_id = o.account_id
),
open_opportunities AS (
  SELECT customer_id,
         max(unified_customer_id) AS unified_customer_id,
         count(*) AS open_opportunities,
         sum(amount) AS open_pipeline_amount,
         max(updated_at) AS last_opportunity_update_at,
         -- The owner of the most recently updated open deal (the larger deal on a tie).
         max_by(owner_rep_id, struct(updated_at, coalesce(amount, 0), opportunity_id)) AS owner_rep_id,
         min(expected_close_date) AS earliest_expected_close_date
  FROM opportunities
  WHERE status = 'open' AND to_date(created_at) <= ${as_of}
  GROUP BY customer_id
),
customer_activities AS (
  -- An activity belongs to the customer of its account, else of its opportunity's account.
  SELECT coalesce(ca.customer_id, o.customer_id) AS customer_id, a.started_at, a.next_action_date
  FROM gold_fact_activity a
  LEFT JOIN customer_accounts ca ON ca.account_id = a.account_id
  LEFT JOIN opportunities o ON o.opportunity_id = a.opportunity_id
  WHERE to_date(a.started_at) <= ${as_of}
),
activity_summary AS (
  SELECT customer_id,
         max(started_at) AS last_activity_at,
         count(*) AS activities_logged,
         max(next_action_date) AS last_next_action_date
  FROM customer_activities
  WHERE customer_id IS NOT NULL
  GROUP BY customer_id
),
assessed AS (
  SELECT o.*, s.last_activity_at, coalesce(s.activities_logged, 0) AS activities_logged,
         s.last_next_action_date,
         greatest(s.last_activity_at, o.last_opportunity_update_at) AS last_update_at
  FROM open_opportunities o
  LEFT JOIN activity_summary s ON s.customer_id = o.customer_id
)
SELECT a.customer_id,
       a.unified_customer_id,
       coalesce(d.customer_name, acc.account_name) AS customer_name,
       a.owner_rep_id,
       r.rep_name AS owner_rep_name,
       r.team_id AS owner_team_id,
       r.region_id AS owner_region_id,
       a.open_opportunities,
       a.open_pipeline_amount,
       a.earliest_expected_close_date,
       a.activities_logged,
       a.last_activity_at,
       a.last_opportunity_update_at,
       a.last_update_at,
       datediff(${as_of}, to_date(a.last_update_at)) AS days_silent,
       a.last_next_action_date,
       ${as_of} AS as_of_date
FROM assessed a
LEFT JOIN gold_dim_customer d ON d.unified_customer_id = a.unified_customer_id
LEFT JOIN silver_crm_accounts acc ON acc.account_id = a.customer_id
LEFT JOIN gold_dim_rep r ON r.rep_id = a.owner_rep_id AND r.is_current
WHERE datediff(${as_of}, to_date(a.last_update_at)) > 14
  AND (a.last_next_action_date IS NULL OR a.last_next_action_date < ${as_of})
