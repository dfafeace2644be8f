-- mart_lead_funnel: one row per lead cohort (the month the lead was created) and channel: leads,
-- and how many of them became MQLs, SQLs, opportunities and won deals, with the conversion rate
-- of each step and the median days each step took.
-- MQL: the lead has mql_at. SQL: it has sql_at or an opportunity. Sales-sourced channels (hotline,
-- referral, trade show) and some other leads go to SQL without an MQL, so MQL to SQL is measured
-- on the MQLs only (MQLs that reached SQL, over MQLs) and the SQLs without an MQL are counted
-- apart (direct_sqls). Opportunity: the lead converted (opportunity_id); won: that deal was won.
-- Recent cohorts are immature: their later steps keep growing.
WITH leads AS (
  SELECT month_key,
         channel_id,
         created_at,
         mql_at,
         sql_at,
         opportunity_created_at,
         won_at IS NOT NULL AS won,
         opportunity_id IS NOT NULL OR won_at IS NOT NULL AS opportunity,
         sql_at IS NOT NULL OR opportunity_id IS NOT NULL OR won_at IS NOT NULL AS reached_sql,
         mql_at IS NOT NULL AS reached_mql
  FROM gold_fact_lead_lifecycle
),
counted AS (
  SELECT month_key,
         channel_id,
         count(*) AS leads,
         count_if(reached_mql) AS mqls,
         count_if(reached_sql) AS sqls,
         count_if(reached_mql AND reached_sql) AS mqls_to_sql,
         count_if(reached_sql AND NOT reached_mql) AS direct_sqls,
         count_if(opportunity) AS opportunities,
         count_if(won) AS won,
         percentile((unix_timestamp(mql_at) - unix_timestamp(created_at)) / 86400.0, 0.5)
           AS median_days_lead_to_mql,
         percentile((unix_timestamp(sql_at) - unix_timestamp(mql_at)) / 86400.0, 0.5)
           AS median_days_mql_to_sql,
         percentile(
             (unix_timestamp(opportunity_created_at) - unix_timestamp(sql_at)) / 86400.0, 0.5)
           AS median_days_sql_to_opportunity
  FROM leads
  GROUP BY month_key, channel_id
)
SELECT month_key,
       channel_id,
       leads,
       mqls,
       sqls,
       mqls_to_sql,
       direct_sqls,
       opportunities,
       won,
       cast(try_divide(mqls, leads) AS DOUBLE) AS lead_to_mql_rate,
       cast(try_divide(mqls_to_sql, mqls) AS DOUBLE) AS mql_to_sql_rate,
       cast(try_divide(opportunities, sqls) AS DOUBLE) AS sql_to_opportunity_rate,
       cast(try_divide(won, opportunities) AS DOUBLE) AS opportunity_to_won_rate,
       cast(try_divide(won, leads) AS DOUBLE) AS lead_to_won_rate,
       cast(median_days_lead_to_mql AS DOUBLE) AS median_days_lead_to_mql,
       cast(median_days_mql_to_sql AS DOUBLE) AS median_days_mql_to_sql,
       cast(median_days_sql_to_opportunity AS DOUBLE) AS median_days_sql_to_opportunity
FROM counted
