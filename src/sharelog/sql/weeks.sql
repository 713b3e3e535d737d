-- Per ISO week (the partition column). Only weeks with events: the weeks in between are filled
-- with zeros by the reader of the result (aggregates.ts), which knows the period.
SELECT
  'week' AS section,
  week AS key,
  NULL AS label,
  COALESCE(SUM(CASE WHEN event = 'share' THEN weight ELSE 0 END), 0) AS shares,
  COALESCE(SUM(CASE WHEN event = 'click' THEN weight ELSE 0 END), 0) AS clicks,
  NULL AS reactions,
  NULL AS comments,
  COUNT(DISTINCT CASE WHEN event = 'share' THEN ambassador END) AS active_ambassadors
FROM {{events}}
GROUP BY week
