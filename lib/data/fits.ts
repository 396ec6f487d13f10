import 'server-only';
import { getDb } from '@/lib/db.ts';
import { fitAndStoreSeries, OUR_METHOD, usedValues } from '@/lib/fitting/index.ts';
import type { Prisma } from '@/lib/generated/prisma/client.ts';
import {
  type FitStatus as EngineFitStatus,
  eventualCount,
  forecastGrowth,
  type GrowthFit,
  GrowthInputError,
  halfLifeMonths,
  impactTime,
} from '@/lib/growth/index.ts';
import { type FitStatus, type FitSummary, fitStatusSchema } from '@/lib/schemas/common.ts';
import type { StoredSeries } from './series.ts';

/** A forecast step with its index since release (months, or days for downloads). */
export type IndexedForecastPoint = {
  month: number;
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
};

/** Our stored fit of a series prefix 0..asOf, able to forecast any horizon without refitting. */
export type StoredFit = {
  id: number;
  asOf: number;
  summary: FitSummary;
  /** Anchored forecast for asOf+1 … asOf+horizon (engine's forecastGrowth on the stored parameters). */
  forecast(horizon: number): IndexedForecastPoint[];
};

type FitRow = Prisma.FitGetPayload<object>;

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

export function asFitStatus(status: string): FitStatus {
  const parsed = fitStatusSchema.safeParse(status);
  return parsed.success ? parsed.data : 'failed';
}

/** A Fit row as the API shows it, with the derived eventual count, impact time and half-life. */
export function toFitSummary(
  row: Pick<
    FitRow,
    'method' | 'version' | 'status' | 'reason' | 'lambda' | 'mu' | 'sigma' | 'm' | 'uncertainty' | 'quality'
  >,
): FitSummary {
  const params =
    row.lambda !== null && row.mu !== null && row.sigma !== null && row.m !== null
      ? { lambda: row.lambda, mu: row.mu, sigma: row.sigma, m: row.m }
      : null;
  const u = row.uncertainty as Record<string, unknown> | null;
  const uncertainty =
    u && typeof u.lambda === 'number' && typeof u.mu === 'number' && typeof u.sigma === 'number'
      ? { lambda: u.lambda, mu: u.mu, sigma: u.sigma }
      : null;
  const quality: FitSummary['quality'] = {};
  for (const [key, value] of Object.entries((row.quality as Record<string, unknown> | null) ?? {})) {
    if (typeof value === 'number') quality[key] = finiteOrNull(value);
    else if (typeof value === 'string' || typeof value === 'boolean' || value === null) quality[key] = value;
  }
  return {
    method: row.method,
    version: row.version,
    status: asFitStatus(row.status),
    reason: row.reason,
    params,
    uncertainty,
    quality,
    eventual: params ? finiteOrNull(eventualCount(params)) : null,
    impactTime: params ? finiteOrNull(impactTime(params)) : null,
    halfLife: params ? finiteOrNull(halfLifeMonths(params)) : null,
  };
}

/** The engine's GrowthFit back from a stored row (covariance and calibration live in `uncertainty`). */
function toGrowthFit(row: FitRow, summary: FitSummary): GrowthFit {
  const u = (row.uncertainty as Record<string, unknown> | null) ?? {};
  const engineStatuses: EngineFitStatus[] = [
    'ok',
    'insufficient_data',
    'not_converged',
    'impact_beyond_data',
  ];
  const status = engineStatuses.find((s) => s === row.status) ?? 'insufficient_data';
  return {
    method: row.method,
    version: row.version,
    status,
    params: summary.params,
    uncertainty: summary.uncertainty,
    fitted: [],
    quality: {},
    covariance: Array.isArray(u.covariance) ? (u.covariance as number[][]) : undefined,
    calibration:
      u.calibration && typeof u.calibration === 'object'
        ? (u.calibration as GrowthFit['calibration'])
        : undefined,
  };
}

function toStoredFit(row: FitRow, used: number[]): StoredFit {
  const summary = toFitSummary(row);
  const growthFit = toGrowthFit(row, summary);
  return {
    id: row.id,
    asOf: row.asOf,
    summary,
    forecast: (horizon) => {
      try {
        return forecastGrowth(used, growthFit, horizon);
      } catch (error) {
        // A series the engine rejects (e.g. decreasing counts) has a 'failed' fit and no forecast.
        if (error instanceof GrowthInputError) return [];
        throw error;
      }
    },
  };
}

// Identical fits requested concurrently are computed once per process.
const inflight = new Map<string, Promise<StoredFit>>();

/**
 * Our fit of the series' complete values 0..asOf: the stored Fit row (seriesId, 'wsb-eb', asOf)
 * when its input hash still matches, else fitted now by the fitting pipeline and stored there, so
 * a second request never refits.
 */
export function getOrCreateFit(series: StoredSeries, asOf: number): Promise<StoredFit> {
  const key = `${series.id}:${asOf}:${series.valuesHash}:${series.lastPartial}`;
  const running = inflight.get(key);
  if (running) return running;
  const work = (async () => {
    const prisma = await getDb();
    const rows = await fitAndStoreSeries(prisma, series.id, { asOf, methods: [OUR_METHOD] });
    const row = rows.find((r) => r.method === OUR_METHOD);
    if (!row) throw new Error(`internal: no ${OUR_METHOD} fit stored for series ${series.id} at ${asOf}`);
    return toStoredFit(row, usedValues(series, asOf));
  })();
  inflight.set(key, work);
  work.then(
    () => inflight.delete(key),
    () => inflight.delete(key),
  );
  return work;
}
