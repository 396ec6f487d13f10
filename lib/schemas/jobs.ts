// Long-running crawls, imports, fits and simulations.
import { z } from 'zod';
import { intParam, relationSchema } from './common.ts';

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

// Hub ids as the crawler accepts them: "org/name" or "org" (at most 96 characters a part).
const hubIdSchema = z
  .string()
  .max(193)
  .regex(/^[A-Za-z0-9][\w.-]{0,95}(\/[A-Za-z0-9][\w.-]{0,95})?$/, 'expected a Hub id ("org/name" or "org")');

/** What `npm run crawl` takes, as JSON: `--base a b` → `{ bases: ['a', 'b'] }`, and so on. */
export const crawlJobParamsSchema = z
  .strictObject({
    bases: z.array(hubIdSchema).max(1000).default([]),
    authors: z.array(hubIdSchema).max(100).default([]),
    top: z.number().int().min(1).max(1_000_000).nullable().default(null),
    relations: z.array(relationSchema).min(1).max(4).optional(),
    depth: z.number().int().min(1).max(10).default(1),
    pageSize: z.number().int().min(1).max(1000).default(1000),
    /** Continue the last unfinished crawl whatever its params (`--resume`). */
    resume: z.boolean().default(false),
  })
  .refine((p) => p.resume || p.bases.length > 0 || p.authors.length > 0 || p.top !== null, {
    message: 'nothing to crawl: give bases, authors, top or resume',
  });

/** POST /api/jobs body: start a crawl, the paper import, or a refit (admin). */
export const startJobSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('crawl'), params: crawlJobParamsSchema }),
  z.strictObject({
    kind: z.literal('import'),
    source: z.literal('paper'),
    /** A folder on the server or an http(s) URL; default: the authors' GitHub repository. */
    from: z.string().trim().min(1).max(1000).optional(),
  }),
  z.strictObject({ kind: z.literal('fit'), force: z.boolean().default(false) }),
]);
export type StartJob = z.infer<typeof startJobSchema>;
export type StartJobInput = z.input<typeof startJobSchema>;
