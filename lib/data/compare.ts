import 'server-only';
import { cached } from '@/lib/data/cache.ts';
import { buildForecastView, resolveAsOf } from '@/lib/data/forecast.ts';
import { getSeriesOrThrow, toSeriesView } from '@/lib/data/series.ts';
import type { CompareQuery, CompareView } from '@/lib/schemas/compare.ts';
import { FORECAST_HORIZON } from '@/lib/schemas/forecast.ts';

/**
 * GET /api/compare: each model's series and (unless fc = 0) its forecast at the same asof, in the
 * order given. Throws not_found naming the first unknown model, 422 naming a model asof cannot serve.
 */
export function compareModelsOrThrow(query: Omit<CompareQuery, 'format'>): Promise<CompareView> {
  const key = `compare:${query.m.join('~')}:${query.metric}:${query.align}:${query.fc ?? ''}:${query.asof ?? ''}`;
  return cached(key, async () => {
    const all = await Promise.all(query.m.map((repoId) => getSeriesOrThrow(repoId, query.metric)));
    const models: CompareView['models'] = [];
    // One model at a time: fits of uncached forecasts are CPU-bound.
    for (const series of all) {
      const horizon = query.fc ?? FORECAST_HORIZON[series.granularity].default;
      const forecast =
        horizon > 0 && series.last >= 0
          ? await buildForecastView(
              series,
              resolveAsOf(series, query.asof),
              horizon,
              query.asof !== undefined,
            )
          : null;
      models.push({
        repoId: series.model.repoId,
        createdAt: series.model.createdAt?.toISOString() ?? null,
        series: toSeriesView(series),
        forecast,
      });
    }
    return { metric: query.metric, align: query.align, models };
  });
}
