import { useQuery } from '@tanstack/react-query';
import type { OrgList } from '@/lib/schemas/orgs.ts';
import { apiFetch } from './api-fetch.ts';

/** GET /api/orgs: every organisation with its totals. */
export function useOrgs(initialData?: OrgList) {
  return useQuery({
    queryKey: ['orgs'],
    queryFn: ({ signal }) => apiFetch<OrgList>('/api/orgs', {}, signal),
    initialData,
  });
}
