import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubHeaders } from '../../deploy/headers.ts';
import { readPolicies } from '../../src/csp/map.ts';
import { readProposals } from '../../src/lib/proposals.ts';
import { splitFrontmatter } from '../../src/model/frontmatter.ts';
import { cardSchema } from '../../src/model/schemas/card.ts';
import { isolatedContext, launch } from '../lib/browser.ts';
import { root, testBase, testDist } from '../lib/paths.ts';
import { serve } from '../lib/server.ts';

/**
 * The suggestion form (`/proposer/`) in Chromium, served with the headers nginx sends (the
 * build's per-page CSP included, so `form-action` is enforced as in production). The e-mail
 * channel: the `mailto:` Chromium is asked to open holds a card front matter that passes the
 * card schema. The form endpoint: the settings' endpoint is a public HTTPS address the test
 * cannot own, so the browser's request to it is handed, as sent (method, type, body), to a
 * local node:http server playing the endpoint, whose answer (a 303 back to the hub) goes back
 * to the browser.
 */
const channels = readProposals(join(root, 'content'));
const endpoint = new URL(channels.endpoint ?? 'https://absent.invalid/');

interface Received {
  method: string;
  path: string;
  type: string;
  body: string;
}

let site: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let receiver: Server;
let receiverUrl = '';
const received: Received[] = [];
/** Set by a test: the policy's form-action loses the endpoint (the control case). */
let stripEndpoint = false;

beforeAll(async () => {
  const policyOf = readPolicies(testDist, testBase);
  site = await serve(testDist, testBase, (path) => {
    const headers = hubHeaders(path, testBase, policyOf);
    const csp = headers['content-security-policy'] ?? '';
    if (stripEndpoint) headers['content-security-policy'] = csp.replace(` ${endpoint.origin}`, '');
    return headers;
  });
  // The endpoint: records what arrives, sends the visitor to the `redirect` field's page.
  receiver = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ method: req.method ?? '', path: req.url ?? '', type: req.headers['content-type'] ?? '', body });
      const back = new URLSearchParams(body).get('redirect');
      const to = back ? new URL(new URL(back).pathname, site.url).href : site.url;
      res.writeHead(303, { location: to }).end();
    });
  });
  await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await new Promise((ok) => receiver?.close(ok));
});

/** A new visitor on the French form, the endpoint's host routed to the local receiver. */
async function openForm(options: Parameters<Browser['newContext']>[0] = {}) {
  const { context, foreign } = await isolatedContext(browser, new URL(site.url).origin, options);
  // Registered last, so it runs before the isolation route for the endpoint's host.
  await context.route(`${endpoint.origin}/**`, async (route) => {
    const request = route.request();
    const answer = await fetch(`${receiverUrl}${new URL(request.url()).pathname}`, {
      method: request.method(),
      headers: { 'content-type': request.headers()['content-type'] ?? '' },
      body: request.postData() ?? '',
      redirect: 'manual',
    });
    await route.fulfill({ status: answer.status, headers: Object.fromEntries(answer.headers), body: '' });
  });
  const page = await context.newPage();
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith('mailto:')) asked.push(r.url());
  });
  await page.goto(`${site.url}proposer/`);
  return { context, page, foreign, asked };
}

const suggestion = {
  title: 'Notre station de Gien fête ses 30 ans',
  url: 'https://www.exemple.fr/actualites/gien-30-ans',
  theme: 'rse',
  text: 'Trente ans que la station de Gien traite l’eau de 40 000 habitants.\nBravo à toute l’équipe !',
  why: 'La presse locale en parle cette semaine.',
};

async function fill(page: Page) {
  await page.fill('#proposal-title', suggestion.title);
  await page.fill('#proposal-url', suggestion.url);
  await page.selectOption('#proposal-theme', suggestion.theme);
  await page.fill('#proposal-text', suggestion.text);
  await page.fill('#proposal-why', suggestion.why);
}

/**
 * The front matter from the first line that is `---` on its own (the e-mail's intro mentions
 * "---" in its sentence), parsed and checked as a card.
 */
function asCard(text: string) {
  const normalized = `\n${text.replace(/\r\n/g, '\n')}`;
  const start = normalized.indexOf('\n---\n');
  expect(start, 'a --- line').toBeGreaterThanOrEqual(0);
  const { data } = splitFrontmatter(normalized.slice(start + 1));
  return cardSchema.safeParse(data);
}

const expectedCard = {
  title: suggestion.title,
  url: suggestion.url,
  theme: 'rse',
  why: suggestion.why,
  draft: true,
  variants: [{ text: suggestion.text }, { text: expect.any(String) }],
};

