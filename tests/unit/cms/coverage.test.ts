import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { cmsFields } from '../../../admin/config/fields.ts';
import { cmsConfig } from '../../../admin/config/index.ts';
import type { CmsField } from '../../../admin/config/types.ts';
import { bounds, defOf, regexes, type Schema, unwrap } from '../../../admin/config/zod.ts';
import { fileCollections, folderCollections } from '../../../src/model/collections.ts';

/**
 * Every schema field has its CMS field and the reverse, at every depth (objects, lists of
 * objects), with the same required flag, options, patterns and limits.
 */
const config = cmsConfig({ env: {} });
const fieldsOf = (name: string): CmsField[] => {
  const c = config.collections.find((x) => x.name === name);
  return c?.fields ?? c?.files?.[0]?.fields ?? [];
};

/** Differences between a zod object shape and CMS fields, as readable lines. */
function differences(shape: Record<string, Schema>, fields: readonly CmsField[], at = ''): string[] {
  const out: string[] = [];
  const names = new Set(fields.map((f) => f.name));
  for (const name of Object.keys(shape)) if (!names.has(name)) out.push(`${at}${name}: absent du CMS`);
  for (const f of fields) {
    const schema = shape[f.name];
    if (!schema) {
      out.push(`${at}${f.name}: absent du schéma`);
      continue;
    }
    const field = unwrap(schema);
    const where = `${at}${f.name}`;
    if (f.required !== !field.optional) out.push(`${where}: requis ${f.required} ≠ schéma ${!field.optional}`);
    out.push(...sameRules(field.schema, f, where));
  }
  return out;
}

function sameRules(schema: Schema, f: CmsField, where: string): string[] {
  const def = defOf(schema);
  const out: string[] = [];
  const item = def.type === 'array' && def.element ? unwrap(def.element) : undefined;
  const values = (d: typeof def) => Object.values(d.entries ?? {}).sort();
  if (def.type === 'enum' && JSON.stringify(f.options?.map((o) => o.value).sort()) !== JSON.stringify(values(def)))
    out.push(`${where}: options différentes`);
  if (
    item?.def.type === 'enum' &&
    JSON.stringify(f.options?.map((o) => o.value).sort()) !== JSON.stringify(values(item.def))
  )
    out.push(`${where}: options différentes`);
  const regex = regexes(def)[0]?.regex;
  if (def.type === 'string' && regex && String(f.pattern?.[0]) !== String(regex.flags ? regex : regex.source))
    out.push(`${where}: motif ${String(f.pattern?.[0])} ≠ ${regex}`);
  if (def.type === 'number' || def.type === 'array') {
    const b = bounds(def);
    if (f.min !== b.min || f.max !== b.max) out.push(`${where}: bornes ${f.min}..${f.max} ≠ ${b.min}..${b.max}`);
  }
  if (def.type === 'object') out.push(...differences(def.shape ?? {}, f.fields ?? [], `${where}.`));
  if (item?.def.type === 'object') out.push(...differences(item.def.shape ?? {}, f.fields ?? [], `${where}.*.`));
  if (item?.def.type === 'string' && f.field) out.push(...sameRules(item.schema, f.field, `${where}.*`));
  return out;
}

describe('the CMS configuration mirrors the content model', () => {
  for (const [name, c] of Object.entries({ ...folderCollections, ...fileCollections })) {
    it(name, () => {
      const fields = fieldsOf(name).filter((f) => !(c.kind === 'folder' && f.name === 'body'));
      expect(differences(defOf(c.schema).shape ?? {}, fields)).toEqual([]);
    });
  }

  it('folder collections edit the Markdown body and are translated side by side', () => {
    for (const name of Object.keys(folderCollections)) {
      const c = config.collections.find((x) => x.name === name);
      expect(c?.folder).toBe(`content/${folderCollections[name as keyof typeof folderCollections].folder}`);
      expect(c?.i18n).toBe(true);
      expect(c?.fields?.at(-1)).toMatchObject({ name: 'body', widget: 'markdown', i18n: true });
    }
    expect(config.i18n).toEqual({ structure: 'multiple_folders', locales: ['fr', 'en'], default_locale: 'fr' });
  });

  it('the comparison notices a field missing on either side', () => {
    const shape = { title: z.string().meta({ label: 'Titre' }), order: z.number().meta({ label: 'Ordre' }) };
    const fields = cmsFields(shape);
    expect(differences(shape, fields.slice(0, 1))).toEqual(['order: absent du CMS']);
    expect(differences({ title: shape.title }, fields)).toEqual(['order: absent du schéma']);
  });
});

