import { parse, YAMLParseError } from 'yaml';

/**
 * Splits a Markdown file into its YAML front matter and body, as Astro's glob loader does.
 * Throws with the file's line and column when the front matter is not valid YAML.
 */
export function splitFrontmatter(text: string): { data: unknown; body: string } {
  const src = text.replace(/^\uFEFF/, '');
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(src);
  if (!match) return { data: {}, body: src };
  try {
    return { data: parse(match[1] ?? '') ?? {}, body: src.slice(match[0].length) };
  } catch (err) {
    // The parser counts lines from the front matter; editors count them from the file's top.
    if (err instanceof YAMLParseError && err.linePos)
      throw new Error(
        `ligne ${err.linePos[0].line + 1}, colonne ${err.linePos[0].col} : ${err.message.split(' at line')[0]}`,
      );
    throw err;
  }
}
