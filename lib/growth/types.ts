import type { IntervalCalibration } from './prior';

/**
 * WSB curve parameters. Time is an index since release: months for derivative counts,
 * days for downloads (see `unit` in {@link FitOptions}). `mu` is in ln(time units), `sigma` is
 * dimensionless, `lambda` is dimensionless, `m` (initial attractiveness) is in counts.
 */
export type GrowthParams = { lambda: number; mu: number; sigma: number; m: number };

/**
 * - `ok`: converged fit with finite parameters.
 * - `insufficient_data`: too little data to fit (see `MIN_POINTS`, `MIN_COUNT` in fit.ts); no curve.
 * - `not_converged`: the optimiser stopped without meeting its tolerances; parameters are the best found.
 * - `impact_beyond_data`: converged, but the impact time e^μ lies far beyond the observed window.
 */
export type FitStatus = 'ok' | 'insufficient_data' | 'not_converged' | 'impact_beyond_data';

/** Result of any fitting method. Standard errors are for lambda, mu (ln time units) and sigma. */
export type GrowthFit = {
  method: string;
  version: string;
  status: FitStatus;
  reason?: string;
  params: GrowthParams | null;
  uncertainty: { lambda: number; mu: number; sigma: number } | null;
  /** Model value at each input index (anchored at nothing: the plain curve c(t)). */
  fitted: number[];
  quality: Record<string, number | boolean | string>;
  /** Laplace covariance of (λ, μ, ln σ), when available; used by forecastGrowth for parameter uncertainty. */
  covariance?: number[][];
  /** Interval calibration carried over from the prior the fit used. */
  calibration?: IntervalCalibration;
};

/** One forecast step. `month` is the index since release (days when the unit is 'day'). */
export type ForecastPoint = {
  month: number;
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
};

export type TimeUnit = 'month' | 'day';
