// Primitives shared by every resource schema: ids, metrics, months, points, fits, query helpers.
import { z } from 'zod';

export const METRICS = ['all', 'finetune', 'adapter', 'quantized', 'merge', 'downloads'] as const;
export const metricSchema = z.enum(METRICS);
export type Metric = z.infer<typeof metricSchema>;

/** Derivative metrics only (monthly series); downloads are daily and have no cohort or track record. */
export const derivativeMetricSchema = z.enum(['all', 'finetune', 'adapter', 'quantized', 'merge']);

export const relationSchema = z.enum(['finetune', 'adapter', 'quantized', 'merge']);
export type Relation = z.infer<typeof relationSchema>;

export const dataSourceSchema = z.enum(['hub', 'hub_dump', 'paper', 'simulated']);
export type DataSource = z.infer<typeof dataSourceSchema>;

export const granularitySchema = z.enum(['month', 'day']);
export type Granularity = z.infer<typeof granularitySchema>;

/** Statuses our engine and the paper importer write to Fit.status. */
export const fitStatusSchema = z.enum([
  'ok',
  'insufficient_data',
  'not_converged',
  'impact_beyond_data',
  'start_point',
  'degenerate',
  'failed',
]);
export type FitStatus = z.infer<typeof fitStatusSchema>;

export const formatSchema = z.enum(['json', 'csv']).default('json');

// Hub namespaces and repo names: letters, digits, '-', '_', '.' (at most 96 characters each).
const segment = z
  .string()
  .min(1)
  .max(96)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a Hub name (letters, digits, "-", "_", ".")');

/** Path params of /api/models/{org}/{name}/… */
export const modelParamsSchema = z.object({ org: segment, name: segment });
export type ModelParams = z.infer<typeof modelParamsSchema>;

export const repoIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,95}\/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/, 'expected "org/name"');

/** `asof=YYYY-MM`: use only data up to the end of that calendar month. */
export const asofSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM (e.g. 2024-06)');

/** Organisation slug, e.g. "meta". */
export const orgSlugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'expected an organisation slug (lower-case letters, digits, "-", "_")');

/** ISO date of a point: YYYY-MM-DD (UTC). */
export const isoDateSchema = z.string();
/** Calendar month: YYYY-MM. */
export const monthSchema = z.string();

/** One observed cumulative value at index k (months or days since startDate). */
export const pointSchema = z.object({ index: z.number().int(), date: isoDateSchema, value: z.number() });
export type Point = z.infer<typeof pointSchema>;

export const growthParamsSchema = z.object({
  lambda: z.number(),
  mu: z.number(),
  sigma: z.number(),
  m: z.number(),
});
export type GrowthParams = z.infer<typeof growthParamsSchema>;

/** A stored fit as the API shows it; eventual = m(e^λ − 1), impactTime = e^μ and halfLife in the series' unit. */
export const fitSummarySchema = z.object({
  method: z.string(),
  version: z.string(),
  status: fitStatusSchema,
  reason: z.string().nullable(),
  params: growthParamsSchema.nullable(),
  uncertainty: z.object({ lambda: z.number(), mu: z.number(), sigma: z.number() }).nullable(),
  quality: z.record(z.string(), z.union([z.number(), z.boolean(), z.string(), z.null()])),
  eventual: z.number().nullable(),
  impactTime: z.number().nullable(),
  halfLife: z.number().nullable(),
});
export type FitSummary = z.infer<typeof fitSummarySchema>;

export const orgRefSchema = z.object({ slug: z.string(), name: z.string() });
export type OrgRef = z.infer<typeof orgRefSchema>;

/** Integer query parameter with bounds, e.g. `intParam(1, 36, 12)`. */
export function intParam(min: number, max: number, fallback: number) {
  return z.coerce.number<number | string>().int().min(min).max(max).default(fallback);
}
