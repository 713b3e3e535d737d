import type { Locale } from '../model/schemas/common.ts';
import type { Network } from '../model/schemas/networks.ts';
import type { Settings } from '../model/schemas/settings.ts';
import { ogFile } from '../og/files.ts';

/**
 * Absolute addresses on the hub (`siteUrl` + `basePath`), the only host a digest links to or
 * loads images from. Share buttons go through the share route `/partager/<card>/<network>/`,
 * whose visits the web server logs and the dashboards count.
 */
export class HubLinks {
  readonly root: string;
  readonly locale: Locale;
  constructor(settings: Settings, locale: Locale) {
    this.locale = locale;
    this.root = `${settings.siteUrl.replace(/\/+$/, '')}${settings.basePath}`;
  }
  /** A page of the hub in the digest's locale (`en/` prefix for English). */
  page(path = ''): string {
    return `${this.root}${this.locale === 'fr' ? '' : `${this.locale}/`}${path}`;
  }
  /** A file at the hub's root (images, no locale prefix). */
  asset(path: string): string {
    return /^https?:/.test(path) ? path : `${this.root}${path.replace(/^\//, '')}`;
  }
  share(card: string, network: Network): string {
    return this.page(`partager/${card}/${network}/`);
  }
  card(slug: string): string {
    return this.page(`cartes/${slug}/`);
  }
  cardImage(slug: string): string {
    return this.asset(ogFile('card', this.locale, slug));
  }
  event(slug: string): string {
    return this.page(`agenda/${slug}/`);
  }
  capsule(slug: string): string {
    return this.page(`capsules/${slug}/`);
  }
  challenge(slug: string): string {
    return this.page(`defis/${slug}/`);
  }
  testimonial(slug: string): string {
    return this.page(`temoignages/${slug}/`);
  }
  archive(week?: string): string {
    return this.page(week ? `lettre/${week}/` : 'lettre/');
  }
}
