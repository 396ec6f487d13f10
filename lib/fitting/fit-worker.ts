// Worker thread body: computes fit rows for batches of series, so two cores fit in parallel.
import { parentPort } from 'node:worker_threads';
import { computeFit, type FitRow, type SeriesForFit } from '@/lib/fitting/compute-fits.ts';
import type { Prior } from '@/lib/growth/index.ts';

export interface FitTask {
  id: number;
  items: { series: SeriesForFit; used: number[]; methods: string[] }[];
  prior?: Prior;
}

export interface FitTaskResult {
  id: number;
  rows?: FitRow[];
  error?: string;
}

parentPort?.on('message', (task: FitTask) => {
  try {
    const rows = task.items.flatMap((item) =>
      item.methods.map((method) => computeFit(method, item.series, item.used, task.prior)),
    );
    parentPort?.postMessage({ id: task.id, rows } satisfies FitTaskResult);
  } catch (error) {
    parentPort?.postMessage({ id: task.id, error: error instanceof Error ? error.message : String(error) });
  }
});

parentPort?.postMessage('ready');
