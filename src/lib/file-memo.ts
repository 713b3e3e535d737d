import { type BigIntStats, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * What a build step derived from a built file, remembered across builds by the file's identity
 * (device, inode, size, modification time in nanoseconds) so that a later build does not read
 * the file again. A page the incremental build reuses is a hard link to the very file of the
 * last build (src/lib/cache-restore.ts): same inode, same mtime, and the steps that scan every
 * page (the CSP hashes, the search index's keys) only read what was rendered anew. A file
 * written again gets a new mtime (and a rendered page a new inode); a file written less than
 * `settle` ms before it was read is not remembered, since a second write within the file
 * system's clock tick could keep its mtime (git's "racy" case). The memo is a JSON file, written
 * whole by rename; `version` (the deriving code's digest) drops it when the code changes.
 */
export interface FileMemo<T> {
  /** `derive(bytes)` for the file at `path`, from the memo when the file is the one it saw. */
  get(path: string, derive: (bytes: Buffer) => T): T;
  /** Writes what this build saw (only the files it asked for) and says how many it reused. */
  save(): number;
}

interface Saved<T> {
  version: string;
  /** By file identity, whatever its path: an output folder may move between builds. */
  files: Record<string, T>;
}

const identity = (s: BigIntStats) => `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}`;

export function openMemo<T>(file: string, version: string, settle = 2000): FileMemo<T> {
  let old: Saved<T>['files'] = {};
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Saved<T>;
    if (saved.version === version) old = saved.files;
  } catch {
    // No memo yet, or an unreadable one: every file is read.
  }
  const files: Saved<T>['files'] = {};
  let reused = 0;
  return {
    get(path, derive) {
      const stat = statSync(path, { bigint: true });
      const id = identity(stat);
      if (Object.hasOwn(old, id)) {
        reused++;
        files[id] = old[id] as T;
        return files[id];
      }
      const value = derive(readFileSync(path));
      if (Date.now() - Number(stat.mtimeMs) > settle) files[id] = value;
      return value;
    },
    save() {
      mkdirSync(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ version, files } satisfies Saved<T>));
      renameSync(tmp, file);
      return reused;
    },
  };
}
