import { agingCdf, curve, eventualCount, halfLifeMonths, impactTime } from './curve';
import { invertSmall, minimizeNewton, numericHessian } from './optim';
import { Phi } from './phi';
import { DEFAULT_DAY_PRIOR, DEFAULT_PRIOR, type Prior } from './prior';
import type { GrowthFit, TimeUnit } from './types';

/** Version of the fitting code; bump when results change. */
export const METHOD_VERSION = '1.0.0';

/** Fewer observations after release (t ≥ 1) than this gives `insufficient_data`. */
export const MIN_POINTS = 3;
/** A last cumulative count below this gives `insufficient_data`: nothing to extrapolate from. */
export const MIN_COUNT = 3;
/** Impact time e^μ beyond this multiple of the last observed time flags `impact_beyond_data`. */
export const IMPACT_RATIO_LIMIT = 40;

/** Largest 12-month log growth ln((m + c_{K+12})/(m + c_K)) that still counts as plausible (MAX_LOG_GROWTH.total). */
const IMPLAUSIBLE_LOG_GROWTH_12 = 7;

const MU_BOUNDS: [number, number] = [-3, 9];
const RHO_BOUNDS: [number, number] = [Math.log(0.05), Math.log(8)];
const MU_GRID = [-1, 0, 1, 2, 3, 4, 5, 6];
const RHO_GRID = [0.3, 0.6, 1.2, 2.4, 4].map(Math.log);
const N_STARTS = 2;

/** Input error with a machine-readable code ('empty', 'not_finite', 'negative', 'decreasing'). */
export class GrowthInputError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = 'GrowthInputError';
  }
}

/** Throws GrowthInputError unless y is a non-empty, finite, non-negative, non-decreasing series. */
export function validateSeries(y: readonly number[]): void {
  if (y.length === 0) throw new GrowthInputError('empty', 'series is empty');
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new GrowthInputError('not_finite', `y[${i}] is not a finite number`);
    if (v < 0) throw new GrowthInputError('negative', `y[${i}] = ${v} is negative`);
    if (i > 0 && v < y[i - 1])
      throw new GrowthInputError(
        'decreasing',
        `cumulative counts decrease at index ${i} (${y[i - 1]} → ${v})`,
      );
  }
}

export type FitOptions = {
  /** Population prior; defaults to DEFAULT_PRIOR (months) or DEFAULT_DAY_PRIOR (days). Its `m` is used. */
  prior?: Prior;
  /** 'month' (derivative counts, default) or 'day' (downloads): the unit of the index of y. */
  unit?: TimeUnit;
};

/** Data prepared for the objective: ln t, Y_t = ln(1 + y_t/m) and weights (t/K)^recency for t = 1..K. */
type Work = { lt: Float64Array; Y: Float64Array; wt: Float64Array; g: Float64Array; n: number };

function prepare(y: readonly number[], m: number, recency: number): Work {
  const n = y.length - 1;
  const lt = new Float64Array(n);
  const Y = new Float64Array(n);
  const wt = new Float64Array(n);
  for (let t = 1; t <= n; t++) {
    lt[t - 1] = Math.log(t);
    wt[t - 1] = recency === 0 ? 1 : (t / n) ** recency;
    Y[t - 1] = Math.log1p(y[t] / m);
  }
  return { lt, Y, wt, g: new Float64Array(n), n };
}

/** Weighted moments of g_t = Φ((ln t − μ)/σ); the g_t stay in w.g for dataTerm. */
type Moments = { sgg: number; syg: number; w: Work };

function moments(w: Work, mu: number, sigma: number): Moments {
  let sgg = 0;
  let syg = 0;
  for (let i = 0; i < w.n; i++) {
    const g = Phi((w.lt[i] - mu) / sigma);
    w.g[i] = g;
    const wi = w.wt[i];
    sgg += wi * g * g;
    syg += wi * w.Y[i] * g;
  }
  return { sgg, syg, w };
}

function priorPenalty(mu: number, rho: number, lambda: number, prior: Prior): number {
  const zm = (mu - prior.muMean) / prior.muSd;
  const zr = (rho - prior.logSigmaMean) / prior.logSigmaSd;
  const shapeTerm = prior.lambdaShape === 1 ? 0 : -(prior.lambdaShape - 1) * Math.log(lambda);
  return 0.5 * zm * zm + 0.5 * zr * zr + prior.lambdaRate * lambda + shapeTerm;
}

