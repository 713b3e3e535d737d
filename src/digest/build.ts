import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblems } from '../model/errors.ts';
import { type LoadedEntry, loadContent } from '../model/load.ts';
import type { Locale } from '../model/schemas/common.ts';
import { type DigestSettings, digestSchema } from '../model/schemas/digest.ts';
import { type Settings, settingsSchema } from '../model/schemas/settings.ts';
import { parseYaml } from '../model/yaml.ts';
import { type DigestMail, digestMail } from './eml.ts';
import { digestHtml } from './html.ts';
import { type DashboardFigures, selectDigest } from './select.ts';
import { slackMessage } from './slack.ts';
import { digestStrings } from './strings.ts';
import { teamsCard } from './teams.ts';
import { digestText } from './text.ts';
import { type DigestView, digestView } from './view.ts';
import type { IsoWeek } from './week.ts';

export class DigestError extends Error {}

/** Everything a week's digest is made from, read and validated once. */
export interface DigestSources {
  entries: LoadedEntry[];
  settings: Settings;
  digest: DigestSettings;
  dashboards?: DashboardFigures;
}

/** Reads the content, `programme.yaml`, `digest.yaml` (defaults when absent) and the dashboards (optional). */
export function readSources(root: string, dashboardsFile = join(root, '.relais/dashboards.json')): DigestSources {
  const { entries, problems } = loadContent(root);
  if (problems.length) throw new DigestError(`le contenu a des erreurs :\n${formatProblems(problems)}`);
  const settings = settingsSchema.parse(parseYaml(readFileSync(join(root, 'content/settings/programme.yaml'), 'utf8')));
  const digestFile = join(root, 'content/settings/digest.yaml');
  const digest = digestSchema.parse(existsSync(digestFile) ? parseYaml(readFileSync(digestFile, 'utf8')) : {});
  let dashboards: DashboardFigures | undefined;
  if (existsSync(dashboardsFile)) {
    try {
      dashboards = JSON.parse(readFileSync(dashboardsFile, 'utf8')) as DashboardFigures;
    } catch (err) {
      throw new DigestError(
        `${dashboardsFile}: JSON illisible (${(err as Error).message}); relancez npm run dashboards`,
      );
    }
  }
  return { entries, settings, digest, ...(dashboards ? { dashboards } : {}) };
}

/** A week's digest in every channel's shape. */
export interface BuiltDigest {
  view: DigestView;
  mail: DigestMail;
  teams: Record<string, unknown>;
  slack: { text: string; blocks: Record<string, unknown>[] };
}

export async function buildDigest(src: DigestSources, week: IsoWeek, locale: Locale): Promise<BuiltDigest> {
  const content = selectDigest({ ...src, week, locale });
  const view = digestView(content);
  const label = digestStrings[locale].unsubscribe;
  const text = digestText(view, src.digest.unsubscribe, label);
  const html = await digestHtml(view, src.digest.unsubscribe, label);
  const mail = digestMail({
    digest: src.digest,
    subject: view.subject,
    text,
    html,
    week: week.id,
    locale,
    host: new URL(src.settings.siteUrl).hostname,
  });
  return { view, mail, teams: teamsCard(view), slack: slackMessage(view) };
}
