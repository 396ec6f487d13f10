import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ModelList, ModelsQueryInput } from '@/lib/schemas/models.ts';
import { apiFetch } from './api-fetch.ts';

/** GET /api/models: the leaderboard page for the given sort, filters and offset. */
export function useModels(query: ModelsQueryInput, initialData?: ModelList) {
  const { q, org, sort, dir, limit, offset } = query;
  return useQuery({
    queryKey: ['models', { q, org, sort, dir, limit, offset }],
    queryFn: ({ signal }) => apiFetch<ModelList>('/api/models', { q, org, sort, dir, limit, offset }, signal),
    initialData,
    placeholderData: keepPreviousData,
  });
}
