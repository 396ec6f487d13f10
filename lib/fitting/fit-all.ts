// Fitting stored series and storing the fits: one series (route handlers) or every series whose
// inputs changed (the CLI and the demo). A fit is redone only when its input hash changes.

import {
  computeFit,
  type FitRow,
  fitInputHash,
  methodsFor,
  type SeriesForFit,
  usedValues,
  versionOf,
} from '@/lib/fitting/compute-fits.ts';
import { createFitPool } from '@/lib/fitting/fit-pool.ts';
import type { Fit, Prisma, PrismaClient } from '@/lib/generated/prisma/client.ts';
import { DEFAULT_PRIOR, estimatePrior, type Prior } from '@/lib/growth/index.ts';
import { hashParts } from '@/lib/ingest/values-hash.ts';

export const PRIOR_SETTING_KEY = 'prior.wsb-eb';

type Db = PrismaClient | Prisma.TransactionClient;

interface StoredPrior {
  prior: Prior;
  /** Hash of the population (ids and values hashes of the monthly 'all' series) it was estimated from. */
  populationHash: string;
  estimatedAt: string;
  series: number;
  fallback: boolean;
  reason?: string;
}

function toJson(value: unknown): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}

function toRow(row: FitRow): Prisma.FitCreateManyInput {
  return {
    ...row,
    uncertainty: row.uncertainty === null ? undefined : toJson(row.uncertainty),
    quality: row.quality === null ? undefined : toJson(row.quality),
    forecast: row.forecast === null ? undefined : toJson(row.forecast),
  };
}

async function readStoredPrior(prisma: Db): Promise<StoredPrior | null> {
  const row = await prisma.setting.findUnique({ where: { key: PRIOR_SETTING_KEY } });
  return row ? (row.value as unknown as StoredPrior) : null;
}

/** The population prior in use: the stored one, else the engine's default. */
export async function currentPrior(prisma: Db): Promise<Prior> {
  return (await readStoredPrior(prisma))?.prior ?? DEFAULT_PRIOR;
}

/**
 * Estimates the empirical-Bayes prior from the monthly 'all' series (complete months only) and
 * stores it in Setting 'prior.wsb-eb'. Reuses the stored one when the population has not changed.
 * Falls back to DEFAULT_PRIOR when too few series qualify.
 */
export async function refreshPrior(
  prisma: PrismaClient,
): Promise<{ prior: Prior; reused: boolean; stored: StoredPrior }> {
  const population = await prisma.series.findMany({
    where: { metric: 'all', granularity: 'month' },
    select: { id: true, valuesHash: true, lastPartial: true },
    orderBy: { id: 'asc' },
  });
  const populationHash = hashParts(population.map((s) => `${s.id}:${s.valuesHash}:${s.lastPartial}`));
  const stored = await readStoredPrior(prisma);
  if (stored && stored.populationHash === populationHash)
    return { prior: stored.prior, reused: true, stored };
  const rows = await prisma.series.findMany({
    where: { metric: 'all', granularity: 'month' },
    select: { id: true, values: true, lastPartial: true, granularity: true },
  });
  const series = rows.map((r) => usedValues({ ...r, granularity: 'month' }));
  let next: StoredPrior;
  try {
    const prior = estimatePrior(series, { unit: 'month' });
    next = {
      prior,
      populationHash,
      estimatedAt: new Date().toISOString(),
      series: prior.nSeries,
      fallback: false,
    };
  } catch (error) {
    next = {
      prior: DEFAULT_PRIOR,
      populationHash,
      estimatedAt: new Date().toISOString(),
      series: 0,
      fallback: true,
      reason: error instanceof Error ? error.message : String(error),
    };
  }
  await prisma.setting.upsert({
    where: { key: PRIOR_SETTING_KEY },
    create: { key: PRIOR_SETTING_KEY, value: toJson(next) },
    update: { value: toJson(next) },
  });
  return { prior: next.prior, reused: false, stored: next };
}

/**
 * Replaces fits with the same (seriesId, method, asOf) and inserts the new ones, atomically.
 * `mayExist` says whether any of them could already be stored (skips the delete on a first run).
 */
async function storeFits(prisma: PrismaClient, rows: FitRow[], mayExist = true): Promise<void> {
  if (rows.length === 0) return;
  const create = prisma.fit.createMany({ data: rows.map(toRow) });
  if (!mayExist) {
    await create;
    return;
  }
  await prisma.$transaction([
    prisma.fit.deleteMany({
      where: { OR: rows.map((r) => ({ seriesId: r.seriesId, method: r.method, asOf: r.asOf })) },
    }),
    create,
  ]);
}

