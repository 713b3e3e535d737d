-- Sent suggestions per ISO week (one row of {{suggestions}} per /proposer/envoye/ visit, already
-- limited to the events' period by the export). The count goes in the `shares` column, the one
-- count column every section reads; only weeks with some: the reader gap-fills the others.
SELECT
  'suggestion' AS section,
  week AS key,
  NULL AS label,
  COUNT(*) AS shares,
  NULL AS clicks,
  NULL AS reactions,
  NULL AS comments,
  NULL AS active_ambassadors
FROM {{suggestions}}
GROUP BY week
