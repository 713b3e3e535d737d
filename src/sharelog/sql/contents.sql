-- Per content. Privacy: a content named like an ambassador is withheld. The export already
-- writes such names as NULL (and those shaped like an e-mail address); the key test repeats the
-- rule for events that reached the warehouse some other way (content_key is the pseudonym of
-- the lower-cased name, so it equals the ambassador column exactly when the names match).
SELECT
  'content' AS section,
  content AS key,
  NULL AS label,
  COALESCE(SUM(CASE WHEN event = 'share' THEN weight ELSE 0 END), 0) AS shares,
  COALESCE(SUM(CASE WHEN event = 'click' THEN weight ELSE 0 END), 0) AS clicks,
  NULL AS reactions,
  NULL AS comments,
  NULL AS active_ambassadors
FROM {{events}}
WHERE content IS NOT NULL
  AND content_key NOT IN (SELECT ambassador FROM {{events}} WHERE ambassador IS NOT NULL)
GROUP BY content
