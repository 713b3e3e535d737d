import { clearProgress, pathProgress, readDone } from '../../lib/progress.ts';
import { progressEvent } from './done-toggle.ts';

/**
 * `<relais-path-progress data-capsules="a b c" data-template="{done} … {total}">`: the behaviour
 * of `PathProgress.astro`. Re-renders when any toggle on the page or another tab changes progress.
 */
class RelaisPathProgress extends HTMLElement {
  connectedCallback() {
    const capsules = (this.dataset.capsules ?? '').split(' ').filter(Boolean);
    const summary = this.querySelector<HTMLElement>('.summary');
    const count = this.querySelector('.count');
    const bar = this.querySelector('progress');
    const render = () => {
      const done = readDone(localStorage);
      const p = pathProgress(capsules, done);
      if (count)
        count.textContent = (this.dataset.template ?? '')
          .replace('{done}', String(p.done))
          .replace('{total}', String(p.total));
      if (bar) bar.value = p.done;
      for (const step of this.querySelectorAll<HTMLElement>('[data-capsule]')) {
        const isDone = done.has(step.dataset.capsule ?? '');
        step.toggleAttribute('data-done', isDone);
        const mark = step.querySelector<HTMLElement>('[data-done-mark]');
        if (mark) mark.hidden = !isDone;
      }
    };
    this.querySelector('[data-clear]')?.addEventListener('click', () => {
      clearProgress(localStorage);
      window.dispatchEvent(new CustomEvent(progressEvent));
    });
    window.addEventListener(progressEvent, render);
    window.addEventListener('storage', render);
    render();
    if (summary) summary.hidden = false;
  }
}

if (!customElements.get('relais-path-progress')) customElements.define('relais-path-progress', RelaisPathProgress);
