import { useQuery } from '@tanstack/react-query';
import type { OrgDetail } from '@/lib/schemas/orgs.ts';
import { apiFetch } from './api-fetch.ts';

/** GET /api/orgs/{slug}: an organisation's models, curves and aggregate. */
export function useOrg(slug: string, initialData?: OrgDetail) {
  return useQuery({
    queryKey: ['org', slug],
    queryFn: ({ signal }) => apiFetch<OrgDetail>(`/api/orgs/${encodeURIComponent(slug)}`, {}, signal),
    initialData,
  });
}
