import { fitGrowth } from './fit';
import { forecastParts } from './forecast';
import { minimizeNewton } from './optim';
import { type IntervalCalibration, M_DAY, M_MONTH, NORMAL_QUANTILES, type Prior, weakPrior } from './prior';
import type { TimeUnit } from './types';

/**
 * Adjustments applied to the pooled population estimates before they are used as a forecasting
 * prior. Chosen by coordinate search on the median + 0.25·mean backtest error at cutoffs
 * K ∈ {4, 5, 8, 9, 10} (H ∈ {3, 6, 12}), which are disjoint from the protocol's K ∈ {3, 6, 12};
 * the models are the same, so this is tuning on other time windows of the same population.
 * Pooled full-history fits describe the past of old models; for forecasting, a wider μ prior
 * centred earlier, a longer σ (slower decay of growth) and a fit weighted towards the latest
 * months predict better.
 */
export const EB_ADJUSTMENT = {
  muShift: -0.5,
  muSdScale: 2,
  logSigmaShift: 0.6,
  logSigmaSdScale: 0.7,
  residualScale: 1.2,
  recency: 4,
};

export type EstimatePriorOptions = {
  unit?: TimeUnit;
  /** Initial attractiveness the prior is for (default M_MONTH for months, M_DAY for days). */
  m?: number;
  /** Series used for the parameter prior need this many observations after release (default 12). */
  minPoints?: number;
  /** ... and at least this last count (default 10). */
  minCount?: number;
  /** Cutoffs of the internal leave-future-out calibration of intervals (default 4, 5, 8, 9, 10: disjoint from the protocol's 3, 6, 12). */
  calibrationCutoffs?: readonly number[];
  /** Horizons of that calibration (default 1, 2, 3, 6, 9, 12). */
  calibrationHorizons?: readonly number[];
  /** Override of EB_ADJUSTMENT (validation experiments). */
  adjustment?: Partial<typeof EB_ADJUSTMENT>;
};

function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

function median(v: readonly number[]): number {
  return quantile(
    [...v].sort((a, b) => a - b),
    0.5,
  );
}

/** Robust location and scale (median, 1.4826·MAD). */
function robust(v: readonly number[]): { loc: number; scale: number } {
  const loc = median(v);
  return { loc, scale: 1.4826 * median(v.map((x) => Math.abs(x - loc))) };
}

/**
 * Empirical-Bayes prior from a population of cumulative series (months by default, m = M_MONTH).
 *
 * 1. Every series with ≥ minPoints observations after release and a last count ≥ minCount is fitted
 *    with a weak prior and uniform weights; the converged (λ, μ, ln σ) are pooled: normal priors on
 *    μ and ln σ from the median and MAD, a Gamma prior on λ matching the median and MAD of λ
 *    (shape ≥ 1), the residual scale from the median per-series RMSE of ln(1 + c/m). EB_ADJUSTMENT
 *    is then applied.
 * 2. Interval calibration (calibrateIntervals) on cutoffs disjoint from the backtest's.
 * Throws RangeError if fewer than 10 series qualify.
 */
