/**
 * Prefixes the base path to a root-relative URL (`/charte/` → `/hub/charte/`). URLs that
 * already carry the base, protocol-relative ones (`//host`) and any other kind are unchanged.
 */
export function prefixBase(url: string, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return url.startsWith('/') && !url.startsWith('//') && !url.startsWith(prefix) ? prefix + url.slice(1) : url;
}

/** The part of Sätteri's mdast visitor context this plugin uses. */
interface Context {
  setProperty(node: object, key: 'url', value: string): void;
}

/**
 * A Sätteri (Astro's Markdown processor) mdast plugin: links and images written as hub pages
 * in Markdown (`[la charte](/charte/)`) get the base path, so editors write them once and
 * they keep working whatever path the hub is served under.
 */
export function baseLinks(base: string) {
  const visit = (node: { url: string }, ctx: Context) => {
    const url = prefixBase(node.url, base);
    if (url !== node.url) ctx.setProperty(node, 'url', url);
  };
  return { name: 'relais-base-links', link: visit, image: visit, definition: visit };
}
