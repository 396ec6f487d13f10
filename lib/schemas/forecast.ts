// A model's forecast: the fit on data up to an as-of index, its curve and the forecast band.
import { z } from 'zod';
import {
  asofSchema,
  fitStatusSchema,
  fitSummarySchema,
  formatSchema,
  granularitySchema,
  isoDateSchema,
  metricSchema,
  pointSchema,
} from './common.ts';

/** Horizon bounds: months for derivative metrics, days for downloads. */
export const FORECAST_HORIZON = {
  month: { min: 1, max: 36, default: 12 },
  day: { min: 1, max: 120, default: 75 },
} as const;

/** Horizons are bounded in days for downloads and, more tightly, in months for derivative metrics. */
export function refineHorizon(query: { metric: string; fc?: number }, ctx: z.RefinementCtx): void {
  if (query.metric !== 'downloads' && query.fc !== undefined && query.fc > FORECAST_HORIZON.month.max) {
    ctx.addIssue({
      code: 'custom',
      path: ['fc'],
      message: `must be at most ${FORECAST_HORIZON.month.max} (months) for derivative metrics`,
    });
  }
}

/** GET /api/models/{org}/{name}/forecast query: fc defaults to 12 (months) or 75 (days, downloads). */
export const forecastQuerySchema = z
  .object({
    metric: metricSchema.default('all'),
    fc: z.coerce.number<number | string>().int().min(1).max(FORECAST_HORIZON.day.max).optional(),
    asof: asofSchema.optional(),
    format: formatSchema,
  })
  .superRefine(refineHorizon);
export type ForecastQuery = z.infer<typeof forecastQuerySchema>;
export type ForecastQueryInput = z.input<typeof forecastQuerySchema>;

export const forecastPointSchema = z.object({
  index: z.number().int(),
  date: isoDateSchema,
  mean: z.number(),
  lo80: z.number(),
  hi80: z.number(),
  lo95: z.number(),
  hi95: z.number(),
});
export type ForecastPoint = z.infer<typeof forecastPointSchema>;

export const forecastViewSchema = z.object({
  repoId: z.string(),
  metric: metricSchema,
  granularity: granularitySchema,
  startDate: isoDateSchema,
  /** The last index the fit saw (the requested asof, else the last complete month/day). */
  asOf: z.object({ index: z.number().int(), date: isoDateSchema }),
  horizon: z.number().int(),
  fit: fitSummarySchema,
  /** The fitted curve c(t) at every observed index 0..asOf (empty when the fit has no parameters). */
  fitted: z.array(pointSchema),
  /** asOf+1 … asOf+horizon. Empty when the fit failed for lack of data. */
  forecast: z.array(forecastPointSchema),
  /** Observed points after asOf (only when asof is given): what happened since. */
  actual: z.array(pointSchema),
  /** The paper's published fit (t in years, m = 1) drawn on the same index axis; monthly metrics only. */
  paper: z
    .object({
      method: z.literal('paper-published'),
      lambda: z.number(),
      mu: z.number(),
      sigma: z.number(),
      status: fitStatusSchema,
      fitted: z.array(z.object({ index: z.number().int(), value: z.number() })),
    })
    .nullable(),
});
export type ForecastView = z.infer<typeof forecastViewSchema>;
