-- mart_quote_approval: one row per month (of submission) and product line: quote revisions
-- submitted, approved, rejected and pending; the approval cycle (submitted to approved, hours) of
-- the approved revisions; and, for the quotes first submitted in the month, the revisions a quote
-- took (its highest revision number).
WITH revisions AS (
  SELECT month_key,
         coalesce(product_line_code, 'unknown') AS product_line_code,
         count(*) AS revisions_submitted,
         count_if(approval_status = 'approved') AS approved,
         count_if(approval_status = 'rejected') AS rejected,
         count_if(approval_status = 'pending') AS pending,
         avg(cast(approval_hours AS DOUBLE)) FILTER (WHERE approval_status = 'approved')
           AS approval_hours_mean,
         percentile(cast(approval_hours AS DOUBLE), 0.5) FILTER (WHERE approval_status = 'approved')
           AS approval_hours_median,
         percentile(cast(approval_hours AS DOUBLE), 0.9) FILTER (WHERE approval_status = 'approved')
           AS approval_hours_p90
  FROM gold_fact_quote
  GROUP BY month_key, coalesce(product_line_code, 'unknown')
),
quotes AS (
  SELECT min_by(month_key, revision) AS month_key,
         coalesce(min_by(product_line_code, revision), 'unknown') AS product_line_code,
         max(revision) AS revision_count
  FROM gold_fact_quote
  GROUP BY quote_no
),
quote_months AS (
  SELECT month_key, product_line_code, count(*) AS quotes_started,
         avg(revision_count) AS revisions_per_quote
  FROM quotes
  GROUP BY month_key, product_line_code
)
SELECT coalesce(r.month_key, q.month_key) AS month_key,
       coalesce(r.product_line_code, q.product_line_code) AS product_line_code,
       coalesce(r.revisions_submitted, 0) AS revisions_submitted,
       coalesce(r.approved, 0) AS approved,
       coalesce(r.rejected, 0) AS rejected,
       coalesce(r.pending, 0) AS pending,
       cast(try_divide(r.approved, r.approved + r.rejected) AS DOUBLE) AS approval_rate,
       cast(r.approval_hours_mean AS DOUBLE) AS approval_hours_mean,
       cast(r.approval_hours_median AS DOUBLE) AS approval_hours_median,
       cast(r.approval_hours_p90 AS DOUBLE) AS approval_hours_p90,
       coalesce(q.quotes_started, 0) AS quotes_started,
       cast(q.revisions_per_quote AS DOUBLE) AS revisions_per_quote
FROM revisions r
FULL OUTER JOIN quote_months q
  ON q.month_key = r.month_key AND q.product_line_code = r.product_line_code
