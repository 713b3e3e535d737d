import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { shortLinkRoutes } from '../../../src/lib/shortlinks.ts';
import { formatProblems } from '../../../src/model/errors.ts';
import type { LoadedEntry } from '../../../src/model/load.ts';
import { loadContent } from '../../../src/model/load.ts';
import { checkShortCodes } from '../../../src/model/shortcodes.ts';

const entry = (
  collection: LoadedEntry['collection'],
  slug: string,
  code: string,
  aliases: string[] = [],
  locale = 'fr',
): LoadedEntry => ({
  collection,
  locale,
  slug,
  file: `content/${collection}/${locale}/${slug}.md`,
  data: { code, aliases },
  body: '',
});

describe('short codes', () => {
  it('reject a code claimed by two entries, naming both files', () => {
    const problems = checkShortCodes([entry('capsules', 'a', 'charte'), entry('events', 'b', 'charte')]);
    expect(formatProblems(problems)).toMatchInlineSnapshot(
      `"content/events/fr/b.md: **code**: le code « charte » est déjà pris par content/capsules/fr/a.md (code)"`,
    );
  });

  it('reject an alias that is another entry’s code', () => {
    const problems = checkShortCodes([entry('paths', 'p', 'start'), entry('capsules', 'c', 'intro', ['start'])]);
    expect(formatProblems(problems)).toMatchInlineSnapshot(
      `"content/capsules/fr/c.md: **aliases.0**: le code « start » est déjà pris par content/paths/fr/p.md (code)"`,
    );
  });

  it('let a translation repeat its French entry’s codes', () => {
    expect(checkShortCodes([entry('capsules', 'a', 'x', ['y']), entry('capsules', 'a', 'x', ['y'], 'en')])).toEqual([]);
  });

  it('hold in the sample content', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const { entries } = loadContent(root);
    expect(checkShortCodes(entries)).toEqual([]);
  });

  it('give one route per code and per alias, aliases to the same page', () => {
    const routes = shortLinkRoutes([
      { kind: 'capsule', slug: 'pourquoi', title: 'Pourquoi', code: 'pourquoi', aliases: ['bienvenue'] },
    ]);
    expect(routes).toEqual([
      { code: 'pourquoi', target: '/capsules/pourquoi/', title: 'Pourquoi', alias: false },
      { code: 'bienvenue', target: '/capsules/pourquoi/', title: 'Pourquoi', alias: true },
    ]);
  });
});
