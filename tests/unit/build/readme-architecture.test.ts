import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
/** The folders named at the start of each line of the README's architecture block. */
const listed = (/## Architecture\n\n```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '')
  .split('\n')
  .map((line) => /^(\S+\/)\s/.exec(line)?.[1])
  .filter((folder) => folder !== undefined);
// Folders with files under version control: a local dist/ or coverage/ is not architecture.
const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n');
const folders = (depth: 1 | 2, under = '') => [
  ...new Set(
    tracked
      .filter((path) => path.startsWith(under) && path.split('/').length > depth)
      .map((path) => `${path.split('/').slice(0, depth).join('/')}/`)
      .filter((folder) => !folder.startsWith('.')),
  ),
];

describe('the README’s architecture block', () => {
  it('names each folder once', () => {
    expect(listed.length).toBeGreaterThan(10);
    expect(listed.filter((folder, i) => listed.indexOf(folder) !== i)).toEqual([]);
  });

  it('names every top-level folder and every folder of src/, and only folders that exist', () => {
    const expected = [...folders(1), ...folders(2, 'src/')].filter((folder) => folder !== 'src/').sort();
    expect([...listed].sort()).toEqual(expected);
  });
});
