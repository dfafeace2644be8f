-- SELECT metric_time__quarter, MEASURE(gross_margin_rate), MEASURE(average_order_value) FROM metrics GROUP BY metric_time__quarter

-- Rewritten over the gold tables (Calcite SQL):
SELECT "metric_time__quarter" AS "metric_time__quarter", "gross_margin_rate" AS "gross_margin_rate", "average_order_value" AS "average_order_value"
FROM (WITH "wide_1" AS (SELECT CAST(FLOOR(CAST("t0"."order_date" AS DATE) TO QUARTER) AS DATE) AS "metric_time__quarter", CAST("t0"."order_date" AS DATE) AS "__time", "t0"."gross_margin" AS "__value_1", "t0"."amount" AS "__value_2", "t0"."order_no" AS "__value_3" FROM "gold"."fact_order" AS "t0"),
  "leaf_1" AS (SELECT "metric_time__quarter", SUM("__value_1") AS "__value_1", SUM("__value_2") AS "__value_2", COUNT("__value_3") AS "__value_3" FROM "wide_1" GROUP BY "metric_time__quarter")
SELECT "leaf_1"."metric_time__quarter", CAST("leaf_1"."__value_1" AS DOUBLE) / NULLIF(CAST("leaf_1"."__value_2" AS DOUBLE), 0) AS "gross_margin_rate", CAST("leaf_1"."__value_2" AS DOUBLE) / "leaf_1"."__value_3" AS "average_order_value"
FROM "leaf_1") AS "metrics"

-- Sent to DuckDB:
SELECT CAST(DATE_TRUNC('quarter', "order_date") AS DATE) AS "metric_time__quarter", CAST(SUM("gross_margin") AS DOUBLE) / CASE WHEN CAST(SUM("amount") AS DOUBLE) = 0E0 THEN NULL ELSE CAST(SUM("amount") AS DOUBLE) END AS "gross_margin_rate", CAST(SUM("amount") AS DOUBLE) / COUNT("order_no") AS "average_order_value"
FROM "gold"."fact_order"
GROUP BY CAST(DATE_TRUNC('quarter', "order_date") AS DATE)
