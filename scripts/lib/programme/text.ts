import type { Random } from './random.ts';

/**
 * Body text for generated entries, made of the sample's own sentences. Pagefind's index grows
 * with the vocabulary and the text per page, so a scaled programme of lorem ipsum (or of one
 * repeated body) would give a misleading index size; shuffled real sentences keep both the
 * words and the lengths of the sample.
 */
export interface TextPool {
  /** Prose sentences. */
  sentences: string[];
  /** List blocks (`- …` or `1. …` lines), kept whole. */
  lists: string[];
}

const SENTENCE_END = /(?<=[.!?…])\s+(?=[\p{Lu}«“"0-9])/u;
const isList = (block: string) => /^(\s*[-*]|\s*\d+\.)\s/.test(block);
const isHeading = (block: string) => /^#{1,6}\s|^\*\*[^*]+\*\*$/.test(block);

/** Markdown blocks (separated by blank lines). */
const blocks = (body: string) =>
  body
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);

/** Collects the sentences and lists of some bodies. */
export function textPool(bodies: readonly string[]): TextPool {
  const pool: TextPool = { sentences: [], lists: [] };
  for (const body of bodies)
    for (const block of blocks(body)) {
      if (isHeading(block)) continue;
      if (isList(block)) pool.lists.push(block);
      else pool.sentences.push(...block.replace(/\s*\n\s*/g, ' ').split(SENTENCE_END));
    }
  return pool;
}

/**
 * A new body shaped like `template`: headings stay, each paragraph becomes random sentences of
 * the pool up to the paragraph's original length, each list another list of the pool.
 */
export function permuteBody(template: string, pool: TextPool, rng: Random): string {
  const out: string[] = [];
  for (const block of blocks(template)) {
    if (isHeading(block) || pool.sentences.length === 0) out.push(block);
    else if (isList(block)) out.push(pool.lists.length ? rng.pick(pool.lists) : block);
    else {
      const sentences: string[] = [];
      let length = 0;
      while (length < block.length) {
        const s = rng.pick(pool.sentences);
        sentences.push(s);
        length += s.length + 1;
      }
      out.push(sentences.join(' '));
    }
  }
  return `\n${out.join('\n\n')}\n`;
}
