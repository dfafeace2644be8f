-- dim_team: one row per team, with its region (the team/region hierarchy) and current manager.
SELECT t.team_id, t.team_name, t.region_id, g.region_name, t.manager_rep_id,
       m.rep_name AS manager_name
FROM silver_crm_teams t
LEFT JOIN silver_crm_regions g ON g.region_id = t.region_id
LEFT JOIN silver_crm_reps m ON m.rep_id = t.manager_rep_id
