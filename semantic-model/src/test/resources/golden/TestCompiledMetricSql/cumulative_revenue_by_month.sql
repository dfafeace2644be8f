-- SELECT metric_time__month, MEASURE(revenue_running_total), MEASURE(revenue_trailing_3_months), MEASURE(revenue_fiscal_ytd) FROM metrics GROUP BY metric_time__month

-- Rewritten over the gold tables (Calcite SQL):
SELECT "metric_time__month" AS "metric_time__month", "revenue_running_total" AS "revenue_running_total", "revenue_trailing_3_months" AS "revenue_trailing_3_months", "revenue_fiscal_ytd" AS "revenue_fiscal_ytd"
FROM (WITH "wide_1" AS (SELECT CAST(FLOOR(CAST("t0"."order_date" AS DATE) TO MONTH) AS DATE) AS "metric_time__month", CAST("t0"."order_date" AS DATE) AS "__time", "t0"."amount" AS "__value" FROM "gold"."fact_order" AS "t0"),
  "periods_1" AS (SELECT * FROM (SELECT DISTINCT CAST(FLOOR("s"."date" TO MONTH) AS DATE) AS "metric_time__month" FROM "gold"."dim_date" AS "s" WHERE "s"."date" >= (SELECT MIN("__time") FROM "wide_1") AND "s"."date" <= (SELECT MAX("__time") FROM "wide_1")) AS "spine"),
  "leaf_1" AS (SELECT "p"."metric_time__month", SUM("w"."__value") AS "__value" FROM "periods_1" AS "p" JOIN (SELECT * FROM "wide_1") AS "w" ON "w"."__time" < CAST("p"."metric_time__month" + INTERVAL '1' MONTH AS DATE) GROUP BY "p"."metric_time__month"),
  "wide_2" AS (SELECT CAST(FLOOR(CAST("t0"."order_date" AS DATE) TO MONTH) AS DATE) AS "metric_time__month", CAST("t0"."order_date" AS DATE) AS "__time", "t0"."amount" AS "__value" FROM "gold"."fact_order" AS "t0"),
  "periods_2" AS (SELECT * FROM (SELECT DISTINCT CAST(FLOOR("s"."date" TO MONTH) AS DATE) AS "metric_time__month" FROM "gold"."dim_date" AS "s" WHERE "s"."date" >= (SELECT MIN("__time") FROM "wide_2") AND "s"."date" <= (SELECT MAX("__time") FROM "wide_2")) AS "spine"),
  "leaf_2" AS (SELECT "p"."metric_time__month", SUM("w"."__value") AS "__value" FROM "periods_2" AS "p" JOIN (SELECT * FROM "wide_2") AS "w" ON "w"."__time" < CAST("p"."metric_time__month" + INTERVAL '1' MONTH AS DATE) AND "w"."__time" >= CAST(CAST("p"."metric_time__month" + INTERVAL '1' MONTH AS DATE) - INTERVAL '3' MONTH AS DATE) GROUP BY "p"."metric_time__month"),
  "wide_3" AS (SELECT CAST(FLOOR(CAST("t0"."order_date" AS DATE) TO MONTH) AS DATE) AS "metric_time__month", CAST("t0"."order_date" AS DATE) AS "__time", "t0"."amount" AS "__value" FROM "gold"."fact_order" AS "t0"),
  "periods_3" AS (SELECT * FROM (SELECT DISTINCT CAST(FLOOR("s"."date" TO MONTH) AS DATE) AS "metric_time__month" FROM "gold"."dim_date" AS "s" WHERE "s"."date" >= (SELECT MIN("__time") FROM "wide_3") AND "s"."date" <= (SELECT MAX("__time") FROM "wide_3")) AS "spine"),
  "leaf_3" AS (SELECT "p"."metric_time__month", SUM("w"."__value") AS "__value" FROM "periods_3" AS "p" JOIN (SELECT * FROM "wide_3") AS "w" ON "w"."__time" < CAST("p"."metric_time__month" + INTERVAL '1' MONTH AS DATE) AND "w"."__time" >= CAST(FLOOR("p"."metric_time__month" TO YEAR) AS DATE) GROUP BY "p"."metric_time__month"),
  "keys" AS (SELECT "metric_time__month" FROM "leaf_1" UNION SELECT "metric_time__month" FROM "leaf_2" UNION SELECT "metric_time__month" FROM "leaf_3")
SELECT "keys"."metric_time__month", "leaf_1"."__value" AS "revenue_running_total", "leaf_2"."__value" AS "revenue_trailing_3_months", "leaf_3"."__value" AS "revenue_fiscal_ytd"
FROM "keys" LEFT JOIN "leaf_1" ON "keys"."metric_time__month" IS NOT DISTINCT FROM "leaf_1"."metric_time__month" LEFT JOIN "leaf_2" ON "keys"."metric_time__month" IS NOT DISTINCT FROM "leaf_2"."metric_time__month" LEFT JOIN "leaf_3" ON "keys"."metric_time__month" IS NOT DISTINCT FROM "leaf_3"."metric_time__month") AS "metrics"

