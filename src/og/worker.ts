import { parentPort, workerData } from 'node:worker_threads';
import type { Brand } from './brand.ts';
import type { OgContent, OgFormat } from './content.ts';
import { renderPng } from './render.ts';

/**
 * A rendering thread of the pool (`pool.ts`). Each loads the fonts once, then renders the jobs
 * it is sent; errors travel back with the job so the build names the image that failed.
 */
const brand = workerData.brand as Brand;
parentPort?.on('message', async (task: { id: number; format: OgFormat; content: OgContent }) => {
  try {
    const png = await renderPng(task.content, task.format, brand);
    parentPort?.postMessage({ id: task.id, png }, [png.buffer as ArrayBuffer]);
  } catch (err) {
    parentPort?.postMessage({ id: task.id, error: (err as Error).stack ?? String(err) });
  }
});
