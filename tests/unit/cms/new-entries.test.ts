import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cmsConfig } from '../../../admin/config/index.ts';
import { tidyDataFiles } from '../../../admin/save/tidy.ts';
import { fileCollections, folderCollections } from '../../../src/model/collections.ts';
import { splitFrontmatter } from '../../../src/model/frontmatter.ts';
import { newEntries } from '../../fixtures/cms/entries.ts';
import { decapMarkdown, decapYaml } from './decap.ts';
import { formErrors } from './form.ts';

/**
 * For every collection, a new entry filled in the form is written the way Decap writes it
 * (its own formatter, then Relais's save step), read back the way the site reads it, and
 * must pass the Astro schema.
 */
const config = cmsConfig({ env: {} });
const collection = (name: string) => {
  const c = config.collections.find((x) => x.name === name);
  if (!c) throw new Error(`collection ${name} absente du CMS`);
  return c;
};

describe('a new entry written by Decap passes the schema', () => {
  it('has a fixture for every collection of the model', () => {
    expect(Object.keys(newEntries).sort()).toEqual(
      [...Object.keys(folderCollections), ...Object.keys(fileCollections)].sort(),
    );
  });

  for (const [name, c] of Object.entries(folderCollections)) {
    it(`${name}`, () => {
      const fields = collection(name).fields ?? [];
      const values = newEntries[name] ?? {};
      expect(formErrors(fields, values)).toEqual([]);
      const path = `content/${c.folder}/fr/nouvelle-entree.md`;
      const written = tidyDataFiles([{ path, slug: 'nouvelle-entree', raw: decapMarkdown(values, fields) }], config);
      expect(written).toHaveLength(1);
      const { data, body } = splitFrontmatter(written[0]?.raw ?? '');
      const parsed = c.schema.safeParse(data);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(body).toBe(values.body ?? '');
    });
  }

  for (const [name, c] of Object.entries(fileCollections)) {
    it(`${name}`, () => {
      const fields = collection(name).files?.[0]?.fields ?? [];
      const values = newEntries[name] ?? {};
      expect(formErrors(fields, values)).toEqual([]);
      const path = `content/${c.file}`;
      const written = tidyDataFiles([{ path, slug: name, raw: decapYaml(values, fields) }], config);
      const parsed = c.schema.safeParse(parse(written[0]?.raw ?? ''));
      expect(parsed.error?.issues ?? []).toEqual([]);
    });
  }
});
