/**
 * `npm run docs:screenshots:digest`: the screenshots of docs/digest.md. Builds the sample
 * programme's digest, then shows it in Chromium (playwright-core, /usr/bin/chromium):
 *   - the e-mail's HTML part at 600 px and at a phone's width (375 px), light and dark
 *     (`prefers-color-scheme`);
 *   - the Teams message, rendered by the `adaptivecards` library with a Teams-like host config.
 * The hub's images (Open Graph visuals, files of public/) are answered locally: rendered on
 * demand with src/og, read from public/; any other address is refused, as a mail client that
 * blocks remote content would. Opt-in only: never run by `npm test`.
 * Exit codes: 0 written, 2 bad arguments, 3 content unreadable, Chromium missing or failing.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromiumArgs } from '../tests/lib/browser.ts';

const HELP = `Usage: npm run docs:screenshots:digest -- [options]

Writes the digest's screenshots for docs/digest.md:
  OUT/digest-email-600-light.png, -600-dark, -phone-light, -phone-dark   the e-mail
  OUT/digest-teams.png                                                    the Teams card

Options:
  --week YYYY-Www   Week of the digest. Default: 2026-W49 (the sample programme's week)
  --locale fr|en    Default: fr
  --out DIR         Default: docs/images
  --chromium FILE   Default: /usr/bin/chromium (or RELAIS_CHROMIUM)
  -h, --help        This help

Exit codes: 0 written, 2 bad arguments, 3 unreadable content, Chromium missing or failing.`;

const fail = (code: number, message: string): never => {
  process.stderr.write(`docs-screenshots-digest: ${message}\n`);
  process.exit(code);
};

let values: Record<string, string | boolean | undefined> = {};
try {
  ({ values } = parseArgs({
    options: {
      week: { type: 'string', default: '2026-W49' },
      locale: { type: 'string', default: 'fr' },
      out: { type: 'string', default: 'docs/images' },
      chromium: { type: 'string', default: process.env.RELAIS_CHROMIUM ?? '/usr/bin/chromium' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }));
} catch (err) {
  fail(2, `${(err as Error).message}\n\n${HELP}`);
}
if (values.help) {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}
const locale = values.locale as string;
if (locale !== 'fr' && locale !== 'en') fail(2, `--locale ${locale}: attendu fr ou en`);
const executablePath = values.chromium as string;
if (!existsSync(executablePath)) fail(3, `${executablePath}: Chromium introuvable (--chromium FILE)`);

const root = fileURLToPath(new URL('..', import.meta.url));
const out = resolve(values.out as string);
const { parseWeek, WeekError } = await import('../src/digest/week.ts');
let week: ReturnType<typeof parseWeek> = undefined as never;
try {
  week = parseWeek(values.week as string);
} catch (err) {
  if (err instanceof WeekError) fail(2, err.message);
  throw err;
}
const { readSources, buildDigest } = await import('../src/digest/build.ts');
let sources: ReturnType<typeof readSources> = undefined as never;
try {
  sources = readSources(root);
} catch (err) {
  fail(3, (err as Error).message);
}
const built = await buildDigest(sources, week, locale as 'fr' | 'en');
const { HubLinks } = await import('../src/digest/links.ts');
const hub = new HubLinks(sources.settings, locale as 'fr' | 'en').root;
const preview = `${hub}__digest-preview__.html`;

// The hub's images, answered locally.
const { ogJobs } = await import('../src/og/jobs.ts');
const { brandFromSettings } = await import('../src/og/brand.ts');
const { renderPng } = await import('../src/og/render.ts');
const tmp = mkdtempSync(join(tmpdir(), 'relais-shots-'));
const jobs = new Map(ogJobs(sources.entries, sources.settings).map((j) => [j.file, j]));
const brand = brandFromSettings(sources.settings, root, join(tmp, 'fonts'));
const types: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml' };
async function hubFile(url: string): Promise<{ body: Buffer; type: string } | undefined> {
  const path = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '');
  const job = jobs.get(path);
  if (job) return { body: await renderPng(job.content, job.format, brand), type: 'image/png' };
  const file = join(root, 'public', path);
  if (!path.includes('..') && existsSync(file))
    return { body: readFileSync(file), type: types[extname(file)] ?? 'application/octet-stream' };
  return undefined;
}

/** A Teams-like host config (Teams' light theme: Segoe UI, its purple, its image sizes). */
const hostConfig = {
  fontFamily: "'Segoe UI', system-ui, sans-serif",
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 20 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  imageSizes: { small: 32, medium: 88, large: 160 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#5B5FC7', subtle: '#4F52B2' },
        attention: { default: '#C4314B', subtle: '#A42E43' },
        good: { default: '#237B4B', subtle: '#0E5E32' },
        warning: { default: '#835C00', subtle: '#6A4B00' },
        dark: { default: '#242424', subtle: '#424242' },
        light: { default: '#FFFFFF', subtle: '#F5F5F5' },
      },
    },
    emphasis: { backgroundColor: '#F5F5F5', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
  },
  actions: { maxActions: 6, buttonSpacing: 8, showCard: { actionMode: 'inline' }, actionsOrientation: 'horizontal' },
};

