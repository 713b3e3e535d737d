import { folderCollections } from '../../src/model/collections.ts';
import { selectOptions } from './options.ts';
import type { CmsField, I18nMode } from './types.ts';
import { bounds, type Def, isInteger, regexes, type Schema, type Unwrapped, unwrap } from './zod.ts';

/**
 * Derives Decap CMS fields from the content model's zod schemas, so that the editors' forms
 * ask for exactly what the build accepts: same required fields, enums, patterns and limits,
 * French labels and hints from `.meta()`. A schema construct this walker does not know stops
 * the build with the field's path: a field can never silently go missing from the CMS.
 */
export function cmsFields(shape: Record<string, Schema>, path = ''): CmsField[] {
  return Object.entries(shape).map(([name, schema]) => cmsField(name, schema, path ? `${path}.${name}` : name));
}

/** `inherited` labels the items of a list, which usually carry no label of their own. */
export function cmsField(name: string, schema: Schema, path: string, inherited?: string): CmsField {
  const field = unwrap(schema);
  const { label = inherited, hint } = field.meta;
  if (!label) throw new Error(`${path} : pas de libellé pour le CMS (ajoutez .meta({ label }) au schéma)`);
  // Empty lists and objects are left out: Decap would write them into every new file.
  const fallback = field.default;
  const keep = Array.isArray(fallback) ? fallback.length > 0 : fallback !== undefined && typeof fallback !== 'object';
  const derived = widget(field, path);
  const compound = derived.widget === 'list' || derived.widget === 'object';
  return {
    name,
    label,
    required: !field.optional,
    ...(keep ? { default: fallback } : {}),
    ...derived,
    ...(hint ? { hint } : {}),
    ...(field.meta.translate === undefined ? {} : translated(field.meta.translate, compound)),
  };
}

/**
 * Translated per locale (`true`) or copied from the French entry (`duplicate`). Decap accepts
 * only booleans on lists and objects: theirs is `false`, and the save copies the French value.
 */
const translated = (yes: boolean, compound = false): { i18n: I18nMode } => ({
  i18n: yes ? true : compound ? false : 'duplicate',
});

type Widget = Omit<CmsField, 'name' | 'label'>;

function widget(field: Unwrapped, path: string): Widget {
  const { def, meta } = field;
  switch (def.type) {
    case 'string':
      return stringWidget(def, meta.widget, meta.collection);
    case 'enum':
      return { widget: 'select', options: selectOptions(Object.values(def.entries ?? {})), ...translated(false) };
    case 'number':
      return { widget: 'number', value_type: isInteger(def) ? 'int' : 'float', ...bounds(def), ...translated(false) };
    case 'boolean':
      return { widget: 'boolean', ...translated(false) };
    case 'date':
      return { ...dateWidget(meta.widget), ...translated(false) };
    case 'array':
      return listWidget(def, path, field.meta.label ?? '');
    case 'object': {
      const fields = cmsFields(def.shape ?? {}, path);
      return {
        widget: 'object',
        fields,
        collapsed: false,
        ...translated(
          fields.some((f) => f.i18n === true),
          true,
        ),
      };
    }
    case 'union':
      if (meta.widget === 'string') return unionAsString(def, path);
  }
  throw new Error(
    `${path} : type zod « ${def.type} » sans équivalent dans le CMS (à ajouter dans admin/config/fields.ts)`,
  );
}

/** Dates are stored as Decap writes them (ISO 8601 with offset); `widget: 'date'` drops the time. */
function dateWidget(kind: string | undefined): Widget {
  return kind === 'date'
    ? { widget: 'datetime', date_format: 'YYYY-MM-DD', time_format: false, format: 'YYYY-MM-DD' }
    : { widget: 'datetime' };
}

