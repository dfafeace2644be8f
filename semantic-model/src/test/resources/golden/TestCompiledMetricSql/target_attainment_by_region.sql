-- SELECT region_name, MEASURE(target_attainment) FROM metrics GROUP BY region_name HAVING MEASURE(target) > 0

-- Rewritten over the gold tables (Calcite SQL):
SELECT "region_name" AS "region_name", "target_attainment" AS "target_attainment"
FROM (WITH "wide_1" AS (SELECT "t2"."region_name" AS "region_name", CAST(CAST(SUBSTRING(CAST("t0"."month_key" AS VARCHAR), 1, 4) || '-' || SUBSTRING(CAST("t0"."month_key" AS VARCHAR), 5, 2) || '-01' AS DATE) AS DATE) AS "__time", "t0"."won_amount" AS "__value" FROM "gold"."mart_target_attainment" AS "t0" LEFT JOIN "gold"."dim_rep" AS "t1" ON "t0"."owner_id" = "t1"."rep_id" AND ("t1"."is_current") LEFT JOIN "gold"."dim_team" AS "t2" ON "t1"."team_id" = "t2"."team_id" WHERE ("t0"."target_level" = 'rep')),
  "leaf_1" AS (SELECT "region_name", SUM("__value") AS "__value" FROM "wide_1" GROUP BY "region_name"),
  "wide_2" AS (SELECT "t2"."region_name" AS "region_name", CAST(CAST(SUBSTRING(CAST("t0"."month_key" AS VARCHAR), 1, 4) || '-' || SUBSTRING(CAST("t0"."month_key" AS VARCHAR), 5, 2) || '-01' AS DATE) AS DATE) AS "__time", "t0"."target_amount" AS "__value" FROM "gold"."mart_target_attainment" AS "t0" LEFT JOIN "gold"."dim_rep" AS "t1" ON "t0"."owner_id" = "t1"."rep_id" AND ("t1"."is_current") LEFT JOIN "gold"."dim_team" AS "t2" ON "t1"."team_id" = "t2"."team_id" WHERE ("t0"."target_level" = 'rep')),
  "leaf_2" AS (SELECT "region_name", SUM("__value") AS "__value" FROM "wide_2" GROUP BY "region_name"),
  "keys" AS (SELECT "region_name" FROM "leaf_1" UNION SELECT "region_name" FROM "leaf_2")
SELECT "keys"."region_name", CAST("leaf_1"."__value" AS DOUBLE) / NULLIF(CAST("leaf_2"."__value" AS DOUBLE), 0) AS "target_attainment", "leaf_2"."__value" AS "target"
FROM "keys" LEFT JOIN "leaf_1" ON "keys"."region_name" IS NOT DISTINCT FROM "leaf_1"."region_name" LEFT JOIN "leaf_2" ON "keys"."region_name" IS NOT DISTINCT FROM "leaf_2"."region_name") AS "metrics"
WHERE "target" > 0

-- Sent to DuckDB:
SELECT "region_name", "target_attainment"
FROM (SELECT "t7"."region_name", CAST("t10"."__value" AS DOUBLE) / CASE WHEN CAST("t13"."__value" AS DOUBLE) = 0E0 THEN NULL ELSE CAST("t13"."__value" AS DOUBLE) END AS "target_attainment", "t13"."__value" AS "target"
FROM (SELECT "dim_team"."region_name"
FROM "gold"."mart_target_attainment"
LEFT JOIN "gold"."dim_rep" ON "mart_target_attainment"."owner_id" = "dim_rep"."rep_id" AND "dim_rep"."is_current"
LEFT JOIN "gold"."dim_team" ON "dim_rep"."team_id" = "dim_team"."team_id"
WHERE "mart_target_attainment"."target_level" = 'rep'
GROUP BY "dim_team"."region_name"
UNION
SELECT "dim_team0"."region_name"
FROM "gold"."mart_target_attainment" AS "mart_target_attainment0"
LEFT JOIN "gold"."dim_rep" AS "dim_rep0" ON "mart_target_attainment0"."owner_id" = "dim_rep0"."rep_id" AND "dim_rep0"."is_current"
LEFT JOIN "gold"."dim_team" AS "dim_team0" ON "dim_rep0"."team_id" = "dim_team0"."team_id"
WHERE "mart_target_attainment0"."target_level" = 'rep'
GROUP BY "dim_team0"."region_name") AS "t7"
LEFT JOIN (SELECT "dim_team1"."region_name", SUM("mart_target_attainment1"."won_amount") AS "__value"
FROM "gold"."mart_target_attainment" AS "mart_target_attainment1"
LEFT JOIN "gold"."dim_rep" AS "dim_rep1" ON "mart_target_attainment1"."owner_id" = "dim_rep1"."rep_id" AND "dim_rep1"."is_current"
LEFT JOIN "gold"."dim_team" AS "dim_team1" ON "dim_rep1"."team_id" = "dim_team1"."team_id"
WHERE "mart_target_attainment1"."target_level" = 'rep'
GROUP BY "dim_team1"."region_name") AS "t10" ON "t7"."region_name" IS NOT DISTINCT FROM "t10"."region_name"
LEFT JOIN (SELECT "dim_team2"."region_name", SUM("mart_target_attainment2"."target_amount") AS "__value"
FROM "gold"."mart_target_attainment" AS "mart_target_attainment2"
LEFT JOIN "gold"."dim_rep" AS "dim_rep2" ON "mart_target_attainment2"."owner_id" = "dim_rep2"."rep_id" AND "dim_rep2"."is_current"
LEFT JOIN "gold"."dim_team" AS "dim_team2" ON "dim_rep2"."team_id" = "dim_team2"."team_id"
WHERE "mart_target_attainment2"."target_level" = 'rep'
GROUP BY "dim_team2"."region_name") AS "t13" ON "t7"."region_name" IS NOT DISTINCT FROM "t13"."region_name") AS "t14"
WHERE "t14"."target" > 0.00
