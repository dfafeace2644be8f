-- SELECT region_name, MEASURE(target_attainment) FROM metrics GROUP BY region_name HAVING MEASURE(target) > 0

-- Rewritten over the gold tables (Calcite SQL):
SELECT "region_name" AS "region_name", "target_attainment" AS "target_attainment"
FROM (WITH "wide_1" AS (SELECT "t2"."region_name" AS "region_name", CAST(CAST(SUBSTRING(CAST("t0"."month_key" AS VARCHAR), 1, 4) || '-' || SUBSTRING(CAST("t0"."month_key" AS VARCHAR), 5, 2) || '-01' AS DATE) AS DATE) AS "__time", "t0"."won_amount" AS "__value_1", "t0"."target_amount" AS "__value_2" FROM "gold"."mart_target_attainment" AS "t0" LEFT JOIN "gold"."dim_rep" AS "t1" ON "t0"."owner_id" = "t1"."rep_id" AND ("t1"."is_current") LEFT JOIN "gold"."dim_team" AS "t2" ON "t1"."team_id" = "t2"."team_id" WHERE ("t0"."target_level" = 'rep')),
  "leaf_1" AS (SELECT "region_name", SUM("__value_1") AS "__value_1", SUM("__value_2") AS "__value_2" FROM "wide_1" GROUP BY "region_name")
SELECT "leaf_1"."region_name", CAST("leaf_1"."__value_1" AS DOUBLE) / NULLIF(CAST("leaf_1"."__value_2" AS DOUBLE), 0) AS "target_attainment", "leaf_1"."__value_2" AS "target"
FROM "leaf_1") AS "metrics"
WHERE "target" > 0

-- Sent to DuckDB:
SELECT "region_name", "target_attainment"
FROM (SELECT "dim_team"."region_name", CAST(SUM("mart_target_attainment"."won_amount") AS DOUBLE) / CASE WHEN CAST(SUM("mart_target_attainment"."target_amount") AS DOUBLE) = 0E0 THEN NULL ELSE CAST(SUM("mart_target_attainment"."target_amount") AS DOUBLE) END AS "target_attainment", SUM("mart_target_attainment"."target_amount") AS "target"
FROM "gold"."mart_target_attainment"
LEFT JOIN "gold"."dim_rep" ON "mart_target_attainment"."owner_id" = "dim_rep"."rep_id" AND "dim_rep"."is_current"
LEFT JOIN "gold"."dim_team" ON "dim_rep"."team_id" = "dim_team"."team_id"
WHERE "mart_target_attainment"."target_level" = 'rep'
GROUP BY "dim_team"."region_name") AS "t2"
WHERE "t2"."target" > 0.00
