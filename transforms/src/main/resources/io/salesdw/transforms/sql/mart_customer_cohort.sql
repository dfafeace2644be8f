-- mart_customer_cohort: cohort curves. Customers grouped by acquisition channel and the year of
-- their first purchase; for each month since that first purchase, the cumulative contracted
-- revenue per customer of the cohort (customers who have not yet reached that month are left out
-- of its average, so young cohorts do not drag the curve down).
WITH purchases AS (
  SELECT x.unified_customer_id, k.signed_date, k.amount
  FROM silver_erp_contracts k
  JOIN silver_customer_crosswalk x ON x.source = 'erp' AND x.record_id = k.customer_code
  WHERE k.signed_date <= ${as_of}
),
customers AS (
  SELECT unified_customer_id, acquisition_channel, first_purchase_date,
         year(first_purchase_date) AS cohort_year,
         cast(floor(months_between(${as_of}, first_purchase_date)) AS int) AS observed_months
  FROM gold_mart_customer_value
  WHERE first_purchase_date IS NOT NULL
),
offsets AS (SELECT explode(sequence(0, 72)) AS months_since_acquisition),
revenue AS (
  SELECT c.unified_customer_id, o.months_since_acquisition,
         sum(p.amount) AS cumulative_revenue
  FROM customers c
  JOIN offsets o ON o.months_since_acquisition <= c.observed_months
  JOIN purchases p
    ON p.unified_customer_id = c.unified_customer_id
   AND floor(months_between(p.signed_date, c.first_purchase_date)) <= o.months_since_acquisition
  GROUP BY c.unified_customer_id, o.months_since_acquisition
)
SELECT c.acquisition_channel,
       c.cohort_year,
       r.months_since_acquisition,
       count(*) AS customers,
       sum(r.cumulative_revenue) AS cumulative_revenue,
       sum(r.cumulative_revenue) / count(*) AS cumulative_revenue_per_customer
FROM revenue r
JOIN customers c ON c.unified_customer_id = r.unified_customer_id
GROUP BY c.acquisition_channel, c.cohort_year, r.months_since_acquisition
