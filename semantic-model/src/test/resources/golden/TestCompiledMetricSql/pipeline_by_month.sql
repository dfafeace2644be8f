-- SELECT metric_time__month, MEASURE(pipeline) FROM metrics GROUP BY metric_time__month

-- Rewritten over the gold tables (Calcite SQL):
SELECT "metric_time__month" AS "metric_time__month", "pipeline" AS "pipeline"
FROM (WITH "wide_1" AS (SELECT CAST(FLOOR(CAST("t0"."week_start" AS DATE) TO MONTH) AS DATE) AS "metric_time__month", CAST("t0"."week_start" AS DATE) AS "__time", "t0"."forecast_amount" AS "__value", CAST("t0"."week_start" AS DATE) AS "__snapshot" FROM "gold"."fact_forecast_snapshot" AS "t0"),
  "snapshots_1" AS (SELECT "metric_time__month", "__value", "__snapshot", MAX("__snapshot") OVER (PARTITION BY "metric_time__month") AS "__period_end" FROM "wide_1"),
  "leaf_1" AS (SELECT "metric_time__month", SUM("__value") AS "__value" FROM "snapshots_1" WHERE "__snapshot" = "__period_end" GROUP BY "metric_time__month")
SELECT "leaf_1"."metric_time__month", "leaf_1"."__value" AS "pipeline"
FROM "leaf_1") AS "metrics"

-- Sent to DuckDB:
SELECT "metric_time__month", SUM("__value") AS "pipeline"
FROM (SELECT CAST(DATE_TRUNC('month', "week_start") AS DATE) AS "metric_time__month", "forecast_amount" AS "__value", "week_start" AS "__snapshot", MAX("week_start") OVER (PARTITION BY CAST(DATE_TRUNC('month', "week_start") AS DATE) RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "__period_end"
FROM "gold"."fact_forecast_snapshot") AS "t"
WHERE "__snapshot" = "__period_end"
GROUP BY "metric_time__month"
