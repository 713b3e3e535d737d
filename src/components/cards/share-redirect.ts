import type { Network } from '../../model/schemas/networks.ts';
import { type Handover, handoverKey } from '../../share/handover.ts';
import { intentUrl } from '../../share/intents.ts';
import { withUtm } from '../../share/utm.ts';
import { postText } from '../../share/variants.ts';

/**
 * `<relais-redirect>` on the share route: works out the chosen variant (`?v=`, 1-based) and
 * the visitor's edited text (handed over by the card page in sessionStorage), then replaces
 * the page with the network's share intent, so "back" returns to the card, not here.
 */
class ShareRedirect extends HTMLElement {
  connectedCallback() {
    const d = this.dataset;
    const variants = JSON.parse(d.variants ?? '[]') as string[];
    const hashtags = (d.hashtags ?? '').split(' ').filter(Boolean);
    const asked = Number(new URLSearchParams(location.search).get('v'));
    const v = Number.isInteger(asked) && asked >= 1 && asked <= variants.length ? asked : Number(d.default ?? 1);
    let text = postText(variants[v - 1] ?? '', hashtags);
    let copied = false;
    try {
      const handover = JSON.parse(sessionStorage.getItem(handoverKey) ?? 'null') as Handover | null;
      if (handover && handover.card === d.card && handover.v === v) {
        text = handover.text;
        copied = handover.copied;
      }
      sessionStorage.removeItem(handoverKey);
    } catch {
      // No storage: keep the variant's own text.
    }
    const target = intentUrl(d.network as Network, {
      url: withUtm(d.url ?? '', d.network ?? '', d.card ?? '', v),
      text,
      subject: d.title ?? '',
    });
    const link = this.querySelector<HTMLAnchorElement>('[data-target]');
    if (link) link.href = target;
    if (d.linkOnly === 'true' && copied) {
      const notice = this.querySelector<HTMLElement>('[data-copied]');
      if (notice) notice.hidden = false;
      setTimeout(() => location.replace(target), 2500);
    } else location.replace(target);
  }
}

customElements.define('relais-redirect', ShareRedirect);
