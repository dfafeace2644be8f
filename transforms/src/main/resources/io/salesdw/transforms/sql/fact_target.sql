-- fact_target: one row per target owner (rep, team or region) and month.
SELECT target_level,
       target_owner_id,
       cast(date_format(month, 'yyyyMM') AS int) AS month_key,
       month,
       target_amount
FROM silver_crm_targets
