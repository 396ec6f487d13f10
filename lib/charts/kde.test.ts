import { describe, expect, test } from 'vitest';
import { gaussianKde, grid, silvermanBandwidth } from './kde.ts';

describe('kde', () => {
  test('integrates to about 1', () => {
    const sample = [0.5, 1, 1.2, 2, 2.1, 3.4];
    const xs = grid(-3, 7, 401);
    const dens = gaussianKde(sample, xs);
    const area = dens.reduce((a, p) => a + p.density, 0) * (xs[1] - xs[0]);
    expect(area).toBeCloseTo(1, 2);
  });

  test.each([
    [[1], 0.1],
    [[2, 2, 2, 2], 0.05],
  ])('bandwidth floor for %j', (sample, expected) => {
    expect(silvermanBandwidth(sample)).toBe(expected);
  });

  test('peak sits at the mode', () => {
    const dens = gaussianKde([1, 1, 1, 3], grid(0, 4, 41));
    const peak = dens.reduce((a, b) => (b.density > a.density ? b : a));
    expect(peak.x).toBeCloseTo(1, 1);
  });
});
