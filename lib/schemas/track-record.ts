// What the forecasts made k months ago said, against what happened since.
import { z } from 'zod';
import { derivativeMetricSchema, fitStatusSchema, isoDateSchema } from './common.ts';

export const TRACK_RECORD_LOOKBACKS = [3, 6, 12, 18, 24] as const;

export const trackRecordQuerySchema = z.object({ metric: derivativeMetricSchema.default('all') });
export type TrackRecordQuery = z.infer<typeof trackRecordQuerySchema>;
export type TrackRecordQueryInput = z.input<typeof trackRecordQuerySchema>;

/** One forecast made at index madeAt (data 0..madeAt only) for a later index, beside the observed value. */
export const trackRecordPointSchema = z.object({
  index: z.number().int(),
  date: isoDateSchema,
  predicted: z.number(),
  lo80: z.number(),
  hi80: z.number(),
  lo95: z.number(),
  hi95: z.number(),
  actual: z.number(),
});
export type TrackRecordPoint = z.infer<typeof trackRecordPointSchema>;

export const trackRecordRunSchema = z.object({
  /** How many months before the last observed month the forecast was made (3, 6, 12, …). */
  monthsAgo: z.number().int(),
  madeAt: z.object({ index: z.number().int(), date: isoDateSchema }),
  status: fitStatusSchema,
  points: z.array(trackRecordPointSchema),
});
export type TrackRecordRun = z.infer<typeof trackRecordRunSchema>;

export const trackRecordSchema = z.object({
  repoId: z.string(),
  metric: derivativeMetricSchema,
  /** Last complete observed index. */
  last: z.number().int(),
  runs: z.array(trackRecordRunSchema),
  /** Over every point of every run: median |ln(1+pred) − ln(1+actual)| and the share inside each band. */
  summary: z.object({
    n: z.number().int(),
    medianLogError: z.number().nullable(),
    coverage80: z.number().nullable(),
    coverage95: z.number().nullable(),
  }),
});
export type TrackRecord = z.infer<typeof trackRecordSchema>;
