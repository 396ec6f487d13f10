import { describe, expect, test } from 'vitest';
import { erfc, Phi, PhiInv } from './phi';

// Reference values: mpmath ncdf / erfc at 50 digits, rounded to double.
describe('Phi', () => {
  test.each([
    [0, 0.5],
    [-1, 0.15865525393145705],
    [1, 0.8413447460685429],
    [1.96, 0.9750021048517795],
    [-1.96, 0.024997895148220435],
    [-0.3, 0.3820885778110473],
    [-2.5, 0.006209665325776132],
    [-3, 0.0013498980316300946],
    [-5, 2.866515718791939e-7],
    [-8, 6.22096057427178e-16],
    [-10, 7.619853024160527e-24],
    [-20, 2.7536241186062337e-89],
    [-37, 5.725571222523944e-300],
  ])('Phi(%f) matches the reference to 1e-12 relative', (x, ref) => {
    expect(Math.abs(Phi(x) - ref) / ref).toBeLessThan(1e-12);
  });

  test('limits and symmetry', () => {
    expect(Phi(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(Phi(Number.POSITIVE_INFINITY)).toBe(1);
    for (const x of [0.1, 0.5, 1.3, 2.7, 4.4, 6]) {
      expect(Math.abs(Phi(x) + Phi(-x) - 1)).toBeLessThan(1e-15);
    }
  });

  test.each([
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [3, 2.209049699858544e-5],
    [5, 1.537459794428035e-12],
  ])('erfc(%f)', (x, ref) => {
    expect(Math.abs(erfc(x) - ref) / ref).toBeLessThan(1e-13);
  });
});

describe('PhiInv', () => {
  test.each([1e-300, 1e-12, 0.01, 0.1, 0.5, 0.9, 0.975, 0.999999])('Phi(PhiInv(%f)) = p', (p) => {
    expect(Math.abs(Phi(PhiInv(p)) - p) / Math.min(p, 1 - p)).toBeLessThan(1e-12);
  });
  test('known quantiles', () => {
    expect(PhiInv(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(PhiInv(0.9)).toBeCloseTo(1.2815515655446004, 13);
  });
});
