-- Totals over every accepted event. Active ambassadors are the distinct ambassadors with at least
-- one share; anonymous events (ambassador NULL) count in the totals but are nobody.
SELECT
  'totals' AS section,
  NULL AS key,
  NULL AS label,
  COUNT(CASE WHEN event = 'share' THEN 1 END) AS shares,
  COUNT(CASE WHEN event = 'click' THEN 1 END) AS clicks,
  COUNT(CASE WHEN event = 'reaction' THEN 1 END) AS reactions,
  COUNT(CASE WHEN event = 'comment' THEN 1 END) AS comments,
  COUNT(DISTINCT CASE WHEN event = 'share' THEN ambassador END) AS active_ambassadors
FROM {{events}}
