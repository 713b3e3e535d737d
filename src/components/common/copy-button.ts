/**
 * `<relais-copy data-text data-done data-failed>`: the behaviour of `CopyButton.astro`; the
 * copy itself (with its plain-HTTP fallback) is `copy.ts`, shared with the card editor.
 */
import { copyText } from './copy.ts';

class RelaisCopy extends HTMLElement {
  #timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback() {
    const button = this.querySelector('button');
    if (!button) return;
    button.hidden = false;
    button.addEventListener('click', () => this.#copy());
  }

  async #copy() {
    const ok = await copyText(this.dataset.text ?? '');
    this.#announce((ok ? this.dataset.done : this.dataset.failed) ?? '');
  }

  #announce(message: string) {
    const status = this.querySelector('[role="status"]');
    if (!status) return;
    status.textContent = message;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      status.textContent = '';
    }, 4000);
  }
}

if (!customElements.get('relais-copy')) customElements.define('relais-copy', RelaisCopy);
