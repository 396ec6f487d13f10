import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Metric } from '@/lib/schemas/common.ts';
import type { ForecastView } from '@/lib/schemas/forecast.ts';
import { apiFetch, modelApiPath } from './api-fetch.ts';

export interface ForecastInput {
  metric: Metric;
  /** Horizon in months (days for downloads); null = the API's default. */
  fc: number | null;
  asof: string | null;
}

/** GET /api/models/{org}/{name}/forecast: the fit and forecast band, optionally frozen at `asof`. */
export function useForecast(repoId: string, { metric, fc, asof }: ForecastInput, initialData?: ForecastView) {
  return useQuery({
    queryKey: ['forecast', repoId, metric, fc, asof],
    queryFn: ({ signal }) =>
      apiFetch<ForecastView>(modelApiPath(repoId, '/forecast'), { metric, fc, asof }, signal),
    initialData,
    placeholderData: keepPreviousData,
  });
}
