import { describe, expect, test } from 'vitest';
import { curve } from './curve';
import { fitGrowth } from './fit';
import { forecastGrowth, forecastParts, MAX_LOG_GROWTH } from './forecast';

const SERIES = [0, 12, 28, 48, 61, 90, 130, 160, 190];

describe('forecastGrowth', () => {
  test('anchored on the last observed count', () => {
    const p = { lambda: 3, mu: 1.5, sigma: 0.8, m: 30 };
    const y = [0, 5, 9, 30];
    const fit = {
      method: 't',
      version: '0',
      status: 'ok' as const,
      params: p,
      uncertainty: null,
      fitted: [],
      quality: {},
      covariance: [
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
    };
    const [first] = forecastGrowth(y, fit, 1);
    // (m + c_K)·exp(λ[F(4) − F(3)]) − m, with exp(λF) = 1 + c/m.
    const expected = (30 + 30) * ((1 + curve(4, p) / 30) / (1 + curve(3, p) / 30)) - 30;
    expect(first.mean).toBeCloseTo(expected, 9);
    expect(first.month).toBe(4);
  });

  test('months K+1..K+h, ordered intervals that widen with the horizon', () => {
    const fit = fitGrowth(SERIES);
    const fc = forecastGrowth(SERIES, fit, 12);
    expect(fc.map((p) => p.month)).toEqual(Array.from({ length: 12 }, (_, i) => SERIES.length + i));
    let prevWidth80 = 0;
    let prevWidth95 = 0;
    for (const p of fc) {
      expect(p.lo95).toBeLessThanOrEqual(p.lo80);
      expect(p.lo80).toBeLessThanOrEqual(p.mean);
      expect(p.mean).toBeLessThanOrEqual(p.hi80);
      expect(p.hi80).toBeLessThanOrEqual(p.hi95);
      expect(p.lo95).toBeGreaterThanOrEqual(SERIES[SERIES.length - 1]);
      const w80 = Math.log(30 + p.hi80) - Math.log(30 + p.lo80);
      const w95 = Math.log(30 + p.hi95) - Math.log(30 + p.lo95);
      expect(w80).toBeGreaterThanOrEqual(prevWidth80 - 1e-12);
      expect(w95).toBeGreaterThanOrEqual(prevWidth95 - 1e-12);
      prevWidth80 = w80;
      prevWidth95 = w95;
    }
    expect(fc[11].hi95).toBeGreaterThan(fc[0].hi95);
  });

  test('insufficient data → naive mean with a widening band above the last count', () => {
    const y = [0, 1];
    const fit = fitGrowth(y);
    expect(fit.status).toBe('insufficient_data');
    const fc = forecastGrowth(y, fit, 3);
    expect(fc.map((p) => p.mean)).toEqual([1, 1, 1]);
    expect(fc.map((p) => p.lo95)).toEqual([1, 1, 1]);
    expect(fc[2].hi95).toBeGreaterThan(fc[0].hi95);
  });

  test('horizon 0 gives no points; bad horizon throws', () => {
    const fit = fitGrowth(SERIES);
    expect(forecastGrowth(SERIES, fit, 0)).toEqual([]);
    expect(() => forecastGrowth(SERIES, fit, -1)).toThrow(RangeError);
    expect(() => forecastGrowth(SERIES, fit, 1.5)).toThrow(RangeError);
  });

  test('variance parts grow with the horizon', () => {
    const fit = fitGrowth(SERIES);
    if (!fit.params || !fit.covariance) throw new Error('expected a fit');
    const parts = forecastParts(SERIES, fit.params, fit.covariance, 6);
    for (let i = 1; i < parts.length; i++) {
      expect(parts[i].varArrivals).toBeGreaterThan(parts[i - 1].varArrivals);
      expect(parts[i].growth).toBeGreaterThan(parts[i - 1].growth);
    }
  });

  test('a last-month burst cannot extrapolate beyond the growth ceiling', () => {
    // HuggingFaceH4/tiny-random-LlamaForCausalLM in the paper's data: the fit reads the jump as a sharp burst.
    const y = [0, 0, 0, 0, 1, 1, 3, 5, 8, 8, 8, 8, 15, 17, 17, 20, 20, 22, 23, 24, 43, 139, 342];
    const fit = fitGrowth(y);
    expect(fit.status).toBe('ok');
    expect(fit.quality.implausibleGrowth).toBe(true);
    const fc = forecastGrowth(y, fit, 24);
    fc.forEach((p, i) => {
      const h = i + 1;
      const ceiling =
        (30 + 342) * Math.exp(Math.min(MAX_LOG_GROWTH.perSqrtMonth * Math.sqrt(h), MAX_LOG_GROWTH.total)) -
        30;
      expect(p.hi95).toBeLessThanOrEqual(ceiling * (1 + 1e-12));
      expect(p.mean).toBeLessThanOrEqual(p.hi95);
    });
    expect(fitGrowth(SERIES).quality.implausibleGrowth).toBe(false);
  });
});
