import { useQuery } from '@tanstack/react-query';
import type { MethodsView } from '@/lib/schemas/methods.ts';
import { apiFetch } from './api-fetch.ts';

/** GET /api/methods: data sources, backtest and calibration. */
export function useMethods(initialData?: MethodsView) {
  return useQuery({
    queryKey: ['methods'],
    queryFn: ({ signal }) => apiFetch<MethodsView>('/api/methods', {}, signal),
    initialData,
  });
}
