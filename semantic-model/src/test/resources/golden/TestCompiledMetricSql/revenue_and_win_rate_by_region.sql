-- SELECT region_name, MEASURE(revenue), MEASURE(win_rate) FROM metrics GROUP BY region_name ORDER BY MEASURE(revenue) DESC

-- Rewritten over the gold tables (Calcite SQL):
SELECT "region_name" AS "region_name", "revenue" AS "revenue", "win_rate" AS "win_rate"
FROM (WITH "wide_1" AS (SELECT "t2"."region_name" AS "region_name", CAST("t0"."order_date" AS DATE) AS "__time", "t0"."amount" AS "__value_1" FROM "gold"."fact_order" AS "t0" LEFT JOIN "gold"."dim_rep" AS "t1" ON "t0"."rep_id" = "t1"."rep_id" AND ("t1"."is_current") LEFT JOIN "gold"."dim_team" AS "t2" ON "t1"."team_id" = "t2"."team_id"),
  "leaf_1" AS (SELECT "region_name", SUM("__value_1") AS "__value_1" FROM "wide_1" GROUP BY "region_name"),
  "wide_2" AS (SELECT "t1"."region_name" AS "region_name", CAST(CAST("t0"."changed_at" AS DATE) AS DATE) AS "__time", "t0"."is_win" AS "__value_1", "t0"."is_win" OR "t0"."is_loss" AS "__value_2" FROM "gold"."fact_opportunity_stage_transition" AS "t0" LEFT JOIN "gold"."dim_team" AS "t1" ON "t0"."team_id" = "t1"."team_id"),
  "leaf_2" AS (SELECT "region_name", SUM(CASE WHEN "__value_1" THEN 1 ELSE 0 END) AS "__value_1", SUM(CASE WHEN "__value_2" THEN 1 ELSE 0 END) AS "__value_2" FROM "wide_2" GROUP BY "region_name"),
  "keys" AS (SELECT "region_name" FROM "leaf_1" UNION SELECT "region_name" FROM "leaf_2")
SELECT "keys"."region_name", "leaf_1"."__value_1" AS "revenue", CAST("leaf_2"."__value_1" AS DOUBLE) / NULLIF(CAST("leaf_2"."__value_2" AS DOUBLE), 0) AS "win_rate"
FROM "keys" LEFT JOIN "leaf_1" ON "keys"."region_name" IS NOT DISTINCT FROM "leaf_1"."region_name" LEFT JOIN "leaf_2" ON "keys"."region_name" IS NOT DISTINCT FROM "leaf_2"."region_name") AS "metrics"
ORDER BY "revenue" DESC

-- Sent to DuckDB:
SELECT "t5"."region_name", "t7"."__value_1" AS "revenue", CAST("t9"."__value_1" AS DOUBLE) / CASE WHEN CAST("t9"."__value_2" AS DOUBLE) = 0E0 THEN NULL ELSE CAST("t9"."__value_2" AS DOUBLE) END AS "win_rate"
FROM (SELECT "dim_team"."region_name"
FROM "gold"."fact_order"
LEFT JOIN "gold"."dim_rep" ON "fact_order"."rep_id" = "dim_rep"."rep_id" AND "dim_rep"."is_current"
LEFT JOIN "gold"."dim_team" ON "dim_rep"."team_id" = "dim_team"."team_id"
GROUP BY "dim_team"."region_name"
UNION
SELECT "dim_team0"."region_name"
FROM "gold"."fact_opportunity_stage_transition"
LEFT JOIN "gold"."dim_team" AS "dim_team0" ON "fact_opportunity_stage_transition"."team_id" = "dim_team0"."team_id"
GROUP BY "dim_team0"."region_name") AS "t5"
LEFT JOIN (SELECT "dim_team1"."region_name", SUM("fact_order0"."amount") AS "__value_1"
FROM "gold"."fact_order" AS "fact_order0"
LEFT JOIN "gold"."dim_rep" AS "dim_rep0" ON "fact_order0"."rep_id" = "dim_rep0"."rep_id" AND "dim_rep0"."is_current"
LEFT JOIN "gold"."dim_team" AS "dim_team1" ON "dim_rep0"."team_id" = "dim_team1"."team_id"
GROUP BY "dim_team1"."region_name") AS "t7" ON "t5"."region_name" IS NOT DISTINCT FROM "t7"."region_name"
LEFT JOIN (SELECT "dim_team2"."region_name", SUM(CASE WHEN "fact_opportunity_stage_transition0"."is_win" THEN 1 ELSE 0 END) AS "__value_1", SUM(CASE WHEN "fact_opportunity_stage_transition0"."is_win" OR "fact_opportunity_stage_transition0"."is_loss" THEN 1 ELSE 0 END) AS "__value_2"
FROM "gold"."fact_opportunity_stage_transition" AS "fact_opportunity_stage_transition0"
LEFT JOIN "gold"."dim_team" AS "dim_team2" ON "fact_opportunity_stage_transition0"."team_id" = "dim_team2"."team_id"
GROUP BY "dim_team2"."region_name") AS "t9" ON "t5"."region_name" IS NOT DISTINCT FROM "t9"."region_name"
ORDER BY "t7"."__value_1" DESC NULLS FIRST
