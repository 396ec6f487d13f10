// Fitted growth parameters of every base model (Fig. 2, Table 1).
import { z } from 'zod';
import { derivativeMetricSchema, fitStatusSchema, formatSchema, orgSlugSchema } from './common.ts';

export const PARAMETER_METHODS = ['wsb-eb', 'paper-published'] as const;

export const parametersQuerySchema = z.object({
  /** Our fits (months, m = 30, latest as-of) or the paper's published ones (years, m = 1). */
  method: z.enum(PARAMETER_METHODS).default('wsb-eb'),
  metric: derivativeMetricSchema.default('all'),
  org: orgSlugSchema.optional(),
  format: formatSchema,
});
export type ParametersQuery = z.infer<typeof parametersQuerySchema>;
export type ParametersQueryInput = z.input<typeof parametersQuerySchema>;

/** One fit; lambda/mu/sigma are null when the fit produced none. Sorted by derivatives, descending. */
export const parameterRowSchema = z.object({
  repoId: z.string(),
  org: z.string().nullable(),
  lambda: z.number().nullable(),
  mu: z.number().nullable(),
  sigma: z.number().nullable(),
  m: z.number().nullable(),
  status: fitStatusSchema,
  /** True for anything but status 'ok' (Table 1's "*"). */
  failed: z.boolean(),
  derivatives: z.number(),
  /** Month index of the last observation the fit used. */
  asOf: z.number().int(),
});
export type ParameterRow = z.infer<typeof parameterRowSchema>;

export const parametersViewSchema = z.object({
  method: z.enum(PARAMETER_METHODS),
  metric: derivativeMetricSchema,
  /** Time unit of mu/sigma: months for our fits, years for the paper's. */
  unit: z.enum(['month', 'year']),
  items: z.array(parameterRowSchema),
  byStatus: z.record(z.string(), z.number().int()),
});
export type ParametersView = z.infer<typeof parametersViewSchema>;
