-- SELECT region_name, MEASURE(revenue) FROM metrics GROUP BY region_name

-- Rewritten over the gold tables (Calcite SQL):
SELECT "region_name" AS "region_name", "revenue" AS "revenue"
FROM (WITH "wide_1" AS (SELECT "t2"."region_name" AS "region_name", CAST("t0"."order_date" AS DATE) AS "__time", "t0"."amount" AS "__value_1" FROM "gold"."fact_order" AS "t0" LEFT JOIN "gold"."dim_rep" AS "t1" ON "t0"."rep_id" = "t1"."rep_id" AND ("t1"."is_current") LEFT JOIN "gold"."dim_team" AS "t2" ON "t1"."team_id" = "t2"."team_id"),
  "leaf_1" AS (SELECT "region_name", SUM("__value_1") AS "__value_1" FROM "wide_1" GROUP BY "region_name")
SELECT "leaf_1"."region_name", "leaf_1"."__value_1" AS "revenue"
FROM "leaf_1") AS "metrics"

-- Sent to DuckDB:
SELECT "dim_team"."region_name", SUM("fact_order"."amount") AS "revenue"
FROM "gold"."fact_order"
LEFT JOIN "gold"."dim_rep" ON "fact_order"."rep_id" = "dim_rep"."rep_id" AND "dim_rep"."is_current"
LEFT JOIN "gold"."dim_team" ON "dim_rep"."team_id" = "dim_team"."team_id"
GROUP BY "dim_team"."region_name"
