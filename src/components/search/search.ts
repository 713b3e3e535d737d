/** Pagefind's UI, as its bundle defines it on `window`. */
interface PagefindUIInstance {
  triggerSearch(term: string): void;
}
type PagefindUIConstructor = new (options: Record<string, unknown>) => PagefindUIInstance;

/** Loads a classic script (Pagefind's UI bundle is not an ES module) once. */
function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} could not be loaded`));
    document.head.append(script);
  });
}

/**
 * `<relais-search>`: boots Pagefind's UI (with its filters: type, theme, level, language)
 * into the page and runs the query from `?q=`.
 */
class RelaisSearch extends HTMLElement {
  async connectedCallback() {
    const bundle = this.dataset.bundle ?? '/pagefind/';
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = `${bundle}pagefind-ui.css`;
    document.head.append(css);
    await loadScript(`${bundle}pagefind-ui.js`);
    const PagefindUI = (window as unknown as { PagefindUI: PagefindUIConstructor }).PagefindUI;
    const ui = new PagefindUI({
      element: this.querySelector('[data-search]'),
      bundlePath: bundle,
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      autofocus: !new URLSearchParams(location.search).get('q'),
      translations: { placeholder: this.dataset.placeholder },
    });
    const q = new URLSearchParams(location.search).get('q');
    if (q) ui.triggerSearch(q);
  }
}

customElements.define('relais-search', RelaisSearch);
