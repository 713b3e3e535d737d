import { describe, expect, it } from 'vitest';
import { cmsConfig } from '../../../admin/config/index.ts';
import { tidyDataFiles, withoutBlanks } from '../../../admin/save/tidy.ts';

const config = cmsConfig({ env: {} });
const file = (path: string, raw: string) => ({ path, slug: 'carte', raw });
const fr = file(
  'content/cards/fr/carte.md',
  '---\ntitle: Une carte\ntheme: rse\ntags:\n  - eau\nvalidFrom: 2026-11-01\n---\nCorps\n',
);

describe('saving through the CMS', () => {
  it('drops blank optional values, inside lists too', () => {
    expect(withoutBlanks({ a: '', b: null, c: { d: '' }, e: [{ network: null, text: 'x' }], f: 0, g: false })).toEqual({
      e: [{ text: 'x' }],
      f: 0,
      g: false,
    });
  });

  it('keeps Decap’s text when nothing changes', () => {
    expect(tidyDataFiles([fr], config)).toEqual([fr]);
  });

  it('does not write a translation nobody wrote', () => {
    const en = file('content/cards/en/carte.md', '---\ntheme: rse\nvalidFrom: 2026-11-01\n---\n');
    expect(tidyDataFiles([fr, en], config)).toEqual([fr]);
  });

  it('gives a translation the French untranslated fields, lists included', () => {
    const en = file('content/cards/en/carte.md', '---\ntitle: A card\ntheme: produits\ntags: []\n---\nBody\n');
    const [, written] = tidyDataFiles([fr, en], config);
    expect(written?.raw).toBe('---\ntitle: A card\ntheme: rse\ntags:\n  - eau\nvalidFrom: 2026-11-01\n---\nBody\n');
  });

  it('cleans single YAML files', () => {
    const settings = file('content/settings/programme.yaml', 'name: Relais\nlogo: ""\n');
    expect(tidyDataFiles([settings], config)[0]?.raw).toBe('name: Relais\n');
  });
});
