// Base models: leaderboard rows, the model page header, and the largest derivatives of a model.
import { z } from 'zod';
import {
  dataSourceSchema,
  fitStatusSchema,
  intParam,
  metricSchema,
  orgRefSchema,
  orgSlugSchema,
  relationSchema,
} from './common.ts';

export const MODEL_SORTS = [
  'derivatives',
  'growth3m',
  'lambda',
  'eventual',
  'forecast12',
  'percentile',
] as const;
export const modelSortSchema = z.enum(MODEL_SORTS);
export type ModelSort = z.infer<typeof modelSortSchema>;

/** GET /api/models query. */
export const modelsQuerySchema = z.object({
  q: z.string().trim().min(1).max(100).optional(),
  org: orgSlugSchema.optional(),
  sort: modelSortSchema.default('derivatives'),
  dir: z.enum(['desc', 'asc']).default('desc'),
  limit: intParam(1, 100, 50),
  offset: intParam(0, 1_000_000, 0),
});
export type ModelsQuery = z.infer<typeof modelsQuerySchema>;
export type ModelsQueryInput = z.input<typeof modelsQuerySchema>;

/**
 * One leaderboard row. Counts are derivatives of all relations (metric 'all') at the last observed
 * month; growth3m = derivatives added over the last 3 observed months; lambda/eventual/forecast12
 * come from our latest fit (eventual = m(e^λ − 1); forecast12 = mean forecast 12 months after the
 * fit's as-of month); percentile (0–100) = the model's count against base models released within
 * ±3 months, at the same age.
 */
export const modelSummarySchema = z.object({
  repoId: z.string(),
  author: z.string(),
  org: orgRefSchema.nullable(),
  createdAt: z.string().nullable(),
  source: dataSourceSchema,
  /** Months since creation of the last observed point. */
  age: z.number().int().nullable(),
  derivatives: z.number(),
  growth3m: z.number().nullable(),
  lambda: z.number().nullable(),
  eventual: z.number().nullable(),
  forecast12: z.number().nullable(),
  percentile: z.number().nullable(),
  fitStatus: fitStatusSchema.nullable(),
});
export type ModelSummary = z.infer<typeof modelSummarySchema>;

export const modelListSchema = z.object({ items: z.array(modelSummarySchema), total: z.number().int() });
export type ModelList = z.infer<typeof modelListSchema>;

export const relationCountsSchema = z.object({
  finetune: z.number(),
  adapter: z.number(),
  quantized: z.number(),
  merge: z.number(),
});
export type RelationCounts = z.infer<typeof relationCountsSchema>;

/** GET /api/models/{org}/{name}: the summary plus Hub metadata and which series exist. */
export const modelDetailSchema = modelSummarySchema.extend({
  pipelineTag: z.string().nullable(),
  libraryName: z.string().nullable(),
  downloads30d: z.number().nullable(),
  downloadsAllTime: z.number().nullable(),
  likes: z.number().nullable(),
  /** Metrics that have a stored series, in display order. */
  metrics: z.array(metricSchema),
  /** Current derivatives per relation (from the series, else the Hub's childrenCount); null if unknown. */
  relations: relationCountsSchema.nullable(),
  simulated: z.boolean(),
  /** The paper's published fit (years, m = 1), when the model is in the paper's data. */
  paperFit: z
    .object({ lambda: z.number(), mu: z.number(), sigma: z.number(), status: fitStatusSchema })
    .nullable(),
  /** Old repo ids that redirect here. */
  aliases: z.array(z.string()),
});
export type ModelDetail = z.infer<typeof modelDetailSchema>;

/** GET /api/models/{org}/{name}/derivatives query. */
export const derivativesQuerySchema = z.object({
  limit: intParam(1, 50, 10),
  relation: relationSchema.optional(),
});
export type DerivativesQuery = z.infer<typeof derivativesQuerySchema>;
export type DerivativesQueryInput = z.input<typeof derivativesQuerySchema>;

/** The largest direct derivatives by all-time downloads (then 30-day downloads, likes). */
export const derivativeSchema = z.object({
  repoId: z.string(),
  relation: relationSchema,
  createdAt: z.string().nullable(),
  downloads30d: z.number().nullable(),
  downloadsAllTime: z.number().nullable(),
  likes: z.number().nullable(),
  /** Derivatives of this derivative (a second-level tree size), from its own edges. */
  children: z.number(),
});
export const derivativeListSchema = z.object({ items: z.array(derivativeSchema), total: z.number().int() });
export type Derivative = z.infer<typeof derivativeSchema>;
export type DerivativeList = z.infer<typeof derivativeListSchema>;
