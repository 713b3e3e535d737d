import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Proposals, proposalsSchema } from '../model/schemas/proposals.ts';
import { parseYaml } from '../model/yaml.ts';

/**
 * `content/settings/proposals.yaml` (under `RELAIS_CONTENT`) with its defaults: no channel when
 * the file is absent. Read by the `/proposer/` page and by the CSP integration (`form-action`).
 */
export function readProposals(contentDir = process.env.RELAIS_CONTENT ?? 'content'): Proposals {
  const file = join(contentDir, 'settings/proposals.yaml');
  if (!existsSync(file)) return proposalsSchema.parse({});
  return proposalsSchema.parse(parseYaml(readFileSync(file, 'utf8')) ?? {});
}

/** The pages that hold the suggestion form, relative to the build folder. */
export const proposalPages = ['proposer/index.html', 'en/proposer/index.html'] as const;
