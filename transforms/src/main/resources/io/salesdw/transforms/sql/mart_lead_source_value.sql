-- mart_lead_source_value: what a lead from each channel is worth. Customers are credited to the
-- channel of the lead behind their earliest opportunity (mart_customer_value.acquisition_channel).
-- value_per_lead = the predicted 3-year value of the customers a channel acquired / the channel's
-- leads; value_weight = value_per_lead / the same ratio over all channels (1.0 = average).
WITH leads AS (
  SELECT channel_id, count(*) AS leads FROM gold_fact_lead_lifecycle GROUP BY channel_id
),
acquired AS (
  SELECT acquisition_channel AS channel_id,
         count(*) AS customers,
         sum(coalesce(predicted_ltv_36m, 0)) AS predicted_value,
         sum(contracted_revenue) AS contracted_revenue
  FROM gold_mart_customer_value
  WHERE acquisition_channel IS NOT NULL
  GROUP BY acquisition_channel
),
joined AS (
  SELECT l.channel_id, l.leads,
         coalesce(a.customers, 0) AS acquired_customers,
         coalesce(a.predicted_value, 0) AS predicted_value,
         coalesce(a.contracted_revenue, 0) AS contracted_revenue
  FROM leads l LEFT JOIN acquired a ON a.channel_id = l.channel_id
)
SELECT channel_id,
       leads,
       acquired_customers,
       acquired_customers / leads AS lead_to_customer_rate,
       predicted_value AS predicted_ltv_36m,
       contracted_revenue,
       try_divide(predicted_value, acquired_customers) AS mean_predicted_ltv_36m,
       predicted_value / leads AS value_per_lead,
       try_divide(predicted_value / leads, sum(predicted_value) OVER () / sum(leads) OVER ())
         AS value_weight
FROM joined
