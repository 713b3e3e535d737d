/** One entry of an Atom feed. */
export interface AtomEntry {
  id: string;
  title: string;
  url: string;
  updated: Date;
  summary: string;
  category?: string;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * An Atom 1.0 feed (RFC 4287), written by hand: a dozen elements do not need a dependency.
 * `updated` is the newest entry's date, so an unchanged feed stays byte-identical.
 */
export function atomFeed(feed: {
  id: string;
  title: string;
  url: string;
  self: string;
  lang: string;
  entries: AtomEntry[];
}): string {
  const updated = new Date(Math.max(0, ...feed.entries.map((e) => e.updated.getTime())));
  const entries = feed.entries.map(
    (e) => `  <entry>
    <id>${escapeXml(e.id)}</id>
    <title>${escapeXml(e.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>
    <updated>${e.updated.toISOString()}</updated>
    <summary>${escapeXml(e.summary)}</summary>${e.category ? `\n    <category term="${escapeXml(e.category)}"/>` : ''}
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.lang)}">
  <id>${escapeXml(feed.id)}</id>
  <title>${escapeXml(feed.title)}</title>
  <link rel="alternate" type="text/html" href="${escapeXml(feed.url)}"/>
  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>
  <updated>${updated.toISOString()}</updated>
  <author><name>${escapeXml(feed.title)}</name></author>
${entries.join('\n')}
</feed>
`;
}
