// Early breakout: a model against its release cohort at the same age.
import { z } from 'zod';
import { derivativeMetricSchema, intParam } from './common.ts';

export const cohortQuerySchema = z.object({
  metric: derivativeMetricSchema.default('all'),
  /** Peers are base models released within ±window months. */
  window: intParam(1, 24, 3),
});
export type CohortQuery = z.infer<typeof cohortQuerySchema>;
export type CohortQueryInput = z.input<typeof cohortQuerySchema>;

export const cohortFanPointSchema = z.object({
  age: z.number().int(),
  p25: z.number(),
  p50: z.number(),
  p75: z.number(),
  /** Peers observed at this age. */
  n: z.number().int(),
});
export type CohortFanPoint = z.infer<typeof cohortFanPointSchema>;

export const cohortViewSchema = z.object({
  repoId: z.string(),
  metric: derivativeMetricSchema,
  window: z.number().int(),
  /** The model's current age (last complete month index) and count there. */
  age: z.number().int(),
  value: z.number(),
  /** Peers (excluding the model) in the window. */
  peers: z.number().int(),
  fan: z.array(cohortFanPointSchema),
  /** Share of peers observed at `age` with a smaller count (ties count half), 0–100; null without peers. */
  percentile: z.number().nullable(),
});
export type CohortView = z.infer<typeof cohortViewSchema>;
