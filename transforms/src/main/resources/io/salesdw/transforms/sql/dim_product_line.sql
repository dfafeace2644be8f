-- dim_product_line: one row per product line.
SELECT product_line_code, product_line_name, margin_class FROM silver_erp_product_lines
