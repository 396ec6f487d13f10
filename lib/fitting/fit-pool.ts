// A small pool of fit workers. Only where TypeScript files can be loaded in a worker (the tsx CLI);
// elsewhere (vitest, Next) createFitPool returns null and callers fit in-process.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FitRow, SeriesForFit } from '@/lib/fitting/compute-fits.ts';
import type { FitTask, FitTaskResult } from '@/lib/fitting/fit-worker.ts';
import type { Prior } from '@/lib/growth/index.ts';

export interface FitPool {
  size: number;
  run(items: FitTask['items'], prior?: Prior): Promise<FitRow[]>;
  close(): Promise<void>;
}

function startWorker(timeoutMs: number): Promise<Worker | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      // Node 20 workers do not inherit tsx's module hooks: register them in the worker, then load the body.
      // (A path, not `new URL(…, import.meta.url)`, so bundlers do not try to ship the worker as an asset.)
      const body = JSON.stringify(pathToFileURL(path.join(import.meta.dirname, 'fit-worker.ts')).href);
      worker = new Worker(
        `import('tsx/esm/api').then((api) => { api.register(); return import(${body}); })`,
        { eval: true },
      );
    } catch {
      resolve(null);
      return;
    }
    const fail = () => {
      clearTimeout(timer);
      worker.terminate().catch(() => {});
      resolve(null);
    };
    const timer = setTimeout(fail, timeoutMs);
    worker.once('error', fail);
    worker.once('message', (message) => {
      clearTimeout(timer);
      worker.removeListener('error', fail);
      resolve(message === 'ready' ? worker : null);
    });
  });
}

/** Starts `size` workers (default: the machine's cores); null when workers cannot load the fitting code. */
export async function createFitPool(
  size = availableParallelism(),
  timeoutMs = 15_000,
): Promise<FitPool | null> {
  // Workers load .ts files only under the tsx loader (which workers inherit through execArgv).
  const underTsx = process.execArgv.some((arg) => arg.includes('tsx'));
  if (!underTsx || size < 2) return null;
  const workers = (await Promise.all(Array.from({ length: size }, () => startWorker(timeoutMs)))).filter(
    (w): w is Worker => w !== null,
  );
  if (workers.length === 0) return null;
  const idle = [...workers];
  const waiting: ((w: Worker) => void)[] = [];
  let nextId = 0;
  const acquire = () =>
    new Promise<Worker>((resolve) => {
      const w = idle.pop();
      if (w) resolve(w);
      else waiting.push(resolve);
    });
  const release = (w: Worker) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  return {
    size: workers.length,
    async run(items: { series: SeriesForFit; used: number[]; methods: string[] }[], prior?: Prior) {
      const worker = await acquire();
      try {
        const id = ++nextId;
        return await new Promise<FitRow[]>((resolve, reject) => {
          const onMessage = (result: FitTaskResult) => {
            if (result.id !== id) return;
            worker.off('message', onMessage);
            worker.off('error', reject);
            if (result.error !== undefined || !result.rows)
              reject(new Error(result.error ?? 'fit worker failed'));
            else resolve(result.rows);
          };
          worker.on('message', onMessage);
          worker.once('error', reject);
          worker.postMessage({ id, items, prior } satisfies FitTask);
        });
      } finally {
        release(worker);
      }
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
