import 'server-only';
import { cached } from '@/lib/data/cache.ts';
import { getSeriesOrThrow } from '@/lib/data/series.ts';
import { getDb } from '@/lib/db.ts';
import type { CohortView } from '@/lib/schemas/cohort.ts';
import {
  type CohortSeries,
  cohortFan,
  cohortPeers,
  cohortPercentile,
  cohortPercentiles,
} from '@/lib/stats/cohort.ts';

type DerivativeMetric = CohortView['metric'];

/** The leaderboard's breakout percentile uses the default cohort window. */
export const DEFAULT_COHORT_WINDOW = 3;

/**
 * Every monthly series of a metric with its release month and complete values. Cohort statistics
 * are computed in memory from this list: the self-join they need takes seconds on the embedded
 * database and milliseconds here.
 */
export function listCohortSeries(metric: DerivativeMetric): Promise<CohortSeries[]> {
  return cached(`cohort:series:${metric}`, async () => {
    const prisma = await getDb();
    return prisma.$queryRaw<CohortSeries[]>`
      SELECT se.id, (extract(year FROM se."startDate")::int * 12 + extract(month FROM se."startDate")::int) AS month,
        se.values[1:cardinality(se.values) - (CASE WHEN se."lastPartial" THEN 1 ELSE 0 END)] AS values
      FROM "Series" se WHERE se.metric = ${metric}::"Metric" AND se.granularity = 'month'`;
  });
}

/** Breakout percentile of every monthly series of a metric (series id → 0–100 or null). */
export function getCohortPercentiles(
  metric: DerivativeMetric,
  window = DEFAULT_COHORT_WINDOW,
): Promise<Map<number, number | null>> {
  return cached(`cohort:percentiles:${metric}:${window}`, async () =>
    cohortPercentiles(await listCohortSeries(metric), window),
  );
}

/**
 * GET …/cohort: base models whose series start within ±window calendar months of this one, aligned
 * by age (complete months only): p25/p50/p75 per age, and this model's percentile among the peers
 * observed at its current age (ties count half).
 */
export function getCohortOrThrow(
  repoId: string,
  metric: DerivativeMetric,
  window: number,
): Promise<CohortView> {
  return cached(`cohort:${repoId}:${metric}:${window}`, async () => {
    const series = await getSeriesOrThrow(repoId, metric);
    const all = await listCohortSeries(metric);
    const target = all.find((s) => s.id === series.id) ?? { id: series.id, month: 0, values: [] };
    const peers = cohortPeers(target, all, window);
    const age = target.values.length - 1;
    return {
      repoId: series.model.repoId,
      metric,
      window,
      age,
      value: age >= 0 ? target.values[age] : 0,
      peers: peers.length,
      fan: cohortFan(peers),
      percentile: cohortPercentile(target, peers),
    };
  });
}
