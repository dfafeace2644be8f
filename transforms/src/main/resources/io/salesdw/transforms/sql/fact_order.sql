-- fact_order: one row per order (one SKU line), with its cost and gross margin at the product's
-- unit cost; deal orders carry the CRM opportunity and its owner.
SELECT s.order_no,
       cast(date_format(s.order_date, 'yyyyMM') AS int) AS month_key,
       cast(date_format(s.order_date, 'yyyyMMdd') AS int) AS date_key,
       s.order_date,
       s.contract_no,
       s.customer_code,
       x.unified_customer_id,
       k.crm_opportunity_id AS opportunity_id,
       o.owner_rep_id AS rep_id,
       s.sku,
       p.product_line_code,
       s.quantity,
       s.unit_price,
       s.amount,
       s.quantity * p.unit_cost AS cost_amount,
       s.amount - s.quantity * p.unit_cost AS gross_margin
FROM silver_erp_orders s
LEFT JOIN silver_erp_contracts k ON k.contract_no = s.contract_no
LEFT JOIN silver_erp_products p ON p.sku = s.sku
LEFT JOIN silver_crm_opportunities o ON o.opportunity_id = k.crm_opportunity_id
LEFT JOIN silver_customer_crosswalk x ON x.source = 'erp' AND x.record_id = s.customer_code
