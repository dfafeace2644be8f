-- fact_quote: one row per quote revision, with its approval cycle time (submitted to approved).
SELECT q.quote_no,
       q.revision,
       cast(date_format(q.submitted_at, 'yyyyMM') AS int) AS month_key,
       q.revision = max(q.revision) OVER (PARTITION BY q.quote_no) AS is_last_revision,
       q.customer_code,
       x.unified_customer_id,
       q.crm_opportunity_id AS opportunity_id,
       o.owner_rep_id AS rep_id,
       q.sku,
       p.product_line_code,
       q.quantity,
       q.unit_price,
       q.discount_pct,
       q.amount,
       q.submitted_at,
       q.approved_at,
       q.approval_status,
       (unix_timestamp(q.approved_at) - unix_timestamp(q.submitted_at)) / 3600.0 AS approval_hours
FROM silver_erp_quotes q
LEFT JOIN silver_erp_products p ON p.sku = q.sku
LEFT JOIN silver_crm_opportunities o ON o.opportunity_id = q.crm_opportunity_id
LEFT JOIN silver_customer_crosswalk x ON x.source = 'erp' AND x.record_id = q.customer_code
WHERE q.submitted_at IS NOT NULL
