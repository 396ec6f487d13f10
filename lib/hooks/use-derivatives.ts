import { useQuery } from '@tanstack/react-query';
import type { Relation } from '@/lib/schemas/common.ts';
import type { DerivativeList } from '@/lib/schemas/models.ts';
import { apiFetch, modelApiPath } from './api-fetch.ts';

/** GET /api/models/{org}/{name}/derivatives: the largest derivatives. */
export function useDerivatives(repoId: string, limit: number, relation?: Relation) {
  return useQuery({
    queryKey: ['derivatives', repoId, limit, relation ?? null],
    queryFn: ({ signal }) =>
      apiFetch<DerivativeList>(modelApiPath(repoId, '/derivatives'), { limit, relation }, signal),
  });
}
