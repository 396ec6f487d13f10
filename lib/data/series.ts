import 'server-only';
import { notFound } from '@/lib/api/errors.ts';
import { isoDateOfIndex, isoDay } from '@/lib/api/month-index.ts';
import { cached } from '@/lib/data/cache.ts';
import { getModelOrThrow, type ModelRef } from '@/lib/data/models.ts';
import { getDb } from '@/lib/db.ts';
import type { DataSource, Granularity, Metric } from '@/lib/schemas/common.ts';
import type { SeriesView } from '@/lib/schemas/series.ts';

/** A stored series with what the views need; `last` is the last complete index (the partial point excluded). */
export type StoredSeries = {
  id: number;
  model: ModelRef;
  metric: Metric;
  granularity: Granularity;
  source: DataSource;
  startDate: Date;
  values: number[];
  lastPartial: boolean;
  valuesHash: string;
  last: number;
};

/** A model's series of one metric; throws not_found (404) for an unknown model or a missing series. */
export function getSeriesOrThrow(repoId: string, metric: Metric): Promise<StoredSeries> {
  return cached(`series:raw:${repoId}:${metric}`, async () => {
    const model = await getModelOrThrow(repoId);
    const prisma = await getDb();
    const row = await prisma.series.findUnique({ where: { modelId_metric: { modelId: model.id, metric } } });
    if (!row) throw notFound(`model ${model.repoId}: no "${metric}" series`);
    return {
      id: row.id,
      model,
      metric: row.metric,
      granularity: row.granularity,
      source: row.source,
      startDate: row.startDate,
      values: row.values,
      lastPartial: row.lastPartial,
      valuesHash: row.valuesHash,
      last: row.values.length - 1 - (row.lastPartial ? 1 : 0),
    };
  });
}

/** Points with their dates and increments, as the charts and CSV downloads show them. */
export function toSeriesView(series: StoredSeries): SeriesView {
  return {
    repoId: series.model.repoId,
    metric: series.metric,
    granularity: series.granularity,
    source: series.source,
    startDate: isoDay(series.startDate),
    lastPartial: series.lastPartial,
    points: series.values.map((value, index) => ({
      index,
      date: isoDateOfIndex(series.startDate, index, series.granularity),
      value,
      increment: index === 0 ? value : value - series.values[index - 1],
    })),
  };
}

/** GET …/series: the model's cumulative series of one metric. */
export async function getSeriesViewOrThrow(repoId: string, metric: Metric): Promise<SeriesView> {
  return toSeriesView(await getSeriesOrThrow(repoId, metric));
}
