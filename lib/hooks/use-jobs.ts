import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Job, JobList, JobsQueryInput, StartJobInput } from '@/lib/schemas/jobs.ts';
import { apiFetch, apiSend } from './api-fetch.ts';

/** GET /api/jobs: the latest jobs; polled every 2 s while one runs, every 15 s otherwise. */
export function useJobs(query: JobsQueryInput = {}) {
  return useQuery({
    queryKey: ['jobs', query.kind ?? null, query.status ?? null, query.limit ?? null],
    queryFn: ({ signal }) => apiFetch<JobList>('/api/jobs', { ...query }, signal),
    refetchInterval: (q) => (q.state.data?.items.some((job) => job.status === 'running') ? 2_000 : 15_000),
    staleTime: 0,
  });
}

/** POST /api/jobs (admin): starts a crawl, the paper import or a refit; refreshes the jobs list. */
export function useStartJob(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: StartJobInput) => apiSend<Job>('/api/jobs', 'POST', input, token),
    onSettled: () => client.invalidateQueries({ queryKey: ['jobs'] }),
  });
}