describe('the suggestion form in Chromium', () => {
  it('has both channels configured in the sample settings (else the tests below prove nothing)', () => {
    expect(channels.email).toBeTruthy();
    expect(endpoint.protocol).toBe('https:');
  });

  it('e-mail: the mailto body holds a card front matter that passes the card schema, then the visitor lands on the sent page', async () => {
    const { context, page, foreign, asked } = await openForm();
    await fill(page);
    await page.getByRole('button', { name: 'Préparer l’e-mail' }).click();
    await expect.poll(() => asked.length).toBe(1);
    const mailto = new URL(asked[0] as string);
    expect(decodeURIComponent(mailto.pathname)).toBe(channels.email);
    expect(mailto.searchParams.get('subject')).toBe(`${channels.subject} : ${suggestion.title}`);
    const body = mailto.searchParams.get('body') ?? '';
    expect(body).toContain('\r\n'); // RFC 6068: line breaks as CRLF
    const card = asCard(body);
    expect(card.error?.issues ?? []).toEqual([]);
    expect(card.data).toMatchObject(expectedCard);
    await page.waitForURL(`${site.url}proposer/envoye/`);
    // Nothing left the machine but the mailto: Chromium was asked to open (and did not).
    expect(foreign.filter((u) => !u.startsWith('mailto:'))).toEqual([]);
    await context.close();
  });

  it('form endpoint: the endpoint receives a POST with the fields and the card front matter, and sends the visitor back', async () => {
    received.length = 0;
    const { context, page, foreign } = await openForm();
    await fill(page);
    await page.getByRole('button', { name: 'Envoyer la proposition' }).click();
    await page.waitForURL(`${site.url}proposer/envoye/`);
    expect(received).toHaveLength(1);
    const post = received[0] as Received;
    expect([post.method, post.path, post.type]).toEqual([
      'POST',
      endpoint.pathname,
      'application/x-www-form-urlencoded',
    ]);
    const fields = new URLSearchParams(post.body);
    expect(fields.get('title')).toBe(suggestion.title);
    expect(fields.get('url')).toBe(suggestion.url);
    expect(fields.get('text')?.replace(/\r\n/g, '\n')).toBe(suggestion.text);
    const card = asCard(fields.get('card') ?? '');
    expect(card.error?.issues ?? []).toEqual([]);
    expect(card.data).toMatchObject(expectedCard);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('form endpoint without JavaScript: still a plain POST with the fields (no card, which the script writes)', async () => {
    received.length = 0;
    const { context, page } = await openForm({ javaScriptEnabled: false });
    await fill(page);
    await page.getByRole('button', { name: 'Envoyer la proposition' }).click();
    await page.waitForURL(`${site.url}proposer/envoye/`);
    expect(received).toHaveLength(1);
    const fields = new URLSearchParams((received[0] as Received).body);
    expect(fields.get('title')).toBe(suggestion.title);
    expect(fields.get('card')).toBe('');
    await context.close();
  });

  it('control: with the endpoint taken out of form-action, the browser never posts to it', async () => {
    received.length = 0;
    stripEndpoint = true;
    try {
      const { context, page } = await openForm();
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await fill(page);
      // Clicked from the page: Playwright's click would wait for a navigation that never comes.
      await page.$eval('button[data-channel="endpoint"]', (b) => (b as HTMLButtonElement).click());
      await expect.poll(() => violations.join('\n')).toMatch(/form-action/);
      expect(received).toEqual([]);
      expect(page.url()).toBe(`${site.url}proposer/`);
      await context.close();
    } finally {
      stripEndpoint = false;
    }
  });
});

describe('suggestions counted on the dashboards', () => {
  it('the objectives page shows the weekly suggestions, as many as the sample log’s sent-page visits (each line once)', () => {
    const lines = readFileSync(join(root, 'content/logs/access.log'), 'utf8').split('\n');
    const sent = new Set(lines.filter((l) => /"GET \S*\/proposer\/envoye\/ /.test(l)));
    expect(sent.size).toBeGreaterThan(10);
    const html = readFileSync(join(testDist, 'tableau-de-bord/objectifs/index.html'), 'utf8');
    const section = html.slice(html.indexOf('id="propositions-title"'));
    expect(section.length).toBeLessThan(html.length);
    const csv = readFileSync(join(testDist, 'tableau-de-bord/propositions.csv'), 'utf8').trim().split(/\r?\n/);
    const total = csv.slice(1).reduce((sum, row) => sum + Number(row.split(',').at(-1)), 0);
    expect(total).toBe(sent.size);
    expect(readFileSync(join(testDist, 'en/tableau-de-bord/propositions.csv'), 'utf8')).toContain('Suggestions');
  });
});
