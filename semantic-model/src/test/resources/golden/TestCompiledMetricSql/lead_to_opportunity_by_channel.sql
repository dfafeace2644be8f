-- SELECT channel_name, MEASURE(lead_to_opportunity_30d) FROM metrics GROUP BY channel_name

-- Rewritten over the gold tables (Calcite SQL):
SELECT "channel_name" AS "channel_name", "lead_to_opportunity_30d" AS "lead_to_opportunity_30d"
FROM (WITH "wide_1" AS (SELECT "t1"."channel_name" AS "channel_name", CAST(CAST("t0"."created_at" AS DATE) AS DATE) AS "__time", ("t0"."lead_id") IS NOT NULL AS "__value", "t0"."lead_id" AS "__entity" FROM "gold"."fact_lead_lifecycle" AS "t0" LEFT JOIN "gold"."dim_channel" AS "t1" ON "t0"."channel_id" = "t1"."channel_id"),
  "base_events_1" AS (SELECT "channel_name", "__entity", "__time" FROM "wide_1" WHERE ("__value")),
  "conversions_1" AS (SELECT "t0"."lead_id" AS "__entity", CAST(CAST("t0"."opportunity_created_at" AS DATE) AS DATE) AS "__time" FROM "gold"."fact_lead_lifecycle" AS "t0" WHERE ("t0"."opportunity_id" IS NOT NULL) AND (("t0"."lead_id") IS NOT NULL)),
  "leaf_1" AS (SELECT "b"."channel_name", COUNT(*) AS "__value" FROM "base_events_1" AS "b" WHERE EXISTS (SELECT 1 FROM "conversions_1" AS "c" WHERE "c"."__entity" = "b"."__entity" AND "c"."__time" >= "b"."__time" AND "c"."__time" <= CAST("b"."__time" + INTERVAL '30' DAY AS DATE)) GROUP BY "b"."channel_name"),
  "wide_2" AS (SELECT "t1"."channel_name" AS "channel_name", CAST(CAST("t0"."created_at" AS DATE) AS DATE) AS "__time", ("t0"."lead_id") IS NOT NULL AS "__value", "t0"."lead_id" AS "__entity" FROM "gold"."fact_lead_lifecycle" AS "t0" LEFT JOIN "gold"."dim_channel" AS "t1" ON "t0"."channel_id" = "t1"."channel_id"),
  "base_events_2" AS (SELECT "channel_name", "__entity", "__time" FROM "wide_2" WHERE ("__value")),
  "leaf_2" AS (SELECT "channel_name", COUNT(*) AS "__value" FROM "base_events_2" GROUP BY "channel_name"),
  "keys" AS (SELECT "channel_name" FROM "leaf_1" UNION SELECT "channel_name" FROM "leaf_2")
SELECT "keys"."channel_name", CAST(COALESCE("leaf_1"."__value", 0) AS DOUBLE) / NULLIF(CAST("leaf_2"."__value" AS DOUBLE), 0) AS "lead_to_opportunity_30d"
FROM "keys" LEFT JOIN "leaf_1" ON "keys"."channel_name" IS NOT DISTINCT FROM "leaf_1"."channel_name" LEFT JOIN "leaf_2" ON "keys"."channel_name" IS NOT DISTINCT FROM "leaf_2"."channel_name") AS "metrics"