describe('the field walker never skips silently', () => {
  it('stops on a zod type it does not know, naming the field', () => {
    const shape = { scope: z.object({ at: z.bigint().meta({ label: 'Quand' }) }).meta({ label: 'Portée' }) };
    expect(() => cmsFields(shape)).toThrow('scope.at : type zod « bigint » sans équivalent dans le CMS');
  });

  it('stops on a field without a label', () => {
    expect(() => cmsFields({ title: z.string() })).toThrow('title : pas de libellé pour le CMS');
  });
});

describe('widgets fit the fields', () => {
  const by = (collection: string, name: string) => fieldsOf(collection).find((f) => f.name === name);

  it('references are relations by file name, lists of them multiple', () => {
    expect(by('paths', 'capsules')).toMatchObject({
      widget: 'relation',
      collection: 'capsules',
      value_field: '{{slug}}',
      search_fields: ['title'],
      multiple: true,
      min: 1,
      i18n: 'duplicate',
    });
  });

  it('an event’s calendar uid is Decap’s uuid widget, written once and copied to English', () => {
    expect(by('events', 'uid')).toEqual({
      name: 'uid',
      label: 'Identifiant agenda',
      required: true,
      widget: 'uuid',
      hint: expect.stringContaining('Créé automatiquement'),
      i18n: 'duplicate',
    });
  });

  it('enums are selects labelled with the site’s words', () => {
    expect(by('capsules', 'level')?.options).toEqual([
      { value: 'debutant', label: 'Débutant' },
      { value: 'intermediaire', label: 'Intermédiaire' },
      { value: 'avance', label: 'Avancé' },
    ]);
    expect(by('challenges', 'kind')?.options?.map((o) => o.label)).toEqual(['Défi personnel', 'Défi collectif']);
    expect(by('events', 'kind')?.options?.map((o) => o.label)).toEqual([
      'Webinaire',
      'Web-café',
      'Campagne',
      'Formation',
    ]);
  });

  it('media, dates, numbers, colours and long texts get their widgets', () => {
    expect(by('capsules', 'video')).toMatchObject({ widget: 'file', required: false });
    expect(by('capsules', 'poster')).toMatchObject({ widget: 'image', required: false });
    expect(by('capsules', 'published')).toMatchObject({ widget: 'datetime', i18n: 'duplicate' });
    expect(by('capsules', 'duration')).toMatchObject({ widget: 'number', value_type: 'int', min: 1, max: 240 });
    expect(by('capsules', 'summary')).toMatchObject({
      widget: 'text',
      pattern: ['^[\\s\\S]{10,300}$', 'de 10 à 300 caractères'],
    });
    expect(by('settings', 'colors')?.fields?.[0]).toMatchObject({ widget: 'color' });
    expect(by('cards', 'variants')).toMatchObject({ widget: 'list', min: 2, summary: '{{fields.text}}', i18n: true });
  });

  it('keeps regex flags Decap needs (unicode hashtags)', () => {
    const pattern = by('cards', 'hashtags')?.field?.pattern?.[0];
    expect(pattern).toBeInstanceOf(RegExp);
    expect((pattern as RegExp).test('Économie_circulaire')).toBe(true);
  });

  it('text that differs per language is translated, codes and dates are not', () => {
    expect(by('capsules', 'title')?.i18n).toBe(true);
    expect(by('capsules', 'code')?.i18n).toBe('duplicate');
    expect(by('capsules', 'themes')?.i18n).toBe(false);
    expect(by('capsules', 'chapters')?.i18n).toBe(true);
  });
});
