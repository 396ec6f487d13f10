// Long-running crawls, imports, fits and simulations.
import { z } from 'zod';
import { intParam } from './common.ts';

export const jobKindSchema = z.enum(['crawl', 'import', 'fit', 'simulate']);
export const jobStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);

export const jobsQuerySchema = z.object({
  kind: jobKindSchema.optional(),
  status: jobStatusSchema.optional(),
  limit: intParam(1, 100, 20),
});
export type JobsQuery = z.infer<typeof jobsQuerySchema>;
export type JobsQueryInput = z.input<typeof jobsQuerySchema>;

export const jobParamsSchema = z.object({
  id: z.coerce.number<number | string>().int().min(1).max(2_147_483_647),
});

export const jobSchema = z.object({
  id: z.number().int(),
  kind: jobKindSchema,
  status: jobStatusSchema,
  params: z.unknown(),
  done: z.number().int(),
  total: z.number().int().nullable(),
  /** done / total in 0–1, null when the total is unknown. */
  progress: z.number().nullable(),
  counts: z.unknown().nullable(),
  error: z.string().nullable(),
  startedAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof jobSchema>;

export const jobListSchema = z.object({ items: z.array(jobSchema) });
export type JobList = z.infer<typeof jobListSchema>;
