-- SELECT metric_time__month, MEASURE(revenue_running_total), MEASURE(revenue_trailing_3_months), MEASURE(revenue_fiscal_ytd) FROM metrics GROUP BY metric_time__month

-- Rewritten over the gold tables (Calcite SQL):
SELECT "metric_time__month" AS "metric_time__month", "revenue_running_total" AS "revenue_running_total", "revenue_trailing_3_months" AS "revenue_trailing_3_months", "revenue_fiscal_ytd" AS "revenue_fiscal_ytd"
FROM (WITH "wide_1" AS (SELECT CAST(FLOOR(CAST("t0"."order_date" AS DATE) TO MONTH) AS DATE) AS "metric_time__month", CAST("t0"."order_date" AS DATE) AS "__time", "t0"."amount" AS "__value" FROM "gold"."fact_order" AS "t0"),
  "periods_1" AS (SELECT DISTINCT "metric_time__month" FROM "wide_1"),
  "leaf_1" AS (SELECT "p"."metric_time__month", SUM("w"."__value") AS "__value" FROM "periods_1" AS "p" JOIN (SELECT * FROM "wide_1") AS "w" ON "w"."__time" < CAST("p"."metric_time__month" + INTERVAL '1' MONTH AS DATE) GROUP BY "p"."metric_time__month"),
  "wide_2" AS (SELECT CAST(FLOOR(CAST("t0"."order_date" AS DATE) TO MONTH) AS DATE) AS "metric_time__month", CAST("t0"."order_date" AS DATE) AS "__time", "t0"."amount" AS "__value" FROM "gold"."fact_order" AS "t0"),
  "periods_2" AS (SELECT DISTINCT "metric_time__month" FROM "wide_2"),
  "leaf_2" AS (SELECT "p"."metric_time__month", SUM("w"."__value") AS "__value" FROM "periods_2" AS "p" JOIN (SELECT * FROM "wide_2") AS "w" ON "w"."__time" < CAST("p"."metric_time__month" + INTERVAL '1' MONTH AS DATE) AND "w"."__time" >= CAST(CAST("p"."metric_time__month" + INTERVAL '1' MONTH AS DATE) - INTERVAL '3' MONTH AS DATE) GROUP BY "p"."metric_time__month"),
  "wide_3" AS (SELECT CAST(FLOOR(CAST("t0"."order_date" AS DATE) TO MONTH) AS DATE) AS "metric_time__month", CAST("t0"."order_date" AS DATE) AS "__time", "t0"."amount" AS "__value" FROM "gold"."fact_order" AS "t0"),
  "periods_3" AS (SELECT DISTINCT "metric_time__month" FROM "wide_3"),
  "leaf_3" AS (SELECT "p"."metric_time__month", SUM("w"."__value") AS "__value" FROM "periods_3" AS "p" JOIN (SELECT * FROM "wide_3") AS "w" ON "w"."__time" < CAST("p"."metric_time__month" + INTERVAL '1' MONTH AS DATE) AND "w"."__time" >= CAST(FLOOR("p"."metric_time__month" TO YEAR) AS DATE) GROUP BY "p"."metric_time__month"),
  "keys" AS (SELECT "metric_time__month" FROM "leaf_1" UNION SELECT "metric_time__month" FROM "leaf_2" UNION SELECT "metric_time__month" FROM "leaf_3")
SELECT "keys"."metric_time__month", "leaf_1"."__value" AS "revenue_running_total", "leaf_2"."__value" AS "revenue_trailing_3_months", "leaf_3"."__value" AS "revenue_fiscal_ytd"
FROM "keys" LEFT JOIN "leaf_1" ON "keys"."metric_time__month" IS NOT DISTINCT FROM "leaf_1"."metric_time__month" LEFT JOIN "leaf_2" ON "keys"."metric_time__month" IS NOT DISTINCT FROM "leaf_2"."metric_time__month" LEFT JOIN "leaf_3" ON "keys"."metric_time__month" IS NOT DISTINCT FROM "leaf_3"."metric_time__month") AS "metrics"

