import type { CmsConfig } from './types.ts';

/**
 * The configuration travels from the build to the browser as JSON in the admin page. JSON has
 * no regular expressions and Decap needs the `u` flag of `\p{L}`, so they are written as
 * `{ "$regexp": [source, flags] }`. Kept apart from `index.ts` so that the browser bundle does
 * not pull in the schemas.
 */
export function serializeConfig(config: CmsConfig): string {
  const json = JSON.stringify(config, (_, v: unknown) => (v instanceof RegExp ? { $regexp: [v.source, v.flags] } : v));
  // Safe inside a <script> element.
  return json.replace(/</g, '\\u003c');
}

export function parseConfig(json: string): CmsConfig {
  return JSON.parse(json, (_, v: unknown) => {
    const r = (v as { $regexp?: [string, string] } | null)?.$regexp;
    return Array.isArray(r) ? new RegExp(r[0], r[1]) : v;
  }) as CmsConfig;
}
