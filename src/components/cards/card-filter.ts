import { type FilterDim, matches } from './match.ts';

/**
 * `<relais-card-filter>`: instant, combinable filtering of the card list. The filter links
 * keep working as links (static filter pages) until this element upgrades them: a click then
 * toggles the filter, hides non-matching tiles and records the state in the query string
 * (`?theme=rse&network=x`), so the filtered view can be bookmarked and shared.
 */
class CardFilter extends HTMLElement {
  #active = new Map<FilterDim, string>();

  connectedCallback() {
    const params = new URLSearchParams(location.search);
    for (const link of this.#links()) {
      const { dim, param, value } = link.dataset as { dim: FilterDim; param: string; value: string };
      if (params.get(param) === value || link.getAttribute('aria-current') === 'true') this.#active.set(dim, value);
      link.setAttribute('role', 'button');
      link.addEventListener('click', (event) => {
        event.preventDefault();
        if (this.#active.get(dim) === value) this.#active.delete(dim);
        else this.#active.set(dim, value);
        this.#apply(true);
      });
    }
    this.querySelector<HTMLAnchorElement>('[data-reset]')?.addEventListener('click', (event) => {
      event.preventDefault();
      this.#active.clear();
      this.#apply(true);
    });
    this.#apply(false);
  }

  /** The full list's address with the active filters as query parameters. */
  #url(): string {
    const query = new URLSearchParams();
    for (const [dim, value] of this.#active) query.set(this.#param(dim), value);
    return query.size ? `${this.dataset.all}?${query}` : (this.dataset.all ?? '');
  }

  #param(dim: FilterDim) {
    return this.#links().find((l) => l.dataset.dim === dim)?.dataset.param ?? dim;
  }

  #links() {
    return [...this.querySelectorAll<HTMLAnchorElement>('a[data-dim]')];
  }

  #apply(push: boolean) {
    if (push && this.dataset.partial === 'true') {
      // A static filter page holds only its own subset: other combinations need the full list.
      location.assign(this.#url());
      return;
    }
    const tiles = [...document.querySelectorAll<HTMLElement>('[data-card]')];
    let shown = 0;
    for (const tile of tiles) {
      const card = {
        theme: tile.dataset.theme ?? '',
        networks: (tile.dataset.networks ?? '').split(' '),
        lang: tile.dataset.lang ?? '',
        isNew: tile.dataset.new === 'true',
      };
      const visible = [...this.#active].every(([dim, value]) => matches(card, dim, value));
      tile.hidden = !visible;
      if (visible) shown++;
    }
    for (const link of this.#links()) {
      link.removeAttribute('aria-current');
      link.setAttribute('aria-pressed', String(this.#active.get(link.dataset.dim as FilterDim) === link.dataset.value));
    }
    const status = document.querySelector<HTMLElement>('[data-card-count]');
    if (status) {
      const { one = '', other = '', none = '' } = status.dataset;
      const n = new Intl.NumberFormat(document.documentElement.lang).format(shown);
      status.textContent = shown === 0 ? none : (shown === 1 ? one : other).replace('{n}', n);
    }
    if (push) history.replaceState(null, '', this.#url());
  }
}

customElements.define('relais-card-filter', CardFilter);
