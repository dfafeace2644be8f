-- SELECT metric_time__month, MEASURE(revenue_growth_yoy), MEASURE(revenue, 'previous_period') FROM metrics WHERE metric_time__year = DATE '2024-01-01' GROUP BY metric_time__month

-- Rewritten over the gold tables (Calcite SQL):
SELECT "metric_time__month" AS "metric_time__month", "revenue_growth_yoy" AS "revenue_growth_yoy", "revenue__previous_period" AS "revenue__previous_period"
FROM (WITH "wide_1" AS (SELECT CAST(FLOOR(CAST("t0"."order_date" AS DATE) TO MONTH) AS DATE) AS "metric_time__month", CAST(FLOOR(CAST("t0"."order_date" AS DATE) TO YEAR) AS DATE) AS "metric_time__year", CAST("t0"."order_date" AS DATE) AS "__time", "t0"."amount" AS "__value" FROM "gold"."fact_order" AS "t0"),
  "leaf_1" AS (SELECT "metric_time__month", SUM("__value") AS "__value" FROM "wide_1" WHERE ("metric_time__year" = DATE '2024-01-01') GROUP BY "metric_time__month"),
  "wide_2" AS (SELECT CAST(FLOOR(CAST(CAST("t0"."order_date" AS DATE) + INTERVAL '12' MONTH AS DATE) TO MONTH) AS DATE) AS "metric_time__month", CAST(FLOOR(CAST(CAST("t0"."order_date" AS DATE) + INTERVAL '12' MONTH AS DATE) TO YEAR) AS DATE) AS "metric_time__year", CAST(CAST("t0"."order_date" AS DATE) + INTERVAL '12' MONTH AS DATE) AS "__time", "t0"."amount" AS "__value" FROM "gold"."fact_order" AS "t0"),
  "leaf_2" AS (SELECT "metric_time__month", SUM("__value") AS "__value" FROM "wide_2" WHERE ("metric_time__year" = DATE '2024-01-01') GROUP BY "metric_time__month"),
  "wide_3" AS (SELECT CAST(FLOOR(CAST(CAST("t0"."order_date" AS DATE) + INTERVAL '1' MONTH AS DATE) TO MONTH) AS DATE) AS "metric_time__month", CAST(FLOOR(CAST(CAST("t0"."order_date" AS DATE) + INTERVAL '1' MONTH AS DATE) TO YEAR) AS DATE) AS "metric_time__year", CAST(CAST("t0"."order_date" AS DATE) + INTERVAL '1' MONTH AS DATE) AS "__time", "t0"."amount" AS "__value" FROM "gold"."fact_order" AS "t0"),
  "leaf_3" AS (SELECT "metric_time__month", SUM("__value") AS "__value" FROM "wide_3" WHERE ("metric_time__year" = DATE '2024-01-01') GROUP BY "metric_time__month"),
  "keys" AS (SELECT "metric_time__month" FROM "leaf_1" UNION SELECT "metric_time__month" FROM "leaf_2" UNION SELECT "metric_time__month" FROM "leaf_3")
SELECT "keys"."metric_time__month", ("leaf_1"."__value" - "leaf_2"."__value") / NULLIF("leaf_2"."__value", 0) AS "revenue_growth_yoy", "leaf_3"."__value" AS "revenue__previous_period"
FROM "keys" LEFT JOIN "leaf_1" ON "keys"."metric_time__month" IS NOT DISTINCT FROM "leaf_1"."metric_time__month" LEFT JOIN "leaf_2" ON "keys"."metric_time__month" IS NOT DISTINCT FROM "leaf_2"."metric_time__month" LEFT JOIN "leaf_3" ON "keys"."metric_time__month" IS NOT DISTINCT FROM "leaf_3"."metric_time__month") AS "metrics"

