import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Metric } from '@/lib/schemas/common.ts';
import type { SeriesView } from '@/lib/schemas/series.ts';
import { apiFetch, modelApiPath } from './api-fetch.ts';

/** GET /api/models/{org}/{name}/series: the cumulative series of one metric. */
export function useSeries(repoId: string, metric: Metric, initialData?: SeriesView) {
  return useQuery({
    queryKey: ['series', repoId, metric],
    queryFn: ({ signal }) => apiFetch<SeriesView>(modelApiPath(repoId, '/series'), { metric }, signal),
    initialData: initialData?.metric === metric ? initialData : undefined,
    placeholderData: keepPreviousData,
  });
}
