import { expect, test } from 'vitest';
import { quantile, spread } from './quantiles.ts';

test.each([
  [[], 0.5, null],
  [[3], 0.25, 3],
  [[1, 2, 3, 4], 0.5, 2.5],
  [[1, 2, 3, 4, 5], 0.25, 2],
  [[0, 10], 0.75, 7.5],
])('quantile(%j, %s) = %s', (values, p, expected) => {
  expect(quantile(values, p)).toBe(expected);
});

test('spread ignores non-finite values and sorts', () => {
  expect(spread([5, 1, Number.NaN, 3, Number.POSITIVE_INFINITY])).toEqual({
    n: 3,
    p25: 2,
    median: 3,
    p75: 4,
  });
});
