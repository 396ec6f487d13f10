import { describe, expect, test } from 'vitest';
import { curve } from './curve';
import { fitGrowth, GrowthInputError, MIN_COUNT, MIN_POINTS } from './fit';
import { DEFAULT_PRIOR, weakPrior } from './prior';
import { cumulativeByMonth, mulberry32, simulateArrivals } from './simulate';

// A prior so weak that the data decide: used to check that the fitting recovers known parameters.
const FLAT = { ...weakPrior('month', 30), muSd: 100, logSigmaSd: 100, lambdaRate: 1e-9, residualSd: 1e-3 };

describe('fitGrowth: parameter recovery', () => {
  test.each([
    // Off the start grid on purpose, so recovery cannot come from a lucky start.
    [3.1, 1.37, 0.73, 36],
    [5.2, 2.62, 1.13, 30],
    [1.3, 0.41, 0.57, 20],
    [7.7, 3.09, 1.46, 34],
  ])('noise-free λ=%f μ=%f σ=%f over %i months', (lambda, mu, sigma, K) => {
    const p = { lambda, mu, sigma, m: 30 };
    const y = Array.from({ length: K + 1 }, (_, t) => curve(t, p));
    const f = fitGrowth(y, { prior: FLAT });
    expect(f.status).toBe('ok');
    expect(f.params?.lambda).toBeCloseTo(lambda, 2);
    expect(f.params?.mu).toBeCloseTo(mu, 2);
    expect(f.params?.sigma).toBeCloseTo(sigma, 2);
    expect(f.fitted).toHaveLength(y.length);
    expect(Number(f.quality.startDistance)).toBeGreaterThan(0.01);
  });

  test.each([11, 22, 33, 44, 55])('Poisson arrivals of the reinforced process (seed %i)', (seed) => {
    const p = { lambda: 3, mu: 1.5, sigma: 0.8, m: 30 };
    const y = cumulativeByMonth(simulateArrivals(p, 36, mulberry32(seed)), 36);
    const f = fitGrowth(y, { prior: weakPrior('month', 30) });
    expect(f.status).toBe('ok');
    // Tolerances reflect the randomness of a single reinforced realisation, not the optimiser.
    expect(Math.abs((f.params?.lambda ?? 0) - 3)).toBeLessThan(0.6);
    expect(Math.abs((f.params?.mu ?? 0) - 1.5)).toBeLessThan(0.2);
    expect(Math.abs((f.params?.sigma ?? 0) - 0.8)).toBeLessThan(0.15);
  });

  test('default prior: typical series is ok, finite, with standard errors', () => {
    const f = fitGrowth([0, 12, 28, 48, 61, 90, 130]);
    expect(f.method).toBe('wsb-eb');
    expect(f.status).toBe('ok');
    expect(f.params?.m).toBe(DEFAULT_PRIOR.m);
    for (const v of Object.values(f.params ?? {})) expect(Number.isFinite(v)).toBe(true);
    for (const v of Object.values(f.uncertainty ?? {})) expect(v).toBeGreaterThan(0);
  });
});

describe('fitGrowth: edge cases', () => {
  test.each([
    ['all zeros', [0, 0, 0, 0, 0, 0], 'insufficient_data'],
    ['one point', [0], 'insufficient_data'],
    [`fewer than ${MIN_POINTS} months after release`, [0, 50, 100], 'insufficient_data'],
    [`last count below ${MIN_COUNT}`, [0, 0, 1, 2, 2], 'insufficient_data'],
    ['flat after the first month', [0, 20, 20, 20, 20, 20], 'ok'],
    ['a sudden jump', [0, 0, 0, 0, 500, 500], 'ok'],
    ['a jump in the last month', [0, 1, 2, 3, 1000], 'ok'],
  ])('%s → %s', (_name, y, status) => {
    const f = fitGrowth(y);
    expect(f.status).toBe(status);
    expect(f.fitted).toHaveLength(y.length);
    if (status === 'insufficient_data') {
      expect(f.params).toBeNull();
      expect(f.reason).toMatch(/./);
    } else {
      for (const v of Object.values(f.params ?? {})) expect(Number.isFinite(v)).toBe(true);
    }
  });

  test.each([
    [[0, 5, 3], 'decreasing'],
    [[0, -1, 3], 'negative'],
    [[0, Number.NaN], 'not_finite'],
    [[], 'empty'],
  ])('rejects %j (%s)', (y, code) => {
    expect(() => fitGrowth(y)).toThrow(GrowthInputError);
    try {
      fitGrowth(y);
    } catch (e) {
      expect((e as GrowthInputError).code).toBe(code);
    }
  });

  test('an impact time far beyond the data is flagged with a reason', () => {
    const prior = { ...DEFAULT_PRIOR, muMean: 8, muSd: 0.05 };
    const f = fitGrowth([0, 5, 11, 18, 26], { prior });
    expect(f.status).toBe('impact_beyond_data');
    expect(f.reason).toMatch(/impact time/);
    expect(f.params).not.toBeNull();
  });

  test('day unit uses the day prior (m = 100)', () => {
    const y = Array.from({ length: 60 }, (_, t) => curve(t, { lambda: 4, mu: 3, sigma: 1, m: 100 }));
    const f = fitGrowth(y, { unit: 'day' });
    expect(f.status).toBe('ok');
    expect(f.params?.m).toBe(100);
    expect(f.quality.unit).toBe('day');
  });
});
