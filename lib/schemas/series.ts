// A model's cumulative series (monthly derivatives or daily downloads).
import { z } from 'zod';
import { dataSourceSchema, formatSchema, granularitySchema, isoDateSchema, metricSchema } from './common.ts';

export const seriesQuerySchema = z.object({ metric: metricSchema.default('all'), format: formatSchema });
export type SeriesQuery = z.infer<typeof seriesQuerySchema>;
export type SeriesQueryInput = z.input<typeof seriesQuerySchema>;

/** value = cumulative count at index k (startDate + k months, or days); increment = value − previous value. */
export const seriesPointSchema = z.object({
  index: z.number().int(),
  date: isoDateSchema,
  value: z.number(),
  increment: z.number(),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

export const seriesViewSchema = z.object({
  repoId: z.string(),
  metric: metricSchema,
  granularity: granularitySchema,
  source: dataSourceSchema,
  startDate: isoDateSchema,
  /** True when the last point is a month (or day) not over yet; it is never used in fits. */
  lastPartial: z.boolean(),
  points: z.array(seriesPointSchema),
});
export type SeriesView = z.infer<typeof seriesViewSchema>;
