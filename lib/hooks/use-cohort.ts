import { useQuery } from '@tanstack/react-query';
import type { CohortQuery, CohortView } from '@/lib/schemas/cohort.ts';
import { apiFetch, modelApiPath } from './api-fetch.ts';

/** GET /api/models/{org}/{name}/cohort: peers' fan by age and the model's percentile. */
export function useCohort(repoId: string, metric: CohortQuery['metric'], window?: number) {
  return useQuery({
    queryKey: ['cohort', repoId, metric, window ?? null],
    queryFn: ({ signal }) =>
      apiFetch<CohortView>(modelApiPath(repoId, '/cohort'), { metric, window }, signal),
  });
}
