-- SELECT region_name, MEASURE(revenue), MEASURE(win_rate) FROM metrics GROUP BY region_name ORDER BY MEASURE(revenue) DESC

-- Rewritten over the gold tables (Calcite SQL):
SELECT "region_name" AS "region_name", "revenue" AS "revenue", "win_rate" AS "win_rate"
FROM (WITH "wide_1" AS (SELECT "t2"."region_name" AS "region_name", CAST("t0"."order_date" AS DATE) AS "__time", "t0"."amount" AS "__value" FROM "gold"."fact_order" AS "t0" LEFT JOIN "gold"."dim_rep" AS "t1" ON "t0"."rep_id" = "t1"."rep_id" AND ("t1"."is_current") LEFT JOIN "gold"."dim_team" AS "t2" ON "t1"."team_id" = "t2"."team_id"),
  "leaf_1" AS (SELECT "region_name", SUM("__value") AS "__value" FROM "wide_1" GROUP BY "region_name"),
  "wide_2" AS (SELECT "t1"."region_name" AS "region_name", CAST(CAST("t0"."changed_at" AS DATE) AS DATE) AS "__time", "t0"."is_win" AS "__value" FROM "gold"."fact_opportunity_stage_transition" AS "t0" LEFT JOIN "gold"."dim_team" AS "t1" ON "t0"."team_id" = "t1"."team_id"),
  "leaf_2" AS (SELECT "region_name", SUM(CASE WHEN "__value" THEN 1 ELSE 0 END) AS "__value" FROM "wide_2" GROUP BY "region_name"),
  "wide_3" AS (SELECT "t1"."region_name" AS "region_name", CAST(CAST("t0"."changed_at" AS DATE) AS DATE) AS "__time", "t0"."is_win" OR "t0"."is_loss" AS "__value" FROM "gold"."fact_opportunity_stage_transition" AS "t0" LEFT JOIN "gold"."dim_team" AS "t1" ON "t0"."team_id" = "t1"."team_id"),
  "leaf_3" AS (SELECT "region_name", SUM(CASE WHEN "__value" THEN 1 ELSE 0 END) AS "__value" FROM "wide_3" GROUP BY "region_name"),
  "keys" AS (SELECT "region_name" FROM "leaf_1" UNION SELECT "region_name" FROM "leaf_2" UNION SELECT "region_name" FROM "leaf_3")
SELECT "keys"."region_name", "leaf_1"."__value" AS "revenue", CAST("leaf_2"."__value" AS DOUBLE) / NULLIF(CAST("leaf_3"."__value" AS DOUBLE), 0) AS "win_rate"
FROM "keys" LEFT JOIN "leaf_1" ON "keys"."region_name" IS NOT DISTINCT FROM "leaf_1"."region_name" LEFT JOIN "leaf_2" ON "keys"."region_name" IS NOT DISTINCT FROM "leaf_2"."region_name" LEFT JOIN "leaf_3" ON "keys"."region_name" IS NOT DISTINCT FROM "leaf_3"."region_name") AS "metrics"
ORDER BY "revenue" DESC

-- Sent to DuckDB:
SELECT "t9"."region_name", "t11"."__value" AS "revenue", CAST("t13"."__value" AS DOUBLE) / CASE WHEN CAST("t15"."__value" AS DOUBLE) = 0E0 THEN NULL ELSE CAST("t15"."__value" AS DOUBLE) END AS "win_rate"
FROM (SELECT *
FROM (SELECT "dim_team"."region_name"
FROM "gold"."fact_order"
LEFT JOIN "gold"."dim_rep" ON "fact_order"."rep_id" = "dim_rep"."rep_id" AND "dim_rep"."is_current"
LEFT JOIN "gold"."dim_team" ON "dim_rep"."team_id" = "dim_team"."team_id"
GROUP BY "dim_team"."region_name"
UNION
SELECT "dim_team0"."region_name"
FROM "gold"."fact_opportunity_stage_transition"
LEFT JOIN "gold"."dim_team" AS "dim_team0" ON "fact_opportunity_stage_transition"."team_id" = "dim_team0"."team_id"
GROUP BY "dim_team0"."region_name")
UNION
SELECT "dim_team1"."region_name"
FROM "gold"."fact_opportunity_stage_transition" AS "fact_opportunity_stage_transition0"
LEFT JOIN "gold"."dim_team" AS "dim_team1" ON "fact_opportunity_stage_transition0"."team_id" = "dim_team1"."team_id"
GROUP BY "dim_team1"."region_name") AS "t9"
LEFT JOIN (SELECT "dim_team2"."region_name", SUM("fact_order0"."amount") AS "__value"
FROM "gold"."fact_order" AS "fact_order0"
LEFT JOIN "gold"."dim_rep" AS "dim_rep0" ON "fact_order0"."rep_id" = "dim_rep0"."rep_id" AND "dim_rep0"."is_current"
LEFT JOIN "gold"."dim_team" AS "dim_team2" ON "dim_rep0"."team_id" = "dim_team2"."team_id"
GROUP BY "dim_team2"."region_name") AS "t11" ON "t9"."region_name" IS NOT DISTINCT FROM "t11"."region_name"
LEFT JOIN (SELECT "dim_team3"."region_name", SUM(CASE WHEN "fact_opportunity_stage_transition1"."is_win" THEN 1 ELSE 0 END) AS "__value"
FROM "gold"."fact_opportunity_stage_transition" AS "fact_opportunity_stage_transition1"
LEFT JOIN "gold"."dim_team" AS "dim_team3" ON "fact_opportunity_stage_transition1"."team_id" = "dim_team3"."team_id"
GROUP BY "dim_team3"."region_name") AS "t13" ON "t9"."region_name" IS NOT DISTINCT FROM "t13"."region_name"
LEFT JOIN (SELECT "dim_team4"."region_name", SUM(CASE WHEN "fact_opportunity_stage_transition2"."is_win" OR "fact_opportunity_stage_transition2"."is_loss" THEN 1 ELSE 0 END) AS "__value"
FROM "gold"."fact_opportunity_stage_transition" AS "fact_opportunity_stage_transition2"
LEFT JOIN "gold"."dim_team" AS "dim_team4" ON "fact_opportunity_stage_transition2"."team_id" = "dim_team4"."team_id"
GROUP BY "dim_team4"."region_name") AS "t15" ON "t9"."region_name" IS NOT DISTINCT FROM "t15"."region_name"
ORDER BY "t11"."__value" DESC NULLS FIRST