/**
 * λ minimising the penalised objective for fixed (μ, σ): the data term is quadratic in λ
 * (ln(1 + c/m) = λΦ(·)), so with the Gamma prior the optimum is the positive root of
 * a λ² + b λ − c = 0.
 */
function bestLambda(mo: Moments, prior: Prior, tau: number): number {
  const a = mo.sgg / (tau * tau);
  const b = prior.lambdaRate - mo.syg / (tau * tau);
  const c = Math.max(prior.lambdaShape - 1, 0);
  const disc = Math.sqrt(b * b + 4 * a * c);
  if (b < 0) return (-b + disc) / (2 * a);
  const denom = b + disc;
  return denom > 0 ? (2 * c) / denom : 0;
}

/** Weighted residual sum of squares / 2τ², summed directly: expanding it in moments cancels catastrophically near a perfect fit. */
function dataTerm(mo: Moments, lambda: number, tau: number): number {
  const { w } = mo;
  let s = 0;
  for (let i = 0; i < w.n; i++) {
    const r = w.Y[i] - lambda * w.g[i];
    s += w.wt[i] * r * r;
  }
  return s / (2 * tau * tau);
}

/** Profiled objective over (μ, ln σ). */
function profiled(
  w: Work,
  prior: Prior,
  tau: number,
  mu: number,
  rho: number,
): { J: number; lambda: number } {
  const mo = moments(w, mu, Math.exp(rho));
  let lambda = bestLambda(mo, prior, tau);
  if (!(lambda > 0)) lambda = 1e-12;
  return { J: dataTerm(mo, lambda, tau) + priorPenalty(mu, rho, lambda, prior), lambda };
}

/** Full objective over (λ, μ, ln σ) with residual scale tau: used for the Laplace covariance. */
function fullObjective(w: Work, prior: Prior, tau: number, x: readonly number[]): number {
  const lambda = Math.max(x[0], 1e-12);
  const mo = moments(w, x[1], Math.exp(x[2]));
  return dataTerm(mo, lambda, tau) + priorPenalty(x[1], x[2], lambda, prior);
}

function insufficient(y: readonly number[], reason: string, method: string): GrowthFit {
  return {
    method,
    version: METHOD_VERSION,
    status: 'insufficient_data',
    reason,
    params: null,
    uncertainty: null,
    // No curve is made up: the observed values are echoed.
    fitted: [...y],
    quality: { nObs: y.length, lastCount: y.length ? y[y.length - 1] : 0, fittedIsObserved: true },
  };
}

/**
 * Fits the WSB curve to a cumulative count series by penalised least squares on ln(1 + c/m)
 * (equivalently ln(m + c)), with empirical-Bayes priors on μ, ln σ (normal) and λ (Gamma).
 * λ is profiled out in closed form; (μ, ln σ) are found by a grid of starts followed by damped
 * Newton from the best `N_STARTS` grid points.
 *
 * @param y cumulative counts, y[0] at t = 0 (release), one value per month (per day when unit = 'day').
 * @param options prior (carries m; default DEFAULT_PRIOR with m = M_MONTH = 30 for months,
 *   DEFAULT_DAY_PRIOR with m = 100 for days) and unit.
 * @returns method 'wsb-eb'. Status `insufficient_data` when fewer than MIN_POINTS observations after
 *   release or a last count below MIN_COUNT; `not_converged` if the optimiser fails its tolerances;
 *   `impact_beyond_data` if e^μ > IMPACT_RATIO_LIMIT × last observed time. Throws GrowthInputError
 *   on invalid input (negative, decreasing, non-finite, empty).
 */
