import { describe, expect, test } from 'vitest';
import { EB_ADJUSTMENT, estimatePrior } from './estimate-prior';
import { cumulativeByMonth, mulberry32, simulateArrivals } from './simulate';

/** A population of reinforced-process series with known hyper-parameters (seeded). */
function population(n: number, seed: number): number[][] {
  const rand = mulberry32(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const p = {
      lambda: 2 + 2 * rand(),
      mu: 1.5 + 0.3 * normal(),
      sigma: 0.8 * Math.exp(0.2 * normal()),
      m: 30,
    };
    const K = 14 + Math.floor(rand() * 20);
    out.push(cumulativeByMonth(simulateArrivals(p, K, rand), K));
  }
  return out;
}

describe('estimatePrior (empirical Bayes)', () => {
  const series = population(80, 42);
  const prior = estimatePrior(series);

  test('pools the population: centres near the generating hyper-parameters (plus the documented adjustment)', () => {
    expect(prior.nSeries).toBeGreaterThan(60);
    expect(prior.muMean - EB_ADJUSTMENT.muShift).toBeCloseTo(1.5, 0);
    expect(Math.abs(prior.muMean - EB_ADJUSTMENT.muShift - 1.5)).toBeLessThan(0.25);
    expect(Math.abs(prior.logSigmaMean - EB_ADJUSTMENT.logSigmaShift - Math.log(0.8))).toBeLessThan(0.25);
    // Gamma prior on λ: mean shape/rate near the population's median λ (≈ 3).
    expect(prior.lambdaShape / prior.lambdaRate).toBeGreaterThan(2);
    expect(prior.lambdaShape / prior.lambdaRate).toBeLessThan(4);
    expect(prior.m).toBe(30);
    expect(prior.recency).toBe(EB_ADJUSTMENT.recency);
  });

  test('calibrates interval quantiles from leave-future-out errors', () => {
    const { q, paramScale, overdispersion, modelVar } = prior.calibration;
    expect(q.lo95).toBeLessThan(q.lo80);
    expect(q.lo80).toBeLessThan(0);
    expect(q.hi80).toBeGreaterThan(0);
    expect(q.hi95).toBeGreaterThan(q.hi80);
    for (const v of [paramScale, overdispersion, modelVar]) expect(Number.isFinite(v) && v > 0).toBe(true);
  });

  test('different populations give different priors', () => {
    const shifted = population(40, 7).map((y) => y.map((v, i) => (i === 0 ? 0 : v + 3 * i)));
    const other = estimatePrior(shifted);
    expect(other.muMean).not.toBeCloseTo(prior.muMean, 2);
  });

  test('refuses to estimate from fewer than 10 usable series', () => {
    expect(() => estimatePrior(series.slice(0, 5))).toThrow(RangeError);
    expect(() => estimatePrior([[0, 1, 2]])).toThrow(/usable series/);
  });
});