export function estimatePrior(
  series: readonly (readonly number[])[],
  options: EstimatePriorOptions = {},
): Prior {
  const unit = options.unit ?? 'month';
  const m = options.m ?? (unit === 'day' ? M_DAY : M_MONTH);
  const minPoints = options.minPoints ?? 12;
  const minCount = options.minCount ?? 10;
  const adj = { ...EB_ADJUSTMENT, ...options.adjustment };
  const weak = weakPrior(unit, m);
  const lambdas: number[] = [];
  const mus: number[] = [];
  const rhos: number[] = [];
  const rmses: number[] = [];
  for (const y of series) {
    if (y.length - 1 < minPoints || y[y.length - 1] < minCount) continue;
    const f = fitGrowth(y, { prior: weak, unit });
    if (!f.params || f.status === 'not_converged' || f.status === 'insufficient_data') continue;
    lambdas.push(f.params.lambda);
    mus.push(f.params.mu);
    rhos.push(Math.log(f.params.sigma));
    rmses.push(Number(f.quality.rmseLog));
  }
  if (lambdas.length < 10)
    throw new RangeError(`estimatePrior: only ${lambdas.length} usable series (need 10)`);
  const mu = robust(mus);
  const rho = robust(rhos);
  const lam = robust(lambdas);
  // Gamma with mean ≈ median and sd ≈ robust scale of λ; shape ≥ 1 keeps the mode at λ ≥ 0.
  const shape = Math.max(1, (lam.loc / Math.max(lam.scale, 1e-6)) ** 2);
  const prior: Prior = {
    unit,
    m,
    muMean: mu.loc + adj.muShift,
    muSd: Math.max(mu.scale, 0.05) * adj.muSdScale,
    logSigmaMean: rho.loc + adj.logSigmaShift,
    logSigmaSd: Math.max(rho.scale, 0.05) * adj.logSigmaSdScale,
    lambdaShape: shape,
    lambdaRate: shape / Math.max(lam.loc, 1e-6),
    residualSd: Math.max(median(rmses), 1e-3) * adj.residualScale,
    recency: adj.recency,
    calibration: { paramScale: 1, overdispersion: 1, modelVar: 0, q: NORMAL_QUANTILES },
    nSeries: lambdas.length,
  };
  prior.calibration = calibrateIntervals(
    series,
    prior,
    options.calibrationCutoffs ?? [4, 5, 8, 9, 10],
    options.calibrationHorizons ?? [1, 2, 3, 6, 9, 12],
    minCount,
  );
  return prior;
}

/**
 * Interval calibration from leave-future-out errors e = ln(m + actual) − L at the given cutoffs
 * and horizons: the variance weights (paramScale, overdispersion, modelVar) maximise the normal
 * likelihood of e, then the quantiles of e/s (2.5, 10, 90, 97.5%) become the interval multipliers,
 * so skew and heavy tails of the real errors are carried into the intervals.
 */
export function calibrateIntervals(
  series: readonly (readonly number[])[],
  prior: Prior,
  cutoffs: readonly number[],
  horizons: readonly number[],
  minCount: number,
): IntervalCalibration {
  const rows: { e: number; vp: number; va: number; g2: number }[] = [];
  const hMax = Math.max(...horizons);
  for (const y of series) {
    for (const K of cutoffs) {
      if (y.length <= K + Math.min(...horizons) || y[K] < minCount) continue;
      const prefix = y.slice(0, K + 1);
      const fit = fitGrowth(prefix, { prior });
      if (!fit.params || !fit.covariance) continue;
      const parts = forecastParts(prefix, fit.params, fit.covariance, hMax);
      for (const H of horizons) {
        if (y.length <= K + H) continue;
        const p = parts[H - 1];
        rows.push({
          e: Math.log(prior.m + y[K + H]) - p.logMean,
          vp: p.varParams,
          va: p.varArrivals,
          g2: p.growth * p.growth,
        });
      }
    }
  }
  if (rows.length < 50) return { paramScale: 1, overdispersion: 1, modelVar: 0, q: NORMAL_QUANTILES };
  const variance = (x: readonly number[], r: (typeof rows)[number]): number =>
    Math.exp(x[0]) * r.vp + Math.exp(x[1]) * r.va + Math.exp(x[2]) * r.g2 + 1e-8;
  // Log-parametrised so the weights stay positive; the floor keeps every s² > 0.
  const nll = (x: number[]): number => {
    let s = 0;
    for (const r of rows) {
      const v = variance(x, r);
      s += Math.log(v) + (r.e * r.e) / v;
    }
    return s / rows.length;
  };
  let start = [0, 0, -3];
  let bestV = nll(start);
  for (const a of [-6, -3, 0, 3, 6]) {
    for (const b of [-3, 0, 3, 6, 9]) {
      for (const c of [-8, -5, -3, -1, 1]) {
        const v = nll([a, b, c]);
        if (v < bestV) {
          bestV = v;
          start = [a, b, c];
        }
      }
    }
  }
  const r = minimizeNewton(nll, start, { lower: [-20, -20, -20], upper: [12, 14, 4], gradTol: 1e-7 });
  const u = rows.map((row) => row.e / Math.sqrt(variance(r.x, row))).sort((a, b) => a - b);
  return {
    paramScale: Math.exp(r.x[0]),
    overdispersion: Math.exp(r.x[1]),
    modelVar: Math.exp(r.x[2]),
    q: { lo95: quantile(u, 0.025), lo80: quantile(u, 0.1), hi80: quantile(u, 0.9), hi95: quantile(u, 0.975) },
  };
}
