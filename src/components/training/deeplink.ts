/**
 * Chapter deep links. Trainers paste `…/capsules/x/?t=90` in a chat, YouTube habits give
 * `#t=1m30s`, and media-fragment habits give `#t=90`: all three start the video at 1:30.
 */

/**
 * Seconds from a time written `90`, `90s`, `1m30s`, `1h2m3s`, `1:30` or `1:02:03`; `undefined`
 * when the value is not a time.
 * @example parseTime('1m30s') // 90
 */
export function parseTime(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const v = value.trim().toLowerCase();
  if (/^\d+(\.\d+)?s?$/.test(v)) return Number.parseFloat(v);
  const units = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(v);
  if (units && v !== '') return Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0);
  if (/^\d+(:\d{2}){1,2}$/.test(v)) return v.split(':').reduce((s, p) => s * 60 + Number(p), 0);
  return undefined;
}

/** The start time asked by a page address: `?t=` first, then `#t=` (a media fragment may add `,end`). */
export function startFromLocation(location: { search: string; hash: string }): number | undefined {
  const query = new URLSearchParams(location.search).get('t');
  const fragment = new URLSearchParams(location.hash.replace(/^#/, '')).get('t')?.split(',')[0];
  return parseTime(query) ?? parseTime(fragment);
}

/**
 * `1:30` or `1:02:03`, as shown next to a chapter.
 * @example clock(90) // "1:30"
 */
export function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(Math.floor(seconds % 60)).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** ISO 8601 duration for `<time datetime>`: `PT1M30S`. */
export const isoDuration = (seconds: number) =>
  `PT${Math.floor(seconds / 3600) ? `${Math.floor(seconds / 3600)}H` : ''}${Math.floor((seconds % 3600) / 60)}M${Math.floor(seconds % 60)}S`;
