-- Per network, every network that has at least one event.
SELECT
  'network' AS section,
  network AS key,
  NULL AS label,
  COALESCE(SUM(CASE WHEN event = 'share' THEN weight ELSE 0 END), 0) AS shares,
  COALESCE(SUM(CASE WHEN event = 'click' THEN weight ELSE 0 END), 0) AS clicks,
  NULL AS reactions,
  NULL AS comments,
  NULL AS active_ambassadors
FROM {{events}}
GROUP BY network
