import { describe, expect, test } from 'vitest';
import { backtestCases, naiveMethod, runBacktest, summariseCases, wsbMethod } from './backtest';
import { curve } from './curve';

const P = { lambda: 3, mu: 1.5, sigma: 0.8, m: 30 };
const LONG = Array.from({ length: 30 }, (_, t) => Math.round(curve(t, P)));

describe('backtestCases', () => {
  test.each([
    // length, last count: K ∈ {3,6,12} need y[K] ≥ 10 and month K+H observed.
    [4, 0],
    [7, 1],
    [10, 3],
    [16, 6],
    [25, 9],
    [30, 9],
  ])('a %i-month series gives %i cases', (len, expected) => {
    const cases = backtestCases([{ id: 'a', y: LONG.slice(0, len) }]);
    expect(cases.reduce((s, c) => s + c.horizons.length, 0)).toBe(expected);
  });

  test('series below 10 derivatives at K are excluded', () => {
    const small = LONG.map((v) => Math.min(v, 9));
    expect(backtestCases([{ id: 's', y: small }])).toEqual([]);
  });
});

describe('runBacktest', () => {
  test('naive is exact on a flat series and has no intervals', () => {
    const s = runBacktest([{ id: 'flat', y: [0, 20, ...Array(28).fill(50)] }], naiveMethod);
    expect(s.nCases).toBe(9);
    expect(s.all.median).toBe(0);
    expect(s.coverage80).toBeNull();
  });

  test('wsb-eb forecasts a noise-free WSB series well and reports coverage', () => {
    const s = runBacktest([{ id: 'wsb', y: LONG }], wsbMethod());
    const naive = runBacktest([{ id: 'wsb', y: LONG }], naiveMethod);
    expect(s.nCases).toBe(9);
    expect(s.all.mean).toBeLessThan(naive.all.mean);
    expect(s.coverage80).not.toBeNull();
  });

  test('summariseCases: median, mean and per-horizon groups', () => {
    const mk = (H: number, error: number) => ({
      id: 'x',
      K: 3,
      H,
      last: 1,
      actual: 1,
      pred: { mean: 1 },
      error,
    });
    const s = summariseCases('m', [mk(3, 0.1), mk(3, 0.3), mk(6, 0.5), mk(12, 1.1)]);
    expect(s.all).toEqual({ n: 4, median: 0.4, mean: 0.5 });
    expect(s.byHorizon[3]).toEqual({ n: 2, median: 0.2, mean: 0.2 });
    expect(s.nModels).toBe(1);
  });
});
