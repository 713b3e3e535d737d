/**
 * Bundles one browser entry (the admin's `admin/cms.ts`) with Vite into `outDir`: ES modules,
 * minified, each file named by a hash of its content, importing one another by relative URL so
 * that the folder works under any base path. Returns the entry's file name and the project files
 * it was made from. Run by `child.ts` in a process of its own with NODE_ENV=production, so that
 * the artefact is the same whether `astro build`, `astro dev` or a test asked for it.
 */
import { basename, extname, relative, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { build } from 'vite';
import { projectFiles, trackInputs } from './track.ts';

export interface BundleResult {
  /** The entry's file name in `outDir` (`cms.BOFKEjMg.js`). */
  script: string;
  /** Project files read to make it, relative to the root (`admin/cms.ts`, `src/styles/global.css`…). */
  inputs: string[];
}

export async function bundleEntry(root: string, entry: string, outDir: string): Promise<BundleResult> {
  const seen = new Set<string>();
  let result: Awaited<ReturnType<typeof build>>;
  try {
    result = await build({
      configFile: false,
      root,
      mode: 'production',
      base: './',
      publicDir: false,
      envDir: false,
      logLevel: 'silent',
      plugins: [trackInputs(seen)],
      build: {
        outDir,
        emptyOutDir: true,
        minify: true,
        sourcemap: false,
        reportCompressedSize: false,
        rolldownOptions: {
          input: { [basename(entry, extname(entry))]: resolve(root, entry) },
          output: {
            entryFileNames: '[name].[hash].js',
            chunkFileNames: '[name].[hash].js',
            assetFileNames: '[name].[hash][extname]',
          },
        },
      },
    });
  } catch (error) {
    throw failure(root, entry, error);
  }
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
  const main = outputs.find((file) => file.type === 'chunk' && file.isEntry);
  if (!main) throw new Error(`${entry} : Vite n’a produit aucun fichier d’entrée`);
  return { script: main.fileName, inputs: projectFiles(root, seen) };
}

/**
 * A bundling error that names the file at fault: Rolldown's `id` when it gives one, else the file
 * of its code frame (`╭─[ admin/x.ts:3:5 ]`, relative to the working folder), else the entry.
 */
function failure(root: string, entry: string, error: unknown): Error {
  const e = error as { message?: string; id?: string; errors?: { id?: string }[] };
  const message = stripVTControlCharacters(e.message ?? String(error));
  const at = e.id ?? e.errors?.find((x) => x.id)?.id ?? /─\[\s*(.+?):\d+:\d+\s*\]/.exec(message)?.[1];
  const file = at ? relative(root, resolve(at.split('?')[0] ?? at)) : entry;
  return new Error(`${file} : le bundle de ${entry} n’a pas pu être construit : ${message}`);
}

// The child process's side (see child.ts): one request, one answer, then exit.
if (import.meta.main) {
  process.once('message', (request: { root: string; entry: string; outDir: string }) => {
    const reply = (message: object, code: number) => process.send?.(message, () => process.exit(code));
    bundleEntry(request.root, request.entry, request.outDir).then(
      (result) => reply({ ok: true, ...result }, 0),
      (error: unknown) => reply({ ok: false, message: error instanceof Error ? error.message : String(error) }, 1),
    );
  });
}
