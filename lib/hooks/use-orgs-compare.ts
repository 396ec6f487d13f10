import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OrgsCompare } from '@/lib/schemas/orgs.ts';
import { apiFetch } from './api-fetch.ts';

export interface OrgsCompareInput {
  lambdaMin: number;
  lambdaMax: number;
  orgs?: string[];
  method?: 'wsb-eb' | 'paper-published';
}

/** GET /api/orgs/compare: densities at 2/6/12 months and parameter values per organisation (Fig. 3). */
export function useOrgsCompare(
  { lambdaMin, lambdaMax, orgs, method }: OrgsCompareInput,
  initialData?: OrgsCompare,
) {
  const orgList = orgs?.length ? orgs.join(',') : undefined;
  return useQuery({
    queryKey: ['orgs-compare', lambdaMin, lambdaMax, orgList ?? null, method ?? null],
    queryFn: ({ signal }) =>
      apiFetch<OrgsCompare>('/api/orgs/compare', { lambdaMin, lambdaMax, orgs: orgList, method }, signal),
    initialData,
    placeholderData: keepPreviousData,
  });
}
