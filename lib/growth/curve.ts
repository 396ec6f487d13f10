import { Phi, PhiInv } from './phi';
import type { GrowthParams } from './types';

/**
 * WSB cumulative curve c(t) = m(exp(λΦ((ln t − μ)/σ)) − 1).
 * @param t time since release in the fit's unit (months for derivatives, days for downloads); c(0) = 0.
 * @returns expected cumulative count (same unit as m).
 */
export function curve(t: number, p: GrowthParams): number {
  if (t <= 0) return 0;
  return p.m * Math.expm1(p.lambda * Phi((Math.log(t) - p.mu) / p.sigma));
}

/** Log-normal CDF F(t) = Φ((ln t − μ)/σ), the "aging" clock of the curve; F(0) = 0. */
export function agingCdf(t: number, mu: number, sigma: number): number {
  if (t <= 0) return 0;
  return Phi((Math.log(t) - mu) / sigma);
}

/** Eventual (t → ∞) count m(e^λ − 1), in counts. */
export function eventualCount(p: GrowthParams): number {
  return p.m * Math.expm1(p.lambda);
}

/** Impact time e^μ, in the fit's time unit (months for derivative counts): when the arrival rate per existing item peaks in log time. */
export function impactTime(p: GrowthParams): number {
  return Math.exp(p.mu);
}

/**
 * Time since release (fit's unit, months for derivative counts) at which c(t) reaches half of
 * the eventual count: solves exp(λF) − 1 = (e^λ − 1)/2, i.e. F = ln((e^λ + 1)/2)/λ.
 */
export function halfLifeMonths(p: GrowthParams): number {
  if (!(p.lambda > 0)) return Number.NaN;
  // ln((e^λ+1)/2)/λ, written to stay finite for large λ.
  const f = (p.lambda + Math.log1p(Math.exp(-p.lambda)) - Math.LN2) / p.lambda;
  return Math.exp(p.mu + p.sigma * PhiInv(f));
}
