-- The input of mart_commission: every received payment on a deal with an owning rep (the deal
-- owner as of the day received). The commission itself is computed in Java
-- (incentives.CommissionCalculator), in order of the day received, from the configured rules.
SELECT payment_no,
       opportunity_id,
       rep_id,
       rep_key,
       team_id,
       region_id,
       due_date,
       received_date,
       amount
FROM gold_fact_payment
WHERE is_received
  AND received_date IS NOT NULL
  AND opportunity_id IS NOT NULL
  AND rep_id IS NOT NULL
  AND amount IS NOT NULL
