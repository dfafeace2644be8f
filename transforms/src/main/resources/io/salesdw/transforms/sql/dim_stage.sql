-- dim_stage: one row per opportunity stage, in funnel order (won and lost close the funnel).
SELECT * FROM VALUES
  ('initial_contact', 1, '初次接触', 'Initial contact', false, false),
  ('needs_confirmed', 2, '需求确认', 'Needs confirmed', false, false),
  ('solution_demo', 3, '方案演示', 'Solution demo', false, false),
  ('negotiation', 4, '报价谈判', 'Quote negotiation', false, false),
  ('contract_approval', 5, '合同审批', 'Contract approval', false, false),
  ('won', 6, '赢单', 'Won', true, true),
  ('lost', 7, '丢单', 'Lost', true, false)
  AS stages(stage, stage_order, stage_name_zh, stage_name_en, is_closed, is_won)
