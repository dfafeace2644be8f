-- dim_industry: one row per industry code of the data contracts.
SELECT * FROM VALUES
  ('tertiary_hospital', '三级医院', 'Tertiary hospital'),
  ('private_dental', '民营口腔', 'Private dental'),
  ('fmcg', '快消', 'FMCG'),
  ('saas', 'SaaS', 'SaaS'),
  ('manufacturing', '制造业', 'Manufacturing'),
  ('education', '教育', 'Education'),
  ('retail_chain', '零售连锁', 'Retail chain')
  AS industries(industry, industry_name_zh, industry_name_en)
