import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cohortFan, cohortPeers, cohortPercentile, cohortPercentiles, quantileSorted } from './cohort.ts';

const s = (id: number, month: number, values: number[]) => ({ id, month, values });

describe('cohort', () => {
  const all = [
    s(1, 100, [0, 5, 10, 20]),
    s(2, 101, [0, 2, 4, 8, 16]),
    s(3, 99, [0, 9, 30, 40, 50]),
    s(4, 103, [0, 1, 1, 1]),
    s(5, 110, [0, 100, 200, 300]),
  ];

  test('peers within the window, never the model itself', () => {
    expect(cohortPeers(all[0], all, 3).map((p) => p.id)).toEqual([2, 3, 4]);
  });

  test.each([
    // id 1 at age 3 (20) against 2 (8), 3 (40), 4 (1): two below of three
    [1, 3, (100 * 2) / 3],
    // id 5 has no peer within 3 months
    [5, 3, null],
    [5, 12, 100],
  ])('percentile of %i with window %i', (id, window, expected) => {
    const target = all.find((x) => x.id === id) ?? all[0];
    const got = cohortPercentile(target, cohortPeers(target, all, window));
    expect(got === null ? null : Number(got.toFixed(6))).toBe(
      expected === null ? null : Number(expected.toFixed(6)),
    );
  });

  test('fan: quartiles per age with enough peers', () => {
    const fan = cohortFan(cohortPeers(all[0], all, 3));
    expect(fan.map((f) => f.age)).toEqual([0, 1, 2, 3]);
    expect(fan[1]).toEqual({ age: 1, p25: 1.5, p50: 2, p75: 5.5, n: 3 });
  });

  test('quantile interpolates like percentile_cont', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([7], 0.75)).toBe(7);
  });

  test('bucketed percentiles equal the direct definition', () => {
    const arb = fc.array(
      fc.record({
        month: fc.integer({ min: 0, max: 12 }),
        values: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 0, maxLength: 6 }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 4 }), (rows, window) => {
        const series = rows.map((r, i) => s(i + 1, r.month, r.values));
        const fast = cohortPercentiles(series, window);
        for (const t of series) {
          const slow = cohortPercentile(t, cohortPeers(t, series, window));
          const got = fast.get(t.id) ?? null;
          if (slow === null ? got !== null : got === null || Math.abs(got - slow) > 1e-9) return false;
        }
        return true;
      }),
    );
  });
});
