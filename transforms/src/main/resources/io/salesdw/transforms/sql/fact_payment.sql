-- fact_payment: one row per payment instalment (received or still due). The month is the month
-- received, or the due month while unpaid. Deal payments carry the opportunity's owner as of the
-- day received (the rep who earns commission on it).
SELECT y.payment_no,
       cast(date_format(coalesce(y.received_date, y.due_date), 'yyyyMM') AS int) AS month_key,
       y.invoice_no,
       y.contract_no,
       y.customer_code,
       x.unified_customer_id,
       k.crm_opportunity_id AS opportunity_id,
       o.owner_rep_id AS rep_id,
       r.rep_key,
       r.team_id,
       r.region_id,
       y.due_date,
       y.received_date,
       y.amount,
       y.method,
       y.received_date IS NOT NULL AS is_received,
       datediff(y.received_date, y.due_date) AS days_late
FROM silver_erp_payments y
LEFT JOIN silver_erp_contracts k ON k.contract_no = y.contract_no
LEFT JOIN silver_crm_opportunities o ON o.opportunity_id = k.crm_opportunity_id
LEFT JOIN silver_customer_crosswalk x ON x.source = 'erp' AND x.record_id = y.customer_code
LEFT JOIN gold_dim_rep r
  ON r.rep_id = o.owner_rep_id
 AND timestamp(coalesce(y.received_date, y.due_date)) >= r.valid_from
 AND timestamp(coalesce(y.received_date, y.due_date)) < r.valid_to
WHERE coalesce(y.received_date, y.due_date) IS NOT NULL
