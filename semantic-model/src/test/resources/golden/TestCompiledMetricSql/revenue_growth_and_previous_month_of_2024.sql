-- SELECT metric_time__month, MEASURE(revenue_growth_yoy), MEASURE(revenue, 'previous_period') FROM metrics WHERE metric_time__year = DATE '2024-01-01' GROUP BY metric_time__month

-- Rewritten over the gold tables (Calcite SQL):
SELECT "metric_time__month" AS "metric_time__month", "revenue_growth_yoy" AS "revenue_growth_yoy", "revenue__previous_period" AS "revenue__previous_period"
FROM (WITH "wide_1" AS (SELECT CAST(FLOOR(CAST("t0"."order_date" AS DATE) TO MONTH) AS DATE) AS "metric_time__month", CAST(FLOOR(CAST("t0"."order_date" AS DATE) TO YEAR) AS DATE) AS "metric_time__year", CAST("t0"."order_date" AS DATE) AS "__time", "t0"."amount" AS "__value_1" FROM "gold"."fact_order" AS "t0"),
  "leaf_1" AS (SELECT "metric_time__month", SUM("__value_1") AS "__value_1" FROM "wide_1" WHERE ("metric_time__year" = DATE '2024-01-01') GROUP BY "metric_time__month"),
  "wide_2" AS (SELECT CAST(FLOOR(CAST(CAST("t0"."order_date" AS DATE) + INTERVAL '12' MONTH AS DATE) TO MONTH) AS DATE) AS "metric_time__month", CAST(FLOOR(CAST(CAST("t0"."order_date" AS DATE) + INTERVAL '12' MONTH AS DATE) TO YEAR) AS DATE) AS "metric_time__year", CAST(CAST("t0"."order_date" AS DATE) + INTERVAL '12' MONTH AS DATE) AS "__time", "t0"."amount" AS "__value_1" FROM "gold"."fact_order" AS "t0"),
  "leaf_2" AS (SELECT "metric_time__month", SUM("__value_1") AS "__value_1" FROM "wide_2" WHERE ("metric_time__year" = DATE '2024-01-01') GROUP BY "metric_time__month"),
  "wide_3" AS (SELECT CAST(FLOOR(CAST(CAST("t0"."order_date" AS DATE) + INTERVAL '1' MONTH AS DATE) TO MONTH) AS DATE) AS "metric_time__month", CAST(FLOOR(CAST(CAST("t0"."order_date" AS DATE) + INTERVAL '1' MONTH AS DATE) TO YEAR) AS DATE) AS "metric_time__year", CAST(CAST("t0"."order_date" AS DATE) + INTERVAL '1' MONTH AS DATE) AS "__time", "t0"."amount" AS "__value_1" FROM "gold"."fact_order" AS "t0"),
  "leaf_3" AS (SELECT "metric_time__month", SUM("__value_1") AS "__value_1" FROM "wide_3" WHERE ("metric_time__year" = DATE '2024-01-01') GROUP BY "metric_time__month")
SELECT "leaf_1"."metric_time__month", CAST("leaf_1"."__value_1" - "leaf_2"."__value_1" AS DOUBLE) / NULLIF("leaf_2"."__value_1", 0) AS "revenue_growth_yoy", "leaf_3"."__value_1" AS "revenue__previous_period"
FROM "leaf_1" LEFT JOIN "leaf_2" ON "leaf_1"."metric_time__month" IS NOT DISTINCT FROM "leaf_2"."metric_time__month" LEFT JOIN "leaf_3" ON "leaf_1"."metric_time__month" IS NOT DISTINCT FROM "leaf_3"."metric_time__month") AS "metrics"

-- Sent to DuckDB:
SELECT "t2"."metric_time__month", CAST("t2"."__value_1" - "t6"."__value_1" AS DOUBLE) / CASE WHEN "t6"."__value_1" = 0.00 THEN NULL ELSE "t6"."__value_1" END AS "revenue_growth_yoy", "t10"."__value_1" AS "revenue__previous_period"
FROM (SELECT "metric_time__month", SUM("__value_1") AS "__value_1"
FROM (SELECT CAST(DATE_TRUNC('month', "order_date") AS DATE) AS "metric_time__month", CAST(DATE_TRUNC('year', "order_date") AS DATE) AS "metric_time__year", "order_date" AS "__time", "amount" AS "__value_1"
FROM "gold"."fact_order") AS "t"
WHERE "metric_time__year" = DATE '2024-01-01'
GROUP BY "metric_time__month") AS "t2"
LEFT JOIN (SELECT "metric_time__month", SUM("__value_1") AS "__value_1"
FROM (SELECT CAST(DATE_TRUNC('month', ("order_date" + INTERVAL '12' MONTH)) AS DATE) AS "metric_time__month", CAST(DATE_TRUNC('year', ("order_date" + INTERVAL '12' MONTH)) AS DATE) AS "metric_time__year", ("order_date" + INTERVAL '12' MONTH) AS "__time", "amount" AS "__value_1"
FROM "gold"."fact_order") AS "t3"
WHERE "metric_time__year" = DATE '2024-01-01'
GROUP BY "metric_time__month") AS "t6" ON "t2"."metric_time__month" IS NOT DISTINCT FROM "t6"."metric_time__month"
LEFT JOIN (SELECT "metric_time__month", SUM("__value_1") AS "__value_1"
FROM (SELECT CAST(DATE_TRUNC('month', ("order_date" + INTERVAL '1' MONTH)) AS DATE) AS "metric_time__month", CAST(DATE_TRUNC('year', ("order_date" + INTERVAL '1' MONTH)) AS DATE) AS "metric_time__year", ("order_date" + INTERVAL '1' MONTH) AS "__time", "amount" AS "__value_1"
FROM "gold"."fact_order") AS "t7"
WHERE "metric_time__year" = DATE '2024-01-01'
GROUP BY "metric_time__month") AS "t10" ON "t2"."metric_time__month" IS NOT DISTINCT FROM "t10"."metric_time__month"
