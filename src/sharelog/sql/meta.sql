-- The export's meta (time zone, k, the ingest's counts) passed through: the warehouse only holds
-- accepted events, so rows read, rejected or duplicated are known from the ingest alone.
SELECT
  'meta' AS section,
  name AS key,
  value AS label,
  NULL AS shares,
  NULL AS clicks,
  NULL AS reactions,
  NULL AS comments,
  NULL AS active_ambassadors
FROM {{meta}}
