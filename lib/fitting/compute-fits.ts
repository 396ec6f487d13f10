// What one series' fits are, as rows to store: ours (wsb-eb) and, for monthly series, the paper's
// method as a baseline. No database here, so the CLI, the route handlers and tests share it.
import {
  fitGrowth,
  fitPaperMethod,
  forecastGrowth,
  type GrowthFit,
  METHOD_VERSION,
  type Prior,
  paperPredict,
} from '@/lib/growth/index.ts';
import { hashParts, hashValues } from '@/lib/ingest/values-hash.ts';

export const OUR_METHOD = 'wsb-eb';
export const PAPER_BASELINE_METHOD = 'paper';
/** Version of the paper-method baseline: it follows the engine's code. */
export const PAPER_BASELINE_VERSION = METHOD_VERSION;
/** Forecast horizon: 12 months for derivative counts, 75 days for downloads (the paper's Fig. 10). */
export const FORECAST_HORIZON = { month: 12, day: 75 } as const;

export interface SeriesForFit {
  id: number;
  granularity: 'month' | 'day';
  values: number[];
  lastPartial: boolean;
}

/** A Fit row ready for createMany (Prisma's Json columns take plain objects). */
export interface FitRow {
  seriesId: number;
  method: string;
  version: string;
  asOf: number;
  inputHash: string;
  status: string;
  reason: string | null;
  lambda: number | null;
  mu: number | null;
  sigma: number | null;
  m: number | null;
  uncertainty: Record<string, unknown> | null;
  quality: Record<string, unknown> | null;
  forecast: Record<string, number>[] | null;
}

/**
 * The observations a fit may use: up to `asOf` (an index) when given, and never the running month
 * (or day) of a series whose last point is partial.
 */
export function usedValues(series: SeriesForFit, asOf?: number): number[] {
  const complete = series.lastPartial ? series.values.slice(0, -1) : series.values;
  return asOf === undefined ? complete : complete.slice(0, Math.max(0, asOf + 1));
}

/** Hash of what a fit depends on: method, its version and the observations used. */
export function fitInputHash(method: string, version: string, used: readonly number[]): string {
  return hashParts([method, version, hashValues(used)]);
}

function finiteOrNull(x: number | undefined): number | null {
  return x !== undefined && Number.isFinite(x) ? x : null;
}

/** Our method on one series, with its forecast. Invalid input becomes a 'failed' row, not an exception. */
export function computeOurFit(series: SeriesForFit, used: number[], prior?: Prior): FitRow {
  const unit = series.granularity;
  const base = {
    seriesId: series.id,
    method: OUR_METHOD,
    version: METHOD_VERSION,
    asOf: used.length - 1,
    inputHash: fitInputHash(OUR_METHOD, METHOD_VERSION, used),
  };
  let fit: GrowthFit;
  try {
    // A month prior only fits month series; downloads use the engine's own day prior.
    fit = fitGrowth(used, { unit, prior: unit === 'month' ? prior : undefined });
  } catch (error) {
    return {
      ...base,
      status: 'failed',
      reason: error instanceof Error ? error.message : String(error),
      lambda: null,
      mu: null,
      sigma: null,
      m: null,
      uncertainty: null,
      quality: null,
      forecast: null,
    };
  }
  const quality: Record<string, unknown> = { ...fit.quality, unit, points: used.length };
  let forecast: FitRow['forecast'] = null;
  if (fit.params) {
    try {
      forecast = forecastGrowth(used, fit, FORECAST_HORIZON[unit]).map((p) => ({ ...p }));
    } catch (error) {
      quality.forecastError = error instanceof Error ? error.message : String(error);
    }
  }
  const uncertainty = fit.uncertainty
    ? { ...fit.uncertainty, covariance: fit.covariance ?? null, calibration: fit.calibration ?? null }
    : null;
  return {
    ...base,
    status: fit.status,
    reason: fit.reason ?? null,
    lambda: finiteOrNull(fit.params?.lambda),
    mu: finiteOrNull(fit.params?.mu),
    sigma: finiteOrNull(fit.params?.sigma),
    m: finiteOrNull(fit.params?.m),
    uncertainty,
    quality,
    forecast,
  };
}

/**
 * The paper's fitting (m = 1, t in years, least squares on raw counts) as a baseline beside ours.
 * Its forecast is the plain curve (means only: the method gives no interval).
 */
export function computePaperBaseline(series: SeriesForFit, used: number[]): FitRow {
  const base = {
    seriesId: series.id,
    method: PAPER_BASELINE_METHOD,
    version: PAPER_BASELINE_VERSION,
    asOf: used.length - 1,
    inputHash: fitInputHash(PAPER_BASELINE_METHOD, PAPER_BASELINE_VERSION, used),
    uncertainty: null,
  };
  const last = used[used.length - 1] ?? 0;
  if (used.length < 3 || last <= 0) {
    return {
      ...base,
      status: 'insufficient_data',
      reason: last <= 0 ? 'no derivatives yet' : `only ${used.length} point(s)`,
      lambda: null,
      mu: null,
      sigma: null,
      m: null,
      quality: null,
      forecast: null,
    };
  }
  const fit = fitPaperMethod(used);
  const K = used.length - 1;
  const forecast =
    fit.status === 'ok'
      ? Array.from({ length: FORECAST_HORIZON.month }, (_, i) => ({
          month: K + 1 + i,
          mean: paperPredict(fit, K + 1 + i),
        }))
      : null;
  return {
    ...base,
    status: fit.status,
    reason: fit.status === 'ok' ? null : fit.message,
    lambda: finiteOrNull(fit.lambda),
    mu: finiteOrNull(fit.mu),
    sigma: finiteOrNull(fit.sigma),
    m: 1,
    quality: { timeUnit: 'year', nfev: fit.nfev, retried: fit.retried, message: fit.message },
    forecast,
  };
}

/**
 * The methods fitted for a series' granularity. The paper's method is opt-in: its 10,000-evaluation
 * retries cost more than everything else together, and its published fits are imported anyway.
 */
export function methodsFor(granularity: 'month' | 'day', withPaperBaseline = false): string[] {
  return granularity === 'month' && withPaperBaseline ? [OUR_METHOD, PAPER_BASELINE_METHOD] : [OUR_METHOD];
}

export function versionOf(method: string): string {
  return method === PAPER_BASELINE_METHOD ? PAPER_BASELINE_VERSION : METHOD_VERSION;
}

export function computeFit(method: string, series: SeriesForFit, used: number[], prior?: Prior): FitRow {
  return method === PAPER_BASELINE_METHOD
    ? computePaperBaseline(series, used)
    : computeOurFit(series, used, prior);
}
