/**
 * `<relais-copy data-text data-done data-failed>`: the behaviour of `CopyButton.astro`.
 * The async Clipboard API only exists in secure contexts, and an intranet is often served over
 * plain HTTP: then a temporary selection and `execCommand('copy')` do the job.
 */
class RelaisCopy extends HTMLElement {
  #timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback() {
    const button = this.querySelector('button');
    if (!button) return;
    button.hidden = false;
    button.addEventListener('click', () => this.#copy());
  }

  async #copy() {
    const text = this.dataset.text ?? '';
    let ok = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
        ok = true;
      } else ok = fallbackCopy(text);
    } catch {
      ok = fallbackCopy(text);
    }
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

function fallbackCopy(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

if (!customElements.get('relais-copy')) customElements.define('relais-copy', RelaisCopy);