/** Adaptive Cards' Markdown (links, bold, escapes), turned to HTML here with micromark, as Teams does. */
async function markdownOf(card: unknown): Promise<Record<string, string>> {
  const { default: micromark } = await import('micromark');
  const texts: Record<string, string> = {};
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') texts[o.text] = micromark(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return texts;
}

const teamsPage = (card: unknown, markdown: Record<string, string>) => `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>Teams</title>
<style>
  body { margin: 0; padding: 20px; background: #f5f5f5; font-family: 'Segoe UI', system-ui, sans-serif; }
  .post { max-width: 560px; background: #fff; border-radius: 6px; box-shadow: 0 1px 2px rgba(0,0,0,.14); padding: 12px 0 4px; }
  .who { font-size: 12px; color: #616161; padding: 0 16px 4px; } .who b { color: #242424; }
  .ac-textBlock p { margin: 0; } .ac-textBlock a { color: #5B5FC7; text-decoration: none; }
  .ac-pushButton { border: 1px solid #D1D1D1; background: #fff; border-radius: 4px; padding: 5px 12px; font: 600 14px 'Segoe UI', system-ui, sans-serif; color: #242424; }
  .ac-image { border-radius: 4px; }
</style></head>
<body><div class="post"><div class="who"><b>${sources.settings.name}</b> · Workflows</div><div id="card"></div></div>
<script>
  const markdown = ${JSON.stringify(markdown)};
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    if (markdown[text] !== undefined) { result.outputHtml = markdown[text]; result.didProcess = true; }
  };
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = new AdaptiveCards.HostConfig(${JSON.stringify(hostConfig)});
  card.parse(${JSON.stringify(card)});
  document.getElementById('card').appendChild(card.render());
</script></body></html>`;

const { chromium } = await import('playwright-core');
const { default: sharp } = await import('sharp');
let browser: import('playwright-core').Browser | undefined;
try {
  const b = await chromium.launch({
    executablePath,
    args: chromiumArgs,
  });
  browser = b;
  mkdirSync(out, { recursive: true });
  const shot = async (
    name: string,
    width: number,
    colorScheme: 'light' | 'dark',
    html: string,
    prepare?: (page: import('playwright-core').Page) => Promise<unknown>,
    clipHeight?: number,
  ) => {
    const context = await b.newContext({ viewport: { width, height: 800 }, colorScheme, deviceScaleFactor: 1 });
    const refused: string[] = [];
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url === preview) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      const file = url.startsWith(hub) ? await hubFile(url) : undefined;
      if (file) return route.fulfill({ status: 200, contentType: file.type, body: file.body });
      if (!url.startsWith('data:')) refused.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    await prepare?.(page);
    // Served from the hub's address, as a mail client shows it: images load from the same host.
    await page.goto(preview, { waitUntil: 'networkidle' });
    const file = join(out, `${name}.png`);
    const png =
      name === 'digest-teams'
        ? await page.locator('.post').screenshot()
        : await page.screenshot(
            clipHeight ? { clip: { x: 0, y: 0, width, height: clipHeight }, fullPage: true } : { fullPage: true },
          );
    await context.close();
    // A 64-colour palette keeps each file well under 150 KB (flat e-mail colours, no photo).
    writeFileSync(file, await sharp(png).png({ palette: true, colors: 64, effort: 10 }).toBuffer());
    const kb = (readFileSync(file).length / 1024).toFixed(0);
    process.stdout.write(`${file} (${kb} KB)${refused.length ? `; refused: ${refused.join(', ')}` : ''}\n`);
  };
  const html = built.mail.html;
  await shot('digest-email-600-light', 600, 'light', html);
  await shot('digest-email-600-dark', 600, 'dark', html);
  // On a phone the columns stack: the top of the mail (header, first cards) shows how.
  await shot('digest-email-phone-light', 375, 'light', html, undefined, 1500);
  await shot('digest-email-phone-dark', 375, 'dark', html, undefined, 1500);
  const card = (built.teams as { attachments: { content: unknown }[] }).attachments[0]?.content;
  const script = createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.js');
  await shot('digest-teams', 600, 'light', teamsPage(card, await markdownOf(card)), async (page) => {
    await page.addInitScript({ path: script });
  });
} catch (err) {
  fail(3, `Chromium : ${(err as Error).message}`);
} finally {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
}
