-- Clicks per source (`hub`, `matomo-visits`, `ga4-events`, `matomo-campaigns`, `ga4-sessions`,
-- `plausible`, `plausible-campaigns`): which tool
-- produced the click figures. The export holds only the rows that count (the ingest already kept
-- one source per card and day), so this is a plain sum of their weights.
SELECT
  'source' AS section,
  source AS key,
  NULL AS label,
  NULL AS shares,
  SUM(weight) AS clicks,
  NULL AS reactions,
  NULL AS comments,
  NULL AS active_ambassadors
FROM {{events}}
WHERE event = 'click'
GROUP BY source
