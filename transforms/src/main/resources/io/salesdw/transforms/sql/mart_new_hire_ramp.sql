-- mart_new_hire_ramp: one row per rep (current dim_rep version). A new hire is a rep hired on or
-- after the first day the lake has CRM data for (first activity or opportunity), so their whole
-- ramp is observable. Won deals are CRM opportunities with status won, credited to their owner,
-- dated by closed_at (business date), valued at their amount. The ramp window is the first three
-- months after the hire date [hire_date, hire_date + 3 months); veterans are reps with at least 12
-- months' tenure on the deal's close date (or no hire date: in post before the CRM knew them).
WITH data_start AS (
  SELECT least((SELECT min(to_date(started_at)) FROM gold_fact_activity),
               (SELECT min(to_date(created_at)) FROM silver_crm_opportunities)) AS first_day
),
reps AS (
  SELECT r.*, add_months(r.hire_date, 3) AS ramp_end, d.first_day
  FROM gold_dim_rep r CROSS JOIN data_start d
  WHERE r.is_current
),
won AS (
  SELECT o.opportunity_id, o.owner_rep_id, o.amount, to_date(o.closed_at) AS won_date,
         r.hire_date AS owner_hire_date
  FROM silver_crm_opportunities o
  LEFT JOIN reps r ON r.rep_id = o.owner_rep_id
  WHERE o.status = 'won' AND o.closed_at IS NOT NULL AND to_date(o.closed_at) <= ${as_of}
),
first_win AS (
  -- Deals won before the hire date (an inherited account's history) do not count.
  SELECT owner_rep_id AS rep_id, min(won_date) AS first_won_date
  FROM won
  WHERE owner_hire_date IS NULL OR won_date >= owner_hire_date
  GROUP BY owner_rep_id
),
ramp AS (
  SELECT r.rep_id,
         count(w.opportunity_id) AS ramp_won_deals,
         avg(w.amount) AS ramp_avg_won_amount
  FROM reps r
  LEFT JOIN won w
    ON w.owner_rep_id = r.rep_id AND w.won_date >= r.hire_date AND w.won_date < r.ramp_end
  GROUP BY r.rep_id
),
veteran_benchmark AS (
  SELECT r.rep_id, avg(w.amount) AS veteran_avg_won_amount, count(w.opportunity_id) AS veteran_won_deals
  FROM reps r
  JOIN won w
    ON w.won_date >= r.hire_date AND w.won_date < r.ramp_end
   AND w.owner_rep_id <> r.rep_id
   AND (w.owner_hire_date IS NULL OR w.won_date >= add_months(w.owner_hire_date, 12))
  GROUP BY r.rep_id
)
SELECT r.rep_id,
       r.rep_key,
       r.rep_name,
       r.level AS rep_level,
       r.team_id,
       r.region_id,
       r.hire_date,
       r.leave_date,
       coalesce(r.hire_date >= r.first_day, false) AS is_new_hire,
       f.first_won_date,
       CASE WHEN r.hire_date >= r.first_day THEN datediff(f.first_won_date, r.hire_date) END
         AS days_to_first_won_deal,
       CASE WHEN r.hire_date >= r.first_day AND r.ramp_end <= ${as_of} THEN p.ramp_won_deals END
         AS first_3m_won_deals,
       CASE WHEN r.hire_date >= r.first_day AND r.ramp_end <= ${as_of}
            THEN p.ramp_avg_won_amount END AS first_3m_avg_won_amount,
       CASE WHEN r.hire_date >= r.first_day AND r.ramp_end <= ${as_of}
            THEN v.veteran_avg_won_amount END AS veteran_avg_won_amount_same_window,
       CASE WHEN r.hire_date >= r.first_day AND r.ramp_end <= ${as_of}
            THEN try_divide(cast(p.ramp_avg_won_amount AS double),
                            cast(v.veteran_avg_won_amount AS double)) END
         AS first_3m_value_vs_veterans,
       CASE WHEN r.hire_date IS NULL OR add_months(r.hire_date, 3) > ${as_of} THEN NULL
            ELSE r.leave_date IS NULL OR r.leave_date >= add_months(r.hire_date, 3) END
         AS retained_3m,
       CASE WHEN r.hire_date IS NULL OR add_months(r.hire_date, 6) > ${as_of} THEN NULL
            ELSE r.leave_date IS NULL OR r.leave_date >= add_months(r.hire_date, 6) END
         AS retained_6m
FROM reps r
LEFT JOIN first_win f ON f.rep_id = r.rep_id
LEFT JOIN ramp p ON p.rep_id = r.rep_id
LEFT JOIN veteran_benchmark v ON v.rep_id = r.rep_id
