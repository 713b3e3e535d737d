import { readDone, setDone } from '../../lib/progress.ts';

/** Fired on `window` whenever progress changes, so every progress display on the page updates. */
export const progressEvent = 'relais:progress';

/** `<relais-done data-slug data-label-on data-label-off>`: the behaviour of `DoneToggle.astro`. */
class RelaisDone extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button');
    const slug = this.dataset.slug;
    if (!button || !slug) return;
    const render = () => {
      const done = readDone(localStorage).has(slug);
      button.setAttribute('aria-pressed', String(done));
      button.textContent = (done ? this.dataset.labelOn : this.dataset.labelOff) ?? '';
    };
    button.addEventListener('click', () => {
      setDone(localStorage, slug, button.getAttribute('aria-pressed') !== 'true');
      window.dispatchEvent(new CustomEvent(progressEvent));
    });
    window.addEventListener(progressEvent, render);
    window.addEventListener('storage', render);
    render();
    button.hidden = false;
  }
}

if (!customElements.get('relais-done')) customElements.define('relais-done', RelaisDone);
