/**
 * Indexes one folder with Pagefind, in a worker thread: each worker imports its own copy of
 * Pagefind's Node API, hence starts its own indexing process, so two languages are indexed at
 * the same time on two cores (one API instance handles its indexes one after the other).
 * Receives `{ site, outputPath }`, answers `{ errors }` once the files are written.
 */
import { parentPort, workerData } from 'node:worker_threads';

export interface IndexJob {
  /** Folder of the pages to index (one language's pages, src/integrations/pagefind.ts). */
  site: string;
  /** Where Pagefind writes the index (a temporary folder). */
  outputPath: string;
}

async function run({ site, outputPath }: IndexJob): Promise<string[]> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) return errors;
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) return added.errors;
    const written = await index.writeFiles({ outputPath });
    return written.errors;
  } finally {
    await pagefind.close();
  }
}

run(workerData as IndexJob).then(
  (errors) => parentPort?.postMessage({ errors }),
  (error: unknown) => parentPort?.postMessage({ errors: [String(error)] }),
);
