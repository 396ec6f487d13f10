import { validateSeries } from './fit';
import { Phi, phiDensity } from './phi';
import { type IntervalCalibration, NORMAL_QUANTILES } from './prior';
import type { ForecastPoint, GrowthFit, GrowthParams } from './types';

/**
 * Log-scale spread per √step of the fallback band for fits without parameters. Heuristic, not
 * calibrated: such series have few data by definition.
 */
export const FALLBACK_LOG_SD_PER_SQRT_STEP = 0.3;
const FALLBACK_M = 30;

/**
 * Ceiling on the log growth ln((m + c_{K+h})/(m + c_K)) of any forecast or bound, for h in months:
 * min(perSqrtMonth·√h, total). In the paper's data (all cutoffs with ≥ 10 derivatives) the largest
 * realised growth is 1.80 at h = 1, 4.21 at h = 3, 6.04 at h = 6 and 6.07 at h = 9 (m = 30), i.e. at
 * most ≈ 2.5·√h and never above 6.1. Without it, series whose last month is a sudden jump are read
 * as the start of a sharp burst (σ ≈ 0.2, λ barely identified) and extrapolate to 10^6–10^30.
 */
export const MAX_LOG_GROWTH = { perSqrtMonth: 2.5, total: 7 };
const DAYS_PER_MONTH = 30.4375;

function interval(
  L: number,
  s: number,
  m: number,
  floor: number,
  q: IntervalCalibration['q'],
  cap: number,
): Omit<ForecastPoint, 'month'> {
  const mean = Math.max(Math.exp(Math.min(L, cap)) - m, floor);
  const at = (z: number): number => Math.max(Math.exp(Math.min(L + z * s, cap)) - m, floor);
  return { mean, lo80: at(q.lo80), hi80: at(q.hi80), lo95: at(q.lo95), hi95: at(q.hi95) };
}

/**
 * Anchored forecast ĉ(t) = (m + c_K)·exp(λ[F(t) − F(K)]) − m for t = K+1..K+horizon, K = y.length − 1,
 * where c_K is the last observed count (the conditional mean of the reinforced Poisson process).
 *
 * Intervals are on ln(m + c): [L + q_lo·s, L + q_hi·s] with L the anchored log-mean, q the
 * calibrated quantiles of standardised errors (normal quantiles when uncalibrated) and s² =
 *   paramScale·∇Lᵀ Σ ∇L (Laplace parameter uncertainty)
 * + overdispersion·(1 − e^{−λΔF})/(m + c_K) (negative-binomial arrival noise of the RPP)
 * + modelVar·(λΔF)² (misspecification, proportional to the predicted log growth),
 * with the calibration carried by the fit (estimated from the population by estimatePrior).
 * The variance is made non-decreasing in the horizon, the lower bound never falls below c_K, and
 * no value exceeds the growth ceiling MAX_LOG_GROWTH (largest growth seen in the paper's data).
 *
 * Fits without usable parameters (`insufficient_data`, or `not_converged` without covariance)
 * give the naive forecast (mean c_K) with a band on ln(30 + c) of +z·0.3·√h above c_K (normal z).
 * @param y observed cumulative counts (index = months since release; days for unit 'day').
 * @param horizon number of future steps (same unit as y's index).
 */
export function forecastGrowth(y: readonly number[], fit: GrowthFit, horizon: number): ForecastPoint[] {
  validateSeries(y);
  if (!Number.isInteger(horizon) || horizon < 0)
    throw new RangeError(`horizon must be a non-negative integer, got ${horizon}`);
  const K = y.length - 1;
  const cK = y[K];
  const out: ForecastPoint[] = [];
  const p = fit.params;
  const usable =
    p !== null &&
    fit.covariance !== undefined &&
    (fit.status === 'ok' || fit.status === 'impact_beyond_data' || fit.status === 'not_converged');
  if (!usable || p === null || K < 1) {
    const L = Math.log(FALLBACK_M + cK);
    for (let h = 1; h <= horizon; h++) {
      const s = FALLBACK_LOG_SD_PER_SQRT_STEP * Math.sqrt(h);
      const iv = interval(L, s, FALLBACK_M, cK, NORMAL_QUANTILES, Number.POSITIVE_INFINITY);
      out.push({ month: K + h, ...iv, mean: cK, lo80: cK, lo95: cK });
    }
    return out;
  }
  const cal = fit.calibration ?? { paramScale: 1, overdispersion: 1, modelVar: 0, q: NORMAL_QUANTILES };
  let sPrev = 0;
  const monthsPerStep = fit.quality.unit === 'day' ? 1 / DAYS_PER_MONTH : 1;
  const base = Math.log(p.m + cK);
  for (const part of forecastParts(y, p, fit.covariance ?? null, horizon)) {
    const h = part.month - K;
    const cap =
      base + Math.min(MAX_LOG_GROWTH.perSqrtMonth * Math.sqrt(h * monthsPerStep), MAX_LOG_GROWTH.total);
    const v =
      cal.paramScale * part.varParams +
      cal.overdispersion * part.varArrivals +
      cal.modelVar * part.growth * part.growth;
    const s = Math.max(Math.sqrt(v), sPrev);
    sPrev = s;
    out.push({ month: part.month, ...interval(part.logMean, s, p.m, cK, cal.q, cap) });
  }
  return out;
}

/** Uncalibrated pieces of the anchored forecast on the ln(m + c) scale, one per step. */
export type ForecastParts = {
  month: number;
  logMean: number;
  varParams: number;
  varArrivals: number;
  growth: number;
};

/**
 * Anchored log-mean ln(m + ĉ(t)) = ln(m + c_K) + λΔF and its variance components for t = K+1..K+horizon:
 * parameter variance ∇Lᵀ Σ ∇L (Σ over (λ, μ, ln σ)), RPP arrival variance (1 − e^{−λΔF})/(m + c_K)
 * and the predicted log growth λΔF. Index unit as in y (months for derivative counts).
 */
export function forecastParts(
  y: readonly number[],
  p: GrowthParams,
  cov: number[][] | null,
  horizon: number,
): ForecastParts[] {
  const K = y.length - 1;
  const cK = y[K];
  const { lambda, mu, sigma, m } = p;
  const zK = K > 0 ? (Math.log(K) - mu) / sigma : Number.NEGATIVE_INFINITY;
  const FK = Phi(zK);
  const dK = phiDensity(zK);
  const zKd = Number.isFinite(zK) ? dK * zK : 0;
  const base = Math.log(m + cK);
  const out: ForecastParts[] = [];
  for (let h = 1; h <= horizon; h++) {
    const t = K + h;
    const z = (Math.log(t) - mu) / sigma;
    const dF = Phi(z) - FK;
    const d = phiDensity(z);
    // ∂L/∂(λ, μ, ln σ): ∂F/∂μ = −φ(z)/σ, ∂F/∂lnσ = −φ(z)·z.
    const g = [dF, (lambda * (dK - d)) / sigma, lambda * (zKd - d * z)];
    let vp = 0;
    if (cov) for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) vp += g[i] * cov[i][j] * g[j];
    out.push({
      month: t,
      logMean: base + lambda * dF,
      varParams: Math.max(vp, 0),
      varArrivals: -Math.expm1(-lambda * dF) / (m + cK),
      growth: lambda * dF,
    });
  }
  return out;
}
