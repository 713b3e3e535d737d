import type { CmsField } from '../../../admin/config/types.ts';

/**
 * The checks Decap's form runs before it saves (presence, pattern, select options, number and
 * list bounds), so a fixture can be shown to be something an editor is allowed to submit.
 */
export function formErrors(fields: readonly CmsField[], data: Record<string, unknown>, path = ''): string[] {
  return fields.flatMap((f) => fieldErrors(f, data[f.name], `${path}${f.name}`));
}

const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function fieldErrors(f: CmsField, value: unknown, at: string): string[] {
  if (empty(value)) return f.required === false ? [] : [`${at}: requis`];
  const errors: string[] = [];
  if (f.pattern && !RegExp(f.pattern[0]).test(String(value))) errors.push(`${at}: ${f.pattern[1]}`);
  if (f.widget === 'select') {
    const allowed = new Set(f.options?.map((o) => o.value));
    const values = f.multiple ? (value as unknown[]) : [value];
    for (const v of values) if (!allowed.has(String(v))) errors.push(`${at}: option inconnue ${String(v)}`);
  }
  if (f.widget === 'number') {
    const n = value as number;
    if (typeof n !== 'number' || (f.value_type === 'int' && !Number.isInteger(n))) errors.push(`${at}: nombre attendu`);
    if (f.min !== undefined && n < f.min) errors.push(`${at}: < ${f.min}`);
    if (f.max !== undefined && n > f.max) errors.push(`${at}: > ${f.max}`);
  }
  if (Array.isArray(value) && f.widget !== 'number') {
    if (f.min !== undefined && value.length < f.min) errors.push(`${at}: au moins ${f.min} éléments`);
    if (f.max !== undefined && value.length > f.max) errors.push(`${at}: au plus ${f.max} éléments`);
    value.forEach((item, i) => {
      if (f.fields) errors.push(...formErrors(f.fields, item as Record<string, unknown>, `${at}.${i}.`));
      if (f.field) errors.push(...fieldErrors(f.field, item, `${at}.${i}`));
    });
  } else if (f.widget === 'object' && f.fields) {
    errors.push(...formErrors(f.fields, value as Record<string, unknown>, `${at}.`));
  }
  return errors;
}
