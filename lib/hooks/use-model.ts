import { useQuery } from '@tanstack/react-query';
import type { ModelDetail } from '@/lib/schemas/models.ts';
import { apiFetch, modelApiPath } from './api-fetch.ts';

/** GET /api/models/{org}/{name}: the model header and which series exist. */
export function useModel(repoId: string, initialData?: ModelDetail) {
  return useQuery({
    queryKey: ['model', repoId],
    queryFn: ({ signal }) => apiFetch<ModelDetail>(modelApiPath(repoId), {}, signal),
    initialData,
  });
}
