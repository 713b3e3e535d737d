-- Per ISO week and network (reach over time): every pair with at least one event that week.
SELECT
  'week_network' AS section,
  week AS key,
  network AS label,
  COALESCE(SUM(CASE WHEN event = 'share' THEN weight ELSE 0 END), 0) AS shares,
  COALESCE(SUM(CASE WHEN event = 'click' THEN weight ELSE 0 END), 0) AS clicks,
  NULL AS reactions,
  NULL AS comments,
  NULL AS active_ambassadors
FROM {{events}}
GROUP BY week, network
