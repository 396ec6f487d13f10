import { curve, eventualCount, halfLifeMonths, impactTime } from './curve';
import { IMPACT_RATIO_LIMIT, METHOD_VERSION, MIN_COUNT } from './fit';
import { invertSmall, minimizeNewton, numericHessian } from './optim';
import { Phi } from './phi';
import { DEFAULT_PRIOR, type Prior } from './prior';
import type { GrowthFit } from './types';

const LN_SQRT_2PI = 0.9189385332046728;
const MU_GRID = [-1, 0, 1, 2, 3, 4, 5, 6];
const RHO_GRID = [0.3, 0.6, 1.2, 2.4, 4].map(Math.log);

export type FitArrivalsOptions = {
  /** Prior on μ, ln σ and λ (its m is used unless `m` is given); null for the plain MLE. Default DEFAULT_PRIOR. */
  prior?: Prior | null;
  /** Initial attractiveness, in counts (default: the prior's m, or 30). */
  m?: number;
};

/**
 * Fits the reinforced Poisson process (Shen et al. 2014) to individual arrival times by maximum
 * likelihood (MAP with a prior):
 *   ℓ = Σ ln[λ(m + i − 1) f(t_i)] − λ[(m + n)F(T) − Σ F(t_i)],
 * with λ profiled out in closed form, λ̂ = (n + α − 1)/(β + X), X = (m + n)F(T) − ΣF(t_i)
 * (λ̂ = n/X without a prior), and (μ, ln σ) from a grid of starts plus damped Newton.
 * @param times creation times of the derivatives, months since the base model's release (floats, > 0).
 * @param T end of observation, months since release (≥ every time).
 * @returns method 'wsb-rpp'; `fitted` is the curve c(k) at whole months k = 0..floor(T).
 *   `insufficient_data` when fewer than MIN_COUNT arrivals or T < 1. Throws RangeError on times
 *   outside (0, T] or non-finite input.
 */
