// The whole ecosystem: new derivatives per calendar month by base-model cohort (Fig. 1), curves by year (Fig. 4).
import { z } from 'zod';
import { intParam, monthSchema } from './common.ts';

export const ecosystemQuerySchema = z.object({
  /** Cohort of a base model: its creation year ("2024") or quarter ("2024-Q3"). */
  cohort: z.enum(['year', 'quarter']).default('year'),
  /** Curves only for base models with at least this many derivatives (keeps the payload small). */
  min: intParam(0, 1_000_000, 10),
});
export type EcosystemQuery = z.infer<typeof ecosystemQuerySchema>;
export type EcosystemQueryInput = z.input<typeof ecosystemQuerySchema>;

export const ecosystemViewSchema = z.object({
  cohort: z.enum(['year', 'quarter']),
  cohorts: z.array(z.string()),
  /** New derivatives (all relations) per calendar month, split by the base model's creation cohort. */
  newPerMonth: z.array(z.object({ month: monthSchema, cohort: z.string(), count: z.number() })),
  /** Cumulative curves by age (values[k] at k months), coloured by creation year. */
  curves: z.array(
    z.object({ repoId: z.string(), cohortYear: z.number().int(), values: z.array(z.number()) }),
  ),
  totals: z.object({ baseModels: z.number().int(), derivatives: z.number() }),
});
export type EcosystemView = z.infer<typeof ecosystemViewSchema>;
