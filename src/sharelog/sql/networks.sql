-- Per network, every network that has at least one event.
SELECT
  'network' AS section,
  network AS key,
  NULL AS label,
  COUNT(CASE WHEN event = 'share' THEN 1 END) AS shares,
  COUNT(CASE WHEN event = 'click' THEN 1 END) AS clicks,
  NULL AS reactions,
  NULL AS comments,
  NULL AS active_ambassadors
FROM {{events}}
GROUP BY network
