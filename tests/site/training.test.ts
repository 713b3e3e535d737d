import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadContent } from '../../src/model/load.ts';
import type { CapsuleData } from '../../src/model/schemas/capsule.ts';
import type { EventData } from '../../src/model/schemas/event.ts';
import type { PathData } from '../../src/model/schemas/path.ts';
import { root, testBase, testDist } from '../lib/paths.ts';
import { decodeSvg } from '../unit/training/decode-qr.ts';

/**
 * The training side of the test build, read as files: short links, QR codes, the
 * charter's order, testimonials' consent and where JavaScript is (not) shipped.
 */
const { entries } = loadContent(root);
const french = <T>(collection: string) =>
  entries
    .filter((e) => e.collection === collection && e.locale === 'fr')
    .map((e) => ({ slug: e.slug, file: e.file, data: e.data as T }));
const capsules = french<CapsuleData>('capsules');
const paths = french<PathData>('paths');
const events = french<EventData>('events');
const siteUrl: string = parse(readFileSync(join(root, 'content/settings/programme.yaml'), 'utf8')).siteUrl;
const absolute = (path: string) => new URL(testBase + path, siteUrl).href;
const html = (path: string) => readFileSync(join(testDist, path, 'index.html'), 'utf8');
const qrCodes = (page: string) =>
  [...page.matchAll(/<div class="qr-code[^"]*"[^>]*data-qr-url="([^"]+)"[^>]*>(<svg[\s\S]*?<\/svg>)/g)].map((m) => ({
    url: m[1] ?? '',
    svg: m[2] ?? '',
  }));

describe('pages', () => {
  it.each([
    ['capsules', capsules],
    ['parcours', paths],
    ['agenda', events],
    ['charte', french('guidelines')],
    ['temoignages', french('testimonials')],
  ] as const)('every entry of /%s/ has a page in both locales', (section, list) => {
    expect(list.length).toBeGreaterThan(0);
    for (const { slug } of list)
      for (const prefix of ['', 'en/'])
        expect(
          existsSync(join(testDist, `${prefix}${section}/${slug}/index.html`)),
          `${prefix}${section}/${slug}`,
        ).toBe(true);
  });

  it('capsule videos have controls, a poster, default captions and no autoplay', () => {
    const withVideo = capsules.filter((c) => c.data.video);
    expect(withVideo.length).toBeGreaterThanOrEqual(3);
    for (const c of withVideo) {
      const page = html(`capsules/${c.slug}`);
      const video = /<video[^>]*>/.exec(page)?.[0] ?? '';
      expect(video).toMatch(/\bcontrols\b/);
      expect(video).toMatch(/preload="metadata"/);
      expect(video).not.toMatch(/autoplay/);
      if (c.data.poster) expect(video).toContain(`poster="${testBase}${c.data.poster.slice(1)}"`);
      if (c.data.captions)
        expect(
          /<track kind="captions" src="[^"]+\.vtt" srclang="\w\w" label="[^"]+" default[\s>]/.test(page),
          c.slug,
        ).toBe(true);
      for (const ch of c.data.chapters)
        expect(page.includes(`href="?t=${ch.start}"`), `${c.slug} ${ch.start}`).toBe(true);
    }
  });
});

describe('short links', () => {
  const linked = [
    ...capsules.map((c) => ({ ...c, section: 'capsules' })),
    ...paths.map((p) => ({ ...p, section: 'parcours' })),
    ...events.map((e) => ({ ...e, section: 'agenda' })),
  ];

  it.each(linked.flatMap((e) => [e.data.code, ...e.data.aliases].map((code) => [code, `${e.section}/${e.slug}/`])))(
    '/c/%s/ leads to /%s',
    (code, target) => {
      const page = html(`c/${code}`);
      expect(page).toContain(`<meta http-equiv="refresh" content="0; url=${testBase}${target}">`);
      expect(page).toContain(`<link rel="canonical" href="${absolute(target)}">`);
      expect(page).toContain(`href="${testBase}${target}"`);
    },
  );

  it('at least one entry keeps an old code as alias', () => {
    expect(linked.some((e) => e.data.aliases.length > 0)).toBe(true);
  });
});

describe('QR codes decode to the absolute short link', () => {
  it('on the trainer kit, for every capsule, path and event, in both locales', () => {
    for (const prefix of ['', 'en/']) {
      const codes = qrCodes(html(`${prefix}formateurs`));
      const expected = [...capsules, ...paths, ...events].map((e) => absolute(`c/${e.data.code}/`));
      expect(codes.map((c) => c.url).sort()).toEqual(expected.sort());
      for (const { url, svg } of codes) expect(decodeSvg(svg), url).toBe(url);
    }
  });

  it('on capsule, path, event and presenter pages', () => {
    const pages = [
      ...capsules.map((c) => [`capsules/${c.slug}`, c.data.code]),
      ...paths.map((p) => [`parcours/${p.slug}`, p.data.code]),
      ...events.map((e) => [`agenda/${e.slug}`, e.data.code]),
      ...capsules.map((c) => [`presentation/capsule/${c.slug}`, c.data.code]),
      ...events.map((e) => [`en/presentation/agenda/${e.slug}`, e.data.code]),
    ];
    for (const [page, code] of pages) {
      const [qr] = qrCodes(html(page ?? ''));
      expect(qr?.url, page).toBe(absolute(`c/${code}/`));
      expect(decodeSvg(qr?.svg ?? ''), page).toBe(absolute(`c/${code}/`));
    }
  });
});

describe('guidelines, testimonials, agenda', () => {
  it('the charter lists its categories in order, FAQ last', () => {
    const headings = [...html('charte').matchAll(/<h2 id="cat-([\w-]+)"/g)].map((m) => m[1]);
    const order = ['regles', 'bonnes-pratiques', 'reseaux', 'juridique', 'faq'];
    expect(headings).toEqual(order.filter((c) => headings.includes(c)));
    expect(headings).toContain('faq');
  });

  it('the printable charter holds every guideline', () => {
    const page = html('charte/imprimer');
    for (const g of french<{ title: string }>('guidelines')) expect(page).toContain(escapeHtml(g.data.title));
    expect(page).toMatch(/<link rel="stylesheet"|<style>/);
  });

  it('every published testimonial has a recorded consent date', () => {
    const built = french<{ consent: Date }>('testimonials');
    for (const t of built) {
      expect(existsSync(join(testDist, `temoignages/${t.slug}/index.html`))).toBe(true);
      expect(t.data.consent, t.file).toBeInstanceOf(Date);
      expect(Number.isNaN(t.data.consent.getTime()), t.file).toBe(false);
      expect(readFileSync(join(root, t.file), 'utf8'), t.file).toMatch(/^consent:\s*\S+/m);
    }
  });

  it('pages without interaction ship no JavaScript', () => {
    const pages = ['charte', 'charte/imprimer', 'temoignages', 'agenda', 'en/charte', 'en/temoignages', 'en/agenda'];
    pages.push(
      ...french('guidelines').map((g) => `charte/${g.slug}`),
      ...french('testimonials').map((t) => `temoignages/${t.slug}`),
    );
    for (const page of pages) expect(html(page), page).not.toMatch(/<script/i);
  });
});

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
