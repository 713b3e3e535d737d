import { startFromLocation } from './deeplink.ts';

/**
 * `<relais-player>`: starts the video at the time a deep link asks for (`?t=90`, `#t=1m30s`),
 * makes chapter links seek in place instead of reloading, and marks the chapter being played.
 */
class RelaisPlayer extends HTMLElement {
  connectedCallback() {
    const video = this.querySelector('video');
    if (!video) return;
    const links = [...this.querySelectorAll<HTMLAnchorElement>('a[data-seek]')];
    const start = startFromLocation(window.location);
    if (start !== undefined) {
      seek(video, start);
      video.scrollIntoView({ block: 'center' });
    }
    for (const link of links) {
      link.addEventListener('click', (event) => {
        event.preventDefault();
        const at = Number(link.dataset.seek);
        seek(video, at);
        const url = new URL(window.location.href);
        url.searchParams.set('t', String(at));
        url.hash = '';
        history.replaceState(null, '', url);
        // A click is a user gesture: playing with sound is allowed.
        video.play().catch(() => {});
      });
    }
    const markCurrent = () => {
      const current = links.findLast((l) => Number(l.dataset.seek) <= video.currentTime + 0.25);
      for (const l of links) l.setAttribute('aria-current', String(l === current));
    };
    video.addEventListener('timeupdate', markCurrent);
    video.addEventListener('seeked', markCurrent);
  }
}

/** Seeks once the duration is known: setting `currentTime` earlier is ignored by some browsers. */
function seek(video: HTMLVideoElement, seconds: number) {
  const apply = () => {
    video.currentTime = Number.isFinite(video.duration) ? Math.min(seconds, video.duration) : seconds;
  };
  if (video.readyState >= HTMLMediaElement.HAVE_METADATA) apply();
  else video.addEventListener('loadedmetadata', apply, { once: true });
}

if (!customElements.get('relais-player')) customElements.define('relais-player', RelaisPlayer);