-- Sent to DuckDB:
SELECT "t36"."metric_time__month", "t47"."__value" AS "revenue_running_total", "t58"."__value" AS "revenue_trailing_3_months", "t69"."__value" AS "revenue_fiscal_ytd"
FROM (SELECT *
FROM (SELECT "t6"."metric_time__month"
FROM (SELECT CAST(DATE_TRUNC('month', "date") AS DATE) AS "metric_time__month"
FROM "gold"."dim_date"
WHERE "date" >= (SELECT MIN("order_date")
FROM "gold"."fact_order") AND "date" <= (SELECT MAX("order_date")
FROM "gold"."fact_order")
GROUP BY CAST(DATE_TRUNC('month', "date") AS DATE)) AS "t6"
INNER JOIN (SELECT CAST(DATE_TRUNC('month', "order_date") AS DATE) AS "metric_time__month", "order_date" AS "__time", "amount" AS "__value"
FROM "gold"."fact_order") AS "t7" ON "t7"."__time" < ("t6"."metric_time__month" + INTERVAL '1' MONTH)
GROUP BY "t6"."metric_time__month"
UNION
SELECT "t18"."metric_time__month"
FROM (SELECT CAST(DATE_TRUNC('month', "date") AS DATE) AS "metric_time__month"
FROM "gold"."dim_date"
WHERE "date" >= (SELECT MIN("order_date")
FROM "gold"."fact_order") AND "date" <= (SELECT MAX("order_date")
FROM "gold"."fact_order")
GROUP BY CAST(DATE_TRUNC('month', "date") AS DATE)) AS "t18"
INNER JOIN (SELECT CAST(DATE_TRUNC('month', "order_date") AS DATE) AS "metric_time__month", "order_date" AS "__time", "amount" AS "__value"
FROM "gold"."fact_order") AS "t19" ON "t19"."__time" < ("t18"."metric_time__month" + INTERVAL '1' MONTH) AND "t19"."__time" >= (("t18"."metric_time__month" + INTERVAL '1' MONTH) - INTERVAL '3' MONTH)
GROUP BY "t18"."metric_time__month")
UNION
SELECT "t31"."metric_time__month"
FROM (SELECT CAST(DATE_TRUNC('month', "date") AS DATE) AS "metric_time__month"
FROM "gold"."dim_date"
WHERE "date" >= (SELECT MIN("order_date")
FROM "gold"."fact_order") AND "date" <= (SELECT MAX("order_date")
FROM "gold"."fact_order")
GROUP BY CAST(DATE_TRUNC('month', "date") AS DATE)) AS "t31"
INNER JOIN (SELECT CAST(DATE_TRUNC('month', "order_date") AS DATE) AS "metric_time__month", "order_date" AS "__time", "amount" AS "__value"
FROM "gold"."fact_order") AS "t32" ON "t32"."__time" < ("t31"."metric_time__month" + INTERVAL '1' MONTH) AND "t32"."__time" >= CAST(DATE_TRUNC('year', "t31"."metric_time__month") AS DATE)
GROUP BY "t31"."metric_time__month") AS "t36"
LEFT JOIN (SELECT "t44"."metric_time__month", SUM("t45"."__value") AS "__value"
FROM (SELECT CAST(DATE_TRUNC('month', "date") AS DATE) AS "metric_time__month"
FROM "gold"."dim_date"
WHERE "date" >= (SELECT MIN("order_date")
FROM "gold"."fact_order") AND "date" <= (SELECT MAX("order_date")
FROM "gold"."fact_order")
GROUP BY CAST(DATE_TRUNC('month', "date") AS DATE)) AS "t44"
INNER JOIN (SELECT CAST(DATE_TRUNC('month', "order_date") AS DATE) AS "metric_time__month", "order_date" AS "__time", "amount" AS "__value"
FROM "gold"."fact_order") AS "t45" ON "t45"."__time" < ("t44"."metric_time__month" + INTERVAL '1' MONTH)
GROUP BY "t44"."metric_time__month") AS "t47" ON "t36"."metric_time__month" IS NOT DISTINCT FROM "t47"."metric_time__month"
LEFT JOIN (SELECT "t55"."metric_time__month", SUM("t56"."__value") AS "__value"
FROM (SELECT CAST(DATE_TRUNC('month', "date") AS DATE) AS "metric_time__month"
FROM "gold"."dim_date"
WHERE "date" >= (SELECT MIN("order_date")
FROM "gold"."fact_order") AND "date" <= (SELECT MAX("order_date")
FROM "gold"."fact_order")
GROUP BY CAST(DATE_TRUNC('month', "date") AS DATE)) AS "t55"
INNER JOIN (SELECT CAST(DATE_TRUNC('month', "order_date") AS DATE) AS "metric_time__month", "order_date" AS "__time", "amount" AS "__value"
FROM "gold"."fact_order") AS "t56" ON "t56"."__time" < ("t55"."metric_time__month" + INTERVAL '1' MONTH) AND "t56"."__time" >= (("t55"."metric_time__month" + INTERVAL '1' MONTH) - INTERVAL '3' MONTH)
GROUP BY "t55"."metric_time__month") AS "t58" ON "t36"."metric_time__month" IS NOT DISTINCT FROM "t58"."metric_time__month"
LEFT JOIN (SELECT "t66"."metric_time__month", SUM("t67"."__value") AS "__value"
FROM (SELECT CAST(DATE_TRUNC('month', "date") AS DATE) AS "metric_time__month"
FROM "gold"."dim_date"
WHERE "date" >= (SELECT MIN("order_date")
FROM "gold"."fact_order") AND "date" <= (SELECT MAX("order_date")
FROM "gold"."fact_order")
GROUP BY CAST(DATE_TRUNC('month', "date") AS DATE)) AS "t66"
INNER JOIN (SELECT CAST(DATE_TRUNC('month', "order_date") AS DATE) AS "metric_time__month", "order_date" AS "__time", "amount" AS "__value"
FROM "gold"."fact_order") AS "t67" ON "t67"."__time" < ("t66"."metric_time__month" + INTERVAL '1' MONTH) AND "t67"."__time" >= CAST(DATE_TRUNC('year', "t66"."metric_time__month") AS DATE)
GROUP BY "t66"."metric_time__month") AS "t69" ON "t36"."metric_time__month" IS NOT DISTINCT FROM "t69"."metric_time__month"
