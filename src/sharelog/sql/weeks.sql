-- Per ISO week (the partition column). Only weeks with events: the weeks in between are filled
-- with zeros by the reader of the result (aggregates.ts), which knows the period.
SELECT
  'week' AS section,
  week AS key,
  NULL AS label,
  COUNT(CASE WHEN event = 'share' THEN 1 END) AS shares,
  COUNT(CASE WHEN event = 'click' THEN 1 END) AS clicks,
  NULL AS reactions,
  NULL AS comments,
  COUNT(DISTINCT CASE WHEN event = 'share' THEN ambassador END) AS active_ambassadors
FROM {{events}}
GROUP BY week
