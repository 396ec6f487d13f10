// Organisations: list, one organisation's models and curves, and org-vs-org distributions.
import { z } from 'zod';
import { formatSchema, isoDateSchema, monthSchema, orgSlugSchema } from './common.ts';
import { modelSummarySchema } from './models.ts';

/** Path params of /api/orgs/{slug}. */
export const orgParamsSchema = z.object({ slug: orgSlugSchema });
export type OrgParams = z.infer<typeof orgParamsSchema>;

export const orgSummarySchema = z.object({
  slug: z.string(),
  name: z.string(),
  authors: z.array(z.string()),
  /** Base models of the organisation. */
  models: z.number().int(),
  /** Derivatives of all its base models (metric 'all', last observed). */
  derivatives: z.number(),
  /** Median λ of our fits with status ok; null if none. */
  medianLambda: z.number().nullable(),
});
export type OrgSummary = z.infer<typeof orgSummarySchema>;

export const orgListSchema = z.object({ items: z.array(orgSummarySchema) });
export type OrgList = z.infer<typeof orgListSchema>;

/** GET /api/orgs/{slug}: every base model's cumulative curve (by age) and the organisation's totals. */
export const orgDetailSchema = z.object({
  org: z.object({ slug: z.string(), name: z.string(), authors: z.array(z.string()) }),
  models: z.array(modelSummarySchema),
  /** Sum over models of the cumulative count at each age; n = models observed at that age. */
  aggregate: z.array(z.object({ age: z.number().int(), total: z.number(), n: z.number().int() })),
  /** Cumulative derivatives of all the organisation's models per calendar month. */
  calendar: z.array(z.object({ month: monthSchema, total: z.number() })),
  /** values[k] = cumulative count k months after creation (complete months only). */
  curves: z.array(z.object({ repoId: z.string(), createdAt: isoDateSchema, values: z.array(z.number()) })),
});
export type OrgDetail = z.infer<typeof orgDetailSchema>;

export const ORG_COMPARE_MONTHS = [2, 6, 12] as const;

/** GET /api/orgs/compare query (Fig. 3): models with lambdaMin ≤ λ ≤ lambdaMax of the chosen fit method. */
export const orgsCompareQuerySchema = z
  .object({
    lambdaMin: z.coerce.number<number | string>().min(0).max(1e6).default(1),
    lambdaMax: z.coerce.number<number | string>().min(0).max(1e6).default(10),
    /** Comma-separated organisation slugs (default: every organisation). */
    orgs: z
      .string()
      .optional()
      .transform((value) =>
        value
          ? value
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : undefined,
      )
      .pipe(z.array(orgSlugSchema).max(20, 'at most 20 organisations').optional()),
    /** Whose λ selects the models: our fits (months, m = 30) or the paper's (years, m = 1). */
    method: z.enum(['wsb-eb', 'paper-published']).default('wsb-eb'),
    format: formatSchema,
  })
  .refine((query) => query.lambdaMin <= query.lambdaMax, {
    path: ['lambdaMin'],
    message: 'must not exceed lambdaMax',
  });
export type OrgsCompareQuery = z.infer<typeof orgsCompareQuerySchema>;
export type OrgsCompareQueryInput = z.input<typeof orgsCompareQuerySchema>;

export const densitySchema = z.object({
  org: z.string(),
  month: z.number().int(),
  /** Models observed at that month (the density is over them). */
  n: z.number().int(),
  /** Gaussian kernel density of x = log10(1 + cumulative count). */
  points: z.array(z.object({ x: z.number(), density: z.number() })),
});
export type Density = z.infer<typeof densitySchema>;

export const orgsCompareSchema = z.object({
  method: z.enum(['wsb-eb', 'paper-published']),
  lambdaMin: z.number(),
  lambdaMax: z.number(),
  months: z.array(z.number().int()),
  densities: z.array(densitySchema),
  /** Aggregate curve per organisation: mean cumulative derivatives per selected base model by months since
   * release, at ages where at least 3 of its models are observed (n). */
  aggregates: z.array(
    z.object({
      org: z.string(),
      points: z.array(z.object({ age: z.number().int(), mean: z.number(), n: z.number().int() })),
    }),
  ),
  /** Parameter values of the selected models per organisation (for histograms / box plots). */
  params: z.array(
    z.object({
      org: z.string(),
      n: z.number().int(),
      lambda: z.array(z.number()),
      mu: z.array(z.number()),
      sigma: z.array(z.number()),
    }),
  ),
});
export type OrgsCompare = z.infer<typeof orgsCompareSchema>;

/** PUT /api/orgs/{slug}/authors body (admin): the Hub authors (namespaces) that make up the organisation. */
export const orgAuthorsBodySchema = z.strictObject({
  authors: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(96)
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a Hub author (letters, digits, "-", "_", ".")'),
    )
    .max(500, 'at most 500 authors')
    .transform((authors) => [...new Set(authors)].sort()),
});
export type OrgAuthorsBody = z.infer<typeof orgAuthorsBodySchema>;

export const orgAuthorsResultSchema = z.object({
  slug: z.string(),
  authors: z.array(z.string()),
  /** Authors taken from another organisation, with the organisation they left. */
  moved: z.array(z.object({ author: z.string(), from: z.string() })),
});
export type OrgAuthorsResult = z.infer<typeof orgAuthorsResultSchema>;
