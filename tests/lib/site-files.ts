import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` whose name ends with `ext` (every file when `ext` is empty). */
export function filesUnder(dir: string, ext = ''): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith(ext))
    .map((d) => join(d.parentPath, d.name));
}
