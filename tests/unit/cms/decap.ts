/**
 * Decap's own writers, as its backends call them: the front-matter formatter for Markdown
 * entries and the YAML formatter for single files. Loaded from `decap-cms-core`'s ES build so
 * the tests check what Decap really writes, not an imitation.
 */
// @ts-expect-error: decap-cms-core publishes no typings for its formatters.
import { frontmatterYAML } from 'decap-cms-core/dist/esm/formats/frontmatter';
// @ts-expect-error: idem.
import yamlFormatter from 'decap-cms-core/dist/esm/formats/yaml';
import type { CmsField } from '../../../admin/config/types.ts';

interface Formatter {
  toFile(data: Record<string, unknown>, sortedKeys?: string[]): string;
}

/** Writes an entry as Decap does: keys in the form's order, `body` below the front matter. */
export function decapMarkdown(data: Record<string, unknown>, fields: readonly CmsField[]): string {
  return (frontmatterYAML() as Formatter).toFile(
    data,
    fields.map((f) => f.name),
  );
}

export function decapYaml(data: Record<string, unknown>, fields: readonly CmsField[]): string {
  return (yamlFormatter as Formatter).toFile(
    data,
    fields.map((f) => f.name),
  );
}
