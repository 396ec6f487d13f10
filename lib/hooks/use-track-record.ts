import { useQuery } from '@tanstack/react-query';
import type { TrackRecord, TrackRecordQuery } from '@/lib/schemas/track-record.ts';
import { apiFetch, modelApiPath } from './api-fetch.ts';

/** GET /api/models/{org}/{name}/track-record: past forecasts against what happened. */
export function useTrackRecord(repoId: string, metric: TrackRecordQuery['metric']) {
  return useQuery({
    queryKey: ['track-record', repoId, metric],
    queryFn: ({ signal }) => apiFetch<TrackRecord>(modelApiPath(repoId, '/track-record'), { metric }, signal),
  });
}
