-- SELECT metric_time__quarter, MEASURE(gross_margin_rate), MEASURE(average_order_value) FROM metrics GROUP BY metric_time__quarter

-- Rewritten over the gold tables (Calcite SQL):
SELECT "metric_time__quarter" AS "metric_time__quarter", "gross_margin_rate" AS "gross_margin_rate", "average_order_value" AS "average_order_value"
FROM (WITH "wide_1" AS (SELECT CAST(FLOOR(CAST("t0"."order_date" AS DATE) TO QUARTER) AS DATE) AS "metric_time__quarter", CAST("t0"."order_date" AS DATE) AS "__time", "t0"."gross_margin" AS "__value" FROM "gold"."fact_order" AS "t0"),
  "leaf_1" AS (SELECT "metric_time__quarter", SUM("__value") AS "__value" FROM "wide_1" GROUP BY "metric_time__quarter"),
  "wide_2" AS (SELECT CAST(FLOOR(CAST("t0"."order_date" AS DATE) TO QUARTER) AS DATE) AS "metric_time__quarter", CAST("t0"."order_date" AS DATE) AS "__time", "t0"."amount" AS "__value" FROM "gold"."fact_order" AS "t0"),
  "leaf_2" AS (SELECT "metric_time__quarter", SUM("__value") AS "__value" FROM "wide_2" GROUP BY "metric_time__quarter"),
  "wide_3" AS (SELECT CAST(FLOOR(CAST("t0"."order_date" AS DATE) TO QUARTER) AS DATE) AS "metric_time__quarter", CAST("t0"."order_date" AS DATE) AS "__time", "t0"."order_no" AS "__value" FROM "gold"."fact_order" AS "t0"),
  "leaf_3" AS (SELECT "metric_time__quarter", COUNT("__value") AS "__value" FROM "wide_3" GROUP BY "metric_time__quarter"),
  "keys" AS (SELECT "metric_time__quarter" FROM "leaf_1" UNION SELECT "metric_time__quarter" FROM "leaf_2" UNION SELECT "metric_time__quarter" FROM "leaf_3")
SELECT "keys"."metric_time__quarter", CAST("leaf_1"."__value" AS DOUBLE) / NULLIF(CAST("leaf_2"."__value" AS DOUBLE), 0) AS "gross_margin_rate", "leaf_2"."__value" / "leaf_3"."__value" AS "average_order_value"
FROM "keys" LEFT JOIN "leaf_1" ON "keys"."metric_time__quarter" IS NOT DISTINCT FROM "leaf_1"."metric_time__quarter" LEFT JOIN "leaf_2" ON "keys"."metric_time__quarter" IS NOT DISTINCT FROM "leaf_2"."metric_time__quarter" LEFT JOIN "leaf_3" ON "keys"."metric_time__quarter" IS NOT DISTINCT FROM "leaf_3"."metric_time__quarter") AS "metrics"

-- Sent to DuckDB:
SELECT "t9"."metric_time__quarter", CAST("t11"."__value" AS DOUBLE) / CASE WHEN CAST("t13"."__value" AS DOUBLE) = 0E0 THEN NULL ELSE CAST("t13"."__value" AS DOUBLE) END AS "gross_margin_rate", "t13"."__value" / "t15"."__value" AS "average_order_value"
FROM (SELECT *
FROM (SELECT CAST(DATE_TRUNC('quarter', "order_date") AS DATE) AS "metric_time__quarter"
FROM "gold"."fact_order"
GROUP BY CAST(DATE_TRUNC('quarter', "order_date") AS DATE)
UNION
SELECT CAST(DATE_TRUNC('quarter', "order_date") AS DATE) AS "metric_time__quarter"
FROM "gold"."fact_order"
GROUP BY CAST(DATE_TRUNC('quarter', "order_date") AS DATE))
UNION
SELECT CAST(DATE_TRUNC('quarter', "order_date") AS DATE) AS "metric_time__quarter"
FROM "gold"."fact_order"
GROUP BY CAST(DATE_TRUNC('quarter', "order_date") AS DATE)) AS "t9"
LEFT JOIN (SELECT CAST(DATE_TRUNC('quarter', "order_date") AS DATE) AS "metric_time__quarter", SUM("gross_margin") AS "__value"
FROM "gold"."fact_order"
GROUP BY CAST(DATE_TRUNC('quarter', "order_date") AS DATE)) AS "t11" ON "t9"."metric_time__quarter" IS NOT DISTINCT FROM "t11"."metric_time__quarter"
LEFT JOIN (SELECT CAST(DATE_TRUNC('quarter', "order_date") AS DATE) AS "metric_time__quarter", SUM("amount") AS "__value"
FROM "gold"."fact_order"
GROUP BY CAST(DATE_TRUNC('quarter', "order_date") AS DATE)) AS "t13" ON "t9"."metric_time__quarter" IS NOT DISTINCT FROM "t13"."metric_time__quarter"
LEFT JOIN (SELECT CAST(DATE_TRUNC('quarter', "order_date") AS DATE) AS "metric_time__quarter", COUNT("order_no") AS "__value"
FROM "gold"."fact_order"
GROUP BY CAST(DATE_TRUNC('quarter', "order_date") AS DATE)) AS "t15" ON "t9"."metric_time__quarter" IS NOT DISTINCT FROM "t15"."metric_time__quarter"
