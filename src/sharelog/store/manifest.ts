/**
 * The store's manifest: what every part holds, which file (by identity and content) is made of
 * which parts, the global dictionaries and each week's aggregates. One file, written whole to a
 * temporary name and renamed, so a build killed mid-write leaves the previous manifest intact.
 *
 * It is encrypted and authenticated (AES-256-GCM, key derived from the pseudonymisation key):
 * content and team names stay unreadable without the key, and any flipped or missing byte fails
 * the authentication, so a corrupt manifest is detected, never half-trusted. The body is
 * node:v8's structured serialisation (fast for a few MB of arrays, no schema to keep in sync).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { alive } from '../../lib/alive.ts';
import type { InputKind } from '../read.ts';
import type { BrokenArchive } from '../types.ts';
import type { DictData } from './dict.ts';
import type { PartMeta } from './part.ts';
import type { WeekPartial } from './week.ts';

const MAGIC = Buffer.from('RELAIS-SHARELOG-STORE-1\n');

/** A file as last seen, and the parts its content is made of (in order). */
export interface FileEntry {
  name: string;
  /** How its bytes were parsed (from its name): the same bytes under another kind are other rows. */
  kind: InputKind;
  dev: string;
  ino: string;
  size: number;
  mtimeNs: string;
  /** Modified too recently to trust its stat next time (see identity.ts). */
  racy: boolean;
  compressed: boolean;
  /** Uncompressed length and SHA-1 of the whole content. */
  length: number;
  hash: string;
  /**
   * Newlines in the content, whether it ends with one, whether a CSV ends between two records
   * (`quotesEven`: an even count of quotes and no quoted field left open), and its header line.
   */
  lines: number;
  endsWithNewline: boolean;
  quotesEven: boolean;
  header: Buffer | null;
  /** Where a gzip archive broke, if it did (read.ts ArchiveError). */
  broken: BrokenArchive | null;
  parts: string[];
}

export interface Manifest {
  /** Everything a cached figure depends on besides the logs: a mismatch means a full rebuild. */
  stamp: string;
  dict: DictData;
  parts: Record<string, PartMeta>;
  files: FileEntry[];
  /** Monday → the contributing part ids in order (repeats for copies) and its aggregates. */
  weeks: Map<number, { contributors: string; partial: WeekPartial }>;
}

const cipherKey = (key: Buffer) => createHash('sha256').update('relais store manifest\0').update(key).digest();

export function writeManifest(dir: string, key: Buffer, manifest: Manifest): void {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', cipherKey(key), iv);
  const body = Buffer.concat([cipher.update(serialize(manifest)), cipher.final()]);
  const temp = join(dir, `manifest.${process.pid}.tmp`);
  writeFileSync(temp, Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]));
  renameSync(temp, join(dir, 'manifest'));
  // A build killed between writing its manifest and renaming it left its temporary file.
  for (const name of readdirSync(dir)) {
    const pid = /^manifest\.(\d+)\.tmp$/.exec(name)?.[1];
    if (pid !== undefined && !alive(Number(pid))) rmSync(join(dir, name), { force: true });
  }
}

/** The manifest, or the reason it cannot be used (absent, corrupt, another key or version). */
export function readManifest(dir: string, key: Buffer, stamp: string): Manifest | string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dir, 'manifest'));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? 'no cache yet'
      : `manifest unreadable (${(error as Error).message})`;
  }
  if (bytes.length < MAGIC.length + 28 || !bytes.subarray(0, MAGIC.length).equals(MAGIC))
    return 'manifest of another format';
  const iv = bytes.subarray(MAGIC.length, MAGIC.length + 12);
  const tag = bytes.subarray(MAGIC.length + 12, MAGIC.length + 28);
  let manifest: Manifest;
  try {
    const decipher = createDecipheriv('aes-256-gcm', cipherKey(key), iv);
    decipher.setAuthTag(tag);
    const body = Buffer.concat([decipher.update(bytes.subarray(MAGIC.length + 28)), decipher.final()]);
    manifest = deserialize(body) as Manifest;
  } catch {
    return 'manifest corrupt or written with another key';
  }
  if (manifest.stamp !== stamp) return 'pipeline version or --tz/--from/--to changed';
  return manifest;
}
