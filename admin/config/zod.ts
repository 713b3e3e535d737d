import { z } from 'astro/zod';

/**
 * Read-only access to the parts of zod 4 schemas the CMS configuration is derived from. Zod
 * keeps a schema's description in `schema._zod.def` (its `type`, wrapped schema, checks) and
 * the `.meta()` labels in `z.globalRegistry`; this file is the only one that knows it.
 */
export type Schema = z.core.$ZodType;

/** What `.meta()` carries on the content model's fields (see `src/model/schemas/common.ts`). */
export interface FieldMeta {
  label?: string;
  hint?: string;
  /** `text`, `datetime`, `date`, `relation`, `image`, `file`, `color`, `string`. */
  widget?: string;
  /** Target collection of a `relation`. */
  collection?: string;
  /** Overrides the CMS's guess of whether the field differs per language (`false`: copied from French). */
  translate?: boolean;
}

export interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
  error?: (issue: unknown) => unknown;
}

export interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  options?: Schema[];
  entries?: Record<string, string>;
  checks?: { _zod: { def: CheckDef } }[];
  defaultValue?: unknown;
  format?: string;
}

export const defOf = (schema: Schema): Def => schema._zod.def as unknown as Def;

export interface Unwrapped {
  /** The schema under `optional`, `default` and `pipe` (whose input is what files contain). */
  schema: Schema;
  def: Def;
  meta: FieldMeta;
  optional: boolean;
  default?: unknown;
}

/**
 * Peels `optional`, `default` and `pipe` off a field. A default makes the field optional in
 * files. Metadata may sit on any layer (`network().optional().meta(…)`); outer layers win.
 */
export function unwrap(schema: Schema): Unwrapped {
  const metas: FieldMeta[] = [];
  let optional = false;
  let fallback: unknown;
  let current = schema;
  for (;;) {
    const meta = z.globalRegistry.get(current);
    if (meta) metas.unshift(meta as FieldMeta);
    const def = defOf(current);
    const inner =
      def.type === 'pipe' ? def.in : def.type === 'optional' || def.type === 'default' ? def.innerType : null;
    if (!inner) break;
    if (def.type !== 'pipe') optional = true;
    if (def.type === 'default' && fallback === undefined) fallback = def.defaultValue;
    current = inner;
  }
  return {
    schema: current,
    def: defOf(current),
    meta: Object.assign({}, ...metas),
    optional,
    ...(fallback === undefined ? {} : { default: fallback }),
  };
}

export const checksOf = (def: Def): CheckDef[] => (def.checks ?? []).map((c) => c._zod.def);

/** Bounds of a string's length, an array's size or a number (`inclusive` ones only in the model). */
export function bounds(def: Def): { min?: number; max?: number } {
  const out: { min?: number; max?: number } = {};
  for (const c of checksOf(def)) {
    if (c.check === 'min_length' && c.minimum !== undefined) out.min = c.minimum;
    if (c.check === 'max_length' && c.maximum !== undefined) out.max = c.maximum;
    if (c.check === 'greater_than' && c.value !== undefined) out.min = c.inclusive ? c.value : c.value + 1;
    if (c.check === 'less_than' && c.value !== undefined) out.max = c.inclusive ? c.value : c.value - 1;
  }
  return out;
}

export const isInteger = (def: Def) =>
  checksOf(def).some((c) => c.check === 'number_format' && /int/.test(c.format ?? ''));

/** Regular expressions a string must match, with the message the schema gives. */
export function regexes(def: Def): { regex: RegExp; message: string }[] {
  return checksOf(def).flatMap((c) =>
    c.check === 'string_format' && c.format === 'regex' && c.pattern
      ? [{ regex: c.pattern, message: typeof c.error === 'function' ? String(c.error({}) ?? '') : '' }]
      : [],
  );
}
