-- mart_incentive_health: one row per month with payments (received in the month, or due in it and
-- still unpaid): how much of the money collected the commission rules cover, the commission
-- earned, how much of it was paid on time by the customer, and the overdue money still unpaid as
-- of the build.
WITH payments AS (
  SELECT month_key,
         count_if(is_received) AS received_payments,
         CAST(coalesce(sum(CASE WHEN is_received THEN amount END), 0) AS DECIMAL(18,2))
           AS received_amount,
         count_if(is_received AND opportunity_id IS NOT NULL) AS deal_payments_received,
         count_if(NOT is_received AND due_date < ${as_of}) AS unpaid_overdue_payments,
         CAST(coalesce(sum(CASE WHEN NOT is_received AND due_date < ${as_of} THEN amount END), 0)
              AS DECIMAL(18,2)) AS unpaid_overdue_amount
  FROM gold_fact_payment
  WHERE month_key IS NOT NULL
  GROUP BY month_key
),
commissions AS (
  SELECT month_key,
         count(*) AS commissioned_payments,
         count(DISTINCT rep_id) AS commissioned_reps,
         sum(amount) AS commissioned_amount,
         sum(commission_amount) AS commission_amount,
         sum(base_commission + tier_commission - commission_amount) AS late_payment_reduction,
         count_if(coalesce(days_late, 0) <= 0) AS commissioned_on_time
  FROM gold_mart_commission
  GROUP BY month_key
)
SELECT p.month_key,
       p.received_payments,
       p.received_amount,
       p.deal_payments_received,
       coalesce(c.commissioned_payments, 0) AS commissioned_payments,
       coalesce(c.commissioned_reps, 0) AS commissioned_reps,
       CAST(coalesce(c.commissioned_amount, 0) AS DECIMAL(18,2)) AS commissioned_amount,
       try_divide(coalesce(c.commissioned_payments, 0), NULLIF(p.deal_payments_received, 0))
         AS rule_coverage,
       try_divide(CAST(coalesce(c.commissioned_amount, 0) AS DOUBLE),
                  CAST(NULLIF(p.received_amount, 0) AS DOUBLE)) AS collected_amount_coverage,
       CAST(coalesce(c.commission_amount, 0) AS DECIMAL(18,2)) AS commission_amount,
       CAST(coalesce(c.late_payment_reduction, 0) AS DECIMAL(18,2)) AS late_payment_reduction,
       try_divide(c.commissioned_on_time, NULLIF(c.commissioned_payments, 0)) AS payout_on_time_rate,
       p.unpaid_overdue_payments,
       p.unpaid_overdue_amount
FROM payments p
LEFT JOIN commissions c ON c.month_key = p.month_key
