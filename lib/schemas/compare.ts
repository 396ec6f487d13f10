// Several base models side by side, each with its series and forecast.
import { z } from 'zod';
import { asofSchema, formatSchema, metricSchema, repoIdSchema } from './common.ts';
import { FORECAST_HORIZON, forecastViewSchema, refineHorizon } from './forecast.ts';
import { seriesViewSchema } from './series.ts';

export const MAX_COMPARED = 10;

/** `m=a/b~c/d`: 1–10 distinct repo ids joined by "~", as in the page URL /compare?m=…. */
export const repoIdListSchema = z
  .string({ error: 'required: repo ids separated by "~", e.g. Qwen/Qwen2.5-7B~google/gemma-2b' })
  .transform((value) => [
    ...new Set(
      value
        .split('~')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(
    z.array(repoIdSchema).min(1, 'at least one model').max(MAX_COMPARED, `at most ${MAX_COMPARED} models`),
  );

/** GET /api/compare query. */
export const compareQuerySchema = z
  .object({
    m: repoIdListSchema,
    metric: metricSchema.default('all'),
    align: z.enum(['release', 'calendar']).default('release'),
    /** 0 = no forecast. */
    fc: z.coerce.number<number | string>().int().min(0).max(FORECAST_HORIZON.day.max).optional(),
    asof: asofSchema.optional(),
    format: formatSchema,
  })
  .superRefine(refineHorizon);
export type CompareQuery = z.infer<typeof compareQuerySchema>;
export type CompareQueryInput = z.input<typeof compareQuerySchema>;

export const compareViewSchema = z.object({
  metric: metricSchema,
  align: z.enum(['release', 'calendar']),
  models: z.array(
    z.object({
      repoId: z.string(),
      createdAt: z.string().nullable(),
      series: seriesViewSchema,
      /** Null when fc = 0. */
      forecast: forecastViewSchema.nullable(),
    }),
  ),
});
export type CompareView = z.infer<typeof compareViewSchema>;
