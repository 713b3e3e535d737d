-- First and last local day with an event (key = from, label = to). day_label is the text
-- YYYY-MM-DD, so MIN/MAX need no date function. No event: one row of NULLs (or '' on engines
-- whose MIN of an empty non-nullable column is the type's default); both mean "no period".
SELECT
  'period' AS section,
  MIN(day_label) AS key,
  MAX(day_label) AS label,
  NULL AS shares,
  NULL AS clicks,
  NULL AS reactions,
  NULL AS comments,
  NULL AS active_ambassadors
FROM {{events}}
