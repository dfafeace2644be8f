-- mart_data_health_metric: one row per data-health metric and subject, as numerator over
-- denominator (value = the rate), except the mean lead health score (value = the mean).
--   customer_id_duplicate_rate (subject crm, erp, all): records of a source system that are a
--     second or later record of a unified customer already known in that system, over the
--     system's records in the customer crosswalk (records - distinct unified customers, over
--     records). Chat contacts are left out: several contacts of one company are normal.
--   field_completeness (subject <table>.<column>, a source system, or all): rows whose field is
--     neither null nor blank, over rows; a system's (and all) figure is filled cells over cells of
--     the listed fields.
--   lead_health_score_band (subject the band): leads in the band over all leads
--     (mart_lead_health_score); lead_health_score_mean: the mean score over all leads.
--   stage_update_on_time_rate (subject last_12_months, all_history): stage changes made at most
--     ${stage_update_due_days} days after the deal entered the stage it left, over stage changes
--     (the creation row of a deal is not a change); last_12_months are changes dated after the
--     as-of date less 12 months, up to the as-of date.
--   open_stage_overdue_rate (subject as_of): open deals whose current stage was entered more than
--     ${stage_update_due_days} days before the as-of date, over open deals: the updates now late.
WITH crosswalk AS (
  SELECT source, count(*) AS records, count(DISTINCT unified_customer_id) AS customers
  FROM silver_customer_crosswalk
  WHERE source IN ('crm', 'erp')
  GROUP BY source
),
duplicates AS (
  SELECT 'customer_id_duplicate_rate' AS metric, source AS subject, source AS source_system,
         records - customers AS numerator, records AS denominator,
         CAST(NULL AS DOUBLE) AS value
  FROM crosswalk
  UNION ALL
  SELECT 'customer_id_duplicate_rate', 'all', 'all', coalesce(sum(records - customers), 0),
         coalesce(sum(records), 0), CAST(NULL AS DOUBLE)
  FROM crosswalk
),
fields AS (
${field_completeness}
),
completeness AS (
  SELECT 'field_completeness' AS metric, subject, source_system, numerator, denominator,
         CAST(NULL AS DOUBLE) AS value
  FROM fields
  UNION ALL
  SELECT 'field_completeness', source_system, source_system, sum(numerator), sum(denominator),
         CAST(NULL AS DOUBLE)
  FROM fields
  GROUP BY source_system
  UNION ALL
  SELECT 'field_completeness', 'all', 'all', sum(numerator), sum(denominator), CAST(NULL AS DOUBLE)
  FROM fields
),
bands AS (
  SELECT * FROM VALUES ('0-19'), ('20-39'), ('40-59'), ('60-79'), ('80-100') AS b(score_band)
),
lead_total AS (
  SELECT count(*) AS leads, avg(score) AS mean_score FROM gold_mart_lead_health_score
),
lead_health AS (
  SELECT 'lead_health_score_band' AS metric, b.score_band AS subject, 'crm' AS source_system,
         count(s.lead_id) AS numerator, max(t.leads) AS denominator, CAST(NULL AS DOUBLE) AS value
  FROM bands b
  CROSS JOIN lead_total t
  LEFT JOIN gold_mart_lead_health_score s ON s.score_band = b.score_band
  GROUP BY b.score_band
  UNION ALL
  SELECT 'lead_health_score_mean', 'all', 'crm', CAST(NULL AS BIGINT), leads,
         CAST(mean_score AS DOUBLE)
  FROM lead_total
),
stage_updates AS (
  SELECT 'stage_update_on_time_rate' AS metric, 'last_12_months' AS subject, 'crm' AS source_system,
         count_if(is_on_time) AS numerator, count_if(NOT is_creation) AS denominator,
         CAST(NULL AS DOUBLE) AS value
  FROM gold_fact_opportunity_stage_transition
  WHERE to_date(changed_at) > add_months(${as_of}, -12) AND to_date(changed_at) <= ${as_of}
  UNION ALL
  SELECT 'stage_update_on_time_rate', 'all_history', 'crm', count_if(is_on_time),
         count_if(NOT is_creation), CAST(NULL AS DOUBLE)
  FROM gold_fact_opportunity_stage_transition
  UNION ALL
  SELECT 'open_stage_overdue_rate', 'as_of', 'crm',
         count_if(days_in_stage_as_of > ${stage_update_due_days}), count(*), CAST(NULL AS DOUBLE)
  FROM gold_mart_funnel_stage_deal
  WHERE still_in_stage
),
metrics AS (
  SELECT * FROM duplicates
  UNION ALL SELECT * FROM completeness
  UNION ALL SELECT * FROM lead_health
  UNION ALL SELECT * FROM stage_updates
)
SELECT metric,
       subject,
       source_system,
       CAST(numerator AS BIGINT) AS numerator,
       CAST(denominator AS BIGINT) AS denominator,
       coalesce(value, CAST(try_divide(numerator, denominator) AS DOUBLE)) AS value,
       ${as_of} AS as_of_date
FROM metrics