function stringWidget(def: Def, kind: string | undefined, collection: string | undefined): Widget {
  if (kind === 'relation' && collection) return { ...relation(collection), ...translated(false) };
  // Decap's uuid widget fills an empty field once, when the form opens, and shows it read-only.
  if (kind === 'uuid') return { widget: 'uuid', ...translated(false) };
  const checks = regexes(def);
  const { min, max } = bounds(def);
  const first = checks[0];
  const pattern: Widget['pattern'] = first
    ? [toPattern(first.regex), first.message]
    : def.format === 'url'
      ? ['^https?://\\S+$', 'une adresse http(s)://…']
      : min || max
        ? [`^[\\s\\S]{${min ?? 0},${max ?? ''}}$`, lengthText(min, max)]
        : undefined;
  const widget = kind && ['text', 'image', 'file', 'color'].includes(kind) ? kind : 'string';
  // Codes, colours, slugs and media paths are the same in every language; free text is not.
  const free = !first && (widget === 'string' || widget === 'text');
  return {
    widget,
    ...(pattern ? { pattern } : {}),
    ...(max && !first ? { hint: lengthText(min, max) } : {}),
    ...translated(free),
  };
}

const lengthText = (min = 0, max?: number) =>
  max ? (min > 1 ? `de ${min} à ${max} caractères` : `${max} caractères au plus`) : `au moins ${min} caractères`;

/** Decap tests patterns with `RegExp(pattern)`: a string loses flags such as `u`, a RegExp keeps them. */
const toPattern = (regex: RegExp): string | RegExp =>
  regex.flags.replace('g', '') ? new RegExp(regex.source, regex.flags.replace('g', '')) : regex.source;

/** Entries are referenced by file name (`{{slug}}`), the same in every locale. */
function relation(collection: string): Widget {
  const target = folderCollections[collection as keyof typeof folderCollections];
  if (!target) throw new Error(`relation vers une collection inconnue : ${collection}`);
  const title = target.summaryField;
  return {
    widget: 'relation',
    collection,
    value_field: '{{slug}}',
    search_fields: [title],
    display_fields: [title],
  };
}

function listWidget(def: Def, path: string, label: string): Widget {
  if (!def.element) throw new Error(`${path} : liste sans type d’élément`);
  const item = unwrap(def.element);
  const size = bounds(def);
  if (item.def.type === 'enum')
    return {
      widget: 'select',
      multiple: true,
      options: selectOptions(Object.values(item.def.entries ?? {})),
      ...size,
      ...translated(false),
    };
  if (item.def.type === 'string' && item.meta.widget === 'relation' && item.meta.collection)
    return { ...relation(item.meta.collection), multiple: true, ...size, ...translated(false) };
  if (item.def.type === 'object') {
    const fields = cmsFields(item.def.shape ?? {}, `${path}.*`);
    // Collapsed items show their text (Decap's default would read « No network »).
    const shown = fields.find((f) => f.i18n === true && (f.widget === 'string' || f.widget === 'text')) ?? fields[0];
    return {
      widget: 'list',
      fields,
      ...(shown ? { summary: `{{fields.${shown.name}}}` } : {}),
      ...size,
      ...translated(
        fields.some((f) => f.i18n === true),
        true,
      ),
    };
  }
  const one = { ...cmsField('item', def.element, `${path}.*`, label), required: true };
  return { widget: 'list', field: one, ...size, ...translated(one.i18n === true, true) };
}

/**
 * A union edited as one text box (a chapter start: `90` or `1:30`): the box accepts what any
 * member accepts as text.
 */
function unionAsString(def: Def, path: string): Widget {
  const sources = (def.options ?? []).map((option) => {
    const member = unwrap(option);
    if (member.def.type === 'number') return isInteger(member.def) ? '^\\d+$' : '^\\d+(\\.\\d+)?$';
    const regex = regexes(member.def)[0]?.regex;
    if (member.def.type === 'string' && regex) return regex.source;
    throw new Error(`${path} : membre « ${member.def.type} » d’une union non pris en charge`);
  });
  const messages = (def.options ?? []).flatMap((o) => regexes(unwrap(o).def).map((r) => r.message));
  return {
    widget: 'string',
    pattern: [sources.map((s) => `(?:${s})`).join('|'), messages.join(' ; ')],
    ...translated(false),
  };
}
