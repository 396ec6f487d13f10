import 'server-only';
import { ApiError } from '@/lib/api/errors.ts';
import { asofOfIndex, indexOfAsof, isoDateOfIndex, isoDay } from '@/lib/api/month-index.ts';
import { cached } from '@/lib/data/cache.ts';
import { asFitStatus, getOrCreateFit } from '@/lib/data/fits.ts';
import { getSeriesOrThrow, type StoredSeries } from '@/lib/data/series.ts';
import { getDb } from '@/lib/db.ts';
import { curve } from '@/lib/growth/index.ts';
import { PAPER_FIT_METHOD } from '@/lib/ingest/paper.ts';
import type { Metric } from '@/lib/schemas/common.ts';
import { FORECAST_HORIZON, type ForecastView } from '@/lib/schemas/forecast.ts';

/** Fewest observed points after release an as-of forecast may use (asof ≥ creation month + 3). */
export const MIN_ASOF_INDEX = 3;

export type ForecastOptions = { metric: Metric; fc?: number; asof?: string };

/**
 * The index a forecast is made at: the requested asof month, else the last complete point.
 * Throws unprocessable_entity (422) naming `asof` when it is too early for the model or after its data.
 */
export function resolveAsOf(series: StoredSeries, asof: string | undefined): number {
  if (asof === undefined) return Math.max(series.last, 0);
  const k = indexOfAsof(series.startDate, asof, series.granularity);
  const unit = series.granularity === 'day' ? 'days' : 'months';
  if (k < MIN_ASOF_INDEX) {
    const earliest = asofOfIndex(series.startDate, MIN_ASOF_INDEX, series.granularity);
    throw new ApiError(
      'unprocessable_entity',
      `asof: ${asof} leaves fewer than ${MIN_ASOF_INDEX} ${unit} of data for ${series.model.repoId} (created ${isoDay(series.startDate)}); the earliest is ${earliest}`,
    );
  }
  if (k > series.last) {
    const latest = series.last >= 0 ? asofOfIndex(series.startDate, series.last, series.granularity) : 'none';
    throw new ApiError(
      'unprocessable_entity',
      `asof: ${asof} is after the data of ${series.model.repoId}; the latest is ${latest}`,
    );
  }
  return k;
}

function finite(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** The paper's published curve (t in years, m = 1) on our month index, for the 'all' series only. */
async function paperCurve(series: StoredSeries, until: number): Promise<ForecastView['paper']> {
  if (series.metric !== 'all' || series.granularity !== 'month') return null;
  const prisma = await getDb();
  const row = await prisma.fit.findFirst({
    where: { seriesId: series.id, method: PAPER_FIT_METHOD },
    orderBy: { asOf: 'desc' },
  });
  if (!row || row.lambda === null || row.mu === null || row.sigma === null) return null;
  const { lambda, mu, sigma } = row;
  const m = row.m ?? 1;
  const fitted: { index: number; value: number }[] = [];
  for (let k = 0; k <= until; k++) {
    const value = curve(k / 12, { lambda, mu, sigma, m });
    // Degenerate published fits overflow: leave those points out rather than send Infinity.
    if (Number.isFinite(value)) fitted.push({ index: k, value });
  }
  return { method: 'paper-published', lambda, mu, sigma, status: asFitStatus(row.status), fitted };
}

/** Forecast view of a series at index asOf with the given horizon (the fit comes from getOrCreateFit). */
export async function buildForecastView(
  series: StoredSeries,
  asOf: number,
  horizon: number,
  withActual: boolean,
): Promise<ForecastView> {
  const fit = await getOrCreateFit(series, asOf);
  const date = (k: number) => isoDateOfIndex(series.startDate, k, series.granularity);
  const params = fit.summary.params;
  const fitted = params
    ? series.values.slice(0, asOf + 1).map((_, k) => ({
        index: k,
        date: date(k),
        value: curve(k, params),
      }))
    : [];
  return {
    repoId: series.model.repoId,
    metric: series.metric,
    granularity: series.granularity,
    startDate: isoDay(series.startDate),
    asOf: { index: asOf, date: date(asOf) },
    horizon,
    fit: fit.summary,
    fitted: fitted.filter((p) => Number.isFinite(p.value)),
    forecast: fit.forecast(horizon).map((p) => ({
      index: p.month,
      date: date(p.month),
      mean: finite(p.mean),
      lo80: finite(p.lo80),
      hi80: finite(p.hi80),
      lo95: finite(p.lo95),
      hi95: finite(p.hi95),
    })),
    actual: withActual
      ? series.values
          .slice(asOf + 1, series.last + 1)
          .map((value, i) => ({ index: asOf + 1 + i, date: date(asOf + 1 + i), value }))
      : [],
    paper: await paperCurve(series, asOf + horizon),
  };
}

/** GET …/forecast: our forecast of a model's series made with data up to `asof` (default: all complete data). */
export function getForecastViewOrThrow(repoId: string, options: ForecastOptions): Promise<ForecastView> {
  const key = `forecast:${repoId}:${options.metric}:${options.fc ?? ''}:${options.asof ?? ''}`;
  return cached(key, async () => {
    const series = await getSeriesOrThrow(repoId, options.metric);
    if (series.last < 0) {
      throw new ApiError(
        'unprocessable_entity',
        `metric: the "${options.metric}" series of ${series.model.repoId} has no complete point yet`,
      );
    }
    const asOf = resolveAsOf(series, options.asof);
    const bounds = FORECAST_HORIZON[series.granularity];
    const horizon = options.fc ?? bounds.default;
    // Pages call this directly with URL state: the same bound as the route's schema.
    if (!Number.isInteger(horizon) || horizon < bounds.min || horizon > bounds.max) {
      throw new ApiError(
        'bad_request',
        `fc: must be an integer from ${bounds.min} to ${bounds.max} (${series.granularity}s)`,
      );
    }
    return buildForecastView(series, asOf, horizon, options.asof !== undefined);
  });
}
