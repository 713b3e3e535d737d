import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Brand } from './brand.ts';
import type { OgContent, OgFormat } from './content.ts';
import { renderPng } from './render.ts';

export type Renderer = (job: { format: OgFormat; content: OgContent }) => Promise<Buffer>;

/**
 * Renders on worker threads, one per core: Satori's layout is plain JavaScript and would
 * otherwise keep a single core busy while the others wait. Below `minForThreads` images the
 * thread start-up (each parses the fonts again) costs more than it saves, and rendering stays
 * on the main thread.
 */
export function createRenderer(
  brand: Brand,
  count: number,
  threads = availableParallelism(),
  minForThreads = 8,
): { render: Renderer; close: () => Promise<void> } {
  const size = Math.min(threads, count);
  if (size < 2 || count < minForThreads)
    return { render: (job) => renderPng(job.content, job.format, brand), close: async () => {} };

  const workers = Array.from(
    { length: size },
    () => new Worker(new URL('./worker.ts', import.meta.url), { workerData: { brand } }),
  );
  const waiting = new Map<number, { resolve: (png: Buffer) => void; reject: (err: Error) => void }>();
  const queue: { id: number; format: OgFormat; content: OgContent }[] = [];
  const idle = [...workers];
  let next = 0;
  const pump = () => {
    while (idle.length && queue.length) idle.pop()?.postMessage(queue.shift());
  };
  for (const worker of workers) {
    worker.on('message', (msg: { id: number; png?: Uint8Array; error?: string }) => {
      const pending = waiting.get(msg.id);
      waiting.delete(msg.id);
      idle.push(worker);
      pump();
      if (msg.png) pending?.resolve(Buffer.from(msg.png.buffer, msg.png.byteOffset, msg.png.byteLength));
      else pending?.reject(new Error(msg.error));
    });
    worker.on('error', (err) => {
      for (const p of waiting.values()) p.reject(err);
    });
  }
  return {
    render: ({ format, content }) =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        queue.push({ id, format, content });
        pump();
      }),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