export function fitArrivals(
  times: readonly number[],
  T: number,
  options: FitArrivalsOptions = {},
): GrowthFit {
  if (!Number.isFinite(T) || T <= 0) throw new RangeError(`T must be a positive number of months, got ${T}`);
  for (const t of times)
    if (!Number.isFinite(t) || t <= 0 || t > T)
      throw new RangeError(`arrival time ${t} is outside (0, ${T}]`);
  const prior = options.prior === undefined ? DEFAULT_PRIOR : options.prior;
  const m = options.m ?? prior?.m ?? 30;
  const method = 'wsb-rpp';
  const K = Math.floor(T);
  const sorted = [...times].sort((a, b) => a - b);
  const n = sorted.length;
  if (n < MIN_COUNT || T < 1) {
    return {
      method,
      version: METHOD_VERSION,
      status: 'insufficient_data',
      reason:
        n < MIN_COUNT ? `only ${n} arrivals; need ${MIN_COUNT}` : 'observation window shorter than one month',
      params: null,
      uncertainty: null,
      fitted: Array.from({ length: K + 1 }, (_, k) => sorted.filter((t) => t <= k).length),
      quality: { arrivals: n, T, fittedIsObserved: true },
    };
  }
  const lt = sorted.map(Math.log);
  const lnT = Math.log(T);
  let sumLnReinf = 0;
  for (let i = 0; i < n; i++) sumLnReinf += Math.log(m + i);
  const sumLt = lt.reduce((a, b) => a + b, 0);
  const alpha = prior?.lambdaShape ?? 1;
  const beta = prior?.lambdaRate ?? 0;

  const pieces = (mu: number, rho: number): { X: number; lnf: number } => {
    const sigma = Math.exp(rho);
    let sumF = 0;
    let sumZ2 = 0;
    for (const l of lt) {
      const z = (l - mu) / sigma;
      sumF += Phi(z);
      sumZ2 += z * z;
    }
    const X = (m + n) * Phi((lnT - mu) / sigma) - sumF;
    const lnf = -sumLt - n * (rho + LN_SQRT_2PI) - 0.5 * sumZ2;
    return { X, lnf };
  };
  const priorMuRho = (mu: number, rho: number): number =>
    prior
      ? 0.5 * ((mu - prior.muMean) / prior.muSd) ** 2 +
        0.5 * ((rho - prior.logSigmaMean) / prior.logSigmaSd) ** 2
      : 0;
  const negPost = (lambda: number, mu: number, rho: number): number => {
    const { X, lnf } = pieces(mu, rho);
    if (!(lambda > 0) || !(X > 0)) return Number.POSITIVE_INFINITY;
    return (
      -(
        n * Math.log(lambda) +
        sumLnReinf +
        lnf -
        lambda * X +
        (alpha - 1) * Math.log(lambda) -
        beta * lambda
      ) + priorMuRho(mu, rho)
    );
  };
  const lambdaHat = (mu: number, rho: number): number => (n + alpha - 1) / (beta + pieces(mu, rho).X);
  const profiled = (x: number[]): number => negPost(lambdaHat(x[0], x[1]), x[0], x[1]);

  let bestStart = [MU_GRID[0], RHO_GRID[0]];
  let bestJ = Number.POSITIVE_INFINITY;
  const grid: { x: number[]; J: number }[] = [];
  for (const mu of MU_GRID) for (const rho of RHO_GRID) grid.push({ x: [mu, rho], J: profiled([mu, rho]) });
  grid.sort((a, b) => a.J - b.J);
  let best: ReturnType<typeof minimizeNewton> | null = null;
  for (const g of grid.slice(0, 3)) {
    const r = minimizeNewton(profiled, g.x, {
      lower: [-3, Math.log(0.05)],
      upper: [9, Math.log(8)],
      gradTol: 1e-6,
    });
    if (!best || r.f < best.f) {
      best = r;
      bestStart = g.x;
      bestJ = r.f;
    }
  }
  if (!best) throw new Error('unreachable: the grid is not empty');
  const [mu, rho] = best.x;
  const lambda = lambdaHat(mu, rho);
  const params = { lambda, mu, sigma: Math.exp(rho), m };
  const hess = numericHessian((x) => negPost(x[0], x[1], x[2]), [lambda, mu, rho], 1e-4);
  const cov = invertSmall(hess.H);
  const impact = impactTime(params);
  const quality: GrowthFit['quality'] = {
    arrivals: n,
    T,
    negLogPosterior: bestJ,
    iterations: best.iterations,
    gradNorm: best.gradNorm,
    converged: best.converged,
    optimiser: best.reason,
    startDistance: Math.hypot(mu - bestStart[0], rho - bestStart[1]),
    impactTime: impact,
    halfLife: halfLifeMonths(params),
    eventualCount: eventualCount(params),
  };
  const base = {
    method,
    version: METHOD_VERSION,
    params,
    uncertainty: cov
      ? { lambda: Math.sqrt(cov[0][0]), mu: Math.sqrt(cov[1][1]), sigma: params.sigma * Math.sqrt(cov[2][2]) }
      : null,
    fitted: Array.from({ length: K + 1 }, (_, k) => curve(k, params)),
    quality,
    covariance: cov ?? undefined,
    calibration: prior?.calibration,
  };
  if (!best.converged || !cov) {
    return {
      ...base,
      status: 'not_converged',
      reason: !cov ? 'Hessian at the optimum is not positive definite' : `optimiser: ${best.reason}`,
    };
  }
  if (impact > IMPACT_RATIO_LIMIT * T) {
    return {
      ...base,
      status: 'impact_beyond_data',
      reason: `impact time e^mu = ${impact.toFixed(1)} months is more than ${IMPACT_RATIO_LIMIT}× the ${T} observed`,
    };
  }
  return { ...base, status: 'ok' };
}