-- Sent to DuckDB:
SELECT "t15"."metric_time__month", ("t19"."__value" - "t23"."__value") / CASE WHEN "t23"."__value" = 0.00 THEN NULL ELSE "t23"."__value" END AS "revenue_growth_yoy", "t27"."__value" AS "revenue__previous_period"
FROM (SELECT *
FROM (SELECT "metric_time__month"
FROM (SELECT CAST(DATE_TRUNC('month', "order_date") AS DATE) AS "metric_time__month", CAST(DATE_TRUNC('year', "order_date") AS DATE) AS "metric_time__year", "order_date" AS "__time", "amount" AS "__value"
FROM "gold"."fact_order") AS "t"
WHERE "metric_time__year" = DATE '2024-01-01'
GROUP BY "metric_time__month"
UNION
SELECT "metric_time__month"
FROM (SELECT CAST(DATE_TRUNC('month', ("order_date" + INTERVAL '12' MONTH)) AS DATE) AS "metric_time__month", CAST(DATE_TRUNC('year', ("order_date" + INTERVAL '12' MONTH)) AS DATE) AS "metric_time__year", ("order_date" + INTERVAL '12' MONTH) AS "__time", "amount" AS "__value"
FROM "gold"."fact_order") AS "t4"
WHERE "metric_time__year" = DATE '2024-01-01'
GROUP BY "metric_time__month")
UNION
SELECT "metric_time__month"
FROM (SELECT CAST(DATE_TRUNC('month', ("order_date" + INTERVAL '1' MONTH)) AS DATE) AS "metric_time__month", CAST(DATE_TRUNC('year', ("order_date" + INTERVAL '1' MONTH)) AS DATE) AS "metric_time__year", ("order_date" + INTERVAL '1' MONTH) AS "__time", "amount" AS "__value"
FROM "gold"."fact_order") AS "t10"
WHERE "metric_time__year" = DATE '2024-01-01'
GROUP BY "metric_time__month") AS "t15"
LEFT JOIN (SELECT "metric_time__month", SUM("__value") AS "__value"
FROM (SELECT CAST(DATE_TRUNC('month', "order_date") AS DATE) AS "metric_time__month", CAST(DATE_TRUNC('year', "order_date") AS DATE) AS "metric_time__year", "order_date" AS "__time", "amount" AS "__value"
FROM "gold"."fact_order") AS "t16"
WHERE "metric_time__year" = DATE '2024-01-01'
GROUP BY "metric_time__month") AS "t19" ON "t15"."metric_time__month" IS NOT DISTINCT FROM "t19"."metric_time__month"
LEFT JOIN (SELECT "metric_time__month", SUM("__value") AS "__value"
FROM (SELECT CAST(DATE_TRUNC('month', ("order_date" + INTERVAL '12' MONTH)) AS DATE) AS "metric_time__month", CAST(DATE_TRUNC('year', ("order_date" + INTERVAL '12' MONTH)) AS DATE) AS "metric_time__year", ("order_date" + INTERVAL '12' MONTH) AS "__time", "amount" AS "__value"
FROM "gold"."fact_order") AS "t20"
WHERE "metric_time__year" = DATE '2024-01-01'
GROUP BY "metric_time__month") AS "t23" ON "t15"."metric_time__month" IS NOT DISTINCT FROM "t23"."metric_time__month"
LEFT JOIN (SELECT "metric_time__month", SUM("__value") AS "__value"
FROM (SELECT CAST(DATE_TRUNC('month', ("order_date" + INTERVAL '1' MONTH)) AS DATE) AS "metric_time__month", CAST(DATE_TRUNC('year', ("order_date" + INTERVAL '1' MONTH)) AS DATE) AS "metric_time__year", ("order_date" + INTERVAL '1' MONTH) AS "__time", "amount" AS "__value"
FROM "gold"."fact_order") AS "t24"
WHERE "metric_time__year" = DATE '2024-01-01'
GROUP BY "metric_time__month") AS "t27" ON "t15"."metric_time__month" IS NOT DISTINCT FROM "t27"."metric_time__month"
