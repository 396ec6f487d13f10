// Data sources with their freshness, and how well the forecasts do out of sample.
import { z } from 'zod';

export const sourceSchema = z.object({
  /** Setting key without the "source." prefix, e.g. "paper" or "hub". */
  key: z.string(),
  loadedAt: z.string().nullable(),
  /** Whatever the loader recorded (counts, snapshot date, version). */
  details: z.record(z.string(), z.unknown()),
});
export type Source = z.infer<typeof sourceSchema>;

/** Median / mean |ln(1+pred) − ln(1+actual)| per method, overall and per horizon H (months). */
export const backtestMethodSchema = z.object({
  method: z.string(),
  cases: z.number().int(),
  medianError: z.number().nullable(),
  meanError: z.number().nullable(),
  byHorizon: z.array(
    z.object({ horizon: z.number().int(), cases: z.number().int(), medianError: z.number().nullable() }),
  ),
});

export const backtestSummarySchema = z.object({
  computedAt: z.string(),
  /** Hash of the series the backtest ran on; it is recomputed when the data change. */
  dataHash: z.string(),
  methodVersion: z.string(),
  cutoffs: z.array(z.number().int()),
  horizons: z.array(z.number().int()),
  cases: z.number().int(),
  models: z.number().int(),
  methods: z.array(backtestMethodSchema),
});
export type BacktestSummary = z.infer<typeof backtestSummarySchema>;

/** Share of backtest cases whose actual value fell inside our 80% / 95% intervals. */
export const calibrationSchema = z.object({
  cases: z.number().int(),
  coverage80: z.number().nullable(),
  coverage95: z.number().nullable(),
  byHorizon: z.array(
    z.object({
      horizon: z.number().int(),
      coverage80: z.number().nullable(),
      coverage95: z.number().nullable(),
    }),
  ),
});
export type Calibration = z.infer<typeof calibrationSchema>;

export const methodsViewSchema = z.object({
  sources: z.array(sourceSchema),
  methodVersion: z.string(),
  backtest: backtestSummarySchema.nullable(),
  calibration: calibrationSchema.nullable(),
});
export type MethodsView = z.infer<typeof methodsViewSchema>;
