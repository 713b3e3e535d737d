/**
 * `<relais-fullscreen data-enter data-exit>`: shows its button only where the Fullscreen API
 * is available (not on iPhones, for instance) and toggles full screen on itself.
 */
class RelaisFullscreen extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button');
    if (!button || !document.fullscreenEnabled) return;
    const render = () => {
      const on = document.fullscreenElement === this;
      button.textContent = (on ? this.dataset.exit : this.dataset.enter) ?? '';
    };
    button.addEventListener('click', () => {
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
      else this.requestFullscreen().catch(() => {});
    });
    document.addEventListener('fullscreenchange', render);
    render();
    button.hidden = false;
  }
}

if (!customElements.get('relais-fullscreen')) customElements.define('relais-fullscreen', RelaisFullscreen);
