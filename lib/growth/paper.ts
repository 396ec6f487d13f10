import { Phi } from './phi';
import { trfLeastSquares } from './trf';

/** Start point (λ, μ, σ) of the paper's curve_fit calls. */
export const PAPER_START = [0.5, 2.0, 0.5] as const;

/** Result of the paper's fitting method. t is in YEARS here, m = 1 (see fitPaperMethod). */
export type PaperFit = {
  lambda: number;
  mu: number;
  sigma: number;
  /** 'start_point': never left (0.5, 2, 0.5); 'degenerate': needed the 10,000-evaluation retry or gave non-finite/huge λ. */
  status: 'ok' | 'start_point' | 'degenerate';
  nfev: number;
  retried: boolean;
  message: string;
};

/** The paper's curve: m = 1, t in years: exp(λΦ((ln t − μ)/σ)) − 1, 0 at t = 0. */
export function paperCurve(tYears: number, lambda: number, mu: number, sigma: number): number {
  if (tYears <= 0) return 0;
  return Math.expm1(lambda * Phi((Math.log(tYears) - mu) / sigma));
}

/** λ beyond this marks a fit as degenerate (the paper's "Does not fit" rows have λ ~ 2e4–2e6). */
const DEGENERATE_LAMBDA = 1e3;

/**
 * The paper's method, reproduced: m = 1, t = month index / 12 (years), ordinary least squares on
 * the raw cumulative counts with SciPy's bounded TRF (curve_fit with bounds (0, ∞)), start
 * (0.5, 2.0, 0.5), default max_nfev = 300, and on failure a retry with maxfev = 10,000.
 * @param y monthly cumulative counts, y[0] at release.
 */
export function fitPaperMethod(y: readonly number[]): PaperFit {
  const t = y.map((_, k) => k / 12);
  const resid = (x: number[]): number[] => t.map((ti, i) => paperCurve(ti, x[0], x[1], x[2]) - y[i]);
  const opts = {
    lower: [0, 0, 0],
    upper: [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
  };
  let r = trfLeastSquares(resid, [...PAPER_START], opts);
  let retried = false;
  if (r.status === 0) {
    retried = true;
    r = trfLeastSquares(resid, [...PAPER_START], { ...opts, maxNfev: 10000 });
  }
  const [lambda, mu, sigma] = r.x;
  const atStart = lambda === PAPER_START[0] && mu === PAPER_START[1] && sigma === PAPER_START[2];
  const finite = r.x.every(Number.isFinite);
  const status = atStart
    ? 'start_point'
    : retried || !finite || lambda > DEGENERATE_LAMBDA
      ? 'degenerate'
      : 'ok';
  return { lambda, mu, sigma, status, nfev: r.nfev, retried, message: r.message };
}

/** Unanchored prediction of the paper's fitted curve at month index k (converted to years). */
export function paperPredict(fit: PaperFit, month: number): number {
  return paperCurve(month / 12, fit.lambda, fit.mu, fit.sigma);
}
