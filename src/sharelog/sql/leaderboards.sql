-- Opt-in leaderboards: per challenge, the shares of each ambassador on the opt-in list, under
-- the display name they chose (key = challenge id, label = display name). Grouped by the
-- pseudonym too: two people may choose the same display name. Nobody else is listed. The
-- challenge shares are those of challenges.sql.
SELECT
  'leaderboard' AS section,
  x.challenge AS key,
  o.display_name AS label,
  SUM(x.weight) AS shares,
  NULL AS clicks,
  NULL AS reactions,
  NULL AS comments,
  NULL AS active_ambassadors
FROM (
  SELECT c.id AS challenge, e.ambassador AS ambassador, e.weight AS weight
  FROM {{events}} e CROSS JOIN {{challenges}} c
  WHERE e.event = 'share' AND c.all_contents = 1 AND e.ts >= c.start_ts AND e.ts <= c.end_ts
  UNION ALL
  SELECT c.id AS challenge, e.ambassador AS ambassador, e.weight AS weight
  FROM {{events}} e
  JOIN {{challenge_contents}} cc ON cc.content = e.content
  JOIN {{challenges}} c ON c.id = cc.challenge
  WHERE e.event = 'share' AND c.all_contents = 0 AND e.ts >= c.start_ts AND e.ts <= c.end_ts
) x
JOIN {{leaderboard_optin}} o ON o.ambassador = x.ambassador
GROUP BY x.challenge, o.ambassador, o.display_name