interface FitItem {
  series: SeriesForFit;
  used: number[];
  methods: string[];
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface FitSeriesOptions {
  /** Last month (or day) index to use; default: every complete point. */
  asOf?: number;
  prior?: Prior;
  /** Methods to run (default: all that apply to the series). */
  methods?: string[];
}

/**
 * Fits one series with every applicable method (unless a fit of the same inputs is stored) and
 * returns the stored Fit rows. This is what a route handler calls for a single model.
 */
export async function fitAndStoreSeries(
  prisma: PrismaClient,
  seriesId: number,
  options: FitSeriesOptions = {},
): Promise<Fit[]> {
  const row = await prisma.series.findUniqueOrThrow({
    where: { id: seriesId },
    select: { id: true, granularity: true, values: true, lastPartial: true },
  });
  const series: SeriesForFit = row;
  const used = usedValues(series, options.asOf);
  const methods = options.methods ?? methodsFor(series.granularity);
  const asOf = used.length - 1;
  const existing = await prisma.fit.findMany({ where: { seriesId, asOf, method: { in: methods } } });
  const prior = options.prior ?? (series.granularity === 'month' ? await currentPrior(prisma) : undefined);
  const fresh: FitRow[] = [];
  for (const method of methods) {
    const hash = fitInputHash(method, versionOf(method), used);
    if (existing.some((f) => f.method === method && f.inputHash === hash)) continue;
    fresh.push(computeFit(method, series, used, prior));
  }
  await storeFits(prisma, fresh);
  return prisma.fit.findMany({
    where: { seriesId, asOf, method: { in: methods } },
    orderBy: { method: 'asc' },
  });
}

export interface FitAllOptions {
  onProgress?: (done: number, total: number) => void;
  /** Refit even when the stored fit has the same inputs. */
  force?: boolean;
  /** Series per database batch when fitting in-process (default 200). */
  batchSize?: number;
  /** Also fit the paper's own method as a baseline on monthly series (slow; default false). */
  withPaperBaseline?: boolean;
  /** Worker threads for the fitting (default: one per core, when the code runs under tsx); false: in-process. */
  workers?: number | false;
  /** Called with the job's id as soon as its row exists (the web app answers with the job). */
  onJob?: (jobId: number) => void;
}

export interface FitAllResult {
  jobId: number;
  series: number;
  /** Fits computed (series × methods that needed it). */
  fitted: number;
  /** Fits already up to date. */
  unchanged: number;
  /** Counts by method, then by status, of the fits computed in this run. */
  byStatus: Record<string, Record<string, number>>;
  prior: { reused: boolean; series: number; fallback: boolean };
  /** Worker threads used (0: in-process). */
  workers: number;
  ms: number;
}

/**
 * Fits every series whose inputs changed since its last fit (all metrics; downloads in days), with
 * the population prior re-estimated when the monthly population changed. Runs as a Job (kind fit).
 */
export async function fitAllSeries(prisma: PrismaClient, options: FitAllOptions = {}): Promise<FitAllResult> {
  const started = Date.now();
  const batchSize = options.batchSize ?? 200;
  const job = await prisma.job.create({ data: { kind: 'fit', status: 'running', params: { scope: 'all' } } });
  options.onJob?.(job.id);
  try {
    const all = await prisma.series.findMany({
      select: { id: true, granularity: true, values: true, lastPartial: true },
      orderBy: { id: 'asc' },
    });
    const fits = await prisma.fit.findMany({
      where: { method: { in: ['wsb-eb', 'paper'] } },
      select: { seriesId: true, method: true, inputHash: true },
    });
    const have = new Set(fits.map((f) => `${f.seriesId}|${f.method}|${f.inputHash}`));
    const stored = new Set(fits.map((f) => `${f.seriesId}|${f.method}`));
    const todo: FitItem[] = [];
    let unchanged = 0;
    for (const series of all) {
      const used = usedValues(series);
      const methods = methodsFor(series.granularity, options.withPaperBaseline).filter((method) => {
        const current = have.has(`${series.id}|${method}|${fitInputHash(method, versionOf(method), used)}`);
        if (current && !options.force) unchanged++;
        return options.force || !current;
      });
      if (methods.length) todo.push({ series, used, methods });
    }
    const total = todo.length;
    await prisma.job.update({ where: { id: job.id }, data: { total } });
    const priorInfo = total > 0 ? await refreshPrior(prisma) : null;
    const prior = priorInfo?.prior ?? (await currentPrior(prisma));
    const byStatus: Record<string, Record<string, number>> = {};
    let fitted = 0;
    let done = 0;
    options.onProgress?.(0, total);
    const record = async (batch: FitItem[], rows: FitRow[]) => {
      for (const row of rows) {
        byStatus[row.method] ??= {};
        byStatus[row.method][row.status] = (byStatus[row.method][row.status] ?? 0) + 1;
      }
      const mayExist = batch.some((item) => item.methods.some((m) => stored.has(`${item.series.id}|${m}`)));
      await storeFits(prisma, rows, mayExist);
      fitted += rows.length;
      done += batch.length;
      options.onProgress?.(done, total);
      await prisma.job.update({ where: { id: job.id }, data: { done } });
    };
    const pool = options.workers === false || todo.length < 100 ? null : await createFitPool(options.workers);
    const workers = pool?.size ?? 0;
    try {
      if (pool) {
        // Small batches keep both workers busy even when a few series are slow; writes stay sequential.
        let writes = Promise.resolve();
        await Promise.all(
          chunk(todo, 50).map(async (batch) => {
            const rows = await pool.run(batch, prior);
            writes = writes.then(() => record(batch, rows));
            await writes;
          }),
        );
      } else {
        for (const batch of chunk(todo, batchSize)) {
          const rows = batch.flatMap((item) =>
            item.methods.map((m) => computeFit(m, item.series, item.used, prior)),
          );
          await record(batch, rows);
        }
      }
    } finally {
      await pool?.close();
    }
    const result: FitAllResult = {
      jobId: job.id,
      series: all.length,
      fitted,
      unchanged,
      byStatus,
      prior: {
        reused: priorInfo?.reused ?? true,
        series: priorInfo?.stored.series ?? 0,
        fallback: priorInfo?.stored.fallback ?? false,
      },
      workers,
      ms: Date.now() - started,
    };
    await prisma.job.update({
      where: { id: job.id },
      data: {
        status: 'succeeded',
        done: total,
        counts: toJson({ fitted, unchanged, byStatus, prior: result.prior }),
        finishedAt: new Date(),
      },
    });
    return result;
  } catch (error) {
    await prisma.job.update({
      where: { id: job.id },
      data: {
        status: 'failed',
        error: error instanceof Error ? error.message : String(error),
        finishedAt: new Date(),
      },
    });
    throw error;
  }
}
