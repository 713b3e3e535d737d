/**
 * Completes package-lock.json with the platform-specific optional packages that npm could not
 * record. The registry mirror this project is installed from lacks some of them (macOS,
 * Windows, Android builds of Biome, Pagefind, the Astro compiler): `npm install` then skips
 * them silently and leaves them out of the lock file, and `npm ci` refuses the lock file as
 * out of sync. Each missing package is entered as its parent declares it (exact version,
 * optional), with the os/cpu/libc its name states, so `npm ci` skips it on other platforms as
 * it would have anyway.
 *
 * Usage: npm run lock:complete [-- --check]
 *   --check  change nothing; exit 1 if entries are missing (CI guard)
 * Exit codes: 0 complete (or completed), 1 entries missing under --check, 2 bad usage.
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface LockEntry {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.some((a) => a !== '--check')) {
  console.log(
    readFileSync(new URL(import.meta.url), 'utf8')
      .split('*/')[0]
      ?.replace(/^\/\*\*?|^ \* ?/gm, ''),
  );
  process.exit(args.includes('--help') ? 0 : 2);
}

/** The platform a package's name states, the way these projects name their builds. */
export function platformOf(name: string): Pick<LockEntry, 'os' | 'cpu' | 'libc'> {
  const base = name.split('/').pop() ?? name;
  const os = [
    ['android', 'android'],
    ['darwin', 'darwin'],
    ['win32', 'win32'],
    ['windows', 'win32'],
    ['freebsd', 'freebsd'],
    ['linux', 'linux'],
  ].find(([word]) => base.includes(word as string))?.[1];
  const cpu = ['arm64', 'x64', 'wasm32', 'ia32', 'arm'].find((c) => base.includes(c));
  const libc = base.includes('musl') ? 'musl' : base.includes('gnu') ? 'glibc' : undefined;
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}), ...(libc ? { libc: [libc] } : {}) };
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };
const added: string[] = [];
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const nested = `${path}/node_modules/${name}`;
    if (lock.packages[key] || lock.packages[nested] || !/^\d+\.\d+\.\d+/.test(version)) continue;
    const platform = platformOf(name);
    if (!platform.os && !platform.cpu) continue; // not a platform build: leave it to npm
    lock.packages[key] = { version, ...(entry.dev ? { dev: true } : {}), optional: true, ...platform };
    added.push(`${name}@${version}`);
  }
}
if (args.includes('--check')) {
  if (added.length) console.error(`package-lock.json lacks ${added.length} platform packages: ${added.join(', ')}`);
  process.exit(added.length ? 1 : 0);
}
if (added.length) {
  const [rootEntry, ...rest] = Object.entries(lock.packages);
  lock.packages = Object.fromEntries([
    rootEntry as [string, LockEntry],
    ...rest.sort(([a], [b]) => a.localeCompare(b, 'en')),
  ]);
  writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
}
console.log(added.length ? `Added ${added.length}: ${added.join(', ')}` : 'package-lock.json is complete.');
