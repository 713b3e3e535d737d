import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../../src/model/contrast.ts';
import { formatProblems } from '../../../src/model/errors.ts';
import { loadContent } from '../../../src/model/load.ts';
import { settingsSchema } from '../../../src/model/schemas/settings.ts';
import { validSettings, writeProgramme } from '../../lib/content-fixture.ts';

describe('programme settings', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
  });

  it('fills defaults: minimum group size 5, base path /', () => {
    const parsed = settingsSchema.parse(validSettings);
    expect(parsed.minGroupSize).toBe(5);
    expect(parsed.basePath).toBe('/');
  });

  it('rejects a brand colour that white text cannot sit on', () => {
    const root = writeProgramme();
    const settings = { ...validSettings, colors: { primary: '#fbbf24', accent: '#9a3412' } };
    writeFileSync(`${root}/content/settings/programme.yaml`, JSON.stringify(settings));
    expect(formatProblems(loadContent(root).problems)).toMatchInlineSnapshot(
      `"content/settings/programme.yaml: **colors.primary**: contraste insuffisant avec le blanc (4,5:1 au moins, niveau AA) : choisissez une teinte plus foncée"`,
    );
  });
});
