-- Per challenge: shares inside [start_ts, end_ts] (inclusive, UTC) on its contents (every content
-- when all_contents = 1, else the rows of challenge_contents). The first branch gives every
-- challenge a row, so one without shares still appears with 0 (no LEFT JOIN: ClickHouse fills
-- unmatched columns with defaults unless join_use_nulls is set). The range test is in WHERE, not
-- in ON: not every engine joins on inequalities.
SELECT
  'challenge' AS section,
  challenge AS key,
  NULL AS label,
  SUM(share) AS shares,
  NULL AS clicks,
  NULL AS reactions,
  NULL AS comments,
  COUNT(DISTINCT ambassador) AS active_ambassadors
FROM (
  SELECT id AS challenge, NULL AS ambassador, 0 AS share
  FROM {{challenges}}
  UNION ALL
  SELECT c.id AS challenge, e.ambassador AS ambassador, e.weight AS share
  FROM {{events}} e CROSS JOIN {{challenges}} c
  WHERE e.event = 'share' AND c.all_contents = 1 AND e.ts >= c.start_ts AND e.ts <= c.end_ts
  UNION ALL
  SELECT c.id AS challenge, e.ambassador AS ambassador, e.weight AS share
  FROM {{events}} e
  JOIN {{challenge_contents}} cc ON cc.content = e.content
  JOIN {{challenges}} c ON c.id = cc.challenge
  WHERE e.event = 'share' AND c.all_contents = 0 AND e.ts >= c.start_ts AND e.ts <= c.end_ts
) x
GROUP BY challenge
