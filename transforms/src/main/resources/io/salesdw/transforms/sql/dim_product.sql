-- dim_product: one row per SKU, with its product line and margin class.
SELECT p.sku, p.product_name, p.product_line_code, l.product_line_name, l.margin_class,
       p.list_price, p.unit_cost,
       CASE WHEN p.list_price > 0 THEN (p.list_price - p.unit_cost) / p.list_price END
         AS list_margin_rate
FROM silver_erp_products p
LEFT JOIN silver_erp_product_lines l ON l.product_line_code = p.product_line_code
