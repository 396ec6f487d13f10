import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SearchResult } from '@/lib/schemas/search.ts';
import { apiFetch } from './api-fetch.ts';

/** GET /api/search: models and organisations matching `q` (disabled for an empty query). */
export function useSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: ['search', query],
    queryFn: ({ signal }) => apiFetch<SearchResult>('/api/search', { q: query }, signal),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
  });
}
