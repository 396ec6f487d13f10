import { describe, expect, test } from 'vitest';
import { agingCdf, curve, eventualCount, halfLifeMonths, impactTime } from './curve';

const P = { lambda: 3, mu: 1.5, sigma: 0.8, m: 30 };

describe('curve', () => {
  test('is 0 at release and tends to the eventual count', () => {
    expect(curve(0, P)).toBe(0);
    expect(curve(1e9, P)).toBeCloseTo(eventualCount(P), 9);
    expect(eventualCount(P)).toBeCloseTo(30 * (Math.exp(3) - 1), 12);
  });

  test.each([
    // At t = e^μ, Φ(0) = 1/2: c = m(e^{λ/2} − 1).
    [Math.exp(1.5), 30 * (Math.exp(1.5) - 1)],
    [Math.exp(1.5 + 0.8), 30 * (Math.exp(3 * 0.8413447460685429) - 1)],
  ])('c(%f) = %f', (t, ref) => {
    expect(curve(t, P)).toBeCloseTo(ref, 9);
  });

  test('is non-decreasing in t', () => {
    let prev = 0;
    for (let t = 0; t <= 60; t += 0.5) {
      const c = curve(t, P);
      expect(c).toBeGreaterThanOrEqual(prev);
      prev = c;
    }
  });

  test('impact time and half-life', () => {
    expect(impactTime(P)).toBeCloseTo(Math.exp(1.5), 12);
    const h = halfLifeMonths(P);
    expect(curve(h, P) / eventualCount(P)).toBeCloseTo(0.5, 10);
    // Half-life stays finite for huge λ (all growth packed near the start of the log-normal).
    expect(Number.isFinite(halfLifeMonths({ ...P, lambda: 800 }))).toBe(true);
    expect(halfLifeMonths({ ...P, lambda: 0 })).toBeNaN();
  });

  test('agingCdf is the log-normal CDF', () => {
    expect(agingCdf(0, 1, 1)).toBe(0);
    expect(agingCdf(Math.E, 1, 1)).toBeCloseTo(0.5, 14);
  });
});
