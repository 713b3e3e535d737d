import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { useTranslations } from '../i18n/index.ts';
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

/** Where a digest's sources are, when they are not the project's defaults. */
export interface SourceOptions {
  /** Content folder, relative to `root` or absolute. Default `content` (the site build: `RELAIS_CONTENT`). */
  contentDir?: string;
  /**
   * The hub's base path as the site is built with it (`RELAIS_BASE`), replacing `basePath` of
   * `programme.yaml` in every link, as `astro.config.mjs` does for the pages.
   */
  basePath?: string | undefined;
  /** The project's routes (`src/pages/`), which `loadContent` finds on its own outside a bundle. */
  pagesDir?: string;
}

/** Reads the content, `programme.yaml`, `digest.yaml` (defaults when absent) and the dashboards (optional). */
export function readSources(
  root: string,
  dashboardsFile = join(root, '.relais/dashboards.json'),
  options: SourceOptions = {},
): DigestSources {
  const contentDir = options.contentDir ?? 'content';
  const dir = resolve(root, contentDir);
  // loadContent joins its folder to the root: an absolute RELAIS_CONTENT is made relative first.
  const { entries, problems } = options.pagesDir
    ? loadContent(root, relative(root, dir), options.pagesDir)
    : loadContent(root, relative(root, dir));
  if (problems.length) throw new DigestError(`le contenu a des erreurs :\n${formatProblems(problems)}`);
  const programme = settingsSchema.parse(parseYaml(readFileSync(join(dir, 'settings/programme.yaml'), 'utf8')));
  const basePath = options.basePath ? `${options.basePath.replace(/\/+$/, '')}/` : programme.basePath;
  const settings = { ...programme, basePath };
  const digestFile = join(dir, 'settings/digest.yaml');
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
  const label = useTranslations(locale)('digest.unsubscribe');
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
