import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/model/load.ts';
import { writeProgramme } from '../../lib/content-fixture.ts';

/**
 * A build reads its content several times in one process (src/model/load.ts remembers each
 * file's parse by its text): a file edited between two reads must be read anew, an unchanged
 * one gives the same entry.
 */
describe('loadContent read twice in one process', () => {
  it('follows an edit, a broken front matter and its repair', () => {
    const root = writeProgramme();
    const file = join(root, 'content/cards/fr/salon.md');
    const title = (r: ReturnType<typeof loadContent>) =>
      (r.entries.find((e) => e.file === 'content/cards/fr/salon.md')?.data as { title?: string } | undefined)?.title;
    const first = loadContent(root);
    expect(first.problems).toEqual([]);
    const again = loadContent(root);
    expect(title(again)).toBe(title(first));

    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^title: .*$/m, 'title: Le salon, titre revu'));
    expect(title(loadContent(root))).toBe('Le salon, titre revu');

    writeFileSync(file, text.replace(/^title: .*$/m, 'title: [pas fermé'));
    const broken = loadContent(root);
    expect(broken.problems.map((p) => p.file)).toContain('content/cards/fr/salon.md');
    expect(title(broken)).toBeUndefined();

    writeFileSync(file, text);
    const repaired = loadContent(root);
    expect(repaired.problems).toEqual([]);
    expect(title(repaired)).toBe(title(first));
  });
});
