/**
 * The card's public link as shared to a network, tagged so that the destination site's
 * analytics can tell ambassador traffic apart: source = network, medium = ambassador,
 * campaign = card id, content = variant (`v1`, `v2`…, 1-based).
 * @example withUtm('https://exemple.fr/a', 'linkedin', 'salon', 2)
 * // "https://exemple.fr/a?utm_source=linkedin&utm_medium=ambassador&utm_campaign=salon&utm_content=v2"
 */
export function withUtm(url: string, network: string, cardId: string, variant: number): string {
  const u = new URL(url);
  u.searchParams.set('utm_source', network);
  u.searchParams.set('utm_medium', 'ambassador');
  u.searchParams.set('utm_campaign', cardId);
  u.searchParams.set('utm_content', `v${variant}`);
  return u.href;
}
