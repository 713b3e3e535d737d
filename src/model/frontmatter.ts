import { parseYaml } from './yaml.ts';

/**
 * Splits a Markdown file into its YAML front matter and body, as Astro's glob loader does.
 * Throws with the file's line and column when the front matter is not valid YAML.
 */
export function splitFrontmatter(text: string): { data: unknown; body: string } {
  const src = text.replace(/^\uFEFF/, '');
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(src);
  if (!match) return { data: {}, body: src };
  // The front matter's first line is the file's second: editors count from the file's top.
  return { data: parseYaml(match[1] ?? '', 2) ?? {}, body: src.slice(match[0].length) };
}
