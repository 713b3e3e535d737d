import { type Handover, handoverKey } from '../../share/handover.ts';
import { firstVariant } from '../../share/variants.ts';
import { copyText } from '../common/copy.ts';

/** The visitor's random seed: kept in localStorage so each visitor's first pick is stable. */
function visitorSeed(): number {
  const key = 'relais:seed';
  try {
    const stored = Number(localStorage.getItem(key));
    if (stored > 0) return stored;
    const seed = crypto.getRandomValues(new Uint32Array(1))[0] || 1;
    localStorage.setItem(key, String(seed));
    return seed;
  } catch {
    return Math.floor(Math.random() * 2 ** 32) || 1;
  }
}

/** `<relais-share>`: variant picker, editor, copy button and share buttons of a card. */
class SharePicker extends HTMLElement {
  #index = 0;
  #texts: string[] = [];

  connectedCallback() {
    const card = this.dataset.card ?? '';
    this.#texts = [...this.querySelectorAll<HTMLElement>('[data-variant] .text')].map((p) => p.textContent ?? '');
    if (!this.#texts.length) return;
    this.#index = firstVariant(visitorSeed(), card, this.#texts.length);
    this.querySelector<HTMLElement>('[data-variants]')?.setAttribute('hidden', '');
    this.#editor().hidden = false;
    this.#show();
    this.querySelector('[data-next]')?.addEventListener('click', () => {
      this.#index = (this.#index + 1) % this.#texts.length;
      this.#show();
    });
    this.querySelector('[data-copy]')?.addEventListener('click', () => this.#copy());
    for (const link of this.querySelectorAll<HTMLAnchorElement>('a[data-share]'))
      link.addEventListener('click', (event) => this.#share(event, link, card));
  }

  #editor() {
    return this.querySelector<HTMLElement>('[data-editor]') as HTMLElement;
  }
  #area() {
    return this.querySelector('textarea') as HTMLTextAreaElement;
  }

  #show() {
    this.#area().value = this.#texts[this.#index] ?? '';
    const position = this.querySelector<HTMLElement>('[data-position]');
    if (position)
      position.textContent = (position.dataset.template ?? '')
        .replace('{n}', String(this.#index + 1))
        .replace('{total}', String(this.#texts.length));
    for (const link of this.querySelectorAll<HTMLAnchorElement>('a[data-share]')) {
      const url = new URL(link.href);
      url.searchParams.set('v', String(this.#index + 1));
      link.href = url.href;
    }
  }

  async #copy(): Promise<boolean> {
    const button = this.querySelector<HTMLElement>('[data-copy]');
    const ok = await copyText(this.#area().value);
    const status = this.querySelector<HTMLElement>('[data-status]');
    if (status) status.textContent = (ok ? button?.dataset.ok : button?.dataset.fail) ?? '';
    return ok;
  }

  async #share(event: MouseEvent, link: HTMLAnchorElement, card: string) {
    event.preventDefault();
    // Link-only networks (LinkedIn, Facebook) cannot take the text: copy it while we still
    // have the click's user activation, and let the share route say so.
    const copied = link.dataset.linkOnly === 'true' ? await this.#copy() : false;
    const handover: Handover = { card, v: this.#index + 1, text: this.#area().value, copied };
    try {
      sessionStorage.setItem(handoverKey, JSON.stringify(handover));
    } catch {
      // Private mode without storage: the share route falls back to the variant's own text.
    }
    location.assign(link.href);
  }
}

customElements.define('relais-share', SharePicker);
