import { describe, expect, test } from 'vitest';
import { fitArrivals } from './rpp';
import { mulberry32, simulateArrivals } from './simulate';

describe('fitArrivals (reinforced Poisson process likelihood)', () => {
  const P = { lambda: 3, mu: 1.5, sigma: 0.8, m: 30 };

  test.each([1, 2, 3, 4, 5, 6])('recovers the parameters within 3 standard errors (seed %i)', (seed) => {
    const times = simulateArrivals(P, 36, mulberry32(seed));
    const f = fitArrivals(times, 36, { prior: null, m: 30 });
    expect(f.method).toBe('wsb-rpp');
    expect(f.status).toBe('ok');
    if (!f.params || !f.uncertainty) throw new Error('expected parameters');
    expect(Math.abs(f.params.lambda - P.lambda)).toBeLessThan(3 * f.uncertainty.lambda);
    expect(Math.abs(f.params.mu - P.mu)).toBeLessThan(3 * f.uncertainty.mu);
    expect(Math.abs(f.params.sigma - P.sigma)).toBeLessThan(3 * f.uncertainty.sigma);
    expect(f.fitted).toHaveLength(37);
  });

  test('closed-form λ: at the optimum λ̂ = n / X', () => {
    const times = simulateArrivals(P, 24, mulberry32(9));
    const f = fitArrivals(times, 24, { prior: null, m: 30 });
    if (!f.params) throw new Error('expected parameters');
    const { mu, sigma, lambda } = f.params;
    const cdf = (t: number): number => 0.5 * (1 + erf((Math.log(t) - mu) / (sigma * Math.SQRT2)));
    const X = (30 + times.length) * cdf(24) - times.reduce((s, t) => s + cdf(t), 0);
    expect(lambda).toBeCloseTo(times.length / X, 3);
  });

  test('too few arrivals → insufficient_data; invalid times throw', () => {
    expect(fitArrivals([0.5, 1.2], 5).status).toBe('insufficient_data');
    expect(() => fitArrivals([0.5, 6], 5)).toThrow(RangeError);
    expect(() => fitArrivals([0, 1], 5)).toThrow(RangeError);
    expect(() => fitArrivals([1], Number.NaN)).toThrow(RangeError);
  });
});

// Independent of the Φ under test: the Maclaurin series is enough for the 3-digit check above.
function erf(x: number): number {
  const s = Math.sign(x);
  const a = Math.abs(x);
  let term = a;
  let sum = a;
  for (let n = 1; n < 200; n++) {
    term *= (-a * a) / n;
    sum += term / (2 * n + 1);
    if (Math.abs(term) < 1e-17) break;
  }
  return (s * 2 * sum) / Math.sqrt(Math.PI);
}
