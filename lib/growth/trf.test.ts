import { describe, expect, test } from 'vitest';
import { fitPaperMethod, PAPER_START, paperCurve } from './paper';
import { trfLeastSquares } from './trf';

describe('trfLeastSquares (SciPy TRF port)', () => {
  test('solves an unconstrained-in-practice exponential fit', () => {
    const t = [0, 1, 2, 3, 4, 5];
    const y = t.map((ti) => 2 * Math.exp(0.3 * ti));
    const r = trfLeastSquares((x) => t.map((ti, i) => x[0] * Math.exp(x[1] * ti) - y[i]), [1, 0.1], {
      lower: [0, 0],
      upper: [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
    });
    expect(r.status).toBeGreaterThan(0);
    expect(r.x[0]).toBeCloseTo(2, 6);
    expect(r.x[1]).toBeCloseTo(0.3, 6);
  });

  test('respects an active bound (solution pushed to the boundary stays feasible)', () => {
    // Minimum of (x − (−1))² is at −1, bound x ≥ 0: SciPy returns a point at (or just inside) 0.
    const r = trfLeastSquares((x) => [x[0] + 1, 0.1 * (x[0] + 1)], [2], {
      lower: [0],
      upper: [Number.POSITIVE_INFINITY],
    });
    expect(r.x[0]).toBeGreaterThanOrEqual(0);
    expect(r.x[0]).toBeLessThan(1e-6);
  });

  test('gives up with status 0 when max_nfev is exhausted', () => {
    const rosenbrock = (x: number[]): number[] => [10 * (x[1] - x[0] * x[0]), 1 - x[0]];
    const r = trfLeastSquares(rosenbrock, [-1.2, 1], { lower: [-5, -5], upper: [5, 5], maxNfev: 3 });
    expect(r.status).toBe(0);
    expect(r.nfev).toBe(3);
    const full = trfLeastSquares(rosenbrock, [-1.2, 1], { lower: [-5, -5], upper: [5, 5] });
    expect(full.status).toBeGreaterThan(0);
    expect(full.x[0]).toBeCloseTo(1, 6);
  });
});

describe('fitPaperMethod on synthetic data', () => {
  test('recovers a curve generated in the paper units (m = 1, years)', () => {
    const y = Array.from({ length: 30 }, (_, k) => paperCurve(k / 12, 6, 0.4, 1.1));
    const f = fitPaperMethod(y);
    expect(f.status).toBe('ok');
    expect(f.lambda).toBeCloseTo(6, 3);
    expect(f.mu).toBeCloseTo(0.4, 3);
    expect(f.sigma).toBeCloseTo(1.1, 3);
  });

  test('returns exactly its start point when the gradient vanishes (short history, all zeros)', () => {
    const f = fitPaperMethod([0, 0, 0, 0]);
    expect(f.status).toBe('start_point');
    expect([f.lambda, f.mu, f.sigma]).toEqual([...PAPER_START]);
  });
});
