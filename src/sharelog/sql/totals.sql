-- Totals over every accepted event. Active ambassadors are the distinct ambassadors with at least
-- one share; anonymous events (ambassador NULL) count in the totals but are nobody.
SELECT
  'totals' AS section,
  NULL AS key,
  NULL AS label,
  COALESCE(SUM(CASE WHEN event = 'share' THEN weight ELSE 0 END), 0) AS shares,
  COALESCE(SUM(CASE WHEN event = 'click' THEN weight ELSE 0 END), 0) AS clicks,
  COALESCE(SUM(CASE WHEN event = 'reaction' THEN weight ELSE 0 END), 0) AS reactions,
  COALESCE(SUM(CASE WHEN event = 'comment' THEN weight ELSE 0 END), 0) AS comments,
  COUNT(DISTINCT CASE WHEN event = 'share' THEN ambassador END) AS active_ambassadors
FROM {{events}}
