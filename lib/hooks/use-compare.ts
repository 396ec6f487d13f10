import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Metric } from '@/lib/schemas/common.ts';
import type { CompareView } from '@/lib/schemas/compare.ts';
import { apiFetch } from './api-fetch.ts';

export interface CompareInput {
  ids: string[];
  metric: Metric;
  align: 'release' | 'calendar';
  fc: number | null;
}

/** GET /api/compare: the series and forecasts of up to 10 models (disabled with none). */
export function useCompare({ ids, metric, align, fc }: CompareInput, initialData?: CompareView) {
  const m = ids.join('~');
  return useQuery({
    queryKey: ['compare', m, metric, align, fc],
    queryFn: ({ signal }) => apiFetch<CompareView>('/api/compare', { m, metric, align, fc }, signal),
    enabled: ids.length > 0,
    initialData,
    placeholderData: keepPreviousData,
  });
}
