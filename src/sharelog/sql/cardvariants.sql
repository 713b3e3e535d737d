-- Per card and variant (utm_content), with the privacy rule of contents.sql; a variant shaped
-- like an identifier (with an `@`) is withheld. No variant is '' (or NULL): the label stays
-- empty and reads as "no variant". Only pairs with a share or a click.
SELECT
  'content_variant' AS section,
  content AS key,
  variant AS label,
  SUM(CASE WHEN event = 'share' THEN weight ELSE 0 END) AS shares,
  SUM(CASE WHEN event = 'click' THEN weight ELSE 0 END) AS clicks,
  NULL AS reactions,
  NULL AS comments,
  NULL AS active_ambassadors
FROM {{events}}
WHERE content IS NOT NULL
  AND event IN ('share', 'click')
  AND (variant IS NULL OR variant NOT LIKE '%@%')
  AND content_key NOT IN (SELECT ambassador FROM {{events}} WHERE ambassador IS NOT NULL)
GROUP BY content, variant
