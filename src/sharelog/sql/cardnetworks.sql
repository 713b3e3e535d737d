-- Per card and network, with the privacy rule of contents.sql (a content named like an
-- ambassador is withheld). Only pairs with a share or a click.
SELECT
  'content_network' AS section,
  content AS key,
  network AS label,
  SUM(CASE WHEN event = 'share' THEN weight ELSE 0 END) AS shares,
  SUM(CASE WHEN event = 'click' THEN weight ELSE 0 END) AS clicks,
  NULL AS reactions,
  NULL AS comments,
  NULL AS active_ambassadors
FROM {{events}}
WHERE content IS NOT NULL
  AND event IN ('share', 'click')
  AND content_key NOT IN (SELECT ambassador FROM {{events}} WHERE ambassador IS NOT NULL)
GROUP BY content, network
