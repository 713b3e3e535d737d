-- Per team, k-anonymity: a team is named only with at least k active ambassadors (distinct
-- ambassadors with a share in that team); k comes from the export's meta. Same privacy rule as
-- contents.sql for a team named like an ambassador.
SELECT
  'team' AS section,
  team AS key,
  NULL AS label,
  COALESCE(SUM(CASE WHEN event = 'share' THEN weight ELSE 0 END), 0) AS shares,
  NULL AS clicks,
  NULL AS reactions,
  NULL AS comments,
  COUNT(DISTINCT CASE WHEN event = 'share' THEN ambassador END) AS active_ambassadors
FROM {{events}}
WHERE team IS NOT NULL
  AND team_key NOT IN (SELECT ambassador FROM {{events}} WHERE ambassador IS NOT NULL)
GROUP BY team
HAVING COUNT(DISTINCT CASE WHEN event = 'share' THEN ambassador END)
  >= (SELECT CAST(value AS INTEGER) FROM {{meta}} WHERE name = 'k')
