/**
 * `<relais-capsule-filter>`: the behaviour of `CapsuleFilter.astro`. Tiles carry their facets
 * in `data-themes` and `data-duration`; list items are `[data-filter-item]` inside level
 * sections `[data-filter-group]`.
 */
class RelaisCapsuleFilter extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector('form');
    if (!form) return;
    form.addEventListener('change', () => this.#apply(form));
    form.addEventListener('submit', (e) => e.preventDefault());
    form.hidden = false;
  }

  #apply(form: HTMLFormElement) {
    const values = new FormData(form);
    const theme = String(values.get('theme') ?? '');
    const max = Number(values.get('duration') || Number.POSITIVE_INFINITY);
    let shown = 0;
    for (const group of document.querySelectorAll<HTMLElement>('[data-filter-group]')) {
      let inGroup = 0;
      for (const item of group.querySelectorAll<HTMLElement>('[data-filter-item]')) {
        const tile = item.querySelector<HTMLElement>('[data-themes]');
        const themes = (tile?.dataset.themes ?? '').split(' ');
        const match = (!theme || themes.includes(theme)) && Number(tile?.dataset.duration) <= max;
        item.hidden = !match;
        if (match) inGroup++;
      }
      group.hidden = inGroup === 0;
      shown += inGroup;
    }
    const status = form.querySelector('[data-count]');
    const counts: unknown = JSON.parse(this.dataset.counts ?? '[]');
    if (status && Array.isArray(counts)) status.textContent = String(counts[shown] ?? shown);
  }
}

if (!customElements.get('relais-capsule-filter')) customElements.define('relais-capsule-filter', RelaisCapsuleFilter);
