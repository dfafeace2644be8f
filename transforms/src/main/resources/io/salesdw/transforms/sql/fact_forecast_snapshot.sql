-- fact_forecast_snapshot: one row per weekly forecast submission of an open opportunity, with the
-- outcome known at build time (1 won, 0 lost, null still open).
SELECT f.forecast_id,
       cast(date_format(f.week_start, 'yyyyMM') AS int) AS month_key,
       f.week_start,
       f.submitted_at,
       f.rep_id,
       r.rep_key,
       r.team_id,
       r.region_id,
       r.level AS rep_level,
       f.opportunity_id,
       f.forecast_category,
       f.rep_probability,
       f.manager_probability,
       f.forecast_amount,
       f.expected_close_month,
       coalesce(f.trial_agreement_signed, false) AS trial_agreement_signed,
       coalesce(f.budget_approved, false) AS budget_approved,
       coalesce(f.in_tender_review, false) AS in_tender_review,
       o.status AS opportunity_status,
       CASE o.status WHEN 'won' THEN 1 WHEN 'lost' THEN 0 END AS outcome,
       o.closed_at,
       o.created_at AS opportunity_created_at,
       a.industry,
       CASE WHEN f.forecast_amount < 100000 THEN 'under_100k'
            WHEN f.forecast_amount < 500000 THEN '100k_to_500k'
            WHEN f.forecast_amount < 2000000 THEN '500k_to_2m'
            ELSE 'over_2m' END AS amount_band
FROM silver_crm_forecast_submissions f
JOIN silver_crm_opportunities o ON o.opportunity_id = f.opportunity_id
LEFT JOIN silver_crm_accounts a ON a.account_id = o.account_id
LEFT JOIN gold_dim_rep r
  ON r.rep_id = f.rep_id AND f.submitted_at >= r.valid_from AND f.submitted_at < r.valid_to
