-- mart_champion_action_map: one row per action sequence and rep group (top, others). Top reps are
-- the top 20% of reps with at least one won deal by total won amount as of the as-of date: rank
-- by won amount (descending, ties share a rank) within ceil(0.2 x those reps). A won deal's path
-- is the activity types logged on the opportunity up to its close, in started_at order (ties by
-- activity_id), with consecutive repeats collapsed (visit, visit, demo -> visit, demo); its
-- sequences are the path's contiguous 3-step windows, or the whole path when it has fewer than 3
-- steps. Shares count each deal once per sequence, over all the group's won deals.
WITH won AS (
  SELECT opportunity_id, owner_rep_id AS rep_id, amount, closed_at
  FROM silver_crm_opportunities
  WHERE status = 'won' AND closed_at IS NOT NULL AND to_date(closed_at) <= ${as_of}
),
rep_totals AS (
  SELECT rep_id, sum(coalesce(amount, 0)) AS won_amount FROM won GROUP BY rep_id
),
ranked AS (
  SELECT rep_id, rank() OVER (ORDER BY won_amount DESC) AS amount_rank,
         count(*) OVER () AS winning_reps
  FROM rep_totals
),
rep_groups AS (
  SELECT rep_id, CASE WHEN amount_rank <= ceil(0.2 * winning_reps) THEN 'top' ELSE 'others' END
                   AS rep_group
  FROM ranked
),
group_deals AS (
  SELECT g.rep_group, count(*) AS group_won_deals
  FROM won w JOIN rep_groups g ON g.rep_id = w.rep_id
  GROUP BY g.rep_group
),
paths AS (
  SELECT w.opportunity_id, g.rep_group,
         transform(array_sort(collect_list(struct(a.started_at, a.activity_id, a.activity_type))),
                   s -> s.activity_type) AS steps
  FROM won w
  JOIN rep_groups g ON g.rep_id = w.rep_id
  JOIN gold_fact_activity a ON a.opportunity_id = w.opportunity_id AND a.started_at <= w.closed_at
  GROUP BY w.opportunity_id, g.rep_group
),
collapsed AS (
  SELECT opportunity_id, rep_group,
         transform(filter(sequence(0, size(steps) - 1),
                          i -> CASE WHEN i = 0 THEN true ELSE steps[i] <> steps[i - 1] END),
                   i -> steps[i]) AS path
  FROM paths
),
sequences AS (
  SELECT DISTINCT opportunity_id, rep_group, action_sequence
  FROM collapsed
  LATERAL VIEW explode(
    CASE WHEN size(path) < 3 THEN array(array_join(path, ' > '))
         ELSE transform(sequence(1, size(path) - 2), i -> array_join(slice(path, i, 3), ' > '))
    END) s AS action_sequence
),
counted AS (
  SELECT s.action_sequence, s.rep_group, count(*) AS deals_with_sequence
  FROM sequences s
  GROUP BY s.action_sequence, s.rep_group
),
all_pairs AS (
  SELECT q.action_sequence, d.rep_group, d.group_won_deals
  FROM (SELECT DISTINCT action_sequence FROM counted) q CROSS JOIN group_deals d
),
shares AS (
  SELECT p.action_sequence,
         size(split(p.action_sequence, ' > ')) AS sequence_length,
         p.rep_group,
         p.group_won_deals,
         coalesce(c.deals_with_sequence, 0) AS deals_with_sequence,
         coalesce(c.deals_with_sequence, 0) / cast(p.group_won_deals AS double) AS deal_share
  FROM all_pairs p
  LEFT JOIN counted c ON c.action_sequence = p.action_sequence AND c.rep_group = p.rep_group
)
SELECT s.rep_group,
       s.action_sequence,
       s.sequence_length,
       s.group_won_deals,
       s.deals_with_sequence,
       s.deal_share,
       o.deal_share AS other_group_share,
       try_divide(s.deal_share, o.deal_share) AS lift,
       dense_rank() OVER (PARTITION BY s.rep_group ORDER BY s.deals_with_sequence DESC)
         AS rank_in_group
FROM shares s
LEFT JOIN shares o ON o.action_sequence = s.action_sequence AND o.rep_group <> s.rep_group
WHERE s.deals_with_sequence > 0 OR o.deals_with_sequence > 0
