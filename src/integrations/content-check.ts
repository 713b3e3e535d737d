import { relative, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { getDashboards } from '../lib/dashboards.ts';
import { ContentError, formatProblems } from '../model/errors.ts';
import { loadContent } from '../model/load.ts';

/**
 * Checks the whole content model before Astro builds anything: schemas, references between
 * entries, short codes, event uids and slugs (no two entries, nor an entry and a page, at one
 * address). A dangling reference or a duplicate code stops the build with every
 * problem listed (file, field, what was expected), instead of a page that silently lacks a link.
 */
export default function relaisContent(): AstroIntegration {
  return {
    name: 'relais:content-check',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = decodeURIComponent(config.root.pathname);
        // `RELAIS_CONTENT` (default `content`) builds another content folder, e.g. the bench's.
        const contentDir = relative(root, resolve(root, process.env.RELAIS_CONTENT ?? 'content'));
        // The build has just run `npm run dashboards`: objectives' targets are checked against them.
        const { entries, problems, warnings } = loadContent(root, contentDir, resolve(root, 'src/pages'), {
          dashboards: getDashboards(),
        });
        if (problems.length) throw new ContentError(problems);
        // Date- or data-dependent objective checks warn: the objectives page says the same in words.
        if (warnings.length) logger.warn(`${warnings.length} avertissement(s) :\n${formatProblems(warnings)}`);
        logger.info(`${entries.length} entrées valides`);
      },
    },
  };
}
