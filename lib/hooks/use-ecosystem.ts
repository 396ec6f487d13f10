import { useQuery } from '@tanstack/react-query';
import type { EcosystemView } from '@/lib/schemas/ecosystem.ts';
import { apiFetch } from './api-fetch.ts';

/** GET /api/ecosystem: new derivatives per month by cohort and curves by creation year. */
export function useEcosystem(initialData?: EcosystemView) {
  return useQuery({
    queryKey: ['ecosystem'],
    queryFn: ({ signal }) => apiFetch<EcosystemView>('/api/ecosystem', {}, signal),
    initialData,
  });
}
