import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ParametersView } from '@/lib/schemas/parameters.ts';
import { apiFetch } from './api-fetch.ts';

/** GET /api/parameters: every fit's λ, μ, σ for one method. */
export function useParameters(method: ParametersView['method'], initialData?: ParametersView) {
  return useQuery({
    queryKey: ['parameters', method],
    queryFn: ({ signal }) => apiFetch<ParametersView>('/api/parameters', { method }, signal),
    initialData: initialData?.method === method ? initialData : undefined,
    placeholderData: keepPreviousData,
  });
}
