import { readFileSync } from 'node:fs';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { testDist } from '../lib/paths.ts';
import { filesUnder } from '../lib/site-files.ts';

/**
 * Every built page through an independent HTML validator (html-validate, its `standard`
 * preset: conformance to the HTML specification, not house style).
 */
const validator = new HtmlValidate({
  extends: ['html-validate:standard'],
  rules: {
    // Astro emits `<style>` in the body for component styles that are inlined; browsers and the
    // HTML living standard's parser accept it, and moving them would defeat style scoping.
    'element-permitted-content': ['error', { ignore: ['style'] }],
  },
});

describe('HTML validity', () => {
  it('every page validates with zero errors', async () => {
    const pages = filesUnder(testDist, '.html').filter((f) => !f.includes('/admin/'));
    const errors: string[] = [];
    for (const file of pages) {
      const report = await validator.validateString(readFileSync(file, 'utf8'), file);
      for (const result of report.results)
        for (const m of result.messages)
          errors.push(`${file.slice(testDist.length)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(errors).toEqual([]);
  });
});