-- Sent to DuckDB:
SELECT "t14"."channel_name", CAST(CASE WHEN "t23"."__value" IS NOT NULL THEN CAST("t23"."__value" AS BIGINT) ELSE 0 END AS DOUBLE) / CASE WHEN CAST("t27"."__value" AS DOUBLE) = 0E0 THEN NULL ELSE CAST("t27"."__value" AS DOUBLE) END AS "lead_to_opportunity_30d"
FROM (SELECT "channel_name"
FROM (SELECT "channel_name", "__entity", "__time"
FROM (SELECT "dim_channel"."channel_name", CAST("fact_lead_lifecycle"."created_at" AS DATE) AS "__time", "fact_lead_lifecycle"."lead_id" IS NOT NULL AS "__value", "fact_lead_lifecycle"."lead_id" AS "__entity"
FROM "gold"."fact_lead_lifecycle"
LEFT JOIN "gold"."dim_channel" ON "fact_lead_lifecycle"."channel_id" = "dim_channel"."channel_id") AS "t"
WHERE "t"."__value") AS "t1"
WHERE EXISTS (SELECT *
FROM (SELECT "lead_id" AS "__entity", CAST("opportunity_created_at" AS DATE) AS "__time"
FROM "gold"."fact_lead_lifecycle"
WHERE "opportunity_id" IS NOT NULL AND "lead_id" IS NOT NULL) AS "t3"
WHERE "__entity" = "t1"."__entity" AND "__time" >= "t1"."__time" AND "__time" <= CAST(("t1"."__time" + INTERVAL '30' DAY) AS DATE))
GROUP BY "channel_name"
UNION
SELECT "channel_name"
FROM (SELECT "dim_channel0"."channel_name", CAST("fact_lead_lifecycle1"."created_at" AS DATE) AS "__time", "fact_lead_lifecycle1"."lead_id" IS NOT NULL AS "__value", "fact_lead_lifecycle1"."lead_id" AS "__entity"
FROM "gold"."fact_lead_lifecycle" AS "fact_lead_lifecycle1"
LEFT JOIN "gold"."dim_channel" AS "dim_channel0" ON "fact_lead_lifecycle1"."channel_id" = "dim_channel0"."channel_id") AS "t9"
WHERE "t9"."__value"
GROUP BY "channel_name") AS "t14"
LEFT JOIN (SELECT "channel_name", COUNT(*) AS "__value"
FROM (SELECT "channel_name", "__entity", "__time"
FROM (SELECT "dim_channel1"."channel_name", CAST("fact_lead_lifecycle2"."created_at" AS DATE) AS "__time", "fact_lead_lifecycle2"."lead_id" IS NOT NULL AS "__value", "fact_lead_lifecycle2"."lead_id" AS "__entity"
FROM "gold"."fact_lead_lifecycle" AS "fact_lead_lifecycle2"
LEFT JOIN "gold"."dim_channel" AS "dim_channel1" ON "fact_lead_lifecycle2"."channel_id" = "dim_channel1"."channel_id") AS "t15"
WHERE "t15"."__value") AS "t17"
WHERE EXISTS (SELECT *
FROM (SELECT "lead_id" AS "__entity", CAST("opportunity_created_at" AS DATE) AS "__time"
FROM "gold"."fact_lead_lifecycle"
WHERE "opportunity_id" IS NOT NULL AND "lead_id" IS NOT NULL) AS "t19"
WHERE "__entity" = "t17"."__entity" AND "__time" >= "t17"."__time" AND "__time" <= CAST(("t17"."__time" + INTERVAL '30' DAY) AS DATE))
GROUP BY "channel_name") AS "t23" ON "t14"."channel_name" IS NOT DISTINCT FROM "t23"."channel_name"
LEFT JOIN (SELECT "channel_name", COUNT(*) AS "__value"
FROM (SELECT "dim_channel2"."channel_name", CAST("fact_lead_lifecycle4"."created_at" AS DATE) AS "__time", "fact_lead_lifecycle4"."lead_id" IS NOT NULL AS "__value", "fact_lead_lifecycle4"."lead_id" AS "__entity"
FROM "gold"."fact_lead_lifecycle" AS "fact_lead_lifecycle4"
LEFT JOIN "gold"."dim_channel" AS "dim_channel2" ON "fact_lead_lifecycle4"."channel_id" = "dim_channel2"."channel_id") AS "t24"
WHERE "t24"."__value"
GROUP BY "channel_name") AS "t27" ON "t14"."channel_name" IS NOT DISTINCT FROM "t27"."channel_name"
