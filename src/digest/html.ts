import type { DigestView } from './view.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Text colours that keep AA contrast on both the light card and dark-mode inversions. */
const INK = '#1f2937';
const MUTED = '#4b5563';

/**
 * The digest as MJML: one 600 px column, tables and inline styles once compiled, every image
 * with its alt text and an absolute hub URL, `color-scheme` declared so that clients which
 * darken the mail keep the contrast (backgrounds are set on every block, never left implicit).
 */
export function digestMjml(v: DigestView, unsubscribe: string, unsubscribeLabel: string): string {
  const item = (i: DigestView['sections'][number]['items'][number]) => `
    <mj-section background-color="#ffffff" padding="8px 24px">
      ${
        i.image
          ? `<mj-column width="35%" vertical-align="top"><mj-image src="${esc(i.image.url)}" alt="${esc(i.image.alt)}" href="${esc(i.url)}" width="180px" padding="8px 0" border-radius="6px" /></mj-column>
      <mj-column width="65%" vertical-align="top">`
          : '<mj-column width="100%">'
      }
        <mj-text padding="8px 0 2px" font-size="17px" font-weight="700" color="${INK}"><a href="${esc(i.url)}" style="color:${v.color};text-decoration:none">${esc(i.title)}</a></mj-text>
        <mj-text padding="2px 0" font-size="15px" line-height="1.5" color="${INK}">${esc(i.text)}</mj-text>
        ${i.meta ? `<mj-text padding="2px 0" font-size="13px" color="${MUTED}">${esc(i.meta)}</mj-text>` : ''}
        ${i.button ? `<mj-button href="${esc(i.button.url)}" background-color="${v.color}" color="#ffffff" font-size="15px" font-weight="700" border-radius="6px" align="left" padding="8px 0">${esc(i.button.label)}</mj-button>` : ''}
      </mj-column>
    </mj-section>`;
  const sections = v.sections
    .map(
      (s) => `
    <mj-section background-color="#ffffff" padding="16px 24px 0">
      <mj-column><mj-divider border-color="#e5e7eb" border-width="1px" padding="0 0 12px" />
        <mj-text padding="0" font-size="20px" font-weight="700" color="${INK}"><h2 style="margin:0;font-size:20px">${esc(s.title)}</h2></mj-text>
        ${s.note ? `<mj-text padding="8px 0 0" font-size="15px" color="${INK}">${esc(s.note)}</mj-text>` : ''}
      </mj-column>
    </mj-section>${s.items.map(item).join('')}`,
    )
    .join('');
  return `<mjml lang="${v.locale}">
  <mj-head>
    <mj-title>${esc(v.subject)}</mj-title>
    <mj-preview>${esc(v.preheader)}</mj-preview>
    <mj-attributes><mj-all font-family="Arial, Helvetica, sans-serif" /></mj-attributes>
    <mj-raw><meta name="color-scheme" content="light dark" /><meta name="supported-color-schemes" content="light dark" /></mj-raw>
    <mj-style>:root { color-scheme: light dark; supported-color-schemes: light dark; }</mj-style>
  </mj-head>
  <mj-body width="600px" background-color="#f3f4f6">
    <mj-section background-color="${v.color}" padding="20px 24px">
      <mj-column>
        ${v.logo ? `<mj-image src="${esc(v.logo.url)}" alt="${esc(v.logo.alt)}" width="120px" align="left" padding="0 0 8px" />` : ''}
        <mj-text padding="0" font-size="24px" font-weight="700" color="#ffffff"><h1 style="margin:0;font-size:24px">${esc(v.subject)}</h1></mj-text>
        <mj-text padding="6px 0 0" font-size="15px" color="#ffffff">${esc(v.intro)}</mj-text>
      </mj-column>
    </mj-section>${sections}
    <mj-section background-color="#ffffff" padding="16px 24px 24px">
      <mj-column><mj-divider border-color="#e5e7eb" border-width="1px" padding="0 0 12px" />
        <mj-text padding="0" font-size="13px" line-height="1.5" color="${MUTED}">${esc(v.footer)}<br /><a href="${esc(v.hubUrl)}" style="color:${v.color}">${esc(v.hubLabel)}</a> · <a href="${esc(v.archiveUrl)}" style="color:${v.color}">${esc(v.archiveLabel)}</a> · <a href="${esc(unsubscribe)}" style="color:${v.color}">${esc(unsubscribeLabel)}</a></mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

/**
 * MJML takes about a second to load (mjml-core alone is most of it), as long as reading the
 * content does. It is loaded in a worker thread, started as early as the caller can
 * (`preloadMjml()`), so that both happen at once on a machine with two cores or more. The
 * worker is unref'd: it never keeps the process alive.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const mjml = require(workerData.mjml);
parentPort.on('message', async ({ id, source }) => {
  try {
    const out = await mjml(source, { validationLevel: 'strict' });
    parentPort.postMessage({ id, html: out.html, errors: out.errors.map((e) => e.formattedMessage) });
  } catch (err) {
    parentPort.postMessage({ id, html: '', errors: [String(err && err.message || err)] });
  }
});`;

interface Compiled {
  id: number;
  html: string;
  errors: string[];
}
let worker: import('node:worker_threads').Worker | undefined;
let nextId = 0;
const pending = new Map<number, (r: Compiled) => void>();

/** Starts loading MJML in the background; later calls reuse the same worker. */
export async function preloadMjml(): Promise<void> {
  if (worker) return;
  const { Worker } = await import('node:worker_threads');
  const { createRequire } = await import('node:module');
  worker = new Worker(WORKER, { eval: true, workerData: { mjml: createRequire(import.meta.url).resolve('mjml') } });
  worker.unref();
  worker.on('message', (r: Compiled) => {
    pending.get(r.id)?.(r);
    pending.delete(r.id);
  });
}

/** Compiles the MJML to e-mail HTML (strict validation: an MJML mistake is an error, not a broken mail). */
export async function digestHtml(v: DigestView, unsubscribe: string, unsubscribeLabel: string): Promise<string> {
  await preloadMjml();
  const id = nextId++;
  const source = digestMjml(v, unsubscribe, unsubscribeLabel);
  const out = await new Promise<Compiled>((resolve) => {
    pending.set(id, resolve);
    worker?.ref();
    worker?.postMessage({ id, source });
  });
  if (pending.size === 0) worker?.unref();
  if (out.errors.length) throw new Error(`MJML : ${out.errors.join('; ')}`);
  return out.html;
}
