import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCycles } from '../../lib/import-graph.ts';

const root = join(import.meta.dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'relais-cycles-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('import cycles', () => {
  it('are found, through .ts and Astro front matter alike', () => {
    mkdirSync(join(scratch, 'src'));
    writeFileSync(join(scratch, 'src/a.ts'), "import { b } from './b.ts';\nexport const a = b;\n");
    writeFileSync(join(scratch, 'src/b.ts'), "import type { C } from './C.astro';\nexport const b = 1;\n");
    writeFileSync(join(scratch, 'src/C.astro'), "---\nimport { a } from './a.ts';\n---\n<p>{a}</p>\n");
    // A comment naming an import is not an import.
    writeFileSync(join(scratch, 'src/d.ts'), "// import { a } from './d.ts';\nexport const d = 1;\n");
    expect(importCycles(scratch, ['src'])).toEqual([['src/C.astro', 'src/a.ts', 'src/b.ts']]);
  });

  it('are absent from the hub’s code and scripts', () => {
    expect(importCycles(root, ['src', 'scripts', 'admin'])).toEqual([]);
  });
});
