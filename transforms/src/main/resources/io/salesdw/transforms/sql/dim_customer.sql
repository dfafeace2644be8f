-- dim_customer: one row per unified customer (the identity matched across CRM, ERP and chat).
-- Name, industry and region come from the earliest CRM account of the customer, else its ERP
-- record, else its chat profile.
WITH crm AS (
  SELECT x.unified_customer_id, a.account_name, a.industry, a.region_name, a.city,
         to_date(a.created_at) AS first_seen
  FROM silver_customer_crosswalk x
  JOIN silver_crm_accounts a ON x.source = 'crm' AND a.account_id = x.record_id
),
erp AS (
  SELECT x.unified_customer_id, c.customer_name, c.region_name, c.created_date AS first_seen
  FROM silver_customer_crosswalk x
  JOIN silver_erp_customers c ON x.source = 'erp' AND c.customer_code = x.record_id
),
members AS (
  SELECT unified_customer_id,
         count_if(source = 'crm') AS crm_accounts,
         count_if(source = 'erp') AS erp_customers,
         count_if(source = 'chat') AS chat_contacts,
         min(record_name) AS any_name
  FROM silver_customer_crosswalk
  GROUP BY unified_customer_id
),
crm_best AS (
  SELECT unified_customer_id,
         min_by(account_name, first_seen) AS name,
         min_by(industry, CASE WHEN industry IS NULL THEN DATE'9999-12-31' ELSE first_seen END)
           AS industry,
         min_by(region_name, first_seen) AS region_name,
         min_by(city, first_seen) AS city,
         min(first_seen) AS first_seen
  FROM crm GROUP BY unified_customer_id
),
erp_best AS (
  SELECT unified_customer_id, min_by(customer_name, first_seen) AS name,
         min_by(region_name, first_seen) AS region_name, min(first_seen) AS first_seen
  FROM erp GROUP BY unified_customer_id
)
SELECT m.unified_customer_id,
       coalesce(c.name, e.name, m.any_name) AS customer_name,
       c.industry,
       coalesce(c.region_name, e.region_name) AS region_name,
       c.city,
       least(c.first_seen, e.first_seen) AS first_seen_date,
       m.crm_accounts, m.erp_customers, m.chat_contacts
FROM members m
LEFT JOIN crm_best c ON c.unified_customer_id = m.unified_customer_id
LEFT JOIN erp_best e ON e.unified_customer_id = m.unified_customer_id
