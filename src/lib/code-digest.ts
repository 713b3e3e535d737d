import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * SHA-256 over the path and content of every file under `inputs` (folders walked, sorted), and
 * over the runtime: Node's ICU, CLDR and time-zone data shape every formatted date and number.
 */
export function codeDigest(root: string, inputs: readonly string[]): string {
  const files: string[] = [];
  for (const input of inputs) {
    const path = join(root, input);
    if (!existsSync(path)) continue;
    if (!statSync(path).isDirectory()) files.push(path);
    else
      for (const e of readdirSync(path, { recursive: true, withFileTypes: true }))
        if (e.isFile()) files.push(join(e.parentPath, e.name));
  }
  const { node, icu, cldr, tz } = process.versions;
  const hash = createHash('sha256').update(JSON.stringify({ node, icu, cldr, tz }));
  for (const file of files.sort())
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}