-- Sent to DuckDB:
SELECT "t18"."metric_time__month", "t23"."__value" AS "revenue_running_total", "t28"."__value" AS "revenue_trailing_3_months", "t33"."__value" AS "revenue_fiscal_ytd"
FROM (SELECT *
FROM (SELECT "t0"."metric_time__month"
FROM (SELECT CAST(DATE_TRUNC('month', "order_date") AS DATE) AS "metric_time__month"
FROM "gold"."fact_order"
GROUP BY CAST(DATE_TRUNC('month', "order_date") AS DATE)) AS "t0"
INNER JOIN (SELECT CAST(DATE_TRUNC('month', "order_date") AS DATE) AS "metric_time__month", "order_date" AS "__time", "amount" AS "__value"
FROM "gold"."fact_order") AS "t1" ON "t1"."__time" < ("t0"."metric_time__month" + INTERVAL '1' MONTH)
GROUP BY "t0"."metric_time__month"
UNION
SELECT "t6"."metric_time__month"
FROM (SELECT CAST(DATE_TRUNC('month', "order_date") AS DATE) AS "metric_time__month"
FROM "gold"."fact_order"
GROUP BY CAST(DATE_TRUNC('month', "order_date") AS DATE)) AS "t6"
INNER JOIN (SELECT CAST(DATE_TRUNC('month', "order_date") AS DATE) AS "metric_time__month", "order_date" AS "__time", "amount" AS "__value"
FROM "gold"."fact_order") AS "t7" ON "t7"."__time" < ("t6"."metric_time__month" + INTERVAL '1' MONTH) AND "t7"."__time" >= (("t6"."metric_time__month" + INTERVAL '1' MONTH) - INTERVAL '3' MONTH)
GROUP BY "t6"."metric_time__month")
UNION
SELECT "t13"."metric_time__month"
FROM (SELECT CAST(DATE_TRUNC('month', "order_date") AS DATE) AS "metric_time__month"
FROM "gold"."fact_order"
GROUP BY CAST(DATE_TRUNC('month', "order_date") AS DATE)) AS "t13"
INNER JOIN (SELECT CAST(DATE_TRUNC('month', "order_date") AS DATE) AS "metric_time__month", "order_date" AS "__time", "amount" AS "__value"
FROM "gold"."fact_order") AS "t14" ON "t14"."__time" < ("t13"."metric_time__month" + INTERVAL '1' MONTH) AND "t14"."__time" >= CAST(DATE_TRUNC('year', "t13"."metric_time__month") AS DATE)
GROUP BY "t13"."metric_time__month") AS "t18"
LEFT JOIN (SELECT "t20"."metric_time__month", SUM("t21"."__value") AS "__value"
FROM (SELECT CAST(DATE_TRUNC('month', "order_date") AS DATE) AS "metric_time__month"
FROM "gold"."fact_order"
GROUP BY CAST(DATE_TRUNC('month', "order_date") AS DATE)) AS "t20"
INNER JOIN (SELECT CAST(DATE_TRUNC('month', "order_date") AS DATE) AS "metric_time__month", "order_date" AS "__time", "amount" AS "__value"
FROM "gold"."fact_order") AS "t21" ON "t21"."__time" < ("t20"."metric_time__month" + INTERVAL '1' MONTH)
GROUP BY "t20"."metric_time__month") AS "t23" ON "t18"."metric_time__month" IS NOT DISTINCT FROM "t23"."metric_time__month"
LEFT JOIN (SELECT "t25"."metric_time__month", SUM("t26"."__value") AS "__value"
FROM (SELECT CAST(DATE_TRUNC('month', "order_date") AS DATE) AS "metric_time__month"
FROM "gold"."fact_order"
GROUP BY CAST(DATE_TRUNC('month', "order_date") AS DATE)) AS "t25"
INNER JOIN (SELECT CAST(DATE_TRUNC('month', "order_date") AS DATE) AS "metric_time__month", "order_date" AS "__time", "amount" AS "__value"
FROM "gold"."fact_order") AS "t26" ON "t26"."__time" < ("t25"."metric_time__month" + INTERVAL '1' MONTH) AND "t26"."__time" >= (("t25"."metric_time__month" + INTERVAL '1' MONTH) - INTERVAL '3' MONTH)
GROUP BY "t25"."metric_time__month") AS "t28" ON "t18"."metric_time__month" IS NOT DISTINCT FROM "t28"."metric_time__month"
LEFT JOIN (SELECT "t30"."metric_time__month", SUM("t31"."__value") AS "__value"
FROM (SELECT CAST(DATE_TRUNC('month', "order_date") AS DATE) AS "metric_time__month"
FROM "gold"."fact_order"
GROUP BY CAST(DATE_TRUNC('month', "order_date") AS DATE)) AS "t30"
INNER JOIN (SELECT CAST(DATE_TRUNC('month', "order_date") AS DATE) AS "metric_time__month", "order_date" AS "__time", "amount" AS "__value"
FROM "gold"."fact_order") AS "t31" ON "t31"."__time" < ("t30"."metric_time__month" + INTERVAL '1' MONTH) AND "t31"."__time" >= CAST(DATE_TRUNC('year', "t30"."metric_time__month") AS DATE)
GROUP BY "t30"."metric_time__month") AS "t33" ON "t18"."metric_time__month" IS NOT DISTINCT FROM "t33"."metric_time__month"