export function fitGrowth(y: readonly number[], options: FitOptions = {}): GrowthFit {
  validateSeries(y);
  const unit = options.unit ?? options.prior?.unit ?? 'month';
  const prior = options.prior ?? (unit === 'day' ? DEFAULT_DAY_PRIOR : DEFAULT_PRIOR);
  const method = 'wsb-eb';
  const K = y.length - 1;
  if (K < MIN_POINTS)
    return insufficient(y, `only ${K} observation(s) after release; need ${MIN_POINTS}`, method);
  if (y[K] < MIN_COUNT) return insufficient(y, `last count ${y[K]} is below ${MIN_COUNT}`, method);

  const m = prior.m;
  const tau = prior.residualSd;
  const w = prepare(y, m, prior.recency);
  const obj = (x: number[]): number => profiled(w, prior, tau, x[0], x[1]).J;

  const grid: { x: number[]; J: number }[] = [];
  for (const mu of MU_GRID) for (const rho of RHO_GRID) grid.push({ x: [mu, rho], J: obj([mu, rho]) });
  grid.sort((a, b) => a.J - b.J);
  const starts: number[][] = [];
  for (const g of grid) {
    if (starts.length >= N_STARTS) break;
    // Distinct basins: skip grid points adjacent to an already chosen start.
    if (starts.every((s) => Math.abs(s[0] - g.x[0]) > 1.01 || Math.abs(s[1] - g.x[1]) > 0.75))
      starts.push(g.x);
  }
  const bounds = { lower: [MU_BOUNDS[0], RHO_BOUNDS[0]], upper: [MU_BOUNDS[1], RHO_BOUNDS[1]] };
  let best: ReturnType<typeof minimizeNewton> | null = null;
  let bestStart = starts[0];
  for (const s of starts) {
    const r = minimizeNewton(obj, s, { ...bounds, gradTol: 1e-6, maxIter: 60 });
    if (!best || r.f < best.f - 1e-12 || (r.f <= best.f + 1e-12 && r.converged && !best.converged)) {
      best = r;
      bestStart = s;
    }
  }
  if (!best) return insufficient(y, 'no start point', method);
  const [mu, rho] = best.x;
  const sigma = Math.exp(rho);
  const { lambda } = profiled(w, prior, tau, mu, rho);
  const params = { lambda, mu, sigma, m };
  const fitted = y.map((_, t) => curve(t, params));

  let rss = 0;
  let wsum = 0;
  for (let t = 1; t <= K; t++) {
    const r = w.Y[t - 1] - Math.log1p(fitted[t] / m);
    rss += w.wt[t - 1] * r * r;
    wsum += w.wt[t - 1];
  }
  // Laplace covariance with the series' own residual scale, shrunk towards the population's.
  const nu0 = 4;
  const tauI = Math.sqrt((nu0 * tau * tau + rss) / (nu0 + wsum));
  const hess = numericHessian((x) => fullObjective(w, prior, tauI, x), [lambda, mu, rho], 1e-4);
  const cov = invertSmall(hess.H);
  const uncertainty = cov
    ? { lambda: Math.sqrt(cov[0][0]), mu: Math.sqrt(cov[1][1]), sigma: sigma * Math.sqrt(cov[2][2]) }
    : null;

  const impact = impactTime(params);
  const startDistance = Math.hypot(mu - bestStart[0], rho - bestStart[1]);
  const quality: GrowthFit['quality'] = {
    nObs: y.length,
    lastCount: y[K],
    rmseLog: Math.sqrt(rss / wsum),
    residualScale: tauI,
    objective: best.f,
    iterations: best.iterations,
    gradNorm: best.gradNorm,
    converged: best.converged,
    optimiser: best.reason,
    starts: starts.length,
    startDistance,
    impactTime: impact,
    halfLife: halfLifeMonths(params),
    eventualCount: eventualCount(params),
    // The curve's own growth over the next 12 steps beyond the largest seen in the paper's data
    // (see MAX_LOG_GROWTH): typically a last-month jump read as the start of a burst.
    implausibleGrowth:
      lambda * (agingCdf(K + 12, mu, sigma) - agingCdf(K, mu, sigma)) > IMPLAUSIBLE_LOG_GROWTH_12,
    unit,
  };
  const base = { method, version: METHOD_VERSION, params, uncertainty, fitted, quality };
  if (!best.converged || !Number.isFinite(lambda)) {
    return {
      ...base,
      status: 'not_converged',
      reason: `optimiser: ${best.reason} (|grad| = ${best.gradNorm.toExponential(2)})`,
      covariance: cov ?? undefined,
      calibration: prior.calibration,
    };
  }
  if (!cov) {
    return {
      ...base,
      status: 'not_converged',
      reason: 'Hessian at the optimum is not positive definite',
      calibration: prior.calibration,
    };
  }
  if (impact > IMPACT_RATIO_LIMIT * K) {
    return {
      ...base,
      status: 'impact_beyond_data',
      reason: `impact time e^mu = ${impact.toFixed(1)} ${unit}s is more than ${IMPACT_RATIO_LIMIT}× the ${K} observed`,
      covariance: cov,
      calibration: prior.calibration,
    };
  }
  return { ...base, status: 'ok', covariance: cov, calibration: prior.calibration };
}
