import 'server-only';
import { isoDateOfIndex } from '@/lib/api/month-index.ts';
import { cached } from '@/lib/data/cache.ts';
import { getOrCreateFit } from '@/lib/data/fits.ts';
import { MIN_ASOF_INDEX } from '@/lib/data/forecast.ts';
import { getSeriesOrThrow } from '@/lib/data/series.ts';
import { TRACK_RECORD_LOOKBACKS, type TrackRecord, type TrackRecordRun } from '@/lib/schemas/track-record.ts';

type DerivativeMetric = TrackRecord['metric'];

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * GET …/track-record: the forecasts our method made 3, 6, 12, 18 and 24 months before the last
 * complete month (each fitted on the prefix 0..K only, and stored as a Fit row at asOf = K),
 * against the values observed since.
 */
export function getTrackRecordOrThrow(repoId: string, metric: DerivativeMetric): Promise<TrackRecord> {
  return cached(`track-record:${repoId}:${metric}`, async () => {
    const series = await getSeriesOrThrow(repoId, metric);
    const runs: TrackRecordRun[] = [];
    for (const monthsAgo of TRACK_RECORD_LOOKBACKS) {
      const K = series.last - monthsAgo;
      if (K < MIN_ASOF_INDEX) break;
      const fit = await getOrCreateFit(series, K);
      runs.push({
        monthsAgo,
        madeAt: { index: K, date: isoDateOfIndex(series.startDate, K, 'month') },
        status: fit.summary.status,
        points: fit.forecast(monthsAgo).map((p) => ({
          index: p.month,
          date: isoDateOfIndex(series.startDate, p.month, 'month'),
          predicted: p.mean,
          lo80: p.lo80,
          hi80: p.hi80,
          lo95: p.lo95,
          hi95: p.hi95,
          actual: series.values[p.month],
        })),
      });
    }
    const points = runs.flatMap((r) => r.points);
    const share = (inside: (p: (typeof points)[number]) => boolean) =>
      points.length ? points.filter(inside).length / points.length : null;
    return {
      repoId: series.model.repoId,
      metric,
      last: series.last,
      runs,
      summary: {
        n: points.length,
        medianLogError: median(points.map((p) => Math.abs(Math.log1p(p.predicted) - Math.log1p(p.actual)))),
        coverage80: share((p) => p.lo80 <= p.actual && p.actual <= p.hi80),
        coverage95: share((p) => p.lo95 <= p.actual && p.actual <= p.hi95),
      },
    };
  });
}
