-- dim_rep: one row per rep and version of their team, level, manager and employment (type 2).
-- Versions come from every rep image the lake has seen: the CRM change feed (bronze, every image
-- ever delivered) and the current export (silver). The first known version is taken to hold since
-- the rep was hired: the feed carries after-images only, so a team before the first recorded
-- change is not known.
WITH images AS (
  SELECT key AS rep_id, changed_at AS seen_at, from_json(data, 'map<string,string>') AS d
  FROM bronze_crm_changes
  WHERE entity = 'rep' AND op = 'upsert' AND data IS NOT NULL
),
observed AS (
  SELECT rep_id, seen_at, d['rep_name'] AS rep_name, d['level'] AS level, d['team_id'] AS team_id,
         d['manager_rep_id'] AS manager_rep_id, to_date(d['hire_date']) AS hire_date,
         to_date(d['leave_date']) AS leave_date
  FROM images
  UNION ALL
  SELECT rep_id, updated_at, rep_name, level, team_id, manager_rep_id, hire_date, leave_date
  FROM silver_crm_reps
),
ordered AS (
  SELECT *,
         lag(concat_ws('|', level, team_id, manager_rep_id, cast(leave_date AS string)))
           OVER (PARTITION BY rep_id ORDER BY seen_at) AS previous_state
  FROM (SELECT DISTINCT * FROM observed)
),
versions AS (
  SELECT * FROM ordered
  WHERE previous_state IS NULL
     OR previous_state <> concat_ws('|', level, team_id, manager_rep_id, cast(leave_date AS string))
),
ranged AS (
  SELECT *,
         row_number() OVER (PARTITION BY rep_id ORDER BY seen_at) AS rep_version,
         lead(seen_at) OVER (PARTITION BY rep_id ORDER BY seen_at) AS next_seen_at,
         max_by(rep_name, seen_at) OVER (PARTITION BY rep_id) AS current_name
  FROM versions
)
SELECT concat(r.rep_id, '#', r.rep_version) AS rep_key,
       r.rep_id,
       r.rep_version,
       r.current_name AS rep_name,
       r.level,
       r.level = 'M1' AS is_manager,
       r.team_id,
       t.team_name,
       t.region_id,
       g.region_name,
       r.manager_rep_id,
       r.hire_date,
       r.leave_date,
       CASE WHEN r.rep_version = 1 THEN TIMESTAMP'1900-01-01 00:00:00' ELSE r.seen_at END
         AS valid_from,
       coalesce(r.next_seen_at, TIMESTAMP'9999-12-31 00:00:00') AS valid_to,
       r.next_seen_at IS NULL AS is_current
FROM ranged r
LEFT JOIN silver_crm_teams t ON t.team_id = r.team_id
LEFT JOIN silver_crm_regions g ON g.region_id = t.region_id
